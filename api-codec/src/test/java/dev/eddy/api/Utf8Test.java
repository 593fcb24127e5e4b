package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {
  private static boolean valid(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return Utf8.isValid(b, 0, b.length);
  }

  @Test
  void acceptsWellFormedText() {
    byte[] text = "plain, é, €, 😀, \u0000, \uFFFF, \uD7FF".getBytes(StandardCharsets.UTF_8);
    assertTrue(Utf8.isValid(text, 0, text.length));
    assertTrue(valid(0xF4, 0x8F, 0xBF, 0xBF)); // U+10FFFF
  }

  @Test
  void refusesOverlongSurrogatesTooLargeAndTruncated() {
    assertFalse(valid(0xC0, 0xAF)); // overlong '/'
    assertFalse(valid(0xE0, 0x80, 0xAF)); // overlong '/'
    assertFalse(valid(0xF0, 0x80, 0x80, 0xAF)); // overlong '/'
    assertFalse(valid(0xED, 0xA0, 0x80)); // U+D800
    assertFalse(valid(0xF4, 0x90, 0x80, 0x80)); // U+110000
    assertFalse(valid(0xE2, 0x82)); // truncated
    assertFalse(valid(0x80));
    assertFalse(valid(0xFF));
    assertFalse(valid(0xC3, 0x28));
  }

  @Test
  void agreesWithTheJdkStrictDecoderOnRandomBytes() {
    Random r = new Random(1);
    for (int n = 0; n < 50_000; n++) {
      byte[] b = new byte[1 + r.nextInt(6)];
      r.nextBytes(b);
      boolean jdk;
      try {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
        jdk = true;
      } catch (CharacterCodingException e) {
        jdk = false;
      }
      assertEquals(jdk, Utf8.isValid(b, 0, b.length), java.util.HexFormat.of().formatHex(b));
    }
  }

  @Test
  void requestsWithInvalidUtf8AreSerializationErrors() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    ApiException e = assertThrows(ApiException.class, () -> Json.parseRequest(body, 0, body.length));
    assertEquals(ErrorCode.SERIALIZATION, e.code());
  }
}
