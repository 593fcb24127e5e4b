package dev.eddy.streams.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Self-describing shard iterators: {@code <stream arn>|1|<base64 blob>}, the blob holding the
 * shard id, the position (the next sequence counter to read), the issue time and an HMAC-SHA256
 * (truncated to 16 bytes) over the ARN and the rest of the blob, so a client cannot move an
 * iterator to another stream, shard or position, nor make it younger. The server keeps no
 * per-iterator state.
 */
public final class ShardIterators {
  private static final String VERSION = "1";
  private static final int MAC_LEN = 16;
  private final SecretKeySpec key;
  /** A keyed Mac per thread: getInstance and init cost more than the MAC of an iterator itself. */
  private final ThreadLocal<Mac> macs;

  public ShardIterators(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** A decoded, authenticated iterator. */
  public record Decoded(String streamArn, String shardId, long position, long issuedMillis) {}

  public String encode(String streamArn, String shardId, long position, long issuedMillis) {
    byte[] shard = shardId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(1 + shard.length + 16 + MAC_LEN);
    b.put((byte) shard.length).put(shard).putLong(position).putLong(issuedMillis);
    byte[] mac = mac(streamArn, b.array(), b.position());
    b.put(mac, 0, MAC_LEN);
    return streamArn + "|" + VERSION + "|" + Base64.getEncoder().encodeToString(b.array());
  }

  /** The decoded iterator, or null when it is malformed or was not issued by this key. */
  public Decoded decode(String iterator) {
    if (iterator == null) {
      return null;
    }
    int bar = iterator.indexOf('|');
    if (bar <= 0 || !iterator.startsWith(VERSION + "|", bar + 1)) {
      return null;
    }
    String arn = iterator.substring(0, bar);
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(iterator.substring(bar + 2 + VERSION.length()));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (blob.length < 1 + 16 + MAC_LEN) {
      return null;
    }
    int shardLen = blob[0] & 0xFF;
    int bodyLen = 1 + shardLen + 16;
    if (blob.length != bodyLen + MAC_LEN) {
      return null;
    }
    byte[] expected = mac(arn, blob, bodyLen);
    byte[] given = new byte[MAC_LEN];
    System.arraycopy(blob, bodyLen, given, 0, MAC_LEN);
    byte[] expectedPrefix = new byte[MAC_LEN];
    System.arraycopy(expected, 0, expectedPrefix, 0, MAC_LEN);
    if (!MessageDigest.isEqual(expectedPrefix, given)) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(blob, 1 + shardLen, 16);
    String shardId = new String(blob, 1, shardLen, StandardCharsets.UTF_8);
    return new Decoded(arn, shardId, b.getLong(), b.getLong());
  }

  private byte[] mac(String arn, byte[] body, int len) {
    Mac mac = macs.get(); // doFinal leaves it reset for the next use
    mac.update(arn.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    mac.update(body, 0, len);
    return mac.doFinal();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
