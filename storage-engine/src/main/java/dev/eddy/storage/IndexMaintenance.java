package dev.eddy.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.LazyLogger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Keeps secondary index entries in step with items: a {@link WriteHook} that writes, in the
 * item's own batch, the entries and counters of every index of the table; and the backfill that
 * indexes the existing items of a GSI added by UpdateTable, on a background thread.
 *
 * <p>The hook reads the table's current indexes from the catalog (not the snapshot the writer
 * started with), and the backfill indexes each row under that row's lock after the new index is
 * published. So a write either sees the new index, or commits before the backfill reaches its
 * row and is then indexed by the backfill: no write is lost.
 */
public final class IndexMaintenance implements WriteHook, AutoCloseable {
  private static final System.Logger LOG = LazyLogger.of(IndexMaintenance.class);
  private static final int BACKFILL_BATCH = 256;

  private final KvStore store;
  private final Catalog catalog;
  private final Items items;
  private final ExecutorService backfills = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "eddy-index-backfill");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;

  IndexMaintenance(KvStore store, Catalog catalog, Items items) {
    this.store = store;
    this.catalog = catalog;
    this.items = items;
  }

  /** Restarts the backfills that were running when the engine stopped. */
  void resumePending() {
    for (Table t : catalog.list()) {
      for (SecondaryIndex i : t.indexes()) {
        if (i.isBackfilling() || "CREATING".equals(i.status())) {
          startBackfill(t.name(), i.name());
        }
      }
    }
  }

  @Override
  public void onChange(ItemChange c, KvStore.Batch batch) {
    Table table = c.table();
    Table current = catalog.get(table.name());
    if (current != null && current.id() == table.id()) {
      table = current;
    }
    if (c.newItem() != null) {
      table.validateIndexKeys(c.newItem(), false);
    }
    for (SecondaryIndex idx : table.indexes()) {
      apply(table, idx, c.oldItem(), c.newItem(), batch);
    }
  }

  private void apply(Table table, SecondaryIndex idx, Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem, KvStore.Batch batch) {
    byte[] oldKey = oldItem == null ? null : idx.entryKey(table, oldItem);
    byte[] newKey = newItem == null ? null : idx.entryKey(table, newItem);
    boolean oldExists = oldKey != null
        && (!idx.isBackfilling() || store.get(KvStore.Space.INDEXES, oldKey) != null);
    long oldSize = oldExists ? AttributeValues.itemSize(idx.project(oldItem)) : 0;
    long newSize = 0;
    if (oldExists && (newKey == null || !Arrays.equals(oldKey, newKey))) {
      batch.delete(KvStore.Space.INDEXES, oldKey);
    }
    if (newKey != null) {
      Map<String, AttributeValue> projected = idx.project(newItem);
      newSize = AttributeValues.itemSize(projected);
      batch.put(KvStore.Space.INDEXES, newKey, ItemCodec.encode(projected));
    }
    long countDelta = (newKey != null ? 1 : 0) - (oldExists ? 1 : 0);
    if (countDelta != 0) {
      batch.addCounter(KvStore.Space.INDEXES, idx.counterKey(table, 'i'), countDelta);
    }
    if (newSize != oldSize) {
      batch.addCounter(KvStore.Space.INDEXES, idx.counterKey(table, 's'), newSize - oldSize);
    }
  }

  /** Live item count of an index. */
  public long itemCount(Table table, SecondaryIndex idx) {
    return catalog.indexCounter(table, idx, 'i');
  }

  /** Live size in bytes of an index's projected items. */
  public long sizeBytes(Table table, SecondaryIndex idx) {
    return catalog.indexCounter(table, idx, 's');
  }

  /** Removes all entries and counters of an index (the index is already gone from the catalog). */
  public void dropEntries(Table table, SecondaryIndex idx) {
    byte[] from = idx.prefix(table);
    byte[] to = from.clone();
    increment(to);
    store.deleteRange(KvStore.Space.INDEXES, from, to);
    try (KvStore.Batch b = store.batch()) {
      b.delete(KvStore.Space.INDEXES, idx.counterKey(table, 'i'));
      b.delete(KvStore.Space.INDEXES, idx.counterKey(table, 's'));
      store.write(b);
    }
  }

  static void increment(byte[] key) {
    for (int i = key.length - 1; i >= 0; i--) {
      key[i]++;
      if (key[i] != 0) {
        return;
      }
    }
    throw new IllegalArgumentException("no successor");
  }

  /** Indexes the existing items of a new GSI in the background, then marks it ACTIVE. */
  public void startBackfill(String tableName, String indexName) {
    if (closed) {
      return;
    }
    backfills.execute(() -> {
      try {
        backfill(tableName, indexName);
      } catch (RuntimeException e) {
        if (!closed) {
          LOG.log(System.Logger.Level.WARNING, "Backfill of index " + indexName + " of table " + tableName + " failed", e);
        }
      }
    });
  }

  private void backfill(String tableName, String indexName) {
    Table start = catalog.get(tableName);
    if (start == null || start.index(indexName) == null) {
      return;
    }
    long tableId = start.id();
    int indexId = start.index(indexName).id();
    byte[] end = start.rowPrefix();
    increment(end);
    byte[] resume = start.rowPrefix();
    while (!closed) {
      Table t = catalog.get(tableName);
      SecondaryIndex idx = t == null ? null : t.index(indexName);
      if (t == null || t.id() != tableId || idx == null || idx.id() != indexId) {
        return; // table or index deleted meanwhile
      }
      List<byte[]> keys = new ArrayList<>(BACKFILL_BATCH);
      try (KvStore.Cursor cur = store.cursor(KvStore.Space.ITEMS, resume, end)) {
        for (cur.seek(resume); cur.valid() && keys.size() < BACKFILL_BATCH; cur.next()) {
          byte[] k = cur.key();
          if (Arrays.compareUnsigned(k, end) >= 0) {
            break;
          }
          keys.add(k);
        }
      }
      if (keys.isEmpty()) {
        break;
      }
      items.locked(() -> {
        indexRows(t, idx, keys);
        return null;
      }, keys.toArray(new byte[0][]));
      byte[] last = keys.get(keys.size() - 1);
      resume = Arrays.copyOf(last, last.length + 1);
    }
    if (closed) {
      return;
    }
    try {
      catalog.update(tableName, d -> {
        for (JsonNode g : d.path("GlobalSecondaryIndexes")) {
          if (g.path(SecondaryIndex.ID_FIELD).asInt() == indexId) {
            ((ObjectNode) g).put("IndexStatus", "ACTIVE");
            ((ObjectNode) g).remove("Backfilling");
          }
        }
        return d;
      });
    } catch (ApiException e) {
      // the table was deleted meanwhile
    }
  }

  private void indexRows(Table t, SecondaryIndex idx, List<byte[]> keys) {
    try (KvStore.Batch batch = store.batch()) {
      for (byte[] k : keys) {
        Map<String, AttributeValue> item = items.get(k);
        if (item == null) {
          continue;
        }
        byte[] ek = idx.entryKey(t, item);
        if (ek == null || store.get(KvStore.Space.INDEXES, ek) != null) {
          continue; // not indexed, or already indexed by a write since the index was published
        }
        Map<String, AttributeValue> projected = idx.project(item);
        batch.put(KvStore.Space.INDEXES, ek, ItemCodec.encode(projected));
        batch.addCounter(KvStore.Space.INDEXES, idx.counterKey(t, 'i'), 1);
        batch.addCounter(KvStore.Space.INDEXES, idx.counterKey(t, 's'), AttributeValues.itemSize(projected));
      }
      if (batch.count() > 0) {
        store.write(batch);
      }
    }
  }

  /** Waits for running backfills (tests). */
  public void awaitBackfills() {
    try {
      backfills.submit(() -> { }).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    closed = true;
    backfills.shutdown();
    try {
      backfills.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
