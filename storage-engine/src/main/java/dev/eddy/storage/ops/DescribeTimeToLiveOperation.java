package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.TtlSweeper;

/**
 * DescribeTimeToLive: {TimeToLiveStatus: ENABLED, AttributeName} or {TimeToLiveStatus: DISABLED}
 * (a disabled table shows no attribute name, whether it was configured before or not).
 */
public final class DescribeTimeToLiveOperation implements Operation {
  private final StorageEngine engine;

  public DescribeTimeToLiveOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    String tableName = new Req(request).str("TableName");
    new Validation().tableName(tableName, "tableName").throwIfAny();
    Table table = engine.catalog().get(tableName);
    if (table == null) {
      throw ApiException.resourceNotFound("Requested resource not found: Table: " + tableName + " not found");
    }
    ObjectNode response = Json.object();
    ObjectNode d = response.putObject("TimeToLiveDescription");
    JsonNode ttl = table.description().path(TtlSweeper.FIELD);
    if (ttl.path("Enabled").asBoolean(false)) {
      d.put("TimeToLiveStatus", "ENABLED");
      d.put("AttributeName", ttl.path("AttributeName").asText());
    } else {
      d.put("TimeToLiveStatus", "DISABLED");
    }
    return response;
  }
}
