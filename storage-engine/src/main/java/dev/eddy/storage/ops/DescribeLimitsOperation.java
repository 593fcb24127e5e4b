package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;

/** DescribeLimits: the default account and table capacity quotas of DynamoDB. */
public final class DescribeLimitsOperation implements Operation {
  @Override
  public ObjectNode handle(ObjectNode request) {
    ObjectNode response = Json.object();
    response.put("AccountMaxReadCapacityUnits", 80000);
    response.put("AccountMaxWriteCapacityUnits", 80000);
    response.put("TableMaxReadCapacityUnits", 40000);
    response.put("TableMaxWriteCapacityUnits", 40000);
    return response;
  }
}
