package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests nested far past the 32-level limit are read and refused with DynamoDB's nesting error,
 * and past {@link DeepRequests#DEPTH} the error comes after the request's other problems
 * (nubo-db/dynamodb-conformance "Deep requests" and nestingDepth.test.ts, captured from DynamoDB).
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

  /** A PutItem body: {"Item": {"pk": ..., "data": <deep>}} plus {@code extra} members. */
  private static ObjectNode put(int levels, String extra) {
    return parse("{\"Item\":{\"pk\":{\"S\":\"a\"},\"data\":" + deep(levels) + "}" + extra + "}");
  }

  /** Reads the Item, then refuses a "Bad" member: a request's other problem, found after its values. */
  private static Map<String, AttributeValue> read(ObjectNode request) {
    Map<String, AttributeValue> item = new Req(request).item("Item");
    if (request.has("Bad")) {
      throw ApiException.validation("the other problem");
    }
    return item;
  }

  @Test
  void aValueNestedFarPastTheLimitIsReadAndRefusedWithTheNestingError() {
    for (int levels : new int[] {33, 62, 63, 100, 450}) {
      ObjectNode request = put(levels, "");
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

  @Test
  void deepFromDepth128() {
    // {"Item"{"data":...}} puts the leaf of n levels at JSON depth 3 + 2n: 61 levels is 125, 63 is 129
    assertFalse(DeepRequests.isDeep(put(61, "")));
    assertFalse(DeepRequests.isDeep(parse("{\"a\":" + "[".repeat(126) + "]".repeat(126) + "}")));
    assertTrue(DeepRequests.isDeep(parse("{\"a\":" + "[".repeat(127) + "]".repeat(127) + "}")));
    assertTrue(DeepRequests.isDeep(put(63, "")));
  }

  @Test
  void inADeepRequestTheNestingErrorComesAfterTheOtherProblems() {
    ObjectNode request = put(63, ",\"Bad\":true");
    assertEquals("the other problem",
        assertThrows(ApiException.class, () -> DeepRequests.nestingLast(request, () -> read(request))).getMessage());
    ObjectNode alone = put(100, "");
    assertEquals(NEST,
        assertThrows(ApiException.class, () -> DeepRequests.nestingLast(alone, () -> read(alone))).getMessage());
    // values are read past the limit only inside nestingLast
    assertEquals(NEST, assertThrows(ApiException.class, () -> read(request)).getMessage());
  }

  @Test
  void inAShallowerRequestTheNestingErrorComesFirst() {
    ObjectNode request = put(40, ",\"Bad\":true");
    assertEquals(NEST,
        assertThrows(ApiException.class, () -> DeepRequests.nestingLast(request, () -> read(request))).getMessage());
    ObjectNode fine = put(31, "");
    // 31 maps around the leaf: the leaf is at level 32, the deepest DynamoDB accepts
    assertEquals(32, depthOf(DeepRequests.nestingLast(fine, () -> read(fine)).get("data")));
  }

  private static int depthOf(AttributeValue v) {
    return v instanceof AttributeValue.M m ? 1 + depthOf(m.values().get("n")) : 1;
  }
}
