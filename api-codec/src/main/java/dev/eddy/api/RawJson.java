package dev.eddy.api;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON value already encoded as UTF-8 (a stored item), written into a response as it is: a
 * byte-oriented generator copies the bytes, nothing is parsed or re-encoded. Put into a tree with
 * {@code ObjectNode.putRawValue} / {@code ArrayNode.addRawValue} via {@link #of}.
 */
public final class RawJson implements SerializableString {
  private final byte[] utf8;
  private String text;

  private RawJson(byte[] utf8) {
    this.utf8 = utf8;
  }

  /** {@code length} bytes of JSON at {@code offset} of {@code bytes} (copied once). */
  public static RawValue of(byte[] bytes, int offset, int length) {
    byte[] json = offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + length);
    return new RawValue(new RawJson(json));
  }

  /**
   * {@code node} itself, or, when it holds a {@link RawJson} (a stored item put into a response
   * tree), that JSON parsed into a tree: for code that reads a response it built.
   */
  public static JsonNode tree(JsonNode node) {
    if (node instanceof POJONode) {
      Object pojo = ((POJONode) node).getPojo();
      if (pojo instanceof RawValue && ((RawValue) pojo).rawValue() instanceof RawJson) {
        try {
          return Json.readTree(((RawJson) ((RawValue) pojo).rawValue()).utf8);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    return node;
  }

  @Override
  public String getValue() {
    String t = text;
    if (t == null) {
      t = new String(utf8, StandardCharsets.UTF_8);
      text = t;
    }
    return t;
  }

  @Override
  public int charLength() {
    return getValue().length();
  }

  @Override
  public byte[] asUnquotedUTF8() {
    return utf8;
  }

  @Override
  public int appendUnquotedUTF8(byte[] buffer, int offset) {
    return copy(utf8, buffer, offset);
  }

  @Override
  public int appendUnquoted(char[] buffer, int offset) {
    String t = getValue();
    if (offset + t.length() > buffer.length) {
      return -1;
    }
    t.getChars(0, t.length(), buffer, offset);
    return t.length();
  }

  @Override
  public int writeUnquotedUTF8(OutputStream out) throws IOException {
    out.write(utf8);
    return utf8.length;
  }

  @Override
  public int putUnquotedUTF8(ByteBuffer out) {
    if (out.remaining() < utf8.length) {
      return -1;
    }
    out.put(utf8);
    return utf8.length;
  }

  // Quoting: the JSON text as a JSON string (what Jackson would write for getValue()). Not on the
  // response path, which writes the value raw; here so the class honours its whole contract.

  @Override
  public char[] asQuotedChars() {
    return JsonStringEncoder.getInstance().quoteAsString(getValue());
  }

  @Override
  public byte[] asQuotedUTF8() {
    return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
  }

  @Override
  public int appendQuotedUTF8(byte[] buffer, int offset) {
    return copy(asQuotedUTF8(), buffer, offset);
  }

  @Override
  public int appendQuoted(char[] buffer, int offset) {
    char[] quoted = asQuotedChars();
    if (offset + quoted.length > buffer.length) {
      return -1;
    }
    System.arraycopy(quoted, 0, buffer, offset, quoted.length);
    return quoted.length;
  }

  @Override
  public int writeQuotedUTF8(OutputStream out) throws IOException {
    byte[] quoted = asQuotedUTF8();
    out.write(quoted);
    return quoted.length;
  }

  @Override
  public int putQuotedUTF8(ByteBuffer buffer) {
    byte[] quoted = asQuotedUTF8();
    if (buffer.remaining() < quoted.length) {
      return -1;
    }
    buffer.put(quoted);
    return quoted.length;
  }

  private static int copy(byte[] from, byte[] buffer, int offset) {
    if (offset + from.length > buffer.length) {
      return -1;
    }
    System.arraycopy(from, 0, buffer, offset, from.length);
    return from.length;
  }

  @Override
  public String toString() {
    return getValue();
  }
}
