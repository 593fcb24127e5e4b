package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests nested far past the 32-level limit are read and refused with DynamoDB's nesting error
 * (nubo-db/dynamodb-conformance nestingDepth.test.ts, captured from DynamoDB: "a value this deep is
 * a ValidationException, never a failure to parse the request body").
 */
class DeepRequestsTest {
  private static final String NEST = "Nesting Levels have exceeded supported limits: Attributes in the item have"
      + " nested levels beyond supported limit";

  /** An attribute value of {@code levels} single-key maps around a string, as the captures build it. */
  private static String deep(int levels) {
    return "{\"M\":{\"n\":".repeat(levels) + "{\"S\":\"leaf\"}" + "}}".repeat(levels);
  }

  private static ObjectNode parse(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return Json.parseRequest(body, 0, body.length);
  }

  /** A PutItem body: {"Item": {"pk": ..., "data": <deep>}}. */
  private static ObjectNode put(int levels) {
    return parse("{\"Item\":{\"pk\":{\"S\":\"a\"},\"data\":" + deep(levels) + "}}");
  }

  private static Map<String, AttributeValue> read(ObjectNode request) {
    return new Req(request).item("Item");
  }

  @Test
  void aValueNestedFarPastTheLimitIsReadAndRefusedWithTheNestingError() {
    for (int levels : new int[] {33, 62, 63, 100, 450}) {
      ObjectNode request = put(levels);
      ApiException e = assertThrows(ApiException.class, () -> read(request), "levels " + levels);
      assertEquals(ErrorCode.VALIDATION, e.code());
      assertEquals(NEST, e.getMessage());
    }
  }

  @Test
  void jsonDeeperThanTheParserReadsIsASerializationErrorWithoutRecursion() {
    int levels = 200_000;
    String json = "{\"a\":" + "[".repeat(levels) + "]".repeat(levels) + "}";
    ApiException e = assertThrows(ApiException.class, () -> parse(json));
    assertEquals(ErrorCode.SERIALIZATION, e.code());
    String atLimit = "[".repeat(Json.MAX_DEPTH - 1) + "]".repeat(Json.MAX_DEPTH - 1);
    assertNotNull(parse("{\"a\":" + atLimit + "}"));
  }
}
