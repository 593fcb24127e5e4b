package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/**
 * DeleteResourcePolicy: removes a table's or stream's policy and answers the RevisionId it had;
 * PolicyNotFoundException when there is none or ExpectedRevisionId does not match.
 */
public final class DeleteResourcePolicyOperation implements Operation {
  private final StorageEngine engine;

  public DeleteResourcePolicyOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    Table table = ResourcePolicies.table(engine, req);
    String arn = req.str("ResourceArn");
    String expected = req.str("ExpectedRevisionId");
    String[] revision = new String[1];
    engine.catalog().update(table.name(), d -> {
      JsonNode current = d.path(ResourcePolicies.FIELD).get(arn);
      if (current == null) {
        throw ResourcePolicies.notFound(arn);
      }
      ResourcePolicies.checkExpected(expected, current, arn);
      revision[0] = current.path("RevisionId").asText();
      ((ObjectNode) d.get(ResourcePolicies.FIELD)).remove(arn);
      return d;
    });
    return Json.object().put("RevisionId", revision[0]);
  }
}
