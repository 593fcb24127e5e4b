package dev.eddy.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * The stream-lag workload: {@value #WRITERS} writer threads together put items at a fixed rate
 * ({@code --rate}; each item has one writer), each item carrying its sequence number; one
 * reader polls GetRecords on every shard of the table's stream. Lag is
 * the time from PutItem's return to the record being read (0 when the record was read before
 * the put returned). Also checks that no write is lost, none read twice, and that per item the
 * records come in write order.
 */
final class StreamLag {
  /** Items the writer cycles through: each is written rate/KEYS times a second. */
  static final int KEYS = 100;
  /** Writer threads; KEYS is a multiple of it, so every item has exactly one writer. */
  static final int WRITERS = 4;
  private static final long DESCRIBE_EVERY_NANOS = 250_000_000L;
  private static final long GRACE_NANOS = 10_000_000_000L;

  private final LoadGenerator gen;
  private final Options options;

  StreamLag(LoadGenerator gen, Options options) {
    this.gen = gen;
    this.options = options;
  }

  Result run() {
    if (!options.stream()) {
      return new Result("stream-lag", 1, 0, Result.newHistogram(), 0, "skipped=no-stream", options.label());
    }
    String streamArn = gen.ddb.describeTable(b -> b.tableName(options.table())).table().latestStreamArn();
    int rate = options.rate();
    int total = Math.toIntExact((long) rate * (options.warmupSeconds() + options.seconds()));
    int firstMeasured = rate * options.warmupSeconds();
    Check check = new Check(total);
    AtomicLongArray returnedAt = new AtomicLongArray(total);
    AtomicLong writeErrors = new AtomicLong();
    AtomicLong writerDoneAt = new AtomicLong();
    AtomicLong writerStartAt = new AtomicLong();

    Reader reader = new Reader(streamArn, check);
    reader.discover(true); // existing shards from LATEST: the loaded items' records are not wanted

    // WRITERS threads share the rate; writer w writes sequence numbers w, w + WRITERS, ... and so
    // owns the items seq % KEYS with that remainder: each item has one writer, so its order is defined.
    java.util.concurrent.CountDownLatch writersDone = new java.util.concurrent.CountDownLatch(WRITERS);
    long start = System.nanoTime() + 20_000_000L;
    writerStartAt.set(start);
    double interval = 1e9 / rate;
    String table = Json.quote(options.table());
    for (int w = 0; w < WRITERS; w++) {
      int first = w;
      Thread writer = new Thread(() -> {
        RawClient raw = null;
        try {
          raw = options.rawClient() ? new RawClient(options.endpoint()) : null;
          for (int seq = first; seq < total; seq += WRITERS) {
            long due = start + (long) (seq * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
              LockSupport.parkNanos(wait);
            }
            int s = seq;
            try {
              if (raw != null) {
                raw.ok("PutItem", "{\"TableName\":" + table + ",\"Item\":{\"pk\":{\"S\":\"lag" + (s % KEYS)
                    + "\"},\"sk\":{\"N\":\"0\"},\"seq\":{\"N\":\"" + s + "\"}}}");
              } else {
                gen.ddb.putItem(b -> b.tableName(options.table()).item(Map.of(
                    "pk", AttributeValue.fromS("lag" + (s % KEYS)),
                    "sk", AttributeValue.fromN("0"),
                    "seq", AttributeValue.fromN(Integer.toString(s)))));
              }
              returnedAt.set(s, System.nanoTime());
            } catch (RuntimeException | java.io.IOException e) {
              if (writeErrors.getAndIncrement() == 0) {
                System.err.println("# stream-lag: first write error: " + e);
              }
            }
          }
        } catch (java.io.IOException e) {
          System.err.println("# stream-lag: writer cannot connect: " + e);
        } finally {
          closeQuietly(raw);
          writersDone.countDown();
          if (writersDone.getCount() == 0) {
            writerDoneAt.set(System.nanoTime());
          }
        }
      }, "stream-lag-writer-" + w);
      writer.setDaemon(true);
      writer.start();
    }

    long measureStart = 0;
    while (true) {
      boolean got = reader.pollAll();
      long now = System.nanoTime();
      long writerDone = writerDoneAt.get();
      if (measureStart == 0 && check.highestSeen() >= firstMeasured) {
        measureStart = now;
      }
      if (writerDone != 0) {
        long expected = total - writeErrors.get();
        if (check.distinctRead() >= expected || now - writerDone > GRACE_NANOS) {
          break;
        }
      }
      if (!got && options.pollMillis() > 0) {
        LockSupport.parkNanos(options.pollMillis() * 1_000_000L);
      }
    }
    long readEnd = System.nanoTime();
    reader.close();

    Histogram lag = Result.newHistogram();
    long written = 0;
    long lost = 0;
    long early = 0;
    long measuredRead = 0;
    for (int seq = 0; seq < total; seq++) {
      long returned = returnedAt.get(seq);
      if (returned == 0) {
        continue; // the put failed: counted in errors
      }
      written++;
      long read = check.readAt[seq];
      if (read == 0) {
        lost++;
        continue;
      }
      if (seq >= firstMeasured) {
        measuredRead++;
        long d = read - returned;
        if (d < 0) {
          early++;
          d = 0;
        }
        lag.recordValue(Math.min(d, lag.getHighestTrackableValue()));
      }
    }
    double seconds = measureStart == 0 ? options.seconds() : Math.max(1e-9, (readEnd - measureStart) / 1e9);
    String extra = String.format(Locale.ROOT,
        "rate=%d/s achieved=%.0f/s written=%d read=%d lost=%d duplicated=%d reordered=%d"
            + " read-before-put-returned=%d",
        rate, total / Math.max(1e-9, (writerDoneAt.get() - writerStartAt.get()) / 1e9), written, check.distinctRead(), lost, check.duplicated, check.reordered, early);
    return new Result("stream-lag", WRITERS, measuredRead / seconds, lag,
        writeErrors.get() + reader.errors, extra, options.label());
  }

  private static void closeQuietly(RawClient c) {
    if (c != null) {
      try {
        c.close();
      } catch (java.io.IOException ignored) {
        // the run is over
      }
    }
  }

  /** Per-sequence bookkeeping of what was read: duplicates, per-item order, read times. */
  static final class Check {
    final long[] readAt;
    private final BitSet seen = new BitSet();
    private final int[] lastPerKey = new int[KEYS];
    private int distinct;
    private int highest = -1;
    long duplicated;
    long reordered;

    Check(int total) {
      readAt = new long[total];
      Arrays.fill(lastPerKey, -1);
    }

    void record(int seq, long at) {
      if (seq < 0 || seq >= readAt.length) {
        return;
      }
      if (seen.get(seq)) {
        duplicated++;
        return;
      }
      seen.set(seq);
      distinct++;
      readAt[seq] = at;
      highest = Math.max(highest, seq);
      int key = seq % KEYS;
      if (lastPerKey[key] > seq) {
        reordered++;
      } else {
        lastPerKey[key] = seq;
      }
    }

    int distinctRead() {
      return distinct;
    }

    int highestSeen() {
      return highest;
    }
  }

  /** Follows every shard of one stream; a child shard is read only once its parent is done. */
  private final class Reader {
    private final String streamArn;
    private final Check check;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> known = new HashSet<>();
    private final Set<String> finished = new HashSet<>();
    private long lastDescribe;
    private final RawClient raw;
    long errors;

    Reader(String streamArn, Check check) {
      this.streamArn = streamArn;
      this.check = check;
      try {
        this.raw = options.rawClient() ? new RawClient(options.endpoint()) : null;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    void close() {
      closeQuietly(raw);
    }

    /** One shard as DescribeStream lists it. */
    private record ShardInfo(String id, String parent, boolean open) {}

    void discover(boolean atStart) {
      lastDescribe = System.nanoTime();
      List<ShardInfo> shards;
      try {
        shards = raw != null ? rawShards() : sdkShards();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Set<String> all = new HashSet<>();
      for (ShardInfo s : shards) {
        all.add(s.id());
      }
      for (ShardInfo s : shards) {
        if (known.contains(s.id())) {
          continue;
        }
        if (!atStart && s.parent() != null && all.contains(s.parent()) && !finished.contains(s.parent())) {
          continue; // read the parent to its end first
        }
        if (atStart && !s.open()) {
          known.add(s.id());
          finished.add(s.id());
          continue;
        }
        String type = atStart ? "LATEST" : "TRIM_HORIZON";
        String it;
        try {
          it = raw != null ? rawIterator(s.id(), type)
              : gen.streams.getShardIterator(b -> b.streamArn(streamArn).shardId(s.id())
                  .shardIteratorType(ShardIteratorType.fromValue(type))).shardIterator();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        known.add(s.id());
        iterators.put(s.id(), it);
      }
    }

    private List<ShardInfo> sdkShards() {
      List<ShardInfo> shards = new ArrayList<>();
      for (Shard s : gen.shards(streamArn)) {
        shards.add(new ShardInfo(s.shardId(), s.parentShardId(),
            s.sequenceNumberRange() == null || s.sequenceNumberRange().endingSequenceNumber() == null));
      }
      return shards;
    }

    /**
     * DescribeStream with the raw client: the reader polls between these calls, and an SDK call
     * on its thread (milliseconds on a shared 2-core machine) would show up as lag.
     */
    private List<ShardInfo> rawShards() throws java.io.IOException {
      List<ShardInfo> shards = new ArrayList<>();
      String from = null;
      do {
        RawClient.Response r = raw.post("DynamoDBStreams_20120810.DescribeStream", "{\"StreamArn\":" + Json.quote(streamArn)
            + (from == null ? "" : ",\"ExclusiveStartShardId\":" + Json.quote(from)) + "}");
        if (r.status() != 200) {
          throw new java.io.IOException("DescribeStream: HTTP " + r.status() + " " + r.text());
        }
        com.fasterxml.jackson.databind.JsonNode d = Json.tree(r.body()).path("StreamDescription");
        for (com.fasterxml.jackson.databind.JsonNode s : d.path("Shards")) {
          com.fasterxml.jackson.databind.JsonNode parent = s.get("ParentShardId");
          shards.add(new ShardInfo(s.path("ShardId").asText(), parent == null ? null : parent.asText(),
              !s.path("SequenceNumberRange").has("EndingSequenceNumber")));
        }
        com.fasterxml.jackson.databind.JsonNode last = d.get("LastEvaluatedShardId");
        from = last == null || last.isNull() ? null : last.asText();
      } while (from != null);
      return shards;
    }

    private String rawIterator(String shardId, String type) throws java.io.IOException {
      RawClient.Response r = raw.post("DynamoDBStreams_20120810.GetShardIterator", "{\"StreamArn\":"
          + Json.quote(streamArn) + ",\"ShardId\":" + Json.quote(shardId) + ",\"ShardIteratorType\":\"" + type + "\"}");
      if (r.status() != 200) {
        throw new java.io.IOException("GetShardIterator: HTTP " + r.status() + " " + r.text());
      }
      return Json.tree(r.body()).path("ShardIterator").asText();
    }

    /** One GetRecords on every followed shard; true when any record came back. */
    boolean pollAll() {
      if (System.nanoTime() - lastDescribe > DESCRIBE_EVERY_NANOS) {
        try {
          discover(false);
        } catch (RuntimeException e) {
          errors++;
        }
      }
      boolean got = false;
      for (Map.Entry<String, String> e : new ArrayList<>(iterators.entrySet())) {
        Polled polled;
        try {
          polled = raw != null ? rawGetRecords(e.getValue()) : sdkGetRecords(e.getValue());
        } catch (RuntimeException | java.io.IOException ex) {
          if (errors++ == 0) {
            System.err.println("# stream-lag: first read error: " + ex);
          }
          continue;
        }
        got |= polled.gotRecords();
        if (polled.nextIterator() == null) {
          iterators.remove(e.getKey());
          finished.add(e.getKey());
        } else {
          iterators.put(e.getKey(), polled.nextIterator());
        }
      }
      return got;
    }

    /** What one GetRecords gave: whether any record came back, and the next iterator (null: shard done). */
    private record Polled(boolean gotRecords, String nextIterator) {}

    /** GetRecords through the SDK, recording the sequence numbers read. */
    private Polled sdkGetRecords(String iterator) {
      GetRecordsResponse resp = gen.streams.getRecords(b -> b.shardIterator(iterator).limit(1000));
      long at = System.nanoTime();
      for (Record r : resp.records()) {
        if (r.eventName() == OperationType.REMOVE || r.dynamodb() == null || !r.dynamodb().hasNewImage()) {
          continue;
        }
        AttributeValue seq = r.dynamodb().newImage().get("seq");
        if (seq != null && seq.n() != null) {
          check.record(Integer.parseInt(seq.n()), at);
        }
      }
      return new Polled(!resp.records().isEmpty(), resp.nextShardIterator());
    }

    /** GetRecords with the raw client: the same, reading the JSON answer itself. */
    private Polled rawGetRecords(String iterator) throws java.io.IOException {
      RawClient.Response r = raw.post("DynamoDBStreams_20120810.GetRecords",
          "{\"ShardIterator\":" + Json.quote(iterator) + ",\"Limit\":1000}");
      long at = System.nanoTime();
      if (r.status() != 200) {
        throw new java.io.IOException("GetRecords: HTTP " + r.status() + " " + r.text());
      }
      com.fasterxml.jackson.databind.JsonNode body = Json.tree(r.body());
      for (com.fasterxml.jackson.databind.JsonNode rec : body.path("Records")) {
        com.fasterxml.jackson.databind.JsonNode seq = rec.path("dynamodb").path("NewImage").path("seq").path("N");
        if (!"REMOVE".equals(rec.path("eventName").asText()) && seq.isTextual()) {
          check.record(Integer.parseInt(seq.asText()), at);
        }
      }
      com.fasterxml.jackson.databind.JsonNode next = body.get("NextShardIterator");
      return new Polled(body.path("Records").size() > 0, next == null || next.isNull() ? null : next.asText());
    }
  }
}
