package dev.eddy.storage.internal.rocks;

import dev.eddy.storage.KvStore;
import dev.eddy.storage.KvStore.Space;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.AbstractEventListener;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.CompactionJobInfo;
import org.rocksdb.DirectSlice;
import org.rocksdb.FlushJobInfo;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Bounded cursors over {@link Space#ITEMS}, {@link Space#INDEXES} and {@link Space#STREAMS}, one
 * per thread and space, used again by the next cursor the thread opens there.
 *
 * <p>A Query page of 10 items spent ~9 % of the event loop's CPU creating and closing its RocksDB
 * iterator (the iterator, its read options, two bound slices, all native). A kept iterator is
 * instead brought up to date with {@link RocksIterator#refresh()} (cheap while no flush or
 * compaction has changed the column family's files) and given its new bounds by writing them into
 * the direct buffers its bound slices point at.
 *
 * <p>A kept iterator pins the memtables and files it was last refreshed on. So that an idle thread
 * does not hold on to memory and files that a flush or compaction has replaced, every completed
 * flush or compaction closes the kept iterators not in use, and the ones in use are closed when
 * their cursor is. Each kept cursor is claimed and released through one atomic state, so the
 * thread that owns it and the RocksDB thread that reports a flush never use it at once.
 *
 * <p>RocksDB reads the bounds through the slices on every seek and step, and its table iterator
 * checks the upper bound again when a new seek lands in the block it already holds ("the
 * iterate_upper_bound might have changed", block_based_table_iterator.cc), so new bounds apply
 * from the next seek on. CursorCacheTest narrows them inside flushed blocks, in both directions.
 */
final class CursorCache extends AbstractEventListener {
  /** Longest bound a kept cursor takes; longer ones get a cursor of their own. */
  static final int BOUND_CAPACITY = 1024;

  private final Set<Kept> all = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<Kept[]> mine = ThreadLocal.withInitial(() -> new Kept[Space.values().length]);
  /** Completed flushes and compactions: a cursor opened before the latest one is not kept. */
  private final AtomicLong generation = new AtomicLong();
  private volatile boolean closed;

  CursorCache() {
    super(EnabledEventCallback.ON_FLUSH_COMPLETED, EnabledEventCallback.ON_COMPACTION_COMPLETED);
  }

  /** True for the spaces and bounds a kept cursor serves. */
  static boolean serves(Space space, byte[] lower, byte[] upper) {
    return space != Space.META
        && lower != null && upper != null
        && lower.length <= BOUND_CAPACITY && upper.length <= BOUND_CAPACITY;
  }

  /**
   * This thread's kept cursor over [lower, upper) of the space, or null when it has one open
   * already (the caller opens a cursor of its own).
   */
  KvStore.Cursor acquire(RocksDB db, ColumnFamilyHandle cf, Space space, byte[] lower, byte[] upper,
      boolean ignoreRangeDeletions) {
    Kept[] slots = mine.get();
    Kept kept = slots[space.ordinal()];
    if (kept == null || !kept.claim()) {
      if (kept != null && kept.state.get() == Kept.IN_USE) {
        return null; // a second cursor of this thread in this space while the first is open
      }
      kept = newKept(db, cf, ignoreRangeDeletions);
      all.add(kept);
      if (closed) {
        all.remove(kept);
        kept.dispose();
        throw new IllegalStateException("the store is closed");
      }
      slots[space.ordinal()] = kept;
    }
    kept.open(lower, upper, generation.get());
    return kept;
  }

  private void release(Kept kept) {
    kept.state.set(Kept.IDLE);
    if ((kept.openedAt != generation.get() || closed) && kept.state.compareAndSet(Kept.IDLE, Kept.CLOSED)) {
      all.remove(kept);
      kept.dispose();
    }
  }

  /** Closes the kept cursors not in use. */
  private void closeIdle() {
    for (Kept kept : all) {
      if (kept.state.compareAndSet(Kept.IDLE, Kept.CLOSED)) {
        all.remove(kept);
        kept.dispose();
      }
    }
  }

  @Override
  public void onFlushCompleted(RocksDB db, FlushJobInfo info) {
    generation.incrementAndGet();
    closeIdle();
  }

  @Override
  public void onCompactionCompleted(RocksDB db, CompactionJobInfo info) {
    generation.incrementAndGet();
    closeIdle();
  }

  /** How many kept cursors are open (for tests). */
  int open() {
    return all.size();
  }

  /** Closes every kept cursor; called while the store closes, with no cursor in use. */
  void closeAll() {
    closed = true;
    for (Kept kept : all) {
      all.remove(kept);
      if (kept.state.getAndSet(Kept.CLOSED) != Kept.CLOSED) {
        kept.dispose(); // unless a flush's listener got to it first
      }
    }
  }

  /** Makes a kept cursor: an iterator whose read options' bounds are slices over direct buffers. */
  private Kept newKept(RocksDB db, ColumnFamilyHandle cf, boolean ignoreRangeDeletions) {
    ByteBuffer lowerBuffer = ByteBuffer.allocateDirect(BOUND_CAPACITY);
    ByteBuffer upperBuffer = ByteBuffer.allocateDirect(BOUND_CAPACITY);
    DirectSlice lowerSlice = new DirectSlice(lowerBuffer, 0);
    DirectSlice upperSlice = new DirectSlice(upperBuffer, 0);
    ReadOptions options = new ReadOptions()
        .setIgnoreRangeDeletions(ignoreRangeDeletions)
        .setIterateLowerBound(lowerSlice)
        .setIterateUpperBound(upperSlice);
    return new Kept(db.newIterator(cf, options), options, lowerBuffer, lowerSlice, upperBuffer, upperSlice);
  }

  /** One kept cursor; closing it releases it to its thread, {@link #dispose} closes it. */
  private final class Kept extends RocksCursor {
    static final int IDLE = 0;
    static final int IN_USE = 1;
    static final int CLOSED = 2;

    final AtomicInteger state = new AtomicInteger(IN_USE);
    private final ByteBuffer lowerBuffer;
    private final DirectSlice lowerSlice;
    private final ByteBuffer upperBuffer;
    private final DirectSlice upperSlice;
    long openedAt;

    Kept(RocksIterator it, ReadOptions options, ByteBuffer lowerBuffer, DirectSlice lowerSlice,
        ByteBuffer upperBuffer, DirectSlice upperSlice) {
      super(it, options, lowerSlice, upperSlice);
      this.lowerBuffer = lowerBuffer;
      this.lowerSlice = lowerSlice;
      this.upperBuffer = upperBuffer;
      this.upperSlice = upperSlice;
    }

    boolean claim() {
      return state.compareAndSet(IDLE, IN_USE);
    }

    void open(byte[] lo, byte[] up, long at) {
      lowerBuffer.put(0, lo);
      lowerSlice.setLength(lo.length);
      upperBuffer.put(0, up);
      upperSlice.setLength(up.length);
      openedAt = at;
      try {
        iterator().refresh();
      } catch (RocksDBException e) {
        release(this);
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      release(this);
    }

    /** Closes the iterator, its read options and slices. */
    void dispose() {
      super.close();
    }
  }
}
