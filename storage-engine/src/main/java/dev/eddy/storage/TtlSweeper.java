package dev.eddy.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.LazyLogger;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Deletes expired items of tables with time to live enabled, as DynamoDB's background TTL process
 * does: an item expires when its TTL attribute is a Number of epoch seconds before now (per the
 * engine's clock) but not more than five years before now; a missing attribute or any other type
 * never expires. Deletions go through {@link Items#commit} with {@link ItemChange.Origin#TTL}
 * (so the stream marks them as done by the service), each under the item's row lock after
 * re-reading and re-checking the item. Expired items stay readable until they are swept.
 *
 * <p>A sweep reads every item of the table (only the TTL attribute is decoded), so its cost grows
 * with the table; two things bound it (a 200,000-item table had cost 10 % of a core, all the
 * time, at a 5 s interval):
 * <ul>
 *   <li>once started, a table is swept again only when one of its items can have expired: the
 *       last sweep notes the earliest TTL still ahead, and every commit notes the TTLs it wrote
 *       (a commit listener on {@link Items});
 *   <li>the pause after a sweep is the interval, or {@value #BACKOFF} times as long as the sweep
 *       took if that is longer: sweeping takes at most ~2 % of a core however big the tables.
 * </ul>
 * DynamoDB itself deletes expired items "within a few days", and expired items stay readable
 * until deleted, here as there.
 *
 * <p>The owner of the engine calls {@link #start()} once and {@link #close()} on shutdown; tests
 * call {@link #sweepOnce()}.
 */
public final class TtlSweeper implements AutoCloseable {
  /** The internal description field holding a table's TTL settings. */
  public static final String FIELD = "_TimeToLive";
  /** The default pause between sweeps. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  private static final System.Logger LOG = LazyLogger.of(TtlSweeper.class);
  private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 3600;
  private static final int SCAN_CHUNK = 256;
  private static final long SWEEP_ABORTED = Long.MIN_VALUE;
  /** The pause after a sweep is at least this many times the sweep's duration. */
  static final int BACKOFF = 50;

  private final StorageEngine engine;
  private final Duration interval;
  private volatile ScheduledExecutorService executor;
  /**
   * While started: per table id and TTL attribute, the engine-clock time before which no item of
   * the last full sweep expires (its earliest future TTL); a table is not swept before then
   * unless a write since the sweep began (in {@link #pending}) brings an earlier one.
   */
  private final ConcurrentHashMap<String, Long> quietUntil = new ConcurrentHashMap<>();
  /** Per table id and TTL attribute: the earliest TTL written since its last sweep began. */
  private final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();
  private final Consumer<List<ItemChange>> onCommit = this::committed;
  private final AtomicLong tableSweeps = new AtomicLong();

  public TtlSweeper(StorageEngine engine, Duration interval) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
  }

  public TtlSweeper(StorageEngine engine) {
    this(engine, DEFAULT_INTERVAL);
  }

  /** The TTL attribute of a table, or null when time to live is not enabled. */
  public static String ttlAttribute(Table table) {
    JsonNode ttl = table.description().path(FIELD);
    if (ttl.path("Enabled").asBoolean(false)) {
      return ttl.path("AttributeName").asText(null);
    }
    return null;
  }

  /**
   * Starts sweeping on a daemon thread: the first sweep after the interval, each next one after
   * {@link #pauseNanos}. Calling it twice is an error.
   */
  public synchronized void start() {
    if (executor != null) {
      throw new IllegalStateException("already started");
    }
    engine.items().addCommitListener(onCommit); // before sweeps start to rely on it
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "eddy-ttl-sweeper");
      t.setDaemon(true);
      return t;
    });
    executor.schedule(this::sweepAndReschedule, interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Notes the earliest TTL each commit wrote, per table: that table is due at that time. */
  private void committed(List<ItemChange> changes) {
    long now = -1;
    for (ItemChange c : changes) {
      if (c.newItem() == null) {
        continue;
      }
      String attr = ttlAttribute(c.table());
      if (attr == null || !(c.newItem().get(attr) instanceof AttributeValue.N n)) {
        continue;
      }
      if (now < 0) {
        now = engine.config().clock().millis();
      }
      long at = floorMillis(n.value());
      if (at >= now - FIVE_YEARS_SECONDS * 1000) { // older ones never expire
        pending.merge(quietKey(c.table(), attr), at, Math::min);
      }
    }
  }

  private static String quietKey(Table table, String attr) {
    return table.id() + ":" + attr;
  }

  /** Epoch seconds as epoch milliseconds, rounded down and clamped to the range of a long. */
  static long floorMillis(BigDecimal seconds) {
    BigDecimal ms = seconds.movePointRight(3);
    if (ms.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) {
      return Long.MAX_VALUE;
    }
    if (ms.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) <= 0) {
      return Long.MIN_VALUE;
    }
    return ms.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
  }

  private void sweepAndReschedule() {
    long started = System.nanoTime();
    try {
      sweepOnce();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "TTL sweep failed", e);
    }
    ScheduledExecutorService ex = executor;
    if (ex != null) {
      try {
        ex.schedule(this::sweepAndReschedule, pauseNanos(interval, System.nanoTime() - started),
            TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        // closed meanwhile
      }
    }
  }

  /** The pause after a sweep that took {@code tookNanos}. */
  static long pauseNanos(Duration interval, long tookNanos) {
    long backoff = tookNanos > Long.MAX_VALUE / BACKOFF ? Long.MAX_VALUE : tookNanos * BACKOFF;
    return Math.max(interval.toNanos(), backoff);
  }

  /** Stops the background sweeps (waits briefly for a running one). */
  @Override
  public synchronized void close() {
    if (executor == null) {
      return;
    }
    ScheduledExecutorService ex = executor;
    executor = null;
    engine.items().removeCommitListener(onCommit);
    ex.shutdownNow();
    try {
      ex.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One pass over all tables with TTL enabled; returns the number of items deleted. Once
   * {@link #start()}ed, a table whose items cannot have expired since its last sweep (see
   * {@link #quietUntil}) is skipped.
   */
  public int sweepOnce() {
    boolean tracking = executor != null;
    int deleted = 0;
    Set<String> keys = new java.util.HashSet<>();
    for (Table listed : engine.catalog().list()) {
      String attr = ttlAttribute(listed);
      if (attr == null) {
        continue;
      }
      String key = quietKey(listed, attr);
      keys.add(key);
      long now = engine.config().clock().millis();
      if (tracking) {
        Long until = quietUntil.get(key);
        Long written = pending.get(key);
        if (until != null && now < Math.min(until, written == null ? Long.MAX_VALUE : written)) {
          continue;
        }
        // writes committed before this line are seen by the sweep; later ones land in pending
        pending.remove(key);
      }
      long[] next = {Long.MAX_VALUE};
      tableSweeps.incrementAndGet();
      deleted += sweep(listed.name(), next);
      if (tracking && next[0] != SWEEP_ABORTED) {
        quietUntil.put(key, next[0]);
      } else {
        quietUntil.remove(key);
      }
    }
    // tables deleted or with TTL disabled (a table made since the listing has no quiet time yet)
    quietUntil.keySet().retainAll(keys);
    pending.keySet().retainAll(keys);
    return deleted;
  }

  /** How many table sweeps have run (skipped tables not counted). */
  public long tableSweeps() {
    return tableSweeps.get();
  }

  /** Whether an item with this TTL value is expired at {@code nowMillis}. */
  public static boolean isExpired(AttributeValue ttlValue, long nowMillis) {
    if (!(ttlValue instanceof AttributeValue.N n)) {
      return false;
    }
    BigDecimal now = BigDecimal.valueOf(nowMillis).movePointLeft(3);
    BigDecimal v = n.value();
    return v.compareTo(now) < 0 && v.compareTo(now.subtract(BigDecimal.valueOf(FIVE_YEARS_SECONDS))) >= 0;
  }

  /**
   * Sweeps one table; {@code next[0]} becomes the earliest TTL (engine-clock millis) among the
   * items left that have not expired yet, or {@link #SWEEP_ABORTED} when the sweep stopped
   * early (TTL disabled, table gone).
   */
  private int sweep(String tableName, long[] next) {
    Items items = engine.items();
    int deleted = 0;
    byte[] prefix = null;
    byte[] resumeAfter = null;
    while (true) {
      // re-read the table each chunk: TTL may have been disabled or the table deleted meanwhile
      Table table = engine.catalog().get(tableName);
      if (table == null || ttlAttribute(table) == null) {
        next[0] = SWEEP_ABORTED;
        return deleted;
      }
      if (prefix == null) {
        prefix = table.rowPrefix();
      } else if (!java.util.Arrays.equals(prefix, table.rowPrefix())) {
        next[0] = SWEEP_ABORTED;
        return deleted; // the name now belongs to a new table
      }
      String attr = ttlAttribute(table);
      Set<String> only = Set.of(attr);
      byte[] marker = marker(attr);
      long now = engine.config().clock().millis();
      List<byte[]> expired = new ArrayList<>();
      byte[] last = null;
      int seen = 0;
      byte[] end = Table.longBytes(table.id() + 1);
      try (KvStore.Cursor c = items.cursor(prefix, end)) {
        c.seek(resumeAfter == null ? prefix : resumeAfter);
        if (resumeAfter != null && c.valid() && java.util.Arrays.equals(c.key(), resumeAfter)) {
          c.next();
        }
        for (; c.valid() && Catalog.startsWith(c.key(), prefix) && seen < SCAN_CHUNK; c.next()) {
          seen++;
          last = c.key();
          byte[] raw = c.value();
          if (marker != null && !contains(raw, marker)) {
            continue; // no Number under that name anywhere in the item: nothing to decode
          }
          Map<String, AttributeValue> item = ItemCodec.decode(raw, only);
          AttributeValue ttl = item == null ? null : item.get(attr);
          if (isExpired(ttl, now)) {
            expired.add(c.key());
          } else if (ttl instanceof AttributeValue.N n) {
            long at = floorMillis(n.value());
            if (at >= now) {
              next[0] = Math.min(next[0], at);
            }
          }
        }
      }
      for (byte[] rowKey : expired) {
        deleted += deleteIfExpired(table, rowKey, attr);
      }
      if (seen < SCAN_CHUNK || last == null) {
        return deleted;
      }
      resumeAfter = last;
    }
  }

  /**
   * The bytes {@code "attr":{"N":} as items are stored (their DynamoDB JSON), or null when the
   * name would be escaped in JSON (then every item is decoded).
   */
  static byte[] marker(String attr) {
    for (int i = 0; i < attr.length(); i++) {
      char ch = attr.charAt(i);
      if (ch == '"' || ch == '\\' || ch < 0x20) {
        return null;
      }
    }
    return ("\"" + attr + "\":{\"N\":").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private int deleteIfExpired(Table table, byte[] rowKey, String attr) {
    Items items = engine.items();
    return items.locked(() -> {
      Table now = engine.catalog().get(table.name());
      if (now == null || now.id() != table.id() || !attr.equals(ttlAttribute(now))) {
        return 0;
      }
      Items.Row row = items.read(rowKey);
      if (row == null || !isExpired(row.item().get(attr), engine.config().clock().millis())) {
        return 0;
      }
      // as every other writer: the REMOVE record's OldImage and the old size come from the row
      return items.commit(List.of(ItemChange.fromRow(now, rowKey, now.keySchema().keyOf(row.item()), row, null,
          ItemChange.Origin.TTL)));
    }, rowKey);
  }
}
