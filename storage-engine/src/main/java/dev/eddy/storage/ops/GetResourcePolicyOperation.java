package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/** GetResourcePolicy: the stored policy of a table or stream ({@link ResourcePolicies}). */
public final class GetResourcePolicyOperation implements Operation {
  private final StorageEngine engine;

  public GetResourcePolicyOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    Table table = ResourcePolicies.table(engine, req);
    JsonNode policy = ResourcePolicies.require(table, req.str("ResourceArn"));
    ObjectNode out = Json.object();
    out.put("Policy", policy.path("Policy").asText());
    out.put("RevisionId", policy.path("RevisionId").asText());
    return out;
  }
}
