package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GetResourcePolicy: Eddy stores no resource-based policies (PutResourcePolicy is not offered),
 * so an existing table or stream has none; a missing table is not found.
 */
public final class GetResourcePolicyOperation implements Operation {
  private static final Pattern ARN = Pattern.compile("arn:aws:dynamodb:[^:]+:\\d+:table/([^/]+)(/stream/[^/]+)?");
  private final StorageEngine engine;

  public GetResourcePolicyOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    String arn = new Req(request).str("ResourceArn");
    Validation v = new Validation();
    v.notNull(arn, "resourceArn");
    v.length(arn, "resourceArn", 1, 1283);
    v.throwIfAny();
    Matcher m = ARN.matcher(arn);
    if (!m.matches()) {
      throw ApiException.invalidParameter("Provided Arn is not a DynamoDB resource arn: " + arn);
    }
    String table = m.group(1);
    if (engine.catalog().get(table) == null || !arn.startsWith(engine.tableArn(table))) {
      throw ApiException.resourceNotFound("Requested resource not found: Table: " + table + " not found");
    }
    throw new ApiException(ErrorCode.POLICY_NOT_FOUND,
        "Resource-based policy not found for the provided ResourceArn: " + arn);
  }
}
