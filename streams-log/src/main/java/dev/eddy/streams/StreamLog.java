package dev.eddy.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.InlineBudget;
import dev.eddy.api.Json;
import dev.eddy.storage.ChangeCapture;
import dev.eddy.storage.EngineConfig;
import dev.eddy.storage.ItemChange;
import dev.eddy.storage.KeyCodec;
import dev.eddy.storage.KvStore;
import dev.eddy.storage.Table;
import dev.eddy.streams.internal.Keys;
import dev.eddy.streams.internal.RecordCodec;
import dev.eddy.streams.internal.SequenceNumbers;
import dev.eddy.streams.internal.ShardIterators;
import dev.eddy.streams.internal.ShardState;
import dev.eddy.streams.internal.StreamState;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sharded change log behind the DynamoDB Streams API. It implements the engine's
 * {@link ChangeCapture} port: every committed item change of a table with an enabled stream
 * becomes one record in the same RocksDB batch as the item. It keeps a registry of streams
 * (also disabled ones and those of deleted tables, readable until retention expires), rolls
 * shards over, trims records past retention and issues and reads shard iterators.
 *
 * <p>Time-driven work (rollover, trimming, expiry of shards and streams) happens lazily on
 * writes and reads, driven by the injected clock; {@link #runMaintenance()} does it for all
 * streams and can be scheduled by the server so unread streams are trimmed too.
 */
public final class StreamLog implements ChangeCapture {
  /** Bytes of record data one GetRecords call returns at most. */
  public static final int MAX_RECORDS_BYTES = 1024 * 1024;
  private static final long TRIM_INTERVAL_MILLIS = 1000;

  private final KvStore store;
  private final StreamSettings settings;
  private final Clock clock;
  private final String region;
  private final String accountId;
  /** Created on first use: its key may have to be generated, and SecureRandom costs ~40 ms at start-up. */
  private volatile ShardIterators iterators;
  private final Object iteratorsLock = new Object();
  private final Map<String, StreamState> streams = new ConcurrentHashMap<>();
  private final Object registryLock = new Object();
  private long nextStreamId;

  public StreamLog(KvStore store, StreamSettings settings, Clock clock, String region, String accountId) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.region = Objects.requireNonNull(region, "region");
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    load();
  }

  /** Convenience: region, account and clock from the engine's configuration. */
  public StreamLog(KvStore store, StreamSettings settings, EngineConfig config) {
    this(store, settings, config.clock(), config.region(), config.accountId());
  }

  public StreamSettings settings() {
    return settings;
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  // ---------------------------------------------------------------- start-up

  /** Shared, and only created when first needed (an iterator key or a shard id). */
  private static final class Random {
    static final SecureRandom SECURE = new SecureRandom();
  }

  private ShardIterators iterators() {
    ShardIterators it = iterators;
    if (it == null) {
      synchronized (iteratorsLock) {
        it = iterators;
        if (it == null) {
          it = new ShardIterators(iteratorKey());
          iterators = it;
        }
      }
    }
    return it;
  }

  private byte[] iteratorKey() {
    byte[] key = store.get(KvStore.Space.STREAMS, Keys.ITERATOR_KEY);
    if (key != null && key.length == 32) {
      return key;
    }
    key = new byte[32];
    Random.SECURE.nextBytes(key);
    try (KvStore.Batch b = store.batch()) {
      b.put(KvStore.Space.STREAMS, Keys.ITERATOR_KEY, key);
      store.write(b);
    }
    return key;
  }

  /**
   * Moves the keys an older data directory kept after the records (see {@link Keys}) to their
   * place before them. Runs before anything reads them, once: afterwards there are none.
   */
  private void migrateLegacyKeys() {
    try (KvStore.Cursor c = store.cursor(KvStore.Space.STREAMS, new byte[] {Keys.LEGACY_FIRST}, null);
        KvStore.Batch b = store.batch()) {
      boolean any = false;
      for (c.seek(new byte[] {Keys.LEGACY_FIRST}); c.valid(); c.next()) {
        byte[] key = c.key();
        b.put(KvStore.Space.STREAMS, Keys.fromLegacy(key), c.value());
        b.delete(KvStore.Space.STREAMS, key);
        any = true;
      }
      if (any) {
        store.write(b);
      }
    }
  }

  private void load() {
    migrateLegacyKeys();
    nextStreamId = Math.max(1, Keys.longOf(store.get(KvStore.Space.STREAMS, Keys.NEXT_STREAM_ID)));
    List<StreamState> loaded = new ArrayList<>();
    try (KvStore.Cursor c = store.cursor(KvStore.Space.STREAMS)) {
      for (c.seek(new byte[] {Keys.META}); c.valid() && c.key()[0] == Keys.META; c.next()) {
        loaded.add(StreamState.fromJson(Json.readTree(c.value())));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Corrupt stream metadata", e);
    }
    try (KvStore.Cursor c = store.cursor(KvStore.Space.STREAMS)) {
      for (StreamState st : loaded) {
        long next = Math.max(st.nextSeq, Keys.longOf(store.get(KvStore.Space.STREAMS, Keys.nextSeq(st.id))));
        for (ShardState sh : st.shards) {
          c.seekForPrev(Keys.record(st.id, sh.no, Long.MAX_VALUE));
          if (c.valid() && Keys.inShard(c.key(), st.id, sh.no)) {
            sh.lastSeq = Keys.seqOf(c.key());
            next = Math.max(next, sh.lastSeq + 1);
          }
          next = Math.max(next, sh.startSeq + 1);
          if (sh.endSeq != null) {
            next = Math.max(next, sh.endSeq + 1);
          }
        }
        st.nextSeq = next;
        nextStreamId = Math.max(nextStreamId, st.id + 1);
        streams.put(st.arn, st);
      }
    }
  }

  // ---------------------------------------------------------------- ChangeCapture

  /** A change and its stream record, encoded before the stream's lock is taken. */
  private record Pending(ItemChange change, byte[] record) {}

  /**
   * Assigns the changes' sequence numbers and puts their records into the batch. The records are
   * encoded (the images' JSON, most of the work) before the streams' locks are taken and only
   * stamped with the time under them; the locks are then held until the batch is written
   * (the returned Commit), so that sequence numbers become visible in order.
   */
  @Override
  public Commit prepare(List<ItemChange> changes, KvStore.Batch batch) {
    Map<StreamState, List<Pending>> byStream = new IdentityHashMap<>();
    for (ItemChange c : changes) {
      if (c.isNoOp()) {
        continue;
      }
      Table table = c.table();
      if (table.streamViewType() == null || table.latestStreamArn() == null) {
        continue;
      }
      StreamState st = streams.get(table.latestStreamArn());
      if (st == null) {
        st = ensureStream(table);
      }
      byStream.computeIfAbsent(st, k -> new ArrayList<>()).add(new Pending(c, RecordCodec.encode(c, st.viewType, 0)));
    }
    if (byStream.isEmpty()) {
      return Commit.NONE;
    }
    List<StreamState> ordered = new ArrayList<>(byStream.keySet());
    ordered.sort(Comparator.comparingLong(s -> s.id));
    List<StreamState> locked = new ArrayList<>(ordered.size());
    try {
      for (StreamState st : ordered) {
        st.lock.lock();
        locked.add(st);
      }
      long now = clock.millis();
      for (StreamState st : ordered) {
        if (!st.isEnabled()) {
          continue; // disabled while this write was on its way: DynamoDB would not capture it either
        }
        rolloverIfDue(st, now);
        for (Pending p : byStream.get(st)) {
          ShardState shard = st.open[slotOf(p.change(), st.slots)];
          long seq = st.nextSeq++;
          shard.lastSeq = seq;
          RecordCodec.stamp(p.record(), now);
          batch.put(KvStore.Space.STREAMS, Keys.record(st.id, shard.no, seq), p.record());
        }
        // No nextSeq put here: load() recovers the next number from the last record of each
        // shard. A key rewritten by every write would sit in every flushed file of the STREAMS
        // column family, beside the records, so that each file's key range would span the whole
        // stream and every compaction would rewrite all of its older records (put with 1M
        // records in the log cost ~20 % more than with none). writeMeta persists it when records
        // are deleted (trims, expired shards), which is when the last record stops telling.
      }
    } catch (RuntimeException e) {
      unlock(locked);
      throw e;
    }
    return () -> unlock(locked);
  }

  private static void unlock(List<StreamState> locked) {
    for (int i = locked.size() - 1; i >= 0; i--) {
      locked.get(i).lock.unlock();
    }
  }

  private static int slotOf(ItemChange c, int slots) {
    if (slots == 1) {
      return 0;
    }
    byte[] pk = KeyCodec.encode(c.keys().get(c.table().keySchema().hash().name()));
    int h = Arrays.hashCode(pk);
    h ^= h >>> 16;
    return Math.floorMod(h, slots);
  }

  @Override
  public void tableChanged(Table before, Table after, KvStore.Batch batch) {
    String beforeArn = enabledArn(before);
    String afterArn = enabledArn(after);
    if (Objects.equals(beforeArn, afterArn)) {
      return;
    }
    long now = clock.millis();
    if (beforeArn != null) {
      StreamState st = streams.get(beforeArn);
      if (st != null) {
        st.lock.lock();
        try {
          disable(st, now);
          batch.put(KvStore.Space.STREAMS, Keys.meta(st.id), st.toJsonBytes());
        } finally {
          st.lock.unlock();
        }
      }
    }
    if (afterArn != null) {
      synchronized (registryLock) {
        if (!streams.containsKey(afterArn)) {
          StreamState st = newStream(after, now);
          batch.put(KvStore.Space.STREAMS, Keys.NEXT_STREAM_ID, Keys.longValue(nextStreamId));
          batch.put(KvStore.Space.STREAMS, Keys.meta(st.id), st.toJsonBytes());
          streams.put(st.arn, st);
        }
      }
    }
  }

  private static String enabledArn(Table t) {
    return t == null || t.streamViewType() == null ? null : t.latestStreamArn();
  }

  /** A table whose description names an enabled stream the registry does not know (created before the log). */
  private StreamState ensureStream(Table table) {
    synchronized (registryLock) {
      StreamState st = streams.get(table.latestStreamArn());
      if (st != null) {
        return st;
      }
      st = newStream(table, clock.millis());
      try (KvStore.Batch b = store.batch()) {
        b.put(KvStore.Space.STREAMS, Keys.NEXT_STREAM_ID, Keys.longValue(nextStreamId));
        b.put(KvStore.Space.STREAMS, Keys.meta(st.id), st.toJsonBytes());
        store.write(b);
      }
      streams.put(st.arn, st);
      return st;
    }
  }

  private StreamState newStream(Table table, long now) {
    ObjectNode d = table.description();
    String label = d.path("LatestStreamLabel").asText(null);
    String arn = table.latestStreamArn();
    if (label == null) {
      int i = arn.lastIndexOf("/stream/");
      label = i < 0 ? "" : arn.substring(i + "/stream/".length());
    }
    StreamState st = new StreamState(nextStreamId++, arn, label, table.name(), table.streamViewType(), now,
        d.path("KeySchema").deepCopy(), settings.openShards());
    for (int slot = 0; slot < st.slots; slot++) {
      st.open[slot] = newShard(st, slot, null, now);
    }
    return st;
  }

  private ShardState newShard(StreamState st, int slot, String parent, long now) {
    String id;
    do {
      id = String.format("shardId-%020d-%08x", Math.max(0, now), Random.SECURE.nextInt());
    } while (st.shard(id) != null);
    ShardState sh = new ShardState(st.nextShardNo++, id, parent, slot, now, st.nextSeq++);
    st.shards.add(sh);
    return sh;
  }

  private static void close(ShardState sh, long now) {
    sh.endSeq = sh.lastSeq >= 0 ? sh.lastSeq : sh.startSeq;
    sh.closedMillis = now;
  }

  private static void disable(StreamState st, long now) {
    if (!st.isEnabled()) {
      return;
    }
    st.disabledMillis = now;
    for (int i = 0; i < st.slots; i++) {
      if (st.open[i] != null) {
        close(st.open[i], now);
        st.open[i] = null;
      }
    }
  }

  // ---------------------------------------------------------------- time-driven work (under st.lock)

  private void rolloverIfDue(StreamState st, long now) {
    if (!st.isEnabled()) {
      return;
    }
    boolean changed = false;
    long period = settings.rolloverPeriod().toMillis();
    for (int slot = 0; slot < st.slots; slot++) {
      ShardState sh = st.open[slot];
      if (now - sh.createdMillis >= period) {
        close(sh, now);
        st.open[slot] = newShard(st, slot, sh.shardId, now);
        changed = true;
      }
    }
    if (changed) {
      writeMeta(st);
    }
  }

  /** Rolls over, trims and expires; returns false when the whole stream has expired. */
  private boolean maintain(StreamState st, long now, boolean force) {
    rolloverIfDue(st, now);
    if (!force && st.lastTrimMillis != Long.MIN_VALUE && now - st.lastTrimMillis < TRIM_INTERVAL_MILLIS
        && now >= st.lastTrimMillis) {
      return true;
    }
    st.lastTrimMillis = now;
    long cutoff = now - settings.retention().toMillis();
    boolean changed = false;
    for (ShardState sh : new ArrayList<>(st.shards)) {
      if (!sh.isOpen() && sh.closedMillis <= cutoff) {
        store.deleteRange(KvStore.Space.STREAMS, Keys.record(st.id, sh.no, 0), Keys.shardEnd(st.id, sh.no));
        st.shards.remove(sh);
        changed = true;
      } else {
        changed |= trim(st, sh, cutoff);
      }
    }
    if (!st.isEnabled() && st.shards.isEmpty() && st.disabledMillis <= cutoff) {
      try (KvStore.Batch b = store.batch()) {
        b.delete(KvStore.Space.STREAMS, Keys.meta(st.id));
        b.delete(KvStore.Space.STREAMS, Keys.nextSeq(st.id));
        store.write(b);
      }
      streams.remove(st.arn, st);
      return false;
    }
    if (changed) {
      writeMeta(st);
    }
    return true;
  }

  private boolean trim(StreamState st, ShardState sh, long cutoff) {
    long last = -1;
    try (KvStore.Cursor c = store.cursor(KvStore.Space.STREAMS)) {
      for (c.seek(Keys.record(st.id, sh.no, Math.max(0, sh.trimHorizon)));
          c.valid() && Keys.inShard(c.key(), st.id, sh.no); c.next()) {
        if (RecordCodec.createdMillis(c.value()) > cutoff) {
          break;
        }
        last = Keys.seqOf(c.key());
      }
    }
    if (last < 0) {
      return false;
    }
    store.deleteRange(KvStore.Space.STREAMS, Keys.record(st.id, sh.no, 0), Keys.record(st.id, sh.no, last + 1));
    sh.trimHorizon = last + 1;
    return true;
  }

  private void writeMeta(StreamState st) {
    try (KvStore.Batch b = store.batch()) {
      b.put(KvStore.Space.STREAMS, Keys.meta(st.id), st.toJsonBytes());
      b.put(KvStore.Space.STREAMS, Keys.nextSeq(st.id), Keys.longValue(st.nextSeq));
      store.write(b);
    }
  }

  /** Rolls shards over, trims records and drops expired shards and streams, for every stream. */
  public void runMaintenance() {
    long now = clock.millis();
    for (StreamState st : new ArrayList<>(streams.values())) {
      st.lock.lock();
      try {
        maintain(st, now, true);
      } finally {
        st.lock.unlock();
      }
    }
  }

  // ---------------------------------------------------------------- reads

  /** Runs {@code maintain} on the stream and returns it locked, or null (unlocked) if unknown or expired. */
  private StreamState lockLive(String arn) {
    StreamState st = arn == null ? null : streams.get(arn);
    if (st == null) {
      return null;
    }
    st.lock.lock();
    if (!maintain(st, clock.millis(), false) || streams.get(arn) != st) {
      st.lock.unlock();
      return null;
    }
    return st;
  }

  /** All retained streams, sorted by ARN. */
  public List<StreamInfo> streams() {
    List<String> arns = new ArrayList<>(streams.keySet());
    arns.sort(Comparator.naturalOrder());
    List<StreamInfo> out = new ArrayList<>(arns.size());
    for (String arn : arns) {
      StreamInfo info = stream(arn);
      if (info != null) {
        out.add(info);
      }
    }
    return out;
  }

  /** The stream, or null when it does not exist (any more). */
  public StreamInfo stream(String arn) {
    StreamState st = lockLive(arn);
    if (st == null) {
      return null;
    }
    try {
      List<StreamInfo.ShardInfo> shards = new ArrayList<>(st.shards.size());
      for (ShardState sh : st.shards) {
        shards.add(new StreamInfo.ShardInfo(sh.shardId, sh.parentShardId, SequenceNumbers.format(sh.startSeq),
            sh.endSeq == null ? null : SequenceNumbers.format(sh.endSeq)));
      }
      shards.sort(Comparator.comparing(StreamInfo.ShardInfo::shardId));
      return new StreamInfo(st.arn, st.label, st.tableName, st.isEnabled(), st.viewType, st.createdMillis,
          st.keySchema.deepCopy(), List.copyOf(shards));
    } finally {
      st.lock.unlock();
    }
  }

  static ApiException streamNotFound(String arn) {
    return ApiException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
  }

  static ApiException shardNotFound(String shardId) {
    return ApiException.resourceNotFound("Requested resource not found: Shard does not exist");
  }

  static ApiException trimmed() {
    return new ApiException(ErrorCode.TRIMMED_DATA_ACCESS, "The data you are trying to access has been trimmed.");
  }

  /**
   * GetShardIterator. {@code type} is one of TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER,
   * AFTER_SEQUENCE_NUMBER, and {@code sequenceNumber} is given exactly for the last two
   * (the operation checks both).
   */
  public String shardIterator(String arn, String shardId, String type, String sequenceNumber) {
    StreamState st = lockLive(arn);
    if (st == null) {
      throw streamNotFound(arn);
    }
    long position;
    try {
      ShardState sh = st.shard(shardId);
      if (sh == null) {
        throw shardNotFound(shardId);
      }
      switch (type) {
        case "TRIM_HORIZON":
          position = sh.trimHorizon;
          break;
        case "LATEST":
          position = sh.isOpen() ? st.nextSeq : sh.endSeq + 1;
          break;
        case "AT_SEQUENCE_NUMBER":
        case "AFTER_SEQUENCE_NUMBER": {
          long seq = SequenceNumbers.parse(sequenceNumber);
          long last = sh.isOpen() ? st.nextSeq - 1 : sh.endSeq;
          if (seq < sh.startSeq || seq > last) {
            throw ApiException.validation("Invalid SequenceNumber for ShardIteratorType " + type
                + ": the sequence number " + sequenceNumber + " is outside the range of shard " + shardId);
          }
          position = "AT_SEQUENCE_NUMBER".equals(type) ? seq : seq + 1;
          if (position < sh.trimHorizon) {
            throw trimmed();
          }
          break;
        }
        default:
          throw new IllegalArgumentException("iterator type " + type);
      }
    } finally {
      st.lock.unlock();
    }
    return iterators().encode(arn, shardId, position, clock.millis());
  }

  /**
   * GetRecords: at most {@code limit} records and about 1 MB from the iterator's position. Under an
   * {@link InlineBudget} (the server's event loop) it throws {@link InlineBudget.Exceeded} rather
   * than read more records than the budget allows; it changes nothing, so the call can run again.
   */
  public RecordsPage records(String iterator, int limit) {
    ShardIterators.Decoded it = iterators().decode(iterator);
    if (it == null) {
      throw ApiException.validation("Invalid ShardIterator");
    }
    long now = clock.millis();
    if (now - it.issuedMillis() > settings.iteratorLifetime().toMillis()) {
      throw new ApiException(ErrorCode.EXPIRED_ITERATOR, "The provided iterator exceeds the maximum age allowed.");
    }
    StreamState st = lockLive(it.streamArn());
    if (st == null) {
      throw trimmed(); // the whole stream has expired: its data is gone
    }
    long streamId;
    int shardNo;
    boolean closed;
    String viewType;
    try {
      ShardState sh = st.shard(it.shardId());
      if (sh == null || it.position() < sh.trimHorizon) {
        throw trimmed();
      }
      streamId = st.id;
      shardNo = sh.no;
      closed = !sh.isOpen();
      viewType = st.viewType;
    } finally {
      st.lock.unlock();
    }
    // The page's stored records are collected first and rendered once the page is known to fit
    // the budget, so a call that exceeds it has not rendered anything.
    List<byte[]> values = new ArrayList<>(Math.min(limit, 128));
    long[] seqs = new long[Math.min(limit, 128)];
    long position = it.position();
    boolean exhausted;
    long bytes = 0;
    int budget = InlineBudget.items();
    byte[] from = Keys.record(streamId, shardNo, Math.max(0, position));
    try (KvStore.Cursor c = store.cursor(KvStore.Space.STREAMS, from, Keys.shardEnd(streamId, shardNo))) {
      c.seek(from);
      while (true) {
        byte[] key = c.valid() ? c.key() : null;
        if (key == null || !Keys.inShard(key, streamId, shardNo)) {
          exhausted = true;
          break;
        }
        int n = values.size();
        if (n >= limit) {
          exhausted = false;
          break;
        }
        if (n >= budget) {
          throw InlineBudget.exceeded();
        }
        byte[] value = c.value();
        if (n > 0 && bytes + value.length > MAX_RECORDS_BYTES) {
          exhausted = false;
          break;
        }
        long seq = Keys.seqOf(key);
        if (n == seqs.length) {
          seqs = Arrays.copyOf(seqs, Math.min(limit, n * 2));
        }
        values.add(value);
        seqs[n] = seq;
        bytes += value.length;
        position = seq + 1;
        c.next();
      }
    }
    RecordCodec.Renderer renderer = new RecordCodec.Renderer(region, viewType);
    List<byte[]> records = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      records.add(renderer.render(values.get(i), streamId, seqs[i]));
    }
    String next = closed && exhausted ? null : iterators().encode(it.streamArn(), it.shardId(), position, clock.millis());
    return new RecordsPage(records, next);
  }
}
