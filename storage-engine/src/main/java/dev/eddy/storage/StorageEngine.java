package dev.eddy.storage;

import dev.eddy.storage.internal.rocks.RocksStore;
import java.util.Objects;
import java.util.function.Function;

/** The storage engine of one data directory (or of memory): store, catalog and write path. */
public final class StorageEngine implements AutoCloseable {
  private final EngineConfig config;
  private final KvStore store;
  private final ChangeCapture capture;
  private final Catalog catalog;
  private final Items items;
  private final Backups backups;
  private final PointInTimeRecovery pointInTimeRecovery;
  private final IndexMaintenance indexes;
  private final DeleteCompactor compactor;

  /** Deletes in one table after which its key ranges are compacted (see {@link DeleteCompactor}). */
  static final int COMPACT_AFTER_DELETES = 20_000;

  private StorageEngine(EngineConfig config, KvStore store, ChangeCapture capture) {
    this.config = config;
    this.store = store;
    this.capture = capture;
    this.catalog = new Catalog(store, capture);
    this.items = new Items(store, capture);
    this.indexes = new IndexMaintenance(store, catalog, items);
    this.backups = new Backups(store, catalog, items);
    items.addHook(indexes);
    this.pointInTimeRecovery = new PointInTimeRecovery(store, items, config.clock());
    items.addHook(pointInTimeRecovery);
    items.addCommitListener(pointInTimeRecovery::afterCommit);
    this.compactor = new DeleteCompactor(store, COMPACT_AFTER_DELETES);
    items.addCommitListener(compactor);
    indexes.resumePending();
  }

  /**
   * Loads the store's native library (RocksDB) now rather than on the first {@link #open}; safe
   * from any thread, and cheap after the first call.
   */
  public static void loadNativeLibrary() {
    RocksStore.loadLibrary();
  }

  /**
   * Opens the store and the engine. {@code captureFactory} builds the change capture (the stream
   * log) over the same store; pass {@code s -> ChangeCapture.NONE} for none.
   */
  public static StorageEngine open(EngineConfig config, Function<KvStore, ChangeCapture> captureFactory) {
    Objects.requireNonNull(config, "config");
    KvStore store = RocksStore.open(config.dataDir(), config.syncWrites());
    try {
      return new StorageEngine(config, store, captureFactory.apply(store));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  public EngineConfig config() {
    return config;
  }

  public KvStore store() {
    return store;
  }

  public Catalog catalog() {
    return catalog;
  }

  public Items items() {
    return items;
  }

  /** On-demand backups: copies of tables' items, and their restore. */
  public Backups backups() {
    return backups;
  }

  /** Point-in-time recovery: the change history of the tables that have it on, and restores. */
  public PointInTimeRecovery pointInTimeRecovery() {
    return pointInTimeRecovery;
  }

  /** Secondary index maintenance: counters, backfill of new GSIs. */
  public IndexMaintenance indexes() {
    return indexes;
  }

  public ChangeCapture capture() {
    return capture;
  }

  /** Compacts after mass deletes; package-private for tests. */
  DeleteCompactor compactor() {
    return compactor;
  }

  /** "arn:aws:dynamodb:region:account:table/name". */
  public String tableArn(String tableName) {
    return "arn:aws:dynamodb:" + config.region() + ":" + config.accountId() + ":table/" + tableName;
  }

  @Override
  public void close() {
    indexes.close();
    compactor.close();
    store.flush();
    store.close();
  }
}
