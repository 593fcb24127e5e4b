package dev.eddy.storage;

import dev.eddy.api.LazyLogger;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Compacts a table's key range after many of its items were deleted. A delete leaves a marker
 * that every later Scan of the range walks over until RocksDB compacts it away, which for the
 * memtable can take a long time: a Scan of a table emptied by 200,000 deletes took ~40-60 ms a
 * page. Counting is a commit listener on {@link Items} (deletes by any path, TTL included, once
 * written); the compaction runs on one background thread, at most one pending per table.
 */
final class DeleteCompactor implements Consumer<List<ItemChange>>, AutoCloseable {
  private static final System.Logger LOG = LazyLogger.of(DeleteCompactor.class);

  private final KvStore store;
  private final int threshold;
  private final ConcurrentHashMap<Long, AtomicInteger> deletes = new ConcurrentHashMap<>();
  private final Set<Long> pending = ConcurrentHashMap.newKeySet();
  private final AtomicInteger compactions = new AtomicInteger();
  private final ExecutorService executor;

  /** Compacts a table's ranges after {@code threshold} deletes in it. */
  DeleteCompactor(KvStore store, int threshold) {
    this.store = store;
    this.threshold = threshold;
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "eddy-delete-compactor");
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    this.executor = pool;
  }

  @Override
  public void accept(List<ItemChange> committed) {
    for (ItemChange change : committed) {
      if (change.newItem() == null && change.oldItem() != null) {
        deleted(change.table().id());
      }
    }
  }

  private void deleted(long id) {
    AtomicInteger n = deletes.computeIfAbsent(id, k -> new AtomicInteger());
    if (n.incrementAndGet() >= threshold && pending.add(id)) {
      n.set(0);
      try {
        executor.execute(() -> compact(id));
      } catch (RejectedExecutionException e) {
        pending.remove(id); // closing
      }
    }
  }

  private void compact(long tableId) {
    try {
      byte[] from = Table.longBytes(tableId);
      byte[] to = Table.longBytes(tableId + 1);
      store.compactRange(KvStore.Space.ITEMS, from, to);
      store.compactRange(KvStore.Space.INDEXES, from, to);
      compactions.incrementAndGet();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "compaction after deletes failed", e);
    } finally {
      pending.remove(tableId);
    }
  }

  /** Compactions finished so far (for tests). */
  int compactions() {
    return compactions.get();
  }

  /** Waits up to {@code millis} for the queued compactions; true when none is left. */
  boolean awaitIdle(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!pending.isEmpty()) {
      if (System.currentTimeMillis() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** Stops taking work and waits for a compaction under way: the store closes next. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
