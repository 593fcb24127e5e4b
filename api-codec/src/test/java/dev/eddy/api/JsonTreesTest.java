package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Json's streaming tree reader and writer give exactly what the configured ObjectMapper gives. */
class JsonTreesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "[]", "{\"a\":1}", "1", "\"s\"", "true", "false", "null", "  {\"a\" : [ 1 , 2 ] }  ",
      "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1.5\"}},\"Limit\":10}",
      "{\"i\":2147483647,\"j\":2147483648,\"k\":-2147483649,\"l\":9223372036854775807,"
          + "\"m\":9223372036854775808,\"n\":-99999999999999999999999999999999,\"z\":0,\"nz\":-0}",
      "{\"d\":1.50,\"e\":1e3,\"f\":1E+3,\"g\":-1.0e-400,\"h\":1e400,\"i\":0.0,\"j\":-0.0,"
          + "\"k\":123456789012345678901234567890.123456789012345678901234567890,\"l\":34.56}",
      "{\"s\":\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000 \\u00e9 \\ud83d\\ude00 é 😀\"}",
      "{\"nested\":{\"a\":[{\"b\":[[],{}]},null,true,[1,[2,[3]]]]},\"empty\":\"\"}",
      "[1,\"two\",3.0,{\"four\":[4]},null]",
      "{\"order\":1,\"keeps\":2,\"insertion\":3,\"a\":4}"})
  void readsAndWritesAsTheMapper(String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    JsonNode expected = Json.mapper().readTree(bytes);
    JsonNode actual = Json.readTree(bytes);
    assertSameTree(expected, actual, "$");
    assertArrayEquals(Json.mapper().writeValueAsBytes(expected), Json.toBytes(actual));
    assertArrayEquals(Json.mapper().writeValueAsBytes(expected), Json.toBytes(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":1,\"a\":2}", "{\"a\":1} x", "{\"a\":1}{}", "{\"a\":}", "{\"a\":1", "[1,]", "{'a':1}",
      "{\"a\":NaN}", "{\"a\":01}", "{\"a\":1.}", "\"unterminated", "{\"a\":\"\u0001\"}", "// c\n{}"})
  void refusesWhatTheMapperRefuses(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertThrows(IOException.class, () -> Json.mapper().readTree(bytes));
    assertThrows(IOException.class, () -> Json.readTree(bytes));
  }

  @Test
  void emptyInputIsMissing() throws IOException {
    assertTrue(Json.readTree(new byte[0]).isMissingNode());
    assertTrue(Json.readTree(" \n\t ".getBytes(StandardCharsets.US_ASCII)).isMissingNode());
    assertEquals(Json.mapper().readTree(" \n\t "), Json.readTree(" \n\t ".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void nestingLimitIsTheFactorys() throws IOException {
    String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
    String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
    assertSameTree(Json.mapper().readTree(ok), Json.readTree(ok.getBytes(StandardCharsets.US_ASCII)), "$");
    assertThrows(IOException.class, () -> Json.mapper().readTree(deep));
    assertThrows(IOException.class, () -> Json.readTree(deep.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void readsASliceOfTheArray() throws IOException {
    byte[] bytes = "xx{\"a\":[1,2]}yy".getBytes(StandardCharsets.US_ASCII);
    assertEquals(Json.mapper().readTree("{\"a\":[1,2]}"), Json.readTree(bytes, 2, bytes.length - 4));
  }

  @Test
  void writesBuiltTreesAsTheMapper() throws IOException {
    ObjectNode o = Json.object();
    o.put("int", 7).put("long", 1L << 40).put("short", (short) 3).put("float", 1.25f).put("double", 0.1)
        .put("bigint", new BigInteger("123456789012345678901234567890"))
        .put("dec", new BigDecimal("1.500")).put("sci", new BigDecimal("1E+5")).put("bool", true)
        .put("bin", new byte[] {0, 1, 2, (byte) 255}).putNull("nil").put("text", "a\u2028b\"c");
    o.putArray("arr").add(1).add("x").addObject().put("k", "v");
    o.putRawValue("raw", new RawValue("{\"S\":\"stored as is\"}"));
    assertArrayEquals(Json.mapper().writeValueAsBytes(o), Json.toBytes(o));
  }

  @Test
  void parseRequestKeepsItsErrors() {
    byte[] scalar = "1".getBytes(StandardCharsets.US_ASCII);
    ApiException e = assertThrows(ApiException.class, () -> Json.parseRequest(scalar, 0, 1));
    assertEquals(ErrorCode.SERIALIZATION, e.code());
    byte[] dup = "{\"a\":1,\"a\":1}".getBytes(StandardCharsets.US_ASCII);
    assertEquals(ErrorCode.SERIALIZATION,
        assertThrows(ApiException.class, () -> Json.parseRequest(dup, 0, dup.length)).code());
    byte[] blank = "  ".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0, Json.parseRequest(blank, 0, blank.length).size());
  }

  /** Equal and of the same node classes all the way down (DecimalNode vs DoubleNode, IntNode vs LongNode). */
  private static void assertSameTree(JsonNode expected, JsonNode actual, String path) {
    assertEquals(expected.getClass(), actual.getClass(), path);
    assertEquals(expected, actual, path);
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
      Iterator<String> names = actual.fieldNames();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        assertEquals(e.getKey(), names.next(), path + " field order");
        assertSameTree(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey());
      }
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        assertSameTree(expected.get(i), actual.get(i), path + "[" + i + "]");
      }
    }
  }
}
