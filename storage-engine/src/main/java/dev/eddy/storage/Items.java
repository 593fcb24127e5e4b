package dev.eddy.storage;

import dev.eddy.api.AttributeValue;
import dev.eddy.api.LazyLogger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one write path for items. Callers lock the rows, read the old images, decide the new
 * ones and hand the changes to {@link #commit}, which writes items, counters, index entries
 * (through {@link WriteHook}s) and stream records (through {@link ChangeCapture}) in ONE batch.
 */
public final class Items {
  private static final System.Logger LOG = LazyLogger.of(Items.class);
  private final KvStore store;
  private final ChangeCapture capture;
  private final RowLocks locks = new RowLocks();
  private final List<WriteHook> hooks = new CopyOnWriteArrayList<>();
  private final List<Consumer<List<ItemChange>>> committed = new CopyOnWriteArrayList<>();

  Items(KvStore store, ChangeCapture capture) {
    this.store = store;
    this.capture = capture;
  }

  public void addHook(WriteHook hook) {
    hooks.add(hook);
  }

  /**
   * Calls {@code listener} with the real changes of each commit once they are written (readers
   * see them from then on), on the committing thread. For bookkeeping outside the store; what
   * must change with the items belongs in a {@link WriteHook}.
   */
  public void addCommitListener(Consumer<List<ItemChange>> listener) {
    committed.add(listener);
  }

  public void removeCommitListener(Consumer<List<ItemChange>> listener) {
    committed.remove(listener);
  }

  /** Reads an item by row key; null if absent. */
  public Map<String, AttributeValue> get(byte[] rowKey) {
    return ItemCodec.decode(store.get(KvStore.Space.ITEMS, rowKey));
  }

  /**
   * An item as its row stores it and as decoded from there: what a write reads of the item it
   * replaces (the condition and return values use the item; the change's old size and the stream
   * record's OldImage come from the stored bytes, not computed again).
   */
  public record Row(byte[] stored, Map<String, AttributeValue> item) {}

  /** Reads an item's row and decodes it; null if absent. */
  public Row read(byte[] rowKey) {
    byte[] stored = store.get(KvStore.Space.ITEMS, rowKey);
    return stored == null ? null : new Row(stored, ItemCodec.decode(stored));
  }

  /** Reads the stored bytes of an item (its DynamoDB JSON); null if absent. */
  public byte[] getRaw(byte[] rowKey) {
    return store.get(KvStore.Space.ITEMS, rowKey);
  }

  /** Runs {@code work} while holding the locks of the given rows. */
  public <T> T locked(Supplier<T> work, byte[]... rowKeys) {
    try (RowLocks.Held ignored = locks.lock(rowKeys)) {
      return work.get();
    }
  }

  /**
   * Commits changes atomically. The caller holds the rows' locks (see {@link #locked}). No-op
   * changes are skipped; returns the number of real changes written.
   */
  public int commit(List<ItemChange> changes) {
    List<ItemChange> real = new ArrayList<>(changes.size());
    for (ItemChange c : changes) {
      if (!c.isNoOp()) {
        real.add(c);
      }
    }
    if (real.isEmpty()) {
      return 0;
    }
    try (KvStore.Batch batch = store.batch()) {
      // count and size deltas summed per table: one merge operand each per batch, not per item
      Map<Table, long[]> deltas = new LinkedHashMap<>(4);
      for (ItemChange c : real) {
        long oldSize = c.oldSize();
        long newSize = c.newSize();
        if (c.newItem() == null) {
          batch.delete(KvStore.Space.ITEMS, c.rowKey());
        } else {
          batch.put(KvStore.Space.ITEMS, c.rowKey(), c.newStored());
        }
        long[] d = deltas.computeIfAbsent(c.table(), t -> new long[2]);
        d[0] += (c.oldItem() == null ? 1 : 0) - (c.newItem() == null ? 1 : 0);
        d[1] += newSize - oldSize;
        for (WriteHook h : hooks) {
          h.onChange(c, batch);
        }
      }
      for (Map.Entry<Table, long[]> e : deltas.entrySet()) {
        if (e.getValue()[0] != 0) {
          batch.addCounter(KvStore.Space.META, Catalog.counterKey(e.getKey(), 'i'), e.getValue()[0]);
        }
        if (e.getValue()[1] != 0) {
          batch.addCounter(KvStore.Space.META, Catalog.counterKey(e.getKey(), 's'), e.getValue()[1]);
        }
      }
      try (ChangeCapture.Commit ignored = capture.prepare(real, batch)) {
        store.write(batch);
      }
    }
    for (Consumer<List<ItemChange>> l : committed) {
      try {
        l.accept(real);
      } catch (RuntimeException e) {
        // the changes are written: a listener's failure must not turn them into an error
        LOG.log(System.Logger.Level.WARNING, "commit listener failed", e);
      }
    }
    return real.size();
  }

  /** A cursor over the items with keys in [lower, upper) (see {@link KvStore#cursor(KvStore.Space, byte[], byte[])}). */
  public KvStore.Cursor cursor(byte[] lower, byte[] upper) {
    return store.cursor(KvStore.Space.ITEMS, lower, upper);
  }
}
