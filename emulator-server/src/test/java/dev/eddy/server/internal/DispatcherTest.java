package dev.eddy.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private final Dispatcher dispatcher = Dispatcher.builder()
      .register("DynamoDB_20120810.", Map.of(
          "Echo", request -> request,
          "Fail", request -> {
            ObjectNode item = Json.object();
            item.putObject("Item").putObject("pk").put("S", "a");
            throw ApiException.conditionalCheckFailed(item);
          },
          "Bug", request -> {
            throw new IllegalStateException("boom");
          },
          "Null", request -> null))
      .register("DynamoDBStreams_20120810.", Map.of("Echo", request -> Json.object().put("s", 1)))
      .build();

  private Reply call(String target, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return dispatcher.dispatch(target, b, 0, b.length);
  }

  private static JsonNode json(Reply r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  @Test
  void routesByFullTarget() throws Exception {
    Reply r = call("DynamoDB_20120810.Echo", "{\"a\":1}");
    assertEquals(200, r.status());
    assertEquals("{\"a\":1}", new String(r.body(), StandardCharsets.UTF_8));
    assertEquals(1, json(call("DynamoDBStreams_20120810.Echo", "{}")).get("s").asInt());
    assertEquals("{}", new String(call("DynamoDB_20120810.Null", "").body(), StandardCharsets.UTF_8));
  }

  @Test
  void unknownTargetsAreUnknownOperationWithoutMessage() throws Exception {
    for (String target : new String[] {null, "", "DynamoDB_20120810.Nope", "Echo", "DynamoDB_20111205.Echo",
        "dynamodb_20120810.Echo"}) {
      Reply r = call(target, "{}");
      assertEquals(400, r.status(), String.valueOf(target));
      assertEquals("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}",
          new String(r.body(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void malformedJsonIsSerializationExceptionBeforeTargetLookup() throws Exception {
    for (String target : new String[] {"DynamoDB_20120810.Echo", "DynamoDB_20120810.Nope"}) {
      Reply r = call(target, "{\"a\":");
      assertEquals(400, r.status());
      assertEquals("com.amazon.coral.service#SerializationException", json(r).get("__type").asText());
    }
    JsonNode notObject = json(call("DynamoDB_20120810.Echo", "[1]"));
    assertEquals("Start of structure or map found where not expected.", notObject.get("Message").asText());
  }

  @Test
  void apiExceptionsCarryTypeMessageAndExtraFields() throws Exception {
    Reply r = call("DynamoDB_20120810.Fail", "{}");
    assertEquals(400, r.status());
    JsonNode body = json(r);
    assertEquals("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", body.get("__type").asText());
    assertEquals("a", body.at("/Item/pk/S").asText());
  }

  @Test
  void messageIsCapitalisedWhereDynamoDbCapitalisesIt() {
    // DynamoDB: "Message" for a ConditionalCheckFailedException carrying the old item and for
    // TransactionCanceledException (responses captured from the service), "message" otherwise.
    assertEquals("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
        + "\"Message\":\"The conditional request failed\",\"Item\":{\"pk\":{\"S\":\"a\"}}}",
        new String(call("DynamoDB_20120810.Fail", "{}").body(), StandardCharsets.UTF_8));
    assertEquals("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
        + "\"message\":\"The conditional request failed\"}",
        new String(Dispatcher.error(ApiException.conditionalCheckFailed(null)).body(), StandardCharsets.UTF_8));
    ObjectNode reasons = Json.object();
    reasons.putArray("CancellationReasons").addObject().put("Code", "None");
    String canceled = new String(Dispatcher.error(new ApiException(ErrorCode.TRANSACTION_CANCELED,
        "Transaction cancelled, please refer cancellation reasons for specific reasons [None]", reasons)).body(),
        StandardCharsets.UTF_8);
    assertEquals("{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
        + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons [None]\","
        + "\"CancellationReasons\":[{\"Code\":\"None\"}]}", canceled);
  }

  @Test
  void bugsAreInternalServerError() throws Exception {
    Reply r = call("DynamoDB_20120810.Bug", "{}");
    assertEquals(500, r.status());
    JsonNode body = json(r);
    assertEquals("com.amazonaws.dynamodb.v20120810#InternalServerError", body.get("__type").asText());
    assertTrue(body.get("message").asText().length() > 0);
  }

  @Test
  void aTargetCannotBeRegisteredTwice() {
    Operation op = request -> request;
    Dispatcher.Builder b = Dispatcher.builder().register("P.", Map.of("X", op));
    assertThrows(IllegalStateException.class, () -> b.register("P.", Map.of("X", op)));
  }

  @Test
  void requestIdsLookLikeAws() {
    String id = requestId();
    assertTrue(id.matches("[A-Z0-9]{52}"), id);
    assertTrue(!id.equals(requestId()));
  }

  private static String requestId() {
    io.netty.buffer.ByteBuf b = io.netty.buffer.Unpooled.buffer();
    try {
      RequestIds.write(b);
      return b.toString(java.nio.charset.StandardCharsets.US_ASCII);
    } finally {
      b.release();
    }
  }
}
