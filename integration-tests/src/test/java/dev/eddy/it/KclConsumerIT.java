package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.StreamsSchedulerFactory;
import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import dev.eddy.server.EddyServer;
import dev.eddy.server.ServerConfig;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.StreamTracker;
import software.amazon.kinesis.worker.metric.OperatingRange;
import software.amazon.kinesis.worker.metric.WorkerMetric;
import software.amazon.kinesis.worker.metric.WorkerMetricType;

/**
 * The Kinesis Client Library 3 reading Eddy's stream through the DynamoDB Streams Kinesis Adapter:
 * its lease, coordinator-state and worker-metrics tables live on Eddy too, and every client points
 * at Eddy's loopback endpoint. A seeded workload of puts, updates and deletes over 50 items is
 * spread over two shard rollovers (forced by moving the server clock); the record processor must
 * see every change exactly once, in per-item order, and follow parent shards into their children.
 */
class KclConsumerIT {
  private static final Region REGION = Region.US_EAST_1;
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"));
  private static final Duration ROLLOVER = Duration.ofMinutes(5);
  private static final String TABLE = "kcl_source";
  private static final int ITEMS = 50;
  private static final int OPS_PER_PHASE = 100;
  private static final long DEADLINE_MILLIS = 150_000;

  private EddyServer server;
  private DynamoDbClient ddb;
  private DynamoDbStreamsClient streams;
  private DynamoDbAsyncClient ddbAsync;
  private CloudWatchAsyncClient cloudWatch;
  private Scheduler scheduler;
  private Thread schedulerThread;
  private final String application = "kcl-it-" + Long.toHexString(System.nanoTime());

  /** What the processor saw, in delivery order. */
  private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
  private final Set<String> endedShards = ConcurrentHashMap.newKeySet();
  private final Set<String> initializedShards = ConcurrentHashMap.newKeySet();

  /** Every call KCL and the adapter make to Eddy, and how each ended. */
  private final CallLog calls = new CallLog();

  private record Delivered(String shardId, Record record) {}

  @BeforeEach
  void start() {
    server = EddyServer.start(ServerConfig.builder().host("127.0.0.1").port(0).inMemory(true)
        .streamShards(2).streamShardRollover(ROLLOVER).build());
    URI endpoint = server.endpoint();
    ddb = SdkClients.dynamo(endpoint);
    streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(REGION)
        .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.addExecutionInterceptor(calls)).build();
    ddbAsync = DynamoDbAsyncClient.builder().endpointOverride(endpoint).region(REGION)
        .credentialsProvider(CREDENTIALS)
        .overrideConfiguration(o -> o.addExecutionInterceptor(calls)).build();
    // Never called (metrics are off); pointed at Eddy so that nothing could leave the machine.
    cloudWatch = CloudWatchAsyncClient.builder().endpointOverride(endpoint).region(REGION)
        .credentialsProvider(CREDENTIALS).build();
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (scheduler != null && !scheduler.hasGracefulShutdownStarted()) {
        scheduler.shutdown();
      }
      if (schedulerThread != null) {
        schedulerThread.join(20_000);
      }
    } finally {
      cloudWatch.close();
      ddbAsync.close();
      streams.close();
      ddb.close();
      server.close();
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void kclFollowsRolloversAndSeesEveryChangeOnceInItemOrder() throws Exception {
    String streamArn = ddb.createTable(b -> b.tableName(TABLE)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
            .attributeType(ScalarAttributeType.S).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
        .tableDescription().latestStreamArn();

    long firstRecord;
    Workload workload = new Workload(new Random(20240611L));
    long started = System.nanoTime();

    // Phase 1 is in the stream before the consumer exists (TRIM_HORIZON must find it).
    workload.run(OPS_PER_PHASE);
    startScheduler(streamArn, "worker-1");

    // Phase 2 while the consumer starts; then wait until it is really reading the first shards.
    workload.run(OPS_PER_PHASE);
    awaitOrFail(() -> !delivered.isEmpty(), started, "the first record reaches the processor");

    firstRecord = elapsedMillis(started);
    // Two rollovers while it reads: every shard closes and gets a child, twice.
    for (int rollover = 0; rollover < 2; rollover++) {
      server.clock().advance(ROLLOVER.plusSeconds(1));
      workload.run(OPS_PER_PHASE);
    }

    int expected = workload.expectedRecords();
    awaitOrFail(() -> delivered.size() >= expected, started,
        "all " + expected + " records delivered (have " + delivered.size() + ")");
    long allRecordsMillis = elapsedMillis(started);
    // A short grace period so duplicates, if any, would show up.
    Thread.sleep(1_000);

    System.out.println("KclConsumerIT: calls to Eddy " + calls.summary());
    assertEveryChangeOnceInItemOrder(workload);
    assertFollowedParentToChild(streamArn);
    assertLeaseTableAsKclAskedForIt();
    assertEquals(Map.of("DescribeTable 400 ResourceNotFoundException", 3), calls.failures(),
        "the only failed calls are the DescribeTable probes before KCL creates its three tables");

    long shutdownStarted = System.nanoTime();
    shutDownGracefully();
    long shutdownMillis = elapsedMillis(shutdownStarted);

    // The worker restarts (same application and worker id, as a host keeping its name would) and
    // resumes from its checkpoints: only the changes made while it was down arrive.
    workload.run(OPS_PER_PHASE);
    long restarted = System.nanoTime();
    startScheduler(streamArn, "worker-1");
    int afterRestart = workload.expectedRecords();
    awaitOrFail(() -> delivered.size() >= afterRestart, started,
        "all " + afterRestart + " records delivered after the restart (have " + delivered.size() + ")");
    long resumeMillis = elapsedMillis(restarted);
    Thread.sleep(1_000);
    assertEveryChangeOnceInItemOrder(workload);
    shutDownGracefully();
    assertEquals(Map.of("DescribeTable 400 ResourceNotFoundException", 3), calls.failures(),
        "no failed calls after the restart either");

    System.out.printf("KclConsumerIT: %d records; first delivered after %d ms, all after %d ms;"
        + " graceful shutdown took %d ms; a restarted worker delivered the next %d after %d ms%n",
        expected, firstRecord, allRecordsMillis, shutdownMillis, afterRestart - expected, resumeMillis);
  }

  private void shutDownGracefully() throws Exception {
    assertTrue(scheduler.startGracefulShutdown().get(60, TimeUnit.SECONDS), "graceful shutdown completed");
    schedulerThread.join(20_000);
    assertTrue(!schedulerThread.isAlive(), "the scheduler thread ended");
  }

  private void assertEveryChangeOnceInItemOrder(Workload workload) {
    Map<String, List<String>> seen = new LinkedHashMap<>();
    Set<String> eventIds = new HashSet<>();
    for (Delivered d : delivered) {
      Record r = d.record();
      assertTrue(eventIds.add(r.eventID()), "delivered twice: " + r);
      String pk = r.dynamodb().keys().get("pk").s();
      seen.computeIfAbsent(pk, k -> new ArrayList<>()).add(Workload.describe(r));
    }
    assertEquals(workload.expectedRecords(), delivered.size(), "records delivered");
    assertEquals(workload.expected.keySet(), seen.keySet(), "items with changes");
    for (Map.Entry<String, List<String>> e : workload.expected.entrySet()) {
      assertEquals(e.getValue(), seen.get(e.getKey()), "changes of item " + e.getKey() + " in order");
    }
  }

  private void assertFollowedParentToChild(String streamArn) {
    List<Shard> shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
    assertTrue(shards.size() >= 6, "2 slots x (1 + 2 rollovers) shards: " + shards);
    Map<String, String> parentOf = new HashMap<>();
    for (Shard s : shards) {
      if (s.parentShardId() != null) {
        parentOf.put(s.shardId(), s.parentShardId());
      }
    }
    Set<String> shardsWithRecords = new HashSet<>();
    for (Delivered d : delivered) {
      shardsWithRecords.add(d.shardId());
    }
    List<String> chains = new ArrayList<>();
    for (String shard : shardsWithRecords) {
      String parent = parentOf.get(shard);
      String grandParent = parent == null ? null : parentOf.get(parent);
      if (grandParent != null && shardsWithRecords.contains(parent) && shardsWithRecords.contains(grandParent)) {
        chains.add(grandParent + " -> " + parent + " -> " + shard);
      }
    }
    assertTrue(!chains.isEmpty(), "records read from a shard, its child and its grandchild: "
        + shardsWithRecords + " lineage " + parentOf);
    for (String chain : chains) {
      String[] ids = chain.split(" -> ");
      assertTrue(endedShards.contains(ids[0]) && endedShards.contains(ids[1]),
          "the processor was told the closed shards ended: " + endedShards + " for " + chain);
    }
    // Per shard, sequence numbers rise, and a child's records come after its parent's.
    Map<String, BigInteger> lastSeq = new HashMap<>();
    for (Delivered d : delivered) {
      BigInteger seq = new BigInteger(d.record().dynamodb().sequenceNumber());
      BigInteger before = lastSeq.put(d.shardId(), seq);
      if (before != null) {
        assertTrue(seq.compareTo(before) > 0, "sequence numbers rise within " + d.shardId());
      }
    }
  }

  private void assertLeaseTableAsKclAskedForIt() {
    TableDescription lease = ddb.describeTable(b -> b.tableName(application)).table();
    assertEquals(TableStatus.ACTIVE, lease.tableStatus());
    assertEquals(Boolean.TRUE, lease.deletionProtectionEnabled());
    assertEquals(List.of(IndexStatus.ACTIVE), lease.globalSecondaryIndexes().stream()
        .map(GlobalSecondaryIndexDescription::indexStatus).toList(), "KCL 3's lease-owner index");
    assertEquals(List.of(Tag.builder().key("owner").value("kcl-it").build()),
        ddb.listTagsOfResource(b -> b.resourceArn(lease.tableArn())).tags());
    assertEquals(PointInTimeRecoveryStatus.ENABLED, ddb.describeContinuousBackups(b -> b.tableName(application))
        .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatus());
    int leases = ddb.scan(b -> b.tableName(application).consistentRead(true)).count();
    assertEquals(6, leases, "one lease per shard: 2 slots x 3 generations");
  }

  private void startScheduler(String streamArn, String workerId) {
    AmazonDynamoDBStreamsAdapterClient adapter = new AmazonDynamoDBStreamsAdapterClient(streams, REGION);
    StreamTracker tracker = StreamsSchedulerFactory.createSingleStreamTracker(streamArn,
        InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON));
    ConfigsBuilder configs = new ConfigsBuilder(tracker, application, adapter, ddbAsync, cloudWatch,
        workerId, () -> new Processor());

    // The options a production consumer sets on its tables (PITR, deletion protection, tags) are on,
    // so Eddy's UpdateContinuousBackups, DeletionProtectionEnabled and Tags paths are exercised too.
    List<Tag> tags = List.of(Tag.builder().key("owner").value("kcl-it").build());
    LeaseManagementConfig leases = configs.leaseManagementConfig()
        .shardSyncIntervalMillis(0)
        .failoverTimeMillis(3_000)
        // KCL 3's leader assigns new leases (each child shard's) every 2 x failover time by default.
        .leaseAssignmentIntervalMillis(1_000L)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .leaseTablePitrEnabled(true)
        .leaseTableDeletionProtectionEnabled(true)
        .tags(tags);
    leases.workerUtilizationAwareAssignmentConfig().workerMetricList(List.of(new FixedCpuMetric()));
    leases.workerUtilizationAwareAssignmentConfig().workerMetricsTableConfig()
        .pointInTimeRecoveryEnabled(true).deletionProtectionEnabled(true).tags(tags);
    CoordinatorConfig coordinator = configs.coordinatorConfig().parentShardPollIntervalMillis(500);
    coordinator.coordinatorStateTableConfig()
        .pointInTimeRecoveryEnabled(true).deletionProtectionEnabled(true).tags(tags);

    DynamoDBStreamsPollingConfig polling = new DynamoDBStreamsPollingConfig(adapter);
    polling.idleTimeBetweenReadsInMillis(250);
    // KCL's prefetcher keeps queueing empty "shard end" results after a shard ends and, once its queue
    // (3 by default) is full, blocks until it is interrupted 60 s into its shutdown. A deeper queue
    // lets an ended shard's consumer finish at once, so the graceful shutdown below is quick.
    polling.recordsFetcherFactory().maxPendingProcessRecordsInput(1_000);
    scheduler = StreamsSchedulerFactory.createScheduler(
        configs.checkpointConfig(),
        coordinator,
        leases,
        configs.lifecycleConfig(),
        configs.metricsConfig().metricsLevel(MetricsLevel.NONE).metricsFactory(new NullMetricsFactory()),
        configs.processorConfig().callProcessRecordsEvenForEmptyRecordList(false),
        configs.retrievalConfig().retrievalSpecificConfig(polling),
        adapter);
    schedulerThread = new Thread(scheduler, "kcl-scheduler");
    schedulerThread.setDaemon(true);
    schedulerThread.start();
  }

  private static long elapsedMillis(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  private static void awaitOrFail(BooleanSupplier condition, long startedNanos, String what)
      throws InterruptedException {
    while (!condition.getAsBoolean()) {
      long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
      if (elapsed > DEADLINE_MILLIS) {
        fail("timed out after " + elapsed + " ms waiting for: " + what);
      }
      Thread.sleep(100);
    }
  }

  /** A seeded mix of puts, updates and deletes; every operation changes its item (one record each). */
  private final class Workload {
    private final Random random;
    private final Map<String, Integer> current = new HashMap<>();
    final Map<String, List<String>> expected = new LinkedHashMap<>();
    private int op;

    Workload(Random random) {
      this.random = random;
    }

    int expectedRecords() {
      return expected.values().stream().mapToInt(List::size).sum();
    }

    void run(int ops) {
      for (int i = 0; i < ops; i++) {
        step();
      }
    }

    private void step() {
      int n = ++op;
      String pk = "item-" + random.nextInt(ITEMS);
      Integer before = current.get(pk);
      Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(pk));
      List<String> changes = expected.computeIfAbsent(pk, k -> new ArrayList<>());
      int choice = random.nextInt(10);
      if (before == null) {
        ddb.putItem(b -> b.tableName(TABLE).item(item(pk, n)));
        changes.add("INSERT " + n);
        current.put(pk, n);
      } else if (choice < 5) {
        ddb.updateItem(b -> b.tableName(TABLE).key(key).updateExpression("SET op = :op, payload = :p")
            .expressionAttributeValues(Map.of(":op", AttributeValue.fromN(Integer.toString(n)),
                ":p", AttributeValue.fromS("updated by " + n))));
        changes.add("MODIFY " + before + " -> " + n);
        current.put(pk, n);
      } else if (choice < 8) {
        ddb.putItem(b -> b.tableName(TABLE).item(item(pk, n)));
        changes.add("MODIFY " + before + " -> " + n);
        current.put(pk, n);
      } else {
        ddb.deleteItem(b -> b.tableName(TABLE).key(key));
        changes.add("REMOVE " + before);
        current.remove(pk);
      }
    }

    private static Map<String, AttributeValue> item(String pk, int op) {
      return Map.of("pk", AttributeValue.fromS(pk), "op", AttributeValue.fromN(Integer.toString(op)),
          "payload", AttributeValue.fromS("put by " + op));
    }

    /** The same notation as the expectations, read from a stream record's images. */
    static String describe(Record r) {
      String oldOp = r.dynamodb().hasOldImage() ? r.dynamodb().oldImage().get("op").n() : null;
      String newOp = r.dynamodb().hasNewImage() ? r.dynamodb().newImage().get("op").n() : null;
      return switch (r.eventName()) {
        case INSERT -> "INSERT " + newOp;
        case MODIFY -> "MODIFY " + oldOp + " -> " + newOp;
        case REMOVE -> "REMOVE " + oldOp;
        default -> "UNKNOWN " + r;
      };
    }
  }

  /** Records what it receives and checkpoints after every batch and at each shard's end. */
  private final class Processor implements DynamoDBStreamsShardRecordProcessor {
    private String shardId;

    @Override
    public void initialize(InitializationInput input) {
      shardId = input.shardId();
      initializedShards.add(shardId);
    }

    @Override
    public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
      for (DynamoDBStreamsClientRecord r : input.records()) {
        delivered.add(new Delivered(shardId, r.getRecord()));
      }
      if (!input.records().isEmpty()) {
        try {
          input.checkpointer().checkpoint();
        } catch (Exception e) {
          throw new IllegalStateException("checkpoint of " + shardId + " failed", e);
        }
      }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
      // Normal at graceful shutdown.
    }

    @Override
    public void shardEnded(ShardEndedInput input) {
      endedShards.add(shardId);
      try {
        input.checkpointer().checkpoint();
      } catch (Exception e) {
        throw new IllegalStateException("checkpoint at the end of " + shardId + " failed", e);
      }
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
      try {
        input.checkpointer().checkpoint();
      } catch (Exception e) {
        throw new IllegalStateException("checkpoint at shutdown of " + shardId + " failed", e);
      }
    }
  }

  /** Counts calls per operation and outcome (HTTP status or error code). */
  private static final class CallLog implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      count(attributes, Integer.toString(context.httpResponse().statusCode()));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
      Throwable e = context.exception();
      String outcome = e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
          ? ase.statusCode() + " " + ase.awsErrorDetails().errorCode()
          : e.getClass().getSimpleName();
      count(attributes, outcome);
    }

    private void count(ExecutionAttributes attributes, String outcome) {
      String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      counts.computeIfAbsent(op + " " + outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    Map<String, Integer> failures() {
      Map<String, Integer> out = new TreeMap<>();
      counts.forEach((k, v) -> {
        if (!k.endsWith(" 200")) {
          out.put(k, v.get());
        }
      });
      return out;
    }

    String summary() {
      Map<String, Integer> out = new TreeMap<>();
      counts.forEach((k, v) -> out.put(k, v.get()));
      return out.toString();
    }
  }

  /** A constant CPU reading, so KCL 3 never looks for EC2/ECS metadata to pick a metric. */
  private static final class FixedCpuMetric implements WorkerMetric {
    @Override
    public String getShortName() {
      return "C";
    }

    @Override
    public WorkerMetricValue capture() {
      return WorkerMetricValue.builder().value(10.0).build();
    }

    @Override
    public OperatingRange getOperatingRange() {
      return OperatingRange.builder().maxUtilization(100).build();
    }

    @Override
    public WorkerMetricType getWorkerMetricType() {
      return WorkerMetricType.CPU;
    }
  }
}
