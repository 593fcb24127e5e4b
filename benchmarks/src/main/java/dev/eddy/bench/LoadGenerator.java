package dev.eddy.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Drives any DynamoDB endpoint through the AWS SDK v2 (Apache HTTP client, one pooled connection
 * per thread) with N closed-loop client threads for S seconds after a warm-up, and prints one
 * line per workload. See {@link Options#USAGE}.
 *
 * <p>Table layout: hash key {@code pk} (S), range key {@code sk} (N); item {@code i} of the
 * {@code --table-size} loaded items lives at {@code pk = "p" + i / 100, sk = i % 100}, so every
 * partition holds 100 items for the query workload, and carries a payload attribute {@code d}
 * sized so the whole item is about {@code --item-size} bytes, and a number {@code v} that every
 * write changes. DynamoDB skips a write that would leave an item as it was (no change, no stream
 * record), so without {@code v} an overwrite of a loaded item with the same content measures a
 * read and a compare, not a write.
 */
public final class LoadGenerator implements AutoCloseable {
  static final int PARTITION_ITEMS = 100;
  static final int QUERY_PAGE = 10;
  static final int BATCH = 25;
  /** Keys in one BatchGetItem of the batchget workload: the most one call may ask for. */
  static final int BATCH_GET = 100;

  private final Options options;
  private final SdkHttpClient http;
  final DynamoDbClient ddb;
  final DynamoDbStreamsClient streams;
  private final String payload;
  /** The {@code v} of the next item the load phases write (distinct, so every write changes its item). */
  private final AtomicLong versions = new AtomicLong();

  LoadGenerator(Options options) {
    this.options = options;
    int connections = options.threads() + 8;
    this.http = ApacheHttpClient.builder()
        .maxConnections(connections)
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(60))
        .tcpKeepAlive(true)
        .build();
    StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
        AwsBasicCredentials.create("bench", "bench"));
    this.ddb = DynamoDbClient.builder()
        .endpointOverride(options.endpoint())
        .endpointProvider(p -> java.util.concurrent.CompletableFuture.completedFuture(
            software.amazon.awssdk.endpoints.Endpoint.builder().url(options.endpoint()).build()))
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
    this.streams = DynamoDbStreamsClient.builder()
        .endpointOverride(options.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
    this.payload = payload(options.itemSize());
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println(e.getMessage());
      }
      System.err.print(Options.USAGE);
      System.exit(2);
      return;
    }
    try (LoadGenerator gen = new LoadGenerator(options)) {
      gen.runAll(); // prints each workload's line as it finishes
    }
  }

  /** Creates and loads the table, runs every workload (printing its line), deletes the table. */
  List<Result> runAll() {
    List<Result> results = new ArrayList<>();
    long t0 = System.nanoTime();
    createTable();
    load();
    if (options.tableSize() >= 1_000_000) {
      awaitQuietServer();
    }
    growStreamLog();
    System.err.printf(Locale.ROOT, "# table %s: %d items of ~%d B%s loaded in %.1f s%n",
        options.table(), options.tableSize(), options.itemSize(),
        options.stream() ? " (stream NEW_AND_OLD_IMAGES)" : " (no stream)",
        (System.nanoTime() - t0) / 1e9);
    try {
      for (String w : options.workloads()) {
        Result r;
        try {
          r = run(w);
        } catch (RuntimeException e) {
          // One workload the server cannot serve must not hide the others' figures.
          System.err.println("# " + w + " failed: " + e);
          String why = String.valueOf(e.getMessage()).replaceAll("\\s+", "_");
          r = new Result(w, w.equals("stream-lag") ? 1 : options.threads(), 0, Result.newHistogram(), 1,
              "failed=" + why.substring(0, Math.min(80, why.length())), options.label());
        }
        System.out.println(r.line());
        System.out.flush();
        results.add(r);
      }
    } finally {
      try {
        ddb.deleteTable(b -> b.tableName(options.table()));
      } catch (RuntimeException e) {
        System.err.println("# could not delete table " + options.table() + ": " + e);
      }
    }
    return results;
  }

  Result run(String workload) {
    if (options.rawClient() && RAW_WORKLOADS.contains(workload)) {
      return runRaw(workload);
    }
    return switch (workload) {
      case "put" -> closedLoop("put", (t, r) -> {
        ddb.putItem(b -> b.tableName(options.table()).item(item(r.nextInt(options.tableSize()), version(r))));
        return 0;
      }, null);
      case "get" -> closedLoop("get", (t, r) -> {
        GetItemResponse resp = ddb.getItem(b -> b.tableName(options.table())
            .key(key(r.nextInt(options.tableSize()))));
        if (!resp.hasItem()) {
          throw new IllegalStateException("GetItem: item missing");
        }
        return 0;
      }, null);
      case "query" -> closedLoop("query", (t, r) -> {
        QueryPage q = QueryPage.pick(r, options.tableSize());
        QueryResponse resp = ddb.query(b -> b.tableName(options.table())
            .keyConditionExpression("pk = :p AND sk >= :s")
            .expressionAttributeValues(Map.of(
                ":p", AttributeValue.fromS("p" + q.partition()), ":s", AttributeValue.fromN(Integer.toString(q.from()))))
            .limit(QUERY_PAGE));
        return q.check(resp.count());
      }, null);
      case "batchwrite" -> closedLoop("batchwrite", (t, r) -> {
        int base = options.tableSize() >= BATCH ? r.nextInt(options.tableSize()) : newItemsBase(t, r);
        List<WriteRequest> writes = new ArrayList<>(BATCH);
        for (int k = 0; k < BATCH; k++) {
          int i = options.tableSize() >= BATCH ? (base + k) % options.tableSize() : base + k;
          writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(i, version(r))).build()).build());
        }
        BatchWriteItemResponse resp = ddb.batchWriteItem(b -> b.requestItems(Map.of(options.table(), writes)));
        int unprocessed = resp.hasUnprocessedItems()
            ? resp.unprocessedItems().getOrDefault(options.table(), List.of()).size() : 0;
        return BATCH - unprocessed;
      }, units -> String.format(Locale.ROOT, "items/s=%.1f", units));
      case "batchget" -> closedLoop("batchget", (t, r) -> {
        int base = r.nextInt(options.tableSize());
        List<Map<String, AttributeValue>> keys = new ArrayList<>(BATCH_GET);
        for (int k = 0; k < batchGetKeys(); k++) {
          keys.add(key((base + k) % options.tableSize()));
        }
        BatchGetItemResponse resp = ddb.batchGetItem(b -> b.requestItems(
            Map.of(options.table(), KeysAndAttributes.builder().keys(keys).build())));
        return checkBatchGet(resp.responses().getOrDefault(options.table(), List.of()).size(),
            !resp.unprocessedKeys().isEmpty());
      }, units -> String.format(Locale.ROOT, "items/s=%.1f", units));
      case "update" -> closedLoop("update", (t, r) -> {
        ddb.updateItem(b -> b.tableName(options.table())
            .key(key(r.nextInt(options.tableSize())))
            .updateExpression("SET #d = :d ADD #c :one")
            .expressionAttributeNames(Map.of("#d", "d", "#c", "c"))
            .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(payload),
                ":one", AttributeValue.fromN("1"))));
        return 0;
      }, null);
      case "transact" -> closedLoop("transact", (t, r) -> {
        int a = r.nextInt(options.tableSize());
        int b2 = otherItem(a, t, r);
        ddb.transactWriteItems(b -> b.transactItems(
            TransactWriteItem.builder().put(p -> p.tableName(options.table()).item(item(a, version(r)))).build(),
            TransactWriteItem.builder().put(p -> p.tableName(options.table()).item(item(b2, version(r)))).build()));
        return 0;
      }, null);
      case "scan" -> scan();
      case "describe" -> closedLoop("describe", (t, r) -> {
        ddb.describeTable(b -> b.tableName(options.table()));
        return 0;
      }, null);
      case "tables" -> {
        long[] made = new long[options.threads()];
        yield closedLoop("tables", (t, r) -> {
          String name = options.table() + "_c" + t + "_" + made[t]++;
          createTable(name, false);
          for (int k = 0; k < TABLE_CYCLE_PUTS; k++) {
            ddb.putItem(b -> b.tableName(name).item(item(r.nextInt(options.tableSize()), version(r))));
          }
          ddb.deleteTable(b -> b.tableName(name));
          return 0;
        }, null);
      }
      case "stream-read" -> streamRead(null);
      case "stream-lag" -> new StreamLag(this, options).run();
      default -> throw new IllegalArgumentException(workload);
    };
  }

  static final List<String> RAW_WORKLOADS = List.of(
      "put", "get", "query", "batchwrite", "batchget", "update", "transact", "scan", "describe", "tables", "stream-read");

  /** PutItems in each CreateTable ... DeleteTable cycle of the tables workload. */
  static final int TABLE_CYCLE_PUTS = 5;

  /**
   * The closed-loop workloads with {@link RawClient}: the same requests as the SDK variants above
   * (the SDK's ClientRequestToken included: random, as the SDK's, since a token reused within 10
   * minutes with other items is IdempotentParameterMismatchException), the same checks on the answers.
   */
  private Result runRaw(String workload) {
    RawClient[] clients = new RawClient[options.threads()];
    String table = Json.quote(options.table());
    try {
      return switch (workload) {
        case "put" -> closedLoop("put", (t, r) -> {
          raw(clients, t).ok("PutItem", "{\"TableName\":" + table + ",\"Item\":" + itemJson(r.nextInt(options.tableSize()), version(r)) + "}");
          return 0;
        }, null);
        case "get" -> closedLoop("get", (t, r) -> {
          String body = raw(clients, t).ok("GetItem",
              "{\"TableName\":" + table + ",\"Key\":" + keyJson(r.nextInt(options.tableSize())) + "}");
          if (!body.contains("\"Item\"")) {
            throw new IllegalStateException("GetItem: item missing");
          }
          return 0;
        }, null);
        case "query" -> closedLoop("query", (t, r) -> {
          QueryPage q = QueryPage.pick(r, options.tableSize());
          String body = raw(clients, t).ok("Query", "{\"TableName\":" + table
              + ",\"KeyConditionExpression\":\"pk = :p AND sk >= :s\",\"ExpressionAttributeValues\":{"
              + "\":p\":{\"S\":\"p" + q.partition() + "\"},\":s\":{\"N\":\"" + q.from() + "\"}},\"Limit\":"
              + QUERY_PAGE + "}");
          return q.check(Json.intField(body, "Count"));
        }, null);
        case "batchwrite" -> closedLoop("batchwrite", (t, r) -> {
          int base = options.tableSize() >= BATCH ? r.nextInt(options.tableSize()) : newItemsBase(t, r);
          StringBuilder sb = new StringBuilder(BATCH * (options.itemSize() + 64));
          sb.append("{\"RequestItems\":{").append(table).append(":[");
          for (int k = 0; k < BATCH; k++) {
            int i = options.tableSize() >= BATCH ? (base + k) % options.tableSize() : base + k;
            sb.append(k == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":").append(itemJson(i, version(r))).append("}}");
          }
          String body = raw(clients, t).ok("BatchWriteItem", sb.append("]}}").toString());
          return BATCH - Json.countUnprocessed(body);
        }, units -> String.format(Locale.ROOT, "items/s=%.1f", units));
        case "batchget" -> closedLoop("batchget", (t, r) -> {
          int base = r.nextInt(options.tableSize());
          StringBuilder sb = new StringBuilder(BATCH_GET * 48);
          sb.append("{\"RequestItems\":{").append(table).append(":{\"Keys\":[");
          for (int k = 0; k < batchGetKeys(); k++) {
            sb.append(k == 0 ? "" : ",").append(keyJson((base + k) % options.tableSize()));
          }
          String body = raw(clients, t).ok("BatchGetItem", sb.append("]}}}").toString());
          return checkBatchGet(Json.count(body, "\"d\":"), !body.contains("\"UnprocessedKeys\":{}"));
        }, units -> String.format(Locale.ROOT, "items/s=%.1f", units));
        case "update" -> closedLoop("update", (t, r) -> {
          raw(clients, t).ok("UpdateItem", "{\"TableName\":" + table + ",\"Key\":" + keyJson(r.nextInt(options.tableSize()))
              + ",\"UpdateExpression\":\"SET #d = :d ADD #c :one\",\"ExpressionAttributeNames\":{\"#d\":\"d\",\"#c\":\"c\"}"
              + ",\"ExpressionAttributeValues\":{\":d\":{\"S\":\"" + payload + "\"},\":one\":{\"N\":\"1\"}}}");
          return 0;
        }, null);
        case "transact" -> closedLoop("transact", (t, r) -> {
          int a = r.nextInt(options.tableSize());
          int b2 = otherItem(a, t, r);
          raw(clients, t).ok("TransactWriteItems", "{\"TransactItems\":["
              + "{\"Put\":{\"TableName\":" + table + ",\"Item\":" + itemJson(a, version(r)) + "}},"
              + "{\"Put\":{\"TableName\":" + table + ",\"Item\":" + itemJson(b2, version(r)) + "}}],"
              + "\"ClientRequestToken\":\"" + java.util.UUID.randomUUID() + "\"}");
          return 0;
        }, null);
        case "scan" -> {
          // MB/s of item data, as the SDK variant counts it: every loaded item has the same size.
          long itemBytes = itemBytes(item(0, 0));
          String[] cursor = new String[options.threads()];
          yield closedLoop("scan", (t, r) -> {
            String from = cursor[t] == null ? "" : ",\"ExclusiveStartKey\":" + cursor[t];
            String body = raw(clients, t).ok("Scan", "{\"TableName\":" + table + from + "}");
            cursor[t] = Json.objectField(body, "LastEvaluatedKey");
            return Json.intField(body, "Count") * itemBytes;
          }, bytesPerSecond -> String.format(Locale.ROOT, "MB/s=%.2f", bytesPerSecond / 1e6));
        }
        case "describe" -> closedLoop("describe", (t, r) -> {
          // DescribeTable reads the item count and size, which every write adds to
          raw(clients, t).ok("DescribeTable", "{\"TableName\":" + table + "}");
          return 0;
        }, null);
        case "tables" -> {
          long[] made = new long[options.threads()];
          yield closedLoop("tables", (t, r) -> {
            // what a test suite does against one server: a table per test, a few writes, delete
            String name = Json.quote(options.table() + "_c" + t + "_" + made[t]++);
            RawClient c = raw(clients, t);
            c.ok("CreateTable", "{\"TableName\":" + name + ",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
                + "\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],\"KeySchema\":["
                + "{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                + "\"BillingMode\":\"PAY_PER_REQUEST\""
                + (options.stream() ? ",\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}" : "")
                + "}");
            for (int k = 0; k < TABLE_CYCLE_PUTS; k++) {
              c.ok("PutItem", "{\"TableName\":" + name + ",\"Item\":" + itemJson(r.nextInt(options.tableSize()), version(r)) + "}");
            }
            c.ok("DeleteTable", "{\"TableName\":" + name + "}");
            return 0;
          }, null);
        }
        case "stream-read" -> streamRead(clients);
        default -> throw new IllegalArgumentException(workload);
      };
    } finally {
      for (RawClient c : clients) {
        if (c != null) {
          try {
            c.close();
          } catch (java.io.IOException ignored) {
            // the run is over
          }
        }
      }
    }
  }

  /**
   * With fewer loaded items than a batch, batchwrite writes new items: BATCH consecutive ones from
   * a random start in the thread's own range of a million (no key twice in one batch, which
   * DynamoDB rejects).
   */
  private int newItemsBase(int thread, SplittableRandom r) {
    return options.tableSize() + thread * 1_000_000 + r.nextInt(1_000_000 - BATCH);
  }

  /** The transact workload's second item: any loaded item but {@code a} (a new one if there is none). */
  private int otherItem(int a, int thread, SplittableRandom r) {
    int n = options.tableSize();
    return n > 1 ? (a + 1 + r.nextInt(n - 1)) % n : n + thread + 1;
  }

  /** Thread {@code t}'s connection, opened on first use (and again after an error closed it). */
  private RawClient raw(RawClient[] clients, int t) throws java.io.IOException {
    RawClient c = clients[t];
    if (c == null || c.isClosed()) {
      c = new RawClient(options.endpoint());
      clients[t] = c;
    }
    return c;
  }

  String keyJson(int i) {
    return "{\"pk\":{\"S\":\"p" + i / PARTITION_ITEMS + "\"},\"sk\":{\"N\":\"" + i % PARTITION_ITEMS + "\"}}";
  }

  /** Item {@code i} with version {@code v}, as JSON. */
  String itemJson(int i, long v) {
    return "{\"pk\":{\"S\":\"p" + i / PARTITION_ITEMS + "\"},\"sk\":{\"N\":\"" + i % PARTITION_ITEMS
        + "\"},\"d\":{\"S\":\"" + payload + "\"},\"v\":{\"N\":\"" + v + "\"}}";
  }

  /** Distinct loaded keys per BatchGetItem: {@link #BATCH_GET}, fewer on a smaller table. */
  private int batchGetKeys() {
    return Math.min(BATCH_GET, options.tableSize());
  }

  /** The items a BatchGetItem returned: all it asked for, unless some keys came back unprocessed. */
  private int checkBatchGet(int items, boolean unprocessed) {
    if (!unprocessed && items != batchGetKeys()) {
      throw new IllegalStateException("BatchGetItem: " + items + " items, expected " + batchGetKeys());
    }
    return items;
  }

  /** One query of the query workload: a random partition and first sort key, and its expected count. */
  record QueryPage(int partition, int from, int expected) {
    static QueryPage pick(SplittableRandom r, int tableSize) {
      int partitions = (tableSize + PARTITION_ITEMS - 1) / PARTITION_ITEMS;
      int p = r.nextInt(partitions);
      int inPartition = Math.min(PARTITION_ITEMS, tableSize - p * PARTITION_ITEMS);
      int from = r.nextInt(Math.max(1, inPartition - QUERY_PAGE + 1));
      return new QueryPage(p, from, Math.min(QUERY_PAGE, inPartition - from));
    }

    /** The count, when it is the expected one. */
    int check(int count) {
      if (count != expected) {
        throw new IllegalStateException("Query: " + count + " items, expected " + expected);
      }
      return count;
    }
  }

  /** One client operation; returns workload-specific units (items, bytes) to add up. */
  @FunctionalInterface
  interface Op {
    long run(int thread, SplittableRandom random) throws Exception;
  }

  /**
   * Runs {@code op} on {@code --threads} threads in a closed loop: warm-up first (not recorded),
   * then {@code --seconds} measured. {@code extra} turns the units per second into a suffix.
   */
  Result closedLoop(String name, Op op, java.util.function.DoubleFunction<String> extra) {
    int threads = options.threads();
    long start = System.nanoTime() + 50_000_000L;
    long measureFrom = start + options.warmupSeconds() * 1_000_000_000L;
    long end = measureFrom + options.seconds() * 1_000_000_000L;
    Histogram[] hist = new Histogram[threads];
    long[] ops = new long[threads];
    long[] units = new long[threads];
    long[] errors = new long[threads];
    long[] finished = new long[threads];
    AtomicBoolean errorShown = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int id = t;
      hist[t] = Result.newHistogram();
      Thread th = new Thread(() -> {
        SplittableRandom random = new SplittableRandom(0x5eed + id * 7919L);
        Histogram h = hist[id];
        try {
          while (System.nanoTime() < start) {
            Thread.onSpinWait();
          }
          while (true) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
              break;
            }
            boolean measured = t0 >= measureFrom;
            try {
              long u = op.run(id, random);
              long t1 = System.nanoTime();
              if (measured) {
                h.recordValue(Math.min(t1 - t0, h.getHighestTrackableValue()));
                ops[id]++;
                units[id] += u;
              }
            } catch (Exception e) {
              if (measured) {
                errors[id]++;
              }
              if (errorShown.compareAndSet(false, true)) {
                System.err.println("# " + name + ": first error: " + e);
              }
            }
          }
        } finally {
          finished[id] = System.nanoTime();
          done.countDown();
        }
      }, name + "-" + t);
      th.setDaemon(true);
      th.start();
    }
    long cpuBefore = -1;
    long cpuAfter = -1;
    long selfPid = ProcessHandle.current().pid();
    long selfBefore = -1;
    long selfAfter = -1;
    try {
      long wait;
      while ((wait = measureFrom - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      selfBefore = StartupProbe.cpuMillis(selfPid);
      if (options.serverPid() > 0) {
        cpuBefore = StartupProbe.cpuMillis(options.serverPid());
      }
      done.await();
      selfAfter = StartupProbe.cpuMillis(selfPid);
      if (options.serverPid() > 0) {
        cpuAfter = StartupProbe.cpuMillis(options.serverPid());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.io.IOException e) {
      System.err.println("# cannot read the server's CPU time: " + e);
    }
    Histogram all = Result.newHistogram();
    long totalOps = 0;
    long totalUnits = 0;
    long totalErrors = 0;
    long last = end;
    for (int t = 0; t < threads; t++) {
      all.add(hist[t]);
      totalOps += ops[t];
      totalUnits += units[t];
      totalErrors += errors[t];
      last = Math.max(last, finished[t]);
    }
    double seconds = (last - measureFrom) / 1e9;
    String suffix = extra == null ? null : extra.apply(totalUnits / seconds);
    if (cpuBefore >= 0 && cpuAfter >= 0 && totalOps > 0) {
      // Server CPU (all its threads) per measured operation: robust against other load on the machine.
      String cpu = String.format(Locale.ROOT, "server-cpu-us/op=%.1f", (cpuAfter - cpuBefore) * 1000.0 / totalOps);
      suffix = suffix == null ? cpu : suffix + " " + cpu;
    }
    if (selfBefore >= 0 && selfAfter >= 0 && totalOps > 0) {
      // The load generator's own CPU per operation: on a shared machine, what the client takes away.
      String cpu = String.format(Locale.ROOT, "client-cpu-us/op=%.1f", (selfAfter - selfBefore) * 1000.0 / totalOps);
      suffix = suffix == null ? cpu : suffix + " " + cpu;
    }
    return new Result(name, threads, totalOps / seconds, all, totalErrors, suffix, options.label());
  }

  /** Each thread scans the whole table page by page (1 MB pages) again and again; MB/s of items. */
  private Result scan() {
    int threads = options.threads();
    Map<String, AttributeValue>[] cursor = newCursorArray(threads);
    return closedLoop("scan", (t, r) -> {
      Map<String, AttributeValue> from = cursor[t];
      ScanResponse resp = ddb.scan(b -> b.tableName(options.table()).exclusiveStartKey(from));
      cursor[t] = resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty()
          ? resp.lastEvaluatedKey() : null;
      long bytes = 0;
      for (Map<String, AttributeValue> item : resp.items()) {
        bytes += itemBytes(item);
      }
      return bytes;
    }, bytesPerSecond -> String.format(Locale.ROOT, "MB/s=%.2f", bytesPerSecond / 1e6));
  }

  /**
   * Each thread reads the table's whole stream from TRIM_HORIZON, shard by shard, in GetRecords
   * pages of up to 1,000 records, again and again; records/s. One operation is one GetRecords call
   * (plus the GetShardIterator it needs at the start of each shard). With {@code clients} the raw
   * client, else the SDK's streams client.
   */
  private Result streamRead(RawClient[] clients) {
    if (!options.stream()) {
      throw new IllegalStateException("stream-read needs the table's stream (without --no-stream)");
    }
    String arn = ddb.describeTable(b -> b.tableName(options.table())).table().latestStreamArn();
    List<String> shards = shards(arn).stream().map(Shard::shardId).toList();
    int[] shard = new int[options.threads()];
    String[] iterator = new String[options.threads()];
    String streamArn = Json.quote(arn);
    return closedLoop("stream-read", (t, r) -> {
      String shardId = shards.get(shard[t]);
      int records;
      String next;
      if (clients == null) {
        if (iterator[t] == null) {
          iterator[t] = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
              .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        }
        String it = iterator[t];
        GetRecordsResponse resp = streams.getRecords(b -> b.shardIterator(it).limit(1000));
        records = resp.records().size();
        next = resp.nextShardIterator();
      } else {
        RawClient c = raw(clients, t);
        if (iterator[t] == null) {
          iterator[t] = Json.stringField(streamsOk(c, "GetShardIterator", "{\"StreamArn\":" + streamArn
              + ",\"ShardId\":" + Json.quote(shardId) + ",\"ShardIteratorType\":\"TRIM_HORIZON\"}"), "ShardIterator");
        }
        String body = streamsOk(c, "GetRecords", "{\"ShardIterator\":" + Json.quote(iterator[t]) + ",\"Limit\":1000}");
        records = Json.count(body, "\"eventID\":");
        next = Json.stringField(body, "NextShardIterator");
      }
      if (records == 0 || next == null) {
        shard[t] = (shard[t] + 1) % shards.size(); // this shard is read: the next one, or from the start
        iterator[t] = null;
      } else {
        iterator[t] = next;
      }
      return records;
    }, perSecond -> String.format(Locale.ROOT, "records/s=%.0f", perSecond));
  }

  /** Every shard of the stream, through the SDK's streams client (DescribeStream, page by page). */
  List<Shard> shards(String streamArn) {
    List<Shard> shards = new ArrayList<>();
    String from = null;
    do {
      String start = from;
      var d = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(start)).streamDescription();
      shards.addAll(d.shards());
      from = d.lastEvaluatedShardId();
    } while (from != null);
    return shards;
  }

  private static String streamsOk(RawClient c, String operation, String json) throws java.io.IOException {
    RawClient.Response r = c.post("DynamoDBStreams_20120810." + operation, json);
    if (r.status() != 200) {
      throw new java.io.IOException(operation + ": HTTP " + r.status() + " " + r.text());
    }
    return r.text();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, AttributeValue>[] newCursorArray(int n) {
    return (Map<String, AttributeValue>[]) new Map[n];
  }

  /** DynamoDB's item size: attribute names plus values (S by UTF-8 bytes, N by digits). */
  static long itemBytes(Map<String, AttributeValue> item) {
    long n = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      n += e.getKey().length();
      AttributeValue v = e.getValue();
      if (v.s() != null) {
        n += v.s().length();
      } else if (v.n() != null) {
        n += (v.n().length() + 1) / 2 + 1;
      } else if (v.b() != null) {
        n += v.b().asByteArray().length;
      } else {
        n += 1;
      }
    }
    return n;
  }

  void createTable() {
    createTable(options.table(), true);
    if (options.pitr()) {
      ddb.updateContinuousBackups(b -> b.tableName(options.table())
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    }
  }

  /** Creates table {@code name} with the load generator's key schema; waits for ACTIVE if asked. */
  void createTable(String name, boolean awaitActive) {
    ddb.createTable(b -> {
      b.tableName(name)
          .attributeDefinitions(
              AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
              AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
          .keySchema(
              KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
          .billingMode(BillingMode.PAY_PER_REQUEST);
      if (options.stream()) {
        b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
      }
    });
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (awaitActive && ddb.describeTable(b -> b.tableName(name)).table().tableStatus() != TableStatus.ACTIVE) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("table " + name + " not ACTIVE after 60 s");
      }
      LockSupport.parkNanos(20_000_000L);
    }
  }

  /** Writes items 0 .. table-size-1 with BatchWriteItem on all client threads. */
  void load() {
    writeRange(0, options.tableSize(), options.tableSize());
  }

  /** Overwrites loaded items round-robin until --stream-records extra changes are in the log. */
  void growStreamLog() {
    if (options.streamRecords() > 0) {
      long t0 = System.nanoTime();
      writeRange(0, options.streamRecords(), options.tableSize());
      System.err.printf(Locale.ROOT, "# %d extra writes (stream records) in %.1f s%n",
          options.streamRecords(), (System.nanoTime() - t0) / 1e9);
      awaitQuietServer();
    }
  }

  /**
   * After a bulk load, waits (up to 2 minutes) until the server uses under 10 % of a core: the
   * storage engine's background flushes and compactions of what was just written are the load's
   * cost, not the measured workload's.
   */
  private void awaitQuietServer() {
    if (options.serverPid() <= 0) {
      return;
    }
    long t0 = System.nanoTime();
    try {
      long before = StartupProbe.cpuMillis(options.serverPid());
      while (System.nanoTime() - t0 < 120_000_000_000L) {
        Thread.sleep(1000);
        long now = StartupProbe.cpuMillis(options.serverPid());
        if (now - before < 100) {
          break;
        }
        before = now;
      }
    } catch (java.io.IOException e) {
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    System.err.printf(Locale.ROOT, "# server quiet again after %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  /** Writes sequence numbers [from, to) as item (n % modulo), 25 per batch, on all threads. */
  private void writeRange(long from, long to, int modulo) {
    AtomicLong next = new AtomicLong(from);
    AtomicLong failures = new AtomicLong();
    AtomicBoolean singlePuts = new AtomicBoolean();
    int threads = Math.max(1, options.threads());
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread th = new Thread(() -> {
        if (options.rawClient()) {
          rawWriteRange(next, to, modulo, failures);
          return;
        }
        while (true) {
          long first = next.getAndAdd(BATCH);
          if (first >= to) {
            return;
          }
          Map<Integer, WriteRequest> batch = new HashMap<>();
          for (long n = first; n < Math.min(to, first + BATCH); n++) {
            int i = (int) (n % modulo);
            batch.put(i, WriteRequest.builder().putRequest(PutRequest.builder().item(item(i, versions.incrementAndGet())).build()).build());
          }
          List<WriteRequest> pending = new ArrayList<>(batch.values());
          int attempts = 0;
          while (!pending.isEmpty()) {
            try {
              if (singlePuts.get()) {
                for (WriteRequest w : pending) {
                  ddb.putItem(b -> b.tableName(options.table()).item(w.putRequest().item()));
                }
                pending = List.of();
                continue;
              }
              List<WriteRequest> send = pending;
              BatchWriteItemResponse resp = ddb.batchWriteItem(b -> b.requestItems(Map.of(options.table(), send)));
              pending = resp.hasUnprocessedItems()
                  ? resp.unprocessedItems().getOrDefault(options.table(), List.of()) : List.of();
            } catch (DynamoDbException e) {
              String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
              if ("UnknownOperationException".equals(code)) {
                // A server without BatchWriteItem: load with PutItem.
                if (!singlePuts.getAndSet(true)) {
                  System.err.println("# load: BatchWriteItem not served; loading with PutItem");
                }
                continue;
              }
              if (e.statusCode() < 500 && !e.isThrottlingException() || ++attempts > 20) {
                failures.incrementAndGet();
                System.err.println("# load: giving up on a batch: " + e.getMessage());
                return;
              }
              LockSupport.parkNanos(50_000_000L);
            } catch (RuntimeException e) {
              if (++attempts > 20) {
                failures.incrementAndGet();
                System.err.println("# load: giving up on a batch: " + e);
                return;
              }
              LockSupport.parkNanos(50_000_000L);
            }
          }
        }
      }, "load-" + t);
      th.start();
      workers.add(th);
    }
    for (Thread th : workers) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    if (failures.get() > 0) {
      throw new IllegalStateException("loading failed for " + failures.get() + " batches");
    }
  }

  /** One thread's share of {@link #writeRange} with the raw client: whole batches, resent until all are written. */
  private void rawWriteRange(AtomicLong next, long to, int modulo, AtomicLong failures) {
    String table = Json.quote(options.table());
    try (RawClient client = new RawClient(options.endpoint())) {
      while (true) {
        long first = next.getAndAdd(BATCH);
        if (first >= to) {
          return;
        }
        java.util.TreeSet<Integer> ids = new java.util.TreeSet<>();
        for (long n = first; n < Math.min(to, first + BATCH); n++) {
          ids.add((int) (n % modulo));
        }
        StringBuilder sb = new StringBuilder("{\"RequestItems\":{").append(table).append(":[");
        for (int i : ids) {
          sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ",")
              .append("{\"PutRequest\":{\"Item\":").append(itemJson(i, versions.incrementAndGet())).append("}}");
        }
        String body = sb.append("]}}").toString();
        for (int attempt = 1; ; attempt++) {
          RawClient.Response r = client.call("BatchWriteItem", body);
          if (r.status() == 200 && Json.countUnprocessed(r.text()) == 0) {
            break; // (puts are idempotent: a partly processed batch is simply sent again)
          }
          if (attempt > 20 || r.status() != 200 && r.status() < 500 && !r.text().contains("Throttling")) {
            failures.incrementAndGet();
            System.err.println("# load: giving up on a batch: HTTP " + r.status() + " " + r.text());
            return;
          }
          LockSupport.parkNanos(50_000_000L);
        }
      }
    } catch (java.io.IOException e) {
      failures.incrementAndGet();
      System.err.println("# load: " + e);
    }
  }

  static Map<String, AttributeValue> key(int i) {
    return Map.of("pk", AttributeValue.fromS("p" + i / PARTITION_ITEMS),
        "sk", AttributeValue.fromN(Integer.toString(i % PARTITION_ITEMS)));
  }

  /** Item {@code i} with version {@code v}. */
  Map<String, AttributeValue> item(int i, long v) {
    Map<String, AttributeValue> item = new HashMap<>(4);
    item.put("pk", AttributeValue.fromS("p" + i / PARTITION_ITEMS));
    item.put("sk", AttributeValue.fromN(Integer.toString(i % PARTITION_ITEMS)));
    item.put("d", AttributeValue.fromS(payload));
    item.put("v", AttributeValue.fromN(Long.toString(v)));
    return item;
  }

  /**
   * A version for a closed-loop write: random, so that it differs from the item's current one
   * (one chance in a billion that it does not, and the write is then a no-op).
   */
  static long version(SplittableRandom r) {
    return 1 + r.nextInt(1_000_000_000);
  }

  /** A payload string making an item of about {@code itemSize} bytes (keys and v take about 24). */
  static String payload(int itemSize) {
    int n = Math.max(1, itemSize - 24);
    StringBuilder sb = new StringBuilder(n);
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }

  @Override
  public void close() {
    ddb.close();
    streams.close();
    http.close();
  }
}
