package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.storage.StorageEngine;

/** DescribeEndpoints: the regional endpoint, cached for a day, as DynamoDB answers. */
public final class DescribeEndpointsOperation implements Operation {
  private final StorageEngine engine;

  public DescribeEndpointsOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    ObjectNode response = Json.object();
    ObjectNode e = response.putArray("Endpoints").addObject();
    e.put("Address", "dynamodb." + engine.config().region() + ".amazonaws.com");
    e.put("CachePeriodInMinutes", 1440);
    return response;
  }
}
