package dev.eddy.storage.internal.rocks;

import dev.eddy.storage.KvStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksMemEnv;
import org.rocksdb.Slice;
import org.rocksdb.UInt64AddOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/** The RocksDB implementation of {@link KvStore}; the only place RocksDB types are used for data. */
public final class RocksStore implements KvStore {
  static {
    NativeLibraryCache.loadRocksDb();
  }

  /** Loads RocksDB's native library, once (this class's initialisation does it). */
  public static void loadLibrary() {
    // nothing more: calling this initialises the class
  }

  private final RocksDB db;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final List<ColumnFamilyHandle> handles;
  private final WriteOptions writeOptions;
  private final ReadOptions readOptions;
  /**
   * For ITEMS and INDEXES, where a range deletion only ever covers a deleted table or index,
   * never read again (KvStore#deleteRange): RocksDB otherwise rebuilds the memtable's list of
   * range deletions on reads, so after 3,000 CreateTable/DeleteTable cycles (a test suite on one
   * server) a third of a PutItem's CPU went to it and each cycle took 3x longer.
   */
  private final ReadOptions liveReadOptions;
  private final Env env;
  private final LRUCache cache;
  private final UInt64AddOperator addOperator;
  private final BloomFilter bloom;
  private final CursorCache cursors;

  private RocksStore(RocksDB db, DBOptions dbOptions, ColumnFamilyOptions cfOptions,
      List<ColumnFamilyHandle> handles, Env env, LRUCache cache, UInt64AddOperator addOperator,
      BloomFilter bloom, CursorCache cursors, boolean sync) {
    this.db = db;
    this.dbOptions = dbOptions;
    this.cfOptions = cfOptions;
    this.handles = handles;
    this.env = env;
    this.cache = cache;
    this.addOperator = addOperator;
    this.bloom = bloom;
    this.cursors = cursors;
    // In memory there is nothing to recover after a crash, so no write-ahead log to keep either.
    this.writeOptions = new WriteOptions().setSync(sync && env == null).setDisableWAL(env != null);
    this.readOptions = new ReadOptions();
    this.liveReadOptions = new ReadOptions().setIgnoreRangeDeletions(true);
  }

  /** True for the spaces whose range deletions are never read through (see KvStore#deleteRange). */
  private static boolean skipsRangeDeletions(Space space) {
    return space == Space.ITEMS || space == Space.INDEXES;
  }

  private ReadOptions readOptions(Space space) {
    return skipsRangeDeletions(space) ? liveReadOptions : readOptions;
  }

  /**
   * Opens (or creates) a store. With {@code dataDir == null} everything lives in memory and
   * nothing touches the disk.
   */
  public static RocksStore open(Path dataDir) {
    return open(dataDir, false);
  }

  /**
   * Opens (or creates) a store. Every write goes to the write-ahead log before it returns; with
   * {@code sync} the log is also fsynced (survives a machine crash, costs a disk flush per
   * write), without it the log sits in the operating system's cache (survives a crash of the
   * process). In memory there is no log at all.
   */
  public static RocksStore open(Path dataDir, boolean sync) {
    Env env = null;
    String path;
    try {
      if (dataDir == null) {
        env = new RocksMemEnv(Env.getDefault());
        path = "/eddy-in-memory";
      } else {
        Files.createDirectories(dataDir);
        path = dataDir.toAbsolutePath().toString();
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot create data directory " + dataDir + ": " + e.getMessage(), e);
    }
    LRUCache cache = new LRUCache(64L * 1024 * 1024);
    UInt64AddOperator addOperator = new UInt64AddOperator();
    // 10 bits a key: a point read (GetItem, and the old image every write reads) skips the files
    // that cannot hold its key instead of reading and decompressing a block of each. Without it
    // GetItem on a 10M-item table cost ~1.4x what it costs on a 100k one.
    BloomFilter bloom = new BloomFilter(10, false);
    // Item counts and sizes are merge operands (one per write, no read). Left alone they pile up
    // in the memtable until it is flushed, and every read of a counter (DescribeTable) folds them
    // all: 2 -> 62 ms after 300,000 new items. Past 16 successive operands RocksDB writes the sum.
    ColumnFamilyOptions cfOptions = new ColumnFamilyOptions()
        .setMergeOperator(addOperator)
        .setMaxSuccessiveMerges(16)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setWriteBufferSize(32L * 1024 * 1024)
        .setTableFormatConfig(new BlockBasedTableConfig()
            .setBlockCache(cache)
            .setFilterPolicy(bloom)
            .setBlockSize(16 * 1024));
    CursorCache cursors = new CursorCache();
    DBOptions dbOptions = new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setMaxBackgroundJobs(2)
        .setKeepLogFileNum(2)
        .setInfoLogLevel(org.rocksdb.InfoLogLevel.WARN_LEVEL)
        .setListeners(List.of(cursors));
    if (env != null) {
      dbOptions.setEnv(env);
    }
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
    for (Space s : Space.values()) {
      if (s != Space.META) {
        descriptors.add(new ColumnFamilyDescriptor(s.name().toLowerCase().getBytes(StandardCharsets.UTF_8), cfOptions));
      }
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db = RocksDB.open(dbOptions, path, descriptors, handles);
      return new RocksStore(db, dbOptions, cfOptions, handles, env, cache, addOperator, bloom, cursors, sync);
    } catch (RocksDBException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      if (msg.contains("lock")) {
        throw new IllegalStateException("The data directory " + path
            + " is in use by another Eddy process (RocksDB lock held): " + msg, e);
      }
      throw new IllegalStateException("Cannot open RocksDB at " + path + ": " + msg, e);
    }
  }

  private ColumnFamilyHandle cf(Space space) {
    return handles.get(space.ordinal());
  }

  @Override
  public byte[] get(Space space, byte[] key) {
    try {
      return db.get(cf(space), readOptions(space), key);
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Cursor cursor(Space space, byte[] lower, byte[] upper) {
    if (CursorCache.serves(space, lower, upper)) {
      Cursor kept = cursors.acquire(db, cf(space), space, lower, upper, skipsRangeDeletions(space));
      if (kept != null) {
        return kept;
      }
    }
    if (lower == null && upper == null) {
      return new RocksCursor(db.newIterator(cf(space), readOptions(space)), null, null, null);
    }
    ReadOptions options = new ReadOptions().setIgnoreRangeDeletions(skipsRangeDeletions(space));
    Slice lo = lower == null ? null : new Slice(lower);
    Slice up = upper == null ? null : new Slice(upper);
    if (lo != null) {
      options.setIterateLowerBound(lo);
    }
    if (up != null) {
      options.setIterateUpperBound(up);
    }
    return new RocksCursor(db.newIterator(cf(space), options), options, lo, up);
  }

  /** How many kept cursors (CursorCache) are open. */
  int keptCursors() {
    return cursors.open();
  }

  @Override
  public Batch batch() {
    return new RocksBatch();
  }

  @Override
  public void write(Batch batch) {
    try {
      db.write(writeOptions, ((RocksBatch) batch).wb);
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void compactRange(Space space, byte[] from, byte[] to) {
    try {
      db.compactRange(cf(space), from, to);
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void deleteRange(Space space, byte[] from, byte[] to) {
    try {
      db.deleteRange(cf(space), from, to);
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void flush() {
    if (env != null) {
      return; // in memory: nothing to make durable
    }
    try (FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
      db.flush(fo, handles);
      db.flushWal(true);
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (env == null) {
      try {
        db.flushWal(true);
      } catch (RocksDBException ignored) {
        // closing anyway
      }
    }
    cursors.closeAll();
    for (ColumnFamilyHandle h : handles) {
      h.close();
    }
    db.close();
    cursors.close();
    writeOptions.close();
    readOptions.close();
    liveReadOptions.close();
    dbOptions.close();
    cfOptions.close();
    addOperator.close();
    bloom.close();
    cache.close();
    if (env != null) {
      env.close();
    }
  }

  private final class RocksBatch implements Batch {
    final WriteBatch wb = new WriteBatch();

    @Override
    public void put(Space space, byte[] key, byte[] value) {
      try {
        wb.put(cf(space), key, value);
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void delete(Space space, byte[] key) {
      try {
        wb.delete(cf(space), key);
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void addCounter(Space space, byte[] key, long delta) {
      byte[] v = new byte[8];
      for (int i = 0; i < 8; i++) {
        v[i] = (byte) (delta >>> (8 * i));
      }
      try {
        wb.merge(cf(space), key, v);
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int count() {
      return wb.count();
    }

    @Override
    public void close() {
      wb.close();
    }
  }
}
