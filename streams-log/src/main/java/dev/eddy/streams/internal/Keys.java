package dev.eddy.streams.internal;

/**
 * Key layout of the stream log in {@code Space.STREAMS}. All integers are big-endian, so
 * RocksDB's bytewise order is numeric order.
 *
 * <pre>
 * 0x00 0x03                              next stream id (8 bytes)
 * 0x00 0x04 streamId(8)                  next sequence number of the stream (8 bytes, absolute),
 *                                        as of the last metadata write (records tell the rest)
 * 0x00 0x05                              iterator HMAC key (32 bytes)
 * 0x01 streamId(8)                       stream metadata (JSON: identity, shards, trim horizons)
 * 0x02 streamId(8) shardNo(4) seq(8)     one stream record (see {@link RecordCodec})
 * </pre>
 *
 * <p>Records sort last, and a write adds nothing but records: a stream's new records are then
 * the end of the key space, so the files RocksDB flushes do not overlap the older ones and
 * compaction moves them down instead of rewriting the log. Data directories from before this
 * layout kept the first three keys without the 0x00 (after the records); {@link #LEGACY_FIRST}
 * marks them, and the log moves them on start.
 */
public final class Keys {
  public static final byte META = 0x01;
  public static final byte RECORD = 0x02;
  public static final byte STATE = 0x00;
  public static final byte[] NEXT_STREAM_ID = {STATE, 0x03};
  public static final byte NEXT_SEQ = 0x04;
  public static final byte[] ITERATOR_KEY = {STATE, 0x05};
  /** The first byte of the keys the old layout kept after the records: 0x03, 0x04 and 0x05. */
  public static final byte LEGACY_FIRST = 0x03;

  private static final int SEQ_OFFSET = 1 + 8 + 4;

  private Keys() {}

  public static byte[] meta(long streamId) {
    byte[] k = new byte[9];
    k[0] = META;
    putLong(k, 1, streamId);
    return k;
  }

  public static byte[] nextSeq(long streamId) {
    byte[] k = new byte[10];
    k[0] = STATE;
    k[1] = NEXT_SEQ;
    putLong(k, 2, streamId);
    return k;
  }

  /** Where the current layout keeps what the old one kept under {@code legacyKey}. */
  public static byte[] fromLegacy(byte[] legacyKey) {
    byte[] k = new byte[legacyKey.length + 1];
    k[0] = STATE;
    System.arraycopy(legacyKey, 0, k, 1, legacyKey.length);
    return k;
  }

  public static byte[] record(long streamId, int shardNo, long seq) {
    byte[] k = new byte[SEQ_OFFSET + 8];
    k[0] = RECORD;
    putLong(k, 1, streamId);
    putInt(k, 9, shardNo);
    putLong(k, SEQ_OFFSET, seq);
    return k;
  }

  /** The first key after all records of a shard. */
  public static byte[] shardEnd(long streamId, int shardNo) {
    byte[] k = new byte[SEQ_OFFSET];
    k[0] = RECORD;
    putLong(k, 1, streamId);
    putInt(k, 9, shardNo + 1);
    return k;
  }

  /** True when {@code key} is a record key of the given shard. */
  public static boolean inShard(byte[] key, long streamId, int shardNo) {
    return key.length == SEQ_OFFSET + 8 && key[0] == RECORD && getLong(key, 1) == streamId
        && getInt(key, 9) == shardNo;
  }

  public static long seqOf(byte[] recordKey) {
    return getLong(recordKey, SEQ_OFFSET);
  }

  public static byte[] longValue(long v) {
    byte[] b = new byte[8];
    putLong(b, 0, v);
    return b;
  }

  public static long longOf(byte[] b) {
    return b == null || b.length < 8 ? 0 : getLong(b, 0);
  }

  static void putLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }

  static void putInt(byte[] b, int off, int v) {
    for (int i = 3; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }

  static long getLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }

  static int getInt(byte[] b, int off) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }
}
