package dev.eddy.storage;

/**
 * The ordered key-value store under Eddy (RocksDB on disk or in memory). Keys compare as
 * unsigned bytes. Writes go through {@link Batch}es, each committed atomically.
 */
public interface KvStore extends AutoCloseable {

  /** Separate key spaces (RocksDB column families). */
  enum Space {
    META,
    ITEMS,
    INDEXES,
    STREAMS
  }

  byte[] get(Space space, byte[] key);

  /** A cursor over one space; close it after use. */
  default Cursor cursor(Space space) {
    return cursor(space, null, null);
  }

  /**
   * A cursor over the keys in [lower, upper) of one space (a null bound: none on that side).
   * Bounded, it does not walk past the range over deleted keys looking for a live one: after
   * 200,000 deletes, a Query of an emptied partition took ~60 ms without bounds.
   */
  Cursor cursor(Space space, byte[] lower, byte[] upper);

  Batch batch();

  /** Commits the batch atomically (written to the write-ahead log before it returns). */
  void write(Batch batch);

  /**
   * Compacts [from, to) now (on the caller's thread): deleted keys in it stop costing reads.
   */
  void compactRange(Space space, byte[] from, byte[] to);

  /**
   * Deletes all keys in [from, to). In {@link Space#ITEMS} and {@link Space#INDEXES} a deleted
   * range must never be read again (it is a deleted table's or index's, and their ids are not
   * reused): reads there do not look for range deletions, which is what keeps them cheap after
   * thousands of DeleteTable calls.
   */
  void deleteRange(Space space, byte[] from, byte[] to);

  /** Flushes memtables; called on shutdown. */
  void flush();

  @Override
  void close();

  /** A set of writes committed together. */
  interface Batch extends AutoCloseable {
    void put(Space space, byte[] key, byte[] value);

    void delete(Space space, byte[] key);

    /** Adds a signed delta to an 8-byte little-endian counter (merge, no read). */
    void addCounter(Space space, byte[] key, long delta);

    int count();

    @Override
    void close();
  }

  /** An iterator over a key space. */
  interface Cursor extends AutoCloseable {
    void seek(byte[] key);

    /** Positions at the last key at or before {@code key}. */
    void seekForPrev(byte[] key);

    void seekToFirst();

    boolean valid();

    byte[] key();

    byte[] value();

    void next();

    void prev();

    @Override
    void close();
  }

  /** Reads a counter written by {@link Batch#addCounter}; 0 if absent. */
  static long counterValue(byte[] value) {
    if (value == null || value.length < 8) {
      return 0;
    }
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (value[i] & 0xFF);
    }
    return v;
  }
}
