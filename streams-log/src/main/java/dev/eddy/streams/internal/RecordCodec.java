package dev.eddy.streams.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.storage.ItemChange;
import dev.eddy.storage.ItemCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
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
  private static final String[] EVENT_NAMES = {"INSERT", "MODIFY", "REMOVE"};

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

  /** Renders a stored record as the Streams API's Record. */
  public static ObjectNode toRecord(byte[] value, long streamId, long seq, String region, String viewType) {
    if (value.length < HEADER || value[0] != VERSION) {
      throw new IllegalStateException("Unknown stream record format " + (value.length == 0 ? -1 : value[0]));
    }
    int flags = value[1];
    ObjectNode rec = Json.object();
    rec.put("eventID", eventId(streamId, seq));
    rec.put("eventName", EVENT_NAMES[flags & 3]);
    rec.put("eventVersion", "1.1");
    rec.put("eventSource", "aws:dynamodb");
    rec.put("awsRegion", region);
    ObjectNode d = rec.putObject("dynamodb");
    d.put("ApproximateCreationDateTime", Math.floorDiv(Keys.getLong(value, 2), 1000L));
    JsonNode payload;
    try {
      payload = Json.readTree(value, HEADER, value.length - HEADER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    d.setAll((ObjectNode) payload);
    d.put("SequenceNumber", SequenceNumbers.format(seq));
    d.put("SizeBytes", Keys.getInt(value, 10) & 0xFFFFFFFFL);
    d.put("StreamViewType", viewType);
    if ((flags & 4) != 0) {
      ObjectNode user = rec.putObject("userIdentity");
      user.put("PrincipalId", "dynamodb.amazonaws.com");
      user.put("Type", "Service");
    }
    return rec;
  }

  /** 32 hex digits, unique per (stream, sequence number), derived rather than stored. */
  static String eventId(long streamId, long seq) {
    long a = mix(streamId ^ 0x5DEECE66DL);
    long b = mix(seq ^ (streamId << 40));
    String ha = Long.toHexString(a);
    String hb = Long.toHexString(b);
    StringBuilder sb = new StringBuilder(32);
    for (int i = ha.length(); i < 16; i++) {
      sb.append('0');
    }
    sb.append(ha);
    for (int i = hb.length(); i < 16; i++) {
      sb.append('0');
    }
    return sb.append(hb).toString();
  }

  /** splitmix64's finaliser: a bijection on 64 bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
