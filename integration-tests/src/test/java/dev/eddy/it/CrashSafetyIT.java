package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Crash safety: the runnable jar, under a concurrent load of puts, updates (ADD), deletes and
 * two-item transactions on a table with a NEW_AND_OLD_IMAGES stream, is killed with SIGKILL at
 * random moments and restarted on the same data directory. After every restart:
 *
 * <ul>
 *   <li>every acknowledged write is there (each item is owned by one client thread, so the client
 *       knows its exact state; the one operation a thread had in flight at the kill may or may
 *       not have happened, but wholly: both items of a transaction or neither);
 *   <li>the stream holds exactly one record per committed change, in order per item: replaying
 *       each item's records (old image = previous new image) ends at the item in the table, and
 *       their number is the number of changes the client saw acknowledged.
 * </ul>
 *
 * <p>{@code -Deddy.crash.kills=N} (default 8) sets the kill points, {@code -Deddy.crash.seed}
 * replays a run.
 */
class CrashSafetyIT {
  private static final String TABLE = "crash";
  private static final int THREADS = 6;
  private static final int ITEMS_PER_THREAD = 5;
  private static final AttributeValue ONE = AttributeValue.fromN("1");

  /** What the client knows: item key to state (absent: no entry) and changes made to it. */
  private final Map<String, Map<String, AttributeValue>> model = new HashMap<>();
  private final Map<String, Integer> changes = new HashMap<>();
  private final AtomicLong opSeq = new AtomicLong();
  private long acknowledged;
  private long rejected;
  private long inFlightApplied;
  private long inFlightNotApplied;

  @Test
  void acknowledgedWritesAndTheirStreamRecordsSurviveSigkill(@TempDir Path dir) throws Exception {
    int kills = Integer.getInteger("eddy.crash.kills", 8);
    long seed = Long.getLong("eddy.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    System.out.println("CrashSafetyIT: seed " + seed + ", " + kills + " kill points");
    Path data = dir.resolve("data");
    long t0 = System.nanoTime();
    EddyProcess eddy = EddyProcess.startServing("--data-dir", data.toString());
    String streamArn;
    try (DynamoDbClient ddb = client(eddy.endpoint())) {
      streamArn = ddb.createTable(b -> b.tableName(TABLE)
          .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
              .attributeType(ScalarAttributeType.S).build())
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
          .tableDescription().latestStreamArn();
    }
    int checkedRecords = 0;
    try {
      for (int round = 1; round <= kills; round++) {
        List<Pending> pending = loadAndKill(eddy, random, 50 + random.nextInt(1500));
        eddy.close();
        eddy = EddyProcess.startServing("--data-dir", data.toString());
        checkedRecords = verify(eddy.endpoint(), streamArn, pending, round);
      }
      assertEquals(0, eddy.stop());
    } finally {
      eddy.close();
    }
    long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
    System.out.printf("CrashSafetyIT: %d kill points survived in %d s; %d acknowledged writes checked"
        + " (%d refused with an error), in flight at a kill: %d applied wholly, %d not at all;"
        + " %d stream records replayed; nothing lost%n",
        kills, seconds, acknowledged, rejected, inFlightApplied, inFlightNotApplied, checkedRecords);
    assertTrue(acknowledged > kills * 3L, "the load made progress: " + acknowledged);
  }

  /** A write whose answer never came: the states of its items if it was applied. */
  private record Pending(Map<String, Map<String, AttributeValue>> after) {}

  private List<Pending> loadAndKill(EddyProcess eddy, Random random, int millis) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    List<Pending> pending = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = new ArrayList<>();
    List<DynamoDbClient> clients = new ArrayList<>();
    java.util.concurrent.CountDownLatch warm = new java.util.concurrent.CountDownLatch(THREADS);
    for (int t = 0; t < THREADS; t++) {
      List<String> own = new ArrayList<>();
      for (int i = 0; i < ITEMS_PER_THREAD; i++) {
        own.add("t" + t + "-i" + i);
      }
      long threadSeed = random.nextLong();
      DynamoDbClient ddb = client(eddy.endpoint());
      clients.add(ddb);
      Thread th = new Thread(() -> {
        try {
          Pending p = writeUntilFailure(ddb, own, new Random(threadSeed), stop, warm);
          if (p != null) {
            synchronized (pending) {
              pending.add(p);
            }
          }
        } catch (Throwable e) {
          synchronized (errors) {
            errors.add(e);
          }
        }
      }, "crash-load-" + t);
      threads.add(th);
      th.start();
    }
    // The kill comes at a random moment once every client is writing (first answers are slow).
    warm.await(60, java.util.concurrent.TimeUnit.SECONDS);
    Thread.sleep(millis);
    eddy.kill();
    stop.set(true);
    for (Thread th : threads) {
      th.join(60_000);
      assertTrue(!th.isAlive(), th.getName() + " still running");
    }
    clients.forEach(DynamoDbClient::close);
    if (!errors.isEmpty()) {
      throw new AssertionError("load thread failed", errors.get(0));
    }
    return pending;
  }

  /** Writes until a request fails without an answer; returns that request (or null). */
  private Pending writeUntilFailure(DynamoDbClient ddb, List<String> own, Random random, AtomicBoolean stop,
      java.util.concurrent.CountDownLatch warm) {
    while (true) {
      long n = opSeq.incrementAndGet();
      String a = own.get(random.nextInt(own.size()));
      String b = own.get(random.nextInt(own.size()));
      Map<String, Map<String, AttributeValue>> after = new LinkedHashMap<>();
      Runnable call;
      int kind = random.nextInt(100);
      AttributeValue seq = AttributeValue.fromN(Long.toString(n));
      AttributeValue pay = AttributeValue.fromS("p".repeat(1 + random.nextInt(200)) + n);
      if (kind < 30) {
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS(a), "seq", seq, "pay", pay);
        after.put(a, item);
        call = () -> ddb.putItem(r -> r.tableName(TABLE).item(item));
      } else if (kind < 65) {
        after.put(a, updated(current(a), a, seq, Map.of("pay", pay)));
        call = () -> ddb.updateItem(r -> r.tableName(TABLE).key(key(a))
            .updateExpression("SET seq = :s, pay = :p ADD c :one")
            .expressionAttributeValues(Map.of(":s", seq, ":p", pay, ":one", ONE)));
      } else if (kind < 75) {
        after.put(a, null);
        call = () -> ddb.deleteItem(r -> r.tableName(TABLE).key(key(a)));
      } else {
        if (a.equals(b)) {
          b = own.get((own.indexOf(a) + 1) % own.size());
        }
        String other = b;
        Map<String, AttributeValue> put = Map.of("pk", AttributeValue.fromS(a), "seq", seq, "tx", seq);
        after.put(a, put);
        after.put(other, updated(current(other), other, seq, Map.of("tx", seq)));
        call = () -> ddb.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().put(Put.builder().tableName(TABLE).item(put).build()).build(),
            TransactWriteItem.builder().update(Update.builder().tableName(TABLE).key(key(other))
                .updateExpression("SET seq = :s, tx = :s ADD c :one")
                .expressionAttributeValues(Map.of(":s", seq, ":one", ONE)).build()).build()));
      }
      try {
        call.run();
      } catch (AwsServiceException e) {
        // An answered error (e.g. throttling): definitely not applied.
        synchronized (this) {
          rejected++;
        }
        continue;
      } catch (SdkClientException e) {
        warm.countDown();
        return new Pending(after); // no answer: the server died with it in flight
      }
      warm.countDown();
      synchronized (this) {
        apply(after);
        acknowledged++;
      }
      if (stop.get()) {
        return null; // answered after the kill was decided: nothing in flight
      }
    }
  }

  private synchronized Map<String, AttributeValue> current(String item) {
    return model.get(item);
  }

  private static Map<String, AttributeValue> updated(Map<String, AttributeValue> old, String pk, AttributeValue seq,
      Map<String, AttributeValue> set) {
    Map<String, AttributeValue> m = old == null ? new HashMap<>(Map.of("pk", AttributeValue.fromS(pk)))
        : new HashMap<>(old);
    m.put("seq", seq);
    m.putAll(set);
    AttributeValue c = m.get("c");
    m.put("c", AttributeValue.fromN(Long.toString(c == null ? 1 : Long.parseLong(c.n()) + 1)));
    return Map.copyOf(m);
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", AttributeValue.fromS(pk));
  }

  /** Records the new states and counts the real changes (an item deleted while absent is none). */
  private void apply(Map<String, Map<String, AttributeValue>> after) {
    for (Map.Entry<String, Map<String, AttributeValue>> e : after.entrySet()) {
      Map<String, AttributeValue> before = model.get(e.getKey());
      if (!Objects.equals(before, e.getValue())) {
        changes.merge(e.getKey(), 1, Integer::sum);
      }
      if (e.getValue() == null) {
        model.remove(e.getKey());
      } else {
        model.put(e.getKey(), e.getValue());
      }
    }
  }

  /** Checks table and stream after a restart; returns the number of stream records replayed. */
  private int verify(URI endpoint, String streamArn, List<Pending> pending, int round) {
    try (DynamoDbClient ddb = client(endpoint); DynamoDbStreamsClient streams = streamsClient(endpoint)) {
      Map<String, Map<String, AttributeValue>> table = new HashMap<>();
      ddb.scanPaginator(r -> r.tableName(TABLE).consistentRead(true)).items()
          .forEach(item -> table.put(item.get("pk").s(), item));
      for (Pending p : pending) {
        boolean applied = p.after().entrySet().stream()
            .allMatch(e -> Objects.equals(table.get(e.getKey()), e.getValue()));
        boolean notApplied = p.after().keySet().stream()
            .allMatch(k -> Objects.equals(table.get(k), model.get(k)));
        if (applied) {
          apply(p.after());
          inFlightApplied++;
        } else if (notApplied) {
          inFlightNotApplied++;
        } else {
          fail("round " + round + ": a write in flight at the kill is partly visible: expected either "
              + p.after() + " or the previous state; found " + subset(table, p.after().keySet()));
        }
      }
      for (String k : union(model.keySet(), table.keySet())) {
        assertEquals(model.get(k), table.get(k), "round " + round + ": item " + k + " after restart");
      }

      List<Record> records = readStream(streams, streamArn);
      Map<String, List<Record>> byItem = new HashMap<>();
      BigInteger previous = BigInteger.valueOf(-1);
      for (Record r : records) {
        BigInteger seq = new BigInteger(r.dynamodb().sequenceNumber());
        assertTrue(seq.compareTo(previous) > 0, "sequence numbers increase");
        previous = seq;
        byItem.computeIfAbsent(r.dynamodb().keys().get("pk").s(), k -> new ArrayList<>()).add(r);
      }
      for (String k : union(union(changes.keySet(), byItem.keySet()), table.keySet())) {
        List<Record> mine = byItem.getOrDefault(k, List.of());
        assertEquals(changes.getOrDefault(k, 0), mine.size(),
            "round " + round + ": stream records of " + k + " (one per committed change)");
        Map<String, AttributeValue> image = null;
        for (Record r : mine) {
          Map<String, AttributeValue> old = r.dynamodb().hasOldImage() ? r.dynamodb().oldImage() : null;
          Map<String, AttributeValue> now = r.dynamodb().hasNewImage() ? r.dynamodb().newImage() : null;
          assertEquals(image, old, "round " + round + ": old image of " + k + " at " + r.dynamodb().sequenceNumber());
          OperationType expectedType = image == null ? OperationType.INSERT
              : now == null ? OperationType.REMOVE : OperationType.MODIFY;
          assertEquals(expectedType, r.eventName(), "event of " + k);
          image = now;
        }
        assertEquals(table.get(k), image, "round " + round + ": replaying the stream of " + k + " gives the table");
      }
      return records.size();
    }
  }

  private static Map<String, Map<String, AttributeValue>> subset(Map<String, Map<String, AttributeValue>> m,
      java.util.Set<String> keys) {
    Map<String, Map<String, AttributeValue>> out = new HashMap<>();
    keys.forEach(k -> out.put(k, m.get(k)));
    return out;
  }

  private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static List<Record> readStream(DynamoDbStreamsClient streams, String arn) {
    List<Record> out = new ArrayList<>();
    for (Shard shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
      String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      while (it != null) {
        String current = it;
        GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(current).limit(1000));
        out.addAll(r.records());
        if (r.records().isEmpty()) {
          break;
        }
        it = r.nextShardIterator();
      }
    }
    out.sort((x, y) -> new BigInteger(x.dynamodb().sequenceNumber())
        .compareTo(new BigInteger(y.dynamodb().sequenceNumber())));
    assertNotNull(out);
    return out;
  }

  private static DynamoDbClient client(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
        .httpClient(UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(30)).build())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  private static DynamoDbStreamsClient streamsClient(URI endpoint) {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
