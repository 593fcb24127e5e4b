package dev.eddy.storage;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Point-in-time recovery's change history, and restores from it.
 *
 * <p>While recovery is on for a table, its description's {@value #FIELD} carries a
 * {@value #HISTORY_ID}: an id from the tables' id sequence, never reused. Every committed change
 * of the table's items adds one row under that id, in the same write batch as the change:
 * <ul>
 *   <li>key: the id (8 bytes), the commit time in epoch milliseconds (8), a sequence number (8);
 *   <li>value: the length of the item's key bytes (4), the key bytes (its row key without the
 *       table's prefix), then the item as stored before the change (nothing when it did not
 *       exist).
 * </ul>
 * One item's rows are in commit order: its writes hold its lock, and the recorded times never go
 * back. So the table as it was at time T is the current table with every item changed after T
 * replaced by the old image of its first change after T.
 *
 * <p>A history is bounded: its rows older than the recovery period go, and so do its oldest rows
 * when it holds more than {@link #maxRows()} (a busy table's history would otherwise grow with
 * every write for 35 days). Either way the history's floor rises: every row from before it is
 * gone, and no restore may ask for a time before it (the window's earliest time). The floor is
 * kept in META, and rows are only ever read from it on (range deletions in ITEMS are not looked
 * for by reads, see {@link KvStore#deleteRange}).
 */
public final class PointInTimeRecovery implements WriteHook {
  /** The description field with the recovery settings. */
  public static final String FIELD = "_PointInTimeRecovery";
  /** The field of {@value #FIELD} with the history's id. */
  public static final String HISTORY_ID = "HistoryId";

  /** Rows a history keeps at most by default; trimmed to 90 % of the bound when it passes it. */
  public static final int DEFAULT_MAX_ROWS = 100_000;

  private static final byte[] ABSENT = new byte[0];
  private static final String FLOOR_PREFIX = "pitr\0";

  private final KvStore store;
  private final Items items;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong lastMillis = new AtomicLong();
  /** Live rows per history id (from its floor on), counted on the first write this process sees. */
  private final Map<Long, AtomicLong> counts = new ConcurrentHashMap<>();
  /** Histories past the bound, trimmed after their commit. */
  private final Set<Long> over = ConcurrentHashMap.newKeySet();
  /** Histories whose last trim could drop nothing: the count to pass before the next one. */
  private final Map<Long, Long> retryAbove = new ConcurrentHashMap<>();
  private volatile int maxRows = DEFAULT_MAX_ROWS;

  PointInTimeRecovery(KvStore store, Items items, Clock clock) {
    this.store = store;
    this.items = items;
    this.clock = clock;
  }

  /** The most rows one table's history keeps. */
  public int maxRows() {
    return maxRows;
  }

  /** Sets the most rows one table's history keeps (at least 10). */
  public void maxRows(int rows) {
    if (rows < 10) {
      throw new IllegalArgumentException("rows < 10: " + rows);
    }
    this.maxRows = rows;
  }

  @Override
  public void onChange(ItemChange change, KvStore.Batch batch) {
    long id = change.table().historyId();
    if (id == 0) {
      return;
    }
    long millis = lastMillis.accumulateAndGet(clock.millis(), Math::max);
    byte[] row = change.rowKey();
    byte[] old = change.oldItem() == null ? ABSENT
        : change.oldStored() != null ? change.oldStored() : ItemCodec.encode(change.oldItem());
    int keyLength = row.length - 8;
    byte[] value = new byte[4 + keyLength + old.length];
    ByteBuffer.wrap(value).putInt(keyLength).put(row, 8, keyLength).put(old);
    batch.put(KvStore.Space.ITEMS, key(id, millis, sequence.incrementAndGet()), value);
    long count = counts.computeIfAbsent(id, this::countLive).incrementAndGet();
    if (count > maxRows && count > retryAbove.getOrDefault(id, 0L)) {
      over.add(id);
    }
  }

  /** After a commit (an {@link Items} commit listener): trims the histories past the bound. */
  void afterCommit(List<ItemChange> changes) {
    if (over.isEmpty()) {
      return;
    }
    for (Long id : over) {
      if (over.remove(id)) {
        trim(id);
      }
    }
  }

  /** Drops a history's oldest rows, down to 90 % of the bound, by raising its floor. */
  private synchronized void trim(long id) {
    AtomicLong counted = counts.get(id);
    long live = counted != null ? counted.get() : countLive(id).get();
    long excess = live - maxRows * 9L / 10;
    if (excess <= 0) {
      return;
    }
    byte[] end = Table.longBytes(id + 1);
    try (KvStore.Cursor c = store.cursor(KvStore.Space.ITEMS)) {
      c.seek(key(id, floor(id), 0));
      for (long i = 0; i < excess && c.valid() && Arrays.compareUnsigned(c.key(), end) < 0; i++) {
        c.next();
      }
      // rows of the same millisecond as the first row kept stay: the floor is a time
      boolean raised = c.valid() && Arrays.compareUnsigned(c.key(), end) < 0
          && raiseFloor(id, ByteBuffer.wrap(c.key()).getLong(8));
      if (!raised) {
        // the excess is all one millisecond's (a clock that stands still): try again once the
        // history has grown by another tenth of the bound, not on every write
        retryAbove.put(id, live + maxRows / 10);
      }
    }
  }

  /** The time from which the table's history holds every change (0 while none was dropped). */
  public long floor(Table table) {
    return table.historyId() == 0 ? 0 : floor(table.historyId());
  }

  private long floor(long id) {
    byte[] v = store.get(KvStore.Space.META, floorKey(id));
    return v == null ? 0 : ByteBuffer.wrap(v).getLong();
  }

  /** Raises the history's floor to {@code millis}, dropping the rows below; false if it was there. */
  private synchronized boolean raiseFloor(long id, long millis) {
    if (millis <= floor(id)) {
      return false;
    }
    store.deleteRange(KvStore.Space.ITEMS, Table.longBytes(id), key(id, millis, 0));
    try (KvStore.Batch batch = store.batch()) {
      batch.put(KvStore.Space.META, floorKey(id), ByteBuffer.allocate(8).putLong(millis).array());
      store.write(batch);
    }
    counts.remove(id); // counted again, from the new floor, on the next write
    retryAbove.remove(id);
    return true;
  }

  /** Counts the history's rows from its floor on. */
  private AtomicLong countLive(long id) {
    long n = 0;
    byte[] end = Table.longBytes(id + 1);
    try (KvStore.Cursor c = store.cursor(KvStore.Space.ITEMS)) {
      for (c.seek(key(id, floor(id), 0)); c.valid() && Arrays.compareUnsigned(c.key(), end) < 0; c.next()) {
        n++;
      }
    }
    return new AtomicLong(n);
  }

  /**
   * Fills {@code target} (new and empty, with the source's key schema) with {@code source}'s items
   * as they were at {@code atMillis}; false, and nothing written, when the history's floor has
   * passed that time meanwhile. The history and the items are read through one cursor, so from
   * one consistent view, opened together with the floor's check so that no trim comes between.
   * Neither the cursor's reading nor the writing holds this object's lock: a trim runs in a
   * writer's commit listener, under the writer's row locks, which the writing into the target may
   * need. Memory holds the keys changed since {@code atMillis}.
   */
  public boolean restore(Table source, long atMillis, Table target) {
    long id = source.historyId();
    if (id == 0) {
      throw new IllegalStateException("point-in-time recovery is off for " + source);
    }
    KvStore.Cursor cursor;
    synchronized (this) {
      if (atMillis < floor(id)) {
        return false;
      }
      cursor = store.cursor(KvStore.Space.ITEMS);
    }
    Map<ByteBuffer, byte[]> before = new HashMap<>();
    Backups.Filler filler = new Backups.Filler(items, target);
    try (KvStore.Cursor c = cursor) {
      byte[] end = Table.longBytes(id + 1);
      for (c.seek(key(id, atMillis + 1, 0)); c.valid() && Arrays.compareUnsigned(c.key(), end) < 0; c.next()) {
        byte[] v = c.value();
        int keyLength = ByteBuffer.wrap(v).getInt();
        ByteBuffer itemKey = ByteBuffer.wrap(Arrays.copyOfRange(v, 4, 4 + keyLength));
        if (!before.containsKey(itemKey)) { // the first change after the time holds the item as it was
          before.put(itemKey, v.length > 4 + keyLength ? Arrays.copyOfRange(v, 4 + keyLength, v.length) : null);
        }
      }
      byte[] lower = source.rowPrefix();
      byte[] upper = Table.longBytes(source.id() + 1);
      for (c.seek(lower); c.valid() && Arrays.compareUnsigned(c.key(), upper) < 0; c.next()) {
        byte[] k = c.key();
        if (!before.containsKey(ByteBuffer.wrap(Arrays.copyOfRange(k, 8, k.length)))) {
          filler.add(c.value());
        }
      }
    }
    for (byte[] old : before.values()) {
      if (old != null) {
        filler.add(old);
      }
    }
    filler.finish();
    return true;
  }

  /**
   * Drops the table's history from before {@code millis}, what no restore can reach any more,
   * by raising its floor there.
   */
  public void prune(Table table, long millis) {
    if (table.historyId() != 0 && millis > 0) {
      raiseFloor(table.historyId(), millis);
    }
  }

  /** Drops a whole history (recovery turned off, or the table deleted). */
  public static void drop(KvStore store, long historyId) {
    if (historyId != 0) {
      store.deleteRange(KvStore.Space.ITEMS, Table.longBytes(historyId), Table.longBytes(historyId + 1));
      try (KvStore.Batch batch = store.batch()) {
        batch.delete(KvStore.Space.META, floorKey(historyId));
        store.write(batch);
      }
    }
  }

  private static byte[] floorKey(long id) {
    byte[] prefix = FLOOR_PREFIX.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return ByteBuffer.allocate(prefix.length + 8).put(prefix).putLong(id).array();
  }

  private static byte[] key(long id, long millis, long seq) {
    return ByteBuffer.allocate(24).putLong(id).putLong(millis).putLong(seq).array();
  }
}
