package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/**
 * PutResourcePolicy: records a table's or stream's resource-based policy and answers its
 * RevisionId; ExpectedRevisionId (or NO_POLICY) makes it conditional ({@link ResourcePolicies}).
 */
public final class PutResourcePolicyOperation implements Operation {
  private final StorageEngine engine;

  public PutResourcePolicyOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String policy = req.str("Policy");
    req.bool("ConfirmRemoveSelfResourceAccess"); // accepted: Eddy enforces no policy
    Table table = ResourcePolicies.table(engine, req);
    ResourcePolicies.checkPolicy(policy);
    String arn = req.str("ResourceArn");
    String expected = req.str("ExpectedRevisionId");
    String[] revision = new String[1];
    engine.catalog().update(table.name(), d -> {
      ResourcePolicies.checkExpected(expected, d.path(ResourcePolicies.FIELD).get(arn), arn);
      revision[0] = ResourcePolicies.put(d, arn, policy, engine.config().clock().millis());
      return d;
    });
    return Json.object().put("RevisionId", revision[0]);
  }
}
