package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tags on tables: validation with DynamoDB's texts, resource ARN resolution, and storage (kept in
 * the table description as "_Tags", key to value, in insertion order).
 */
final class Tags {
  static final String FIELD = "_Tags";
  static final int MAX_TAGS = 50;
  /** The AWS tag character set: letters, digits, white space and _ . : / = + - @. */
  private static final Pattern CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  private static final Pattern TABLE_ARN = Pattern.compile("arn:aws:dynamodb:[^:]+:\\d+:table/[^/]{2}[^/]+");

  private Tags() {}

  /** Field types of a Tags list (wrong JSON types are SerializationExceptions). */
  static void validate(ArrayNode tags, String path, Validation v) {
    if (tags == null) {
      return;
    }
    for (JsonNode t : tags) {
      Req r = Req.element(t);
      r.str("Key");
      r.str("Value");
    }
  }

  /** DynamoDB's checks of the tags of one request (all or nothing), including the 50-tag limit. */
  static void checkSemantics(ArrayNode tags) {
    if (tags == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode t : tags) {
      Req r = Req.element(t);
      String key = r.str("Key");
      String value = r.str("Value");
      checkKey(key);
      if (value == null || value.codePointCount(0, value.length()) > 256 || !CHARS.matcher(value).matches()) {
        throw ApiException.validation("The Tag Value provided is invalid, Value: " + value);
      }
      if (key.startsWith("aws:")) {
        throw ApiException.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
      }
      if (!seen.add(key)) {
        throw ApiException.validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key);
      }
    }
    if (seen.size() > MAX_TAGS) {
      throw tooMany();
    }
  }

  static void checkKey(String key) {
    if (key == null || key.isEmpty() || key.codePointCount(0, key.length()) > 128 || !CHARS.matcher(key).matches()) {
      throw ApiException.validation("The Tag Key provided is invalid, Key: " + key);
    }
  }

  static ApiException tooMany() {
    return ApiException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
  }

  static ObjectNode toMap(ArrayNode tags) {
    ObjectNode m = Json.object();
    for (JsonNode t : tags) {
      m.put(t.path("Key").asText(), t.path("Value").asText());
    }
    return m;
  }

  /**
   * Checks a ResourceArn as DynamoDB does. Null is "Invalid TableArn". Then comes the step that
   * authorizes the request by its ARN: what does not start with "arn:" (a table's bare name too) is
   * "ARNs must start with 'arn:'", an ARN of another account than the server's ({@code
   * --account-id}) is AccessDenied "Access is denied". {@code betweenChecks} runs next (the
   * member-null checks of the other fields sit there). Last, an ARN that is not a table ARN of the
   * server's region (a stream or index ARN, another region's) is "Invalid TableArn: Invalid
   * ResourceArn provided as input ...".
   */
  static void checkArn(String arn, StorageEngine engine, Runnable betweenChecks) {
    if (arn == null) {
      throw ApiException.validation("Invalid TableArn");
    }
    if (!arn.startsWith("arn:")) {
      throw ApiException.invalidParameter("ARNs must start with 'arn:': " + arn);
    }
    String[] parts = arn.split(":", 6);
    if (parts.length == 6 && parts[2].equals("dynamodb") && !parts[4].equals(engine.config().accountId())) {
      throw new ApiException(ErrorCode.ACCESS_DENIED, "Access is denied");
    }
    betweenChecks.run();
    if (!TABLE_ARN.matcher(arn).matches() || !parts[3].equals(engine.config().region())) {
      throw ApiException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }
  }

  /** The table a (well-formed) table ARN names, or ResourceNotFoundException. */
  static Table table(String arn, StorageEngine engine) {
    Table table = engine.catalog().get(arn); // the catalog resolves a table ARN of this server's region and account
    if (table == null) {
      throw ApiException.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found");
    }
    return table;
  }
}
