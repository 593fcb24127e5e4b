package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the JSON codec (Jazzer). In a normal build this runs as a
 * regression test over the seeds in {@code JsonCodecFuzzTestInputs/request}; with
 * {@code -Dfuzz} (JAZZER_FUZZ=1) it fuzzes for {@code maxDuration}. Properties: request parsing
 * and attribute value reading fail only with ApiException, and every value read writes back to
 * JSON that reads as the same value.
 */
class JsonCodecFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void request(byte[] body) {
    ObjectNode request;
    try {
      request = Json.parseRequest(body, 0, body.length);
    } catch (ApiException e) {
      return;
    }
    for (String field : new String[] {"Item", "Key", "ExpressionAttributeValues"}) {
      JsonNode node = request.get(field);
      try {
        Map<String, AttributeValue> item = AttributeValues.readItem(node);
        if (item != null) {
          assertEquals(item, AttributeValues.readItem(Json.parseRequest(
              bytes(AttributeValues.itemToJson(item)), 0, bytes(AttributeValues.itemToJson(item)).length)));
          AttributeValues.itemSize(item);
        }
      } catch (ApiException e) {
        // refused input: fine
      }
    }
    Iterator<Map.Entry<String, JsonNode>> fields = request.fields();
    while (fields.hasNext()) {
      JsonNode value = fields.next().getValue();
      try {
        AttributeValue v = AttributeValues.read(value);
        assertEquals(v, AttributeValues.read(AttributeValues.toJson(v)));
      } catch (ApiException e) {
        // refused input: fine
      }
    }
  }

  private static byte[] bytes(JsonNode node) {
    return Json.toBytes(node);
  }
}
