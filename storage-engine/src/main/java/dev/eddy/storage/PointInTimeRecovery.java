package dev.eddy.storage;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
 */
public final class PointInTimeRecovery implements WriteHook {
  /** The description field with the recovery settings. */
  public static final String FIELD = "_PointInTimeRecovery";
  /** The field of {@value #FIELD} with the history's id. */
  public static final String HISTORY_ID = "HistoryId";

  private static final byte[] ABSENT = new byte[0];

  private final KvStore store;
  private final Items items;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong lastMillis = new AtomicLong();

  PointInTimeRecovery(KvStore store, Items items, Clock clock) {
    this.store = store;
    this.items = items;
    this.clock = clock;
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
  }

  /**
   * Fills {@code target} (new and empty, with the source's key schema) with {@code source}'s items
   * as they were at {@code atMillis}. The history and the items are read through one cursor, so
   * from one consistent view. Memory holds the keys changed since {@code atMillis}.
   */
  public void restore(Table source, long atMillis, Table target) {
    long id = source.historyId();
    if (id == 0) {
      throw new IllegalStateException("point-in-time recovery is off for " + source);
    }
    Map<ByteBuffer, byte[]> before = new HashMap<>();
    Backups.Filler filler = new Backups.Filler(items, target);
    try (KvStore.Cursor c = store.cursor(KvStore.Space.ITEMS)) {
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
  }

  /**
   * Drops the table's history from before {@code millis}: what no restore can reach any more.
   * Every restore reads from its time onwards, never before the window, so the dropped range is
   * never read again, as {@link KvStore#deleteRange} requires in {@link KvStore.Space#ITEMS}.
   */
  public void prune(Table table, long millis) {
    long id = table.historyId();
    if (id != 0 && millis > 0) {
      store.deleteRange(KvStore.Space.ITEMS, Table.longBytes(id), key(id, millis, 0));
    }
  }

  /** Drops a whole history (recovery turned off, or the table deleted). */
  public static void drop(KvStore store, long historyId) {
    if (historyId != 0) {
      store.deleteRange(KvStore.Space.ITEMS, Table.longBytes(historyId), Table.longBytes(historyId + 1));
    }
  }

  private static byte[] key(long id, long millis, long seq) {
    return ByteBuffer.allocate(24).putLong(id).putLong(millis).putLong(seq).array();
  }
}
