package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;

/** DescribeKinesisStreamingDestination: Eddy streams to no Kinesis stream, so the list is empty. */
public final class DescribeKinesisStreamingDestinationOperation implements Operation {
  private final StorageEngine engine;

  public DescribeKinesisStreamingDestinationOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    String tableName = new Req(request).str("TableName");
    new Validation().tableName(tableName, "tableName").throwIfAny();
    if (engine.catalog().get(tableName) == null) {
      throw ApiException.resourceNotFound("Requested resource not found: Table: " + tableName + " not found");
    }
    ObjectNode response = Json.object();
    response.put("TableName", tableName);
    response.putArray("KinesisDataStreamDestinations");
    return response;
  }
}
