package dev.eddy.storage.internal.rocks;

import dev.eddy.storage.KvStore;
import java.util.Objects;
import org.rocksdb.AbstractSlice;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;

/**
 * A {@link KvStore.Cursor} over a RocksDB iterator. Closing it closes the iterator and the read
 * options and bound slices made for it ({@link CursorCache}'s kept cursors release instead).
 */
class RocksCursor implements KvStore.Cursor {
  private final RocksIterator it;
  /** The cursor's own read options and bounds (null: shared options, no bounds), closed with it. */
  private final ReadOptions options;
  private final AbstractSlice<?> lower;
  private final AbstractSlice<?> upper;

  RocksCursor(RocksIterator it, ReadOptions options, AbstractSlice<?> lower, AbstractSlice<?> upper) {
    this.it = Objects.requireNonNull(it, "it");
    this.options = options;
    this.lower = lower;
    this.upper = upper;
  }

  /** The iterator, for {@link CursorCache} to refresh. */
  final RocksIterator iterator() {
    return it;
  }

  @Override
  public final void seek(byte[] key) {
    it.seek(key);
  }

  @Override
  public final void seekForPrev(byte[] key) {
    it.seekForPrev(key);
  }

  @Override
  public final void seekToFirst() {
    it.seekToFirst();
  }

  @Override
  public final boolean valid() {
    return it.isValid();
  }

  @Override
  public final byte[] key() {
    return it.key();
  }

  @Override
  public final byte[] value() {
    return it.value();
  }

  @Override
  public final void next() {
    it.next();
  }

  @Override
  public final void prev() {
    it.prev();
  }

  @Override
  public void close() {
    it.close();
    if (options != null) {
      options.close();
    }
    if (lower != null) {
      lower.close();
    }
    if (upper != null) {
      upper.close();
    }
  }
}
