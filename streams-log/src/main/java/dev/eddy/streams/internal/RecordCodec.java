package dev.eddy.streams.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.storage.ItemChange;
import dev.eddy.storage.ItemCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The stored form of one stream record, compact and rendered once at write time:
 *
 * <pre>
 * byte 0      format version (1)
 * byte 1      flags: bits 0-1 eventName (0 INSERT, 1 MODIFY, 2 REMOVE), bit 2 TTL deletion
 * bytes 2-9   creation time, epoch millis
 * bytes 10-13 SizeBytes
 * bytes 14-   {"Keys":{..},"NewImage":{..},"OldImage":{..}} in DynamoDB JSON, images per view type
 * </pre>
 *
 * The envelope (eventID, eventVersion, eventSource, awsRegion, SequenceNumber,
 * StreamViewType, ...) is derived at read time from the stream and the record key.
 */
public final class RecordCodec {
  public static final int HEADER = 14;
  private static final byte VERSION = 1;

  private RecordCodec() {}

  public static boolean includesNew(String viewType) {
    return "NEW_IMAGE".equals(viewType) || "NEW_AND_OLD_IMAGES".equals(viewType);
  }

  public static boolean includesOld(String viewType) {
    return "OLD_IMAGE".equals(viewType) || "NEW_AND_OLD_IMAGES".equals(viewType);
  }

  /**
   * SizeBytes: the DynamoDB item size of the keys plus the images the record carries (the AWS
   * developer guide's walkthrough record of Keys {Id: 101} and NewImage {Message: "New item!",
   * Id: 101} has SizeBytes 26 = 5 + 21).
   */
  public static long sizeBytes(ItemChange c, String viewType) {
    long size = AttributeValues.itemSize(c.keys());
    if (includesNew(viewType) && c.newItem() != null) {
      size += c.newSize();
    }
    if (includesOld(viewType) && c.oldItem() != null) {
      size += c.oldSize();
    }
    return Math.max(1, size);
  }

  public static byte[] encode(ItemChange c, String viewType, long createdMillis) {
    boolean withNew = includesNew(viewType) && c.newItem() != null;
    boolean withOld = includesOld(viewType) && c.oldItem() != null;
    // room for both images as stored (the JSON plus their 5-byte headers) and the keys
    ItemCodec.Output out = new ItemCodec.Output(HEADER + 256
        + (withNew ? c.newStored().length : 0) + (withOld && c.oldStored() != null ? c.oldStored().length : 0));
    byte[] header = new byte[HEADER];
    header[0] = VERSION;
    int name = c.oldItem() == null ? 0 : c.newItem() == null ? 2 : 1;
    header[1] = (byte) (name | (c.origin() == ItemChange.Origin.TTL ? 4 : 0));
    Keys.putLong(header, 2, createdMillis);
    Keys.putInt(header, 10, (int) Math.min(Integer.MAX_VALUE, sizeBytes(c, viewType)));
    out.write(header, 0, HEADER);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      writeItem(g, "Keys", c.keys());
      if (withNew) {
        // the JSON the item's row stores, made once for both: a big item is not encoded twice
        g.writeFieldName("NewImage");
        ItemCodec.json(c.newStored()).serialize(g, null);
      }
      if (withOld && c.oldStored() != null) {
        g.writeFieldName("OldImage");
        ItemCodec.json(c.oldStored()).serialize(g, null); // as stored, not encoded again
      } else if (withOld) {
        writeItem(g, "OldImage", c.oldItem());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.bytes();
  }

  private static void writeItem(JsonGenerator g, String field, Map<String, AttributeValue> item) throws IOException {
    g.writeFieldName(field);
    AttributeValues.writeItem(g, item);
  }

  /** Sets the creation time of an encoded record (encoded before its time was known). */
  public static void stamp(byte[] value, long createdMillis) {
    Keys.putLong(value, 2, createdMillis);
  }

  public static long createdMillis(byte[] value) {
    return Keys.getLong(value, 2);
  }

  /**
   * Renders stored records as the Streams API's Record, as UTF-8 JSON ready to go into a
   * response: the stored Keys and images are copied as they are, nothing is parsed. For one
   * stream (its region and view type); one per GetRecords page.
   *
   * <pre>
   * {"eventID":"..","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",
   *  "awsRegion":"..","dynamodb":{"ApproximateCreationDateTime":1700000000,"Keys":{..},
   *  "NewImage":{..},"OldImage":{..},"SequenceNumber":"1000..","SizeBytes":26,
   *  "StreamViewType":".."},"userIdentity":{..}}    (userIdentity for TTL deletions only)
   * </pre>
   */
  public static final class Renderer {
    private static final byte[] EVENT_ID = ascii("{\"eventID\":\"");
    private static final byte[][] EVENT_NAME = {
        ascii("\",\"eventName\":\"INSERT"), ascii("\",\"eventName\":\"MODIFY"), ascii("\",\"eventName\":\"REMOVE")};
    private static final byte[] REGION = ascii("\",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"");
    private static final byte[] CREATED = ascii("\",\"dynamodb\":{\"ApproximateCreationDateTime\":");
    private static final byte[] SEQUENCE = ascii(",\"SequenceNumber\":\"");
    private static final byte[] SIZE = ascii("\",\"SizeBytes\":");
    private static final byte[] VIEW_TYPE = ascii(",\"StreamViewType\":\"");
    private static final byte[] END = ascii("\"}}");
    private static final byte[] END_TTL = ascii(
        "\"},\"userIdentity\":{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}}");
    private static final byte[] HEX = ascii("0123456789abcdef");

    private final byte[] region;
    private final byte[] viewType;

    public Renderer(String region, String viewType) {
      this.region = JsonStringEncoder.getInstance().quoteAsUTF8(region);
      this.viewType = JsonStringEncoder.getInstance().quoteAsUTF8(viewType);
    }

    /** The Record for the stored {@code value} at sequence number {@code seq} of stream {@code streamId}. */
    public byte[] render(byte[] value, long streamId, long seq) {
      int last = value.length - 1;
      if (value.length < HEADER + 2 || value[0] != VERSION || value[HEADER] != '{' || value[last] != '}') {
        throw new IllegalStateException("Unknown stream record format " + (value.length == 0 ? -1 : value[0]));
      }
      int flags = value[1];
      boolean ttl = (flags & 4) != 0;
      if ((flags & 3) == 3) {
        throw new IllegalStateException("Unknown stream record event " + (flags & 3));
      }
      byte[] name = EVENT_NAME[flags & 3];
      String created = Long.toString(Math.floorDiv(Keys.getLong(value, 2), 1000L));
      String size = Long.toString(Keys.getInt(value, 10) & 0xFFFFFFFFL);
      int payload = last - HEADER - 1; // the stored object's fields, without its braces
      byte[] out = new byte[EVENT_ID.length + 32 + name.length + REGION.length + region.length + CREATED.length
          + created.length() + (payload > 0 ? 1 + payload : 0) + SEQUENCE.length + 21 + SIZE.length + size.length()
          + VIEW_TYPE.length + viewType.length + (ttl ? END_TTL : END).length];
      int p = put(out, 0, EVENT_ID);
      // eventID: 32 hex digits, unique per (stream, sequence number), derived rather than stored
      p = hex(out, p, mix(streamId ^ 0x5DEECE66DL));
      p = hex(out, p, mix(seq ^ (streamId << 40)));
      p = put(out, p, name);
      p = put(out, p, REGION);
      p = put(out, p, region);
      p = put(out, p, CREATED);
      p = ascii(out, p, created);
      if (payload > 0) { // always, as written (Keys are never absent); an empty object adds nothing
        out[p++] = ',';
        System.arraycopy(value, HEADER + 1, out, p, payload);
        p += payload;
      }
      p = put(out, p, SEQUENCE);
      p = ascii(out, p, SequenceNumbers.format(seq));
      p = put(out, p, SIZE);
      p = ascii(out, p, size);
      p = put(out, p, VIEW_TYPE);
      p = put(out, p, viewType);
      p = put(out, p, ttl ? END_TTL : END);
      if (p != out.length) {
        throw new IllegalStateException("stream record rendered " + p + " of " + out.length + " bytes");
      }
      return out;
    }

    private static int put(byte[] out, int p, byte[] bytes) {
      System.arraycopy(bytes, 0, out, p, bytes.length);
      return p + bytes.length;
    }

    private static int ascii(byte[] out, int p, String s) {
      for (int i = 0; i < s.length(); i++) {
        out[p++] = (byte) s.charAt(i);
      }
      return p;
    }

    /** 16 lower-case hex digits, leading zeros kept. */
    private static int hex(byte[] out, int p, long v) {
      for (int shift = 60; shift >= 0; shift -= 4) {
        out[p++] = HEX[(int) (v >>> shift) & 15];
      }
      return p;
    }

    private static byte[] ascii(String s) {
      return s.getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** splitmix64's finaliser: a bijection on 64 bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
