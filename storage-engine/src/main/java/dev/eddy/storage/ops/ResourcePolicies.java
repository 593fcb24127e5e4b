package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource-based policies of tables and their streams, kept in the table's description as
 * "_ResourcePolicies" {resource ARN: {Policy, RevisionId}}. Eddy records and returns them (so
 * tools that manage them work) but does not enforce them: it has no IAM (see COMPATIBILITY.md).
 * Deleting the table deletes its policies, as in DynamoDB.
 */
final class ResourcePolicies {
  static final String FIELD = "_ResourcePolicies";
  /** ExpectedRevisionId meaning "only if the resource has no policy yet". */
  static final String NO_POLICY = "NO_POLICY";
  private static final Pattern ARN = Pattern.compile("arn:aws:dynamodb:[^:]+:\\d+:table/([^/]+)(/stream/[^/]+)?");
  private static final int MAX_POLICY_CHARS = 20 * 1024;

  private ResourcePolicies() {}

  /** The table a resource ARN (of a table or of one of its streams) belongs to, with DynamoDB's errors. */
  static Table table(StorageEngine engine, Req req) {
    String arn = req.str("ResourceArn");
    Validation v = new Validation();
    v.notNull(arn, "resourceArn");
    v.length(arn, "resourceArn", 1, 1283);
    v.throwIfAny();
    Matcher m = ARN.matcher(arn);
    if (!m.matches()) {
      throw ApiException.invalidParameter("Provided Arn is not a DynamoDB resource arn: " + arn);
    }
    // the table's own ARN (a stream ARN continues it), which the catalog resolves
    Table table = engine.catalog().get(m.group(2) == null ? arn : arn.substring(0, arn.length() - m.group(2).length()));
    if (table == null) {
      throw ApiException.resourceNotFound("Requested resource not found: Table: " + m.group(1) + " not found");
    }
    return table;
  }

  /** The resource's policy {Policy, RevisionId}, or PolicyNotFoundException. */
  static JsonNode require(Table table, String arn) {
    JsonNode p = table.description().path(FIELD).get(arn);
    if (p == null) {
      throw notFound(arn);
    }
    return p;
  }

  static ApiException notFound(String arn) {
    return new ApiException(ErrorCode.POLICY_NOT_FOUND,
        "Resource-based policy not found for the provided ResourceArn: " + arn);
  }

  /** Checks ExpectedRevisionId against the resource's current policy (null: no policy). */
  static void checkExpected(String expected, JsonNode current, String arn) {
    if (expected == null) {
      return;
    }
    boolean ok = NO_POLICY.equals(expected) ? current == null
        : current != null && expected.equals(current.path("RevisionId").asText());
    if (!ok) {
      throw notFound(arn);
    }
  }

  static void checkPolicy(String policy) {
    Validation v = new Validation();
    v.notNull(policy, "policy");
    v.throwIfAny();
    if (policy.length() > MAX_POLICY_CHARS) {
      throw ApiException.validation("Resource-based policy document exceeds the maximum allowed size of 20 KB");
    }
    JsonNode doc;
    try {
      doc = Json.mapper().readTree(policy);
    } catch (java.io.IOException e) {
      doc = null;
    }
    if (doc == null || !doc.isObject()) {
      throw ApiException.validation("Invalid policy document: the policy is not a JSON object");
    }
  }

  /**
   * Stores {@code policy} on the resource in {@code description} (a copy being updated) and returns
   * its revision id: the current one when the policy is unchanged (PutResourcePolicy is idempotent).
   */
  static String put(ObjectNode description, String arn, String policy, long nowMillis) {
    ObjectNode all = description.has(FIELD) ? (ObjectNode) description.get(FIELD) : description.putObject(FIELD);
    JsonNode current = all.get(arn);
    if (current != null && policy.equals(current.path("Policy").asText())) {
      return current.path("RevisionId").asText();
    }
    String revision = Long.toString(nowMillis);
    if (current != null && revision.equals(current.path("RevisionId").asText())) {
      revision = Long.toString(nowMillis + 1);
    }
    all.putObject(arn).put("Policy", policy).put("RevisionId", revision);
    return revision;
  }
}
