package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;

/** ListGlobalTables (version 2017.11.29): Eddy has no global tables. */
public final class ListGlobalTablesOperation implements Operation {
  @Override
  public ObjectNode handle(ObjectNode request) {
    ObjectNode response = Json.object();
    response.putArray("GlobalTables");
    return response;
  }
}
