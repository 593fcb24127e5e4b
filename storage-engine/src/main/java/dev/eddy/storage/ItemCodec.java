package dev.eddy.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.api.RawJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * How items (and index entries) are stored: a 5-byte header, then the item's DynamoDB JSON, so a
 * whole-item read can be sent as it is, without decoding it.
 *
 * <p>The header is {@link #V1} and the item's DynamoDB size (4 bytes, big-endian), so reads that
 * only need the size (Query and Scan pages count 1 MB of items, consumed capacity) do not parse
 * the item. Values written before the header existed are plain JSON (they start with '{', never
 * with {@code V1}) and are still read.
 */
public final class ItemCodec {
  /** First byte of a stored value with a header. */
  static final byte V1 = 1;
  private static final int HEADER = 5;

  private ItemCodec() {}

  public static byte[] encode(Map<String, AttributeValue> item) {
    return encode(item, AttributeValues.itemSize(item));
  }

  /**
   * As {@link #encode(Map)}, with the item's DynamoDB size already known to the caller. The header
   * and the JSON go into one buffer sized from the item's size, so a big item is neither copied
   * while the buffer grows nor once more behind the header.
   */
  public static byte[] encode(Map<String, AttributeValue> item, long size) {
    Output out = new Output(estimate(size) + HEADER);
    int s = (int) Math.min(Integer.MAX_VALUE, size);
    out.write(V1);
    out.write(s >>> 24);
    out.write(s >>> 16);
    out.write(s >>> 8);
    out.write(s);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      AttributeValues.writeItem(g, item);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.bytes();
  }

  /**
   * Bytes of JSON to expect for an item of this DynamoDB size: the size (names and values) plus
   * the quotes, braces and type tags around them. Only a first capacity; the buffer still grows.
   */
  static int estimate(long size) {
    return (int) Math.min(Integer.MAX_VALUE - 64, size + (size >> 3) + 64);
  }

  /** A byte stream whose array is returned as it is when the estimate was exact. */
  public static final class Output extends ByteArrayOutputStream {
    public Output(int capacity) {
      super(capacity);
    }

    /** The bytes written: the buffer itself when full, else a copy of its used part. */
    public byte[] bytes() {
      return count == buf.length ? buf : java.util.Arrays.copyOf(buf, count);
    }
  }

  public static Map<String, AttributeValue> decode(byte[] bytes) {
    return decode(bytes, null);
  }

  /**
   * Decodes only the attributes {@code names} holds (all when null), skipping the others' values
   * unread: e.g. a page's LastEvaluatedKey from its last item. Stored values were validated when
   * they came in, so they are read with {@link AttributeValues#readWritten}, not as a request, and
   * with {@link Json#STORED}'s parser, which does not look for duplicate keys.
   */
  public static Map<String, AttributeValue> decode(byte[] bytes, Set<String> names) {
    if (bytes == null) {
      return null;
    }
    int from = jsonOffset(bytes);
    try (JsonParser p = Json.STORED.createParser(bytes, from, bytes.length - from)) {
      p.nextToken();
      return AttributeValues.readWritten(p, names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The stored item's attribute {@code name} as 32-bit floats when it is a list of numbers, else
   * null (absent, another type, or a list holding anything but numbers). The numbers are parsed
   * straight to floats, with no BigDecimal in between: vector search reads every row this way.
   */
  public static float[] floats(byte[] bytes, String name) {
    int from = jsonOffset(bytes);
    try (JsonParser p = Json.STORED.createParser(bytes, from, bytes.length - from)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = name.equals(p.currentName());
        p.nextToken(); // the value's {"T": ...}
        if (!wanted) {
          p.skipChildren();
          continue;
        }
        if (p.nextToken() != JsonToken.FIELD_NAME || !"L".equals(p.currentName())
            || p.nextToken() != JsonToken.START_ARRAY) {
          return null;
        }
        float[] out = new float[16];
        int n = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
          if (p.nextToken() != JsonToken.FIELD_NAME || !"N".equals(p.currentName())) {
            return null;
          }
          p.nextToken();
          if (n == out.length) {
            out = java.util.Arrays.copyOf(out, n * 2);
          }
          out[n++] = Float.parseFloat(p.getText());
          p.nextToken(); // END_OBJECT
        }
        return java.util.Arrays.copyOf(out, n);
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored item's DynamoDB size (what {@link AttributeValues#itemSize} says of it). */
  public static long size(byte[] bytes) {
    if (bytes.length >= HEADER && bytes[0] == V1) {
      return ((bytes[1] & 0xffL) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
    }
    return AttributeValues.itemSize(decode(bytes));
  }

  /** The stored item as a JSON value to put into a response as it is (no parsing, no re-encoding). */
  public static RawValue json(byte[] bytes) {
    int from = jsonOffset(bytes);
    return RawJson.of(bytes, from, bytes.length - from);
  }

  private static int jsonOffset(byte[] bytes) {
    return bytes.length > 0 && bytes[0] == V1 ? HEADER : 0;
  }
}
