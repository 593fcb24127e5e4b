package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.server.EddyServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Many SDK clients racing on the same items of an in-process server. */
class ConcurrencyIT {
  private static EddyServer server;
  private static final List<DynamoDbClient> CLIENTS = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = SdkClients.startInMemory();
    for (int i = 0; i < 16; i++) {
      // No retries: every call is made exactly once, so totals are exact.
      CLIENTS.add(EddyExtension.clientFor(server.endpoint(),
          b -> b.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))));
    }
    CLIENTS.get(0).createTable(b -> b.tableName("race")
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @AfterAll
  static void stop() {
    CLIENTS.forEach(DynamoDbClient::close);
    server.close();
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", AttributeValue.fromS(pk));
  }

  private static void runAll(int threads, IntConsumerWithException body) throws Exception {
    List<Thread> list = new ArrayList<>();
    List<Throwable> errors = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        try {
          body.accept(id);
        } catch (Throwable e) {
          synchronized (errors) {
            errors.add(e);
          }
        }
      });
      list.add(th);
      th.start();
    }
    for (Thread th : list) {
      th.join(120_000);
    }
    if (!errors.isEmpty()) {
      AssertionError e = new AssertionError(errors.size() + " thread(s) failed", errors.get(0));
      throw e;
    }
  }

  @FunctionalInterface
  private interface IntConsumerWithException {
    void accept(int id) throws Exception;
  }

  @Test
  void racingAddsOnOneCounterGiveTheExactTotal() throws Exception {
    int threads = 16;
    int each = 100;
    runAll(threads, id -> {
      for (int i = 0; i < each; i++) {
        CLIENTS.get(id).updateItem(b -> b.tableName("race").key(key("counter"))
            .updateExpression("ADD n :one, #t :two").expressionAttributeNames(Map.of("#t", "twice"))
            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":two", AttributeValue.fromN("2"))));
      }
    });
    Map<String, AttributeValue> item = CLIENTS.get(0).getItem(b -> b.tableName("race").key(key("counter"))
        .consistentRead(true)).item();
    assertEquals(String.valueOf(threads * each), item.get("n").n());
    assertEquals(String.valueOf(2 * threads * each), item.get("twice").n());
    System.out.println("ConcurrencyIT: " + threads * each + " racing ADDs, exact total");
  }

  @Test
  void racingConditionalPutsHaveExactlyOneWinner() throws Exception {
    int threads = 12;
    int rounds = 30;
    AtomicInteger[] winners = new AtomicInteger[rounds];
    int[] winnerId = new int[rounds];
    for (int r = 0; r < rounds; r++) {
      winners[r] = new AtomicInteger();
    }
    CyclicBarrier barrier = new CyclicBarrier(threads);
    AtomicInteger losers = new AtomicInteger();
    runAll(threads, id -> {
      for (int r = 0; r < rounds; r++) {
        String pk = "once-" + r;
        barrier.await();
        try {
          CLIENTS.get(id).putItem(b -> b.tableName("race")
              .item(Map.of("pk", AttributeValue.fromS(pk), "owner", AttributeValue.fromN(Integer.toString(id))))
              .conditionExpression("attribute_not_exists(pk)"));
          winners[r].incrementAndGet();
          winnerId[r] = id;
        } catch (ConditionalCheckFailedException e) {
          losers.incrementAndGet();
        }
      }
    });
    for (int r = 0; r < rounds; r++) {
      int round = r;
      assertEquals(1, winners[r].get(), "winners of round " + r);
      assertEquals(String.valueOf(winnerId[r]), CLIENTS.get(0).getItem(b -> b.tableName("race").key(key("once-" + round))
          .consistentRead(true)).item().get("owner").n(), "the stored item is the winner's");
    }
    assertEquals(rounds * (threads - 1), losers.get());
    System.out.println("ConcurrencyIT: " + rounds + " rounds of " + threads + " racing conditional puts, one winner each");
  }

  @Test
  void readersNeverSeeAHalfAppliedWrite() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    AtomicLong writes = new AtomicLong();
    int writers = 4;
    int readers = 6;
    runAll(writers + readers, id -> {
      DynamoDbClient c = CLIENTS.get(id);
      if (id < writers) {
        try {
          for (int i = 0; i < 150; i++) {
            String v = id + "-" + i + "-" + "x".repeat(i % 50);
            AttributeValue val = AttributeValue.fromS(v);
            if (id % 2 == 0) {
              c.updateItem(b -> b.tableName("race").key(key("pair"))
                  .updateExpression("SET a = :v, b = :v, c = :v")
                  .expressionAttributeValues(Map.of(":v", val)));
            } else {
              c.transactWriteItems(b -> b.transactItems(
                  TransactWriteItem.builder().update(Update.builder().tableName("race").key(key("left"))
                      .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", val)).build()).build(),
                  TransactWriteItem.builder().update(Update.builder().tableName("race").key(key("right"))
                      .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", val)).build()).build()));
            }
            writes.incrementAndGet();
          }
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
          // two transactions on the same items at once: DynamoDB cancels one (TransactionConflict)
          throw new AssertionError("unexpected cancellation: " + e.cancellationReasons(), e);
        } finally {
          if (id == 0) {
            done.set(true);
          }
        }
        return;
      }
      // The pair item is created by the first writer; until then the reads see nothing.
      while (!done.get()) {
        Map<String, AttributeValue> pair = c.getItem(b -> b.tableName("race").key(key("pair")).consistentRead(true)).item();
        if (pair != null && !pair.isEmpty()) {
          assertEquals(pair.get("a"), pair.get("b"), "a and b are written together");
          assertEquals(pair.get("a"), pair.get("c"), "a and c are written together");
        }
        List<ItemResponse> both = c.transactGetItems(b -> b.transactItems(
            TransactGetItem.builder().get(Get.builder().tableName("race").key(key("left")).build()).build(),
            TransactGetItem.builder().get(Get.builder().tableName("race").key(key("right")).build()).build())).responses();
        Map<String, AttributeValue> l = both.get(0).item();
        Map<String, AttributeValue> r = both.get(1).item();
        assertEquals(l == null || l.isEmpty() ? null : l.get("v"), r == null || r.isEmpty() ? null : r.get("v"),
            "both items of a transaction, read in one transaction");
        c.query(b -> b.tableName("race").keyConditionExpression("pk = :p").consistentRead(true)
            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("pair")))).items()
            .forEach(i -> assertEquals(i.get("a"), i.get("b")));
        reads.addAndGet(3);
      }
    });
    assertTrue(reads.get() > 30, "readers ran: " + reads.get());
    System.out.println("ConcurrencyIT: " + writes.get() + " paired writes raced by " + reads.get()
        + " reads, none saw half a write");
  }
}
