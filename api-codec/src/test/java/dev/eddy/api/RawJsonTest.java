package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawJsonTest {
  private static final String JSON = "{\"pk\":{\"S\":\"a \\\"b\\\" \u00e9\"}}";

  @Test
  void writesRawInATreeAndQuotesLikeAnyStringWhenAskedTo() throws Exception {
    byte[] utf8 = JSON.getBytes(StandardCharsets.UTF_8);
    ObjectNode tree = Json.object();
    tree.putRawValue("Item", RawJson.of(utf8, 0, utf8.length));
    assertEquals("{\"Item\":" + JSON + "}", new String(Json.toBytes(tree), StandardCharsets.UTF_8));
    assertEquals(Json.readTree(utf8), RawJson.tree(tree.get("Item")));

    SerializableString raw = (SerializableString) RawJson.of(utf8, 0, utf8.length).rawValue();
    String quoted = Json.mapper().writeValueAsString(JSON); // with its surrounding quotes
    String inner = quoted.substring(1, quoted.length() - 1);
    assertEquals(inner, new String(raw.asQuotedChars()));
    assertArrayEquals(inner.getBytes(StandardCharsets.UTF_8), raw.asQuotedUTF8());
    byte[] buffer = new byte[200];
    int n = raw.appendQuotedUTF8(buffer, 3);
    assertEquals(inner, new String(buffer, 3, n, StandardCharsets.UTF_8));
    assertEquals(-1, raw.appendQuotedUTF8(new byte[4], 0));
    assertEquals(-1, raw.appendUnquotedUTF8(new byte[4], 0));
  }
}
