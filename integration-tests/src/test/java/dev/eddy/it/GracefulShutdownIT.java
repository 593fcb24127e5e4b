package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * SIGTERM under write load: the server stops accepting, answers what it took in, flushes and
 * exits 0; every write it acknowledged, also those answered after the signal, is there after a
 * restart.
 */
class GracefulShutdownIT {

  @Test
  void sigtermUnderLoadFinishesInFlightWritesFlushesAndExitsZero(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Map<String, String> acked = new ConcurrentHashMap<>();
    AtomicInteger afterSignal = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicBoolean signalled = new AtomicBoolean();
    try (EddyProcess eddy = EddyProcess.startServing("--data-dir", data.toString())) {
      try (DynamoDbClient ddb = client(eddy.endpoint())) {
        ddb.createTable(b -> b.tableName("graceful")
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
            .billingMode(BillingMode.PAY_PER_REQUEST));
      }
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int id = t;
        Thread th = new Thread(() -> {
          try (DynamoDbClient ddb = client(eddy.endpoint())) {
            for (int i = 0; ; i++) {
              String pk = "t" + id + "-" + i;
              String v = "v".repeat(1000) + i;
              try {
                ddb.putItem(b -> b.tableName("graceful").item(Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromS(v))));
              } catch (AwsServiceException e) {
                assertTrue(e.getMessage().startsWith("The server is shutting down"), e.getMessage());
                refused.incrementAndGet();
                return;
              } catch (SdkClientException e) {
                return; // connection closed or refused: the server is going away
              }
              acked.put(pk, v);
              if (signalled.get()) {
                afterSignal.incrementAndGet();
              }
            }
          }
        });
        threads.add(th);
        th.start();
      }
      // SIGTERM once the load runs (at least 30 writes answered), whatever the machine's speed.
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (acked.size() < 30 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(300);
      signalled.set(true);
      int exit = eddy.stop();
      for (Thread th : threads) {
        th.join(30_000);
      }
      assertEquals(0, exit, "exit code after SIGTERM: " + eddy.output());
      assertTrue(eddy.output().contains("Eddy stopped"), eddy.output().toString());
    }
    System.out.println("GracefulShutdownIT: " + acked.size() + " writes acknowledged, " + afterSignal.get()
        + " of them answered after SIGTERM was sent, " + refused.get() + " refused as shutting down");
    assertTrue(acked.size() > 20, "load ran: " + acked.size());
    try (EddyProcess eddy = EddyProcess.startServing("--data-dir", data.toString());
        DynamoDbClient ddb = client(eddy.endpoint())) {
      Map<String, String> found = new ConcurrentHashMap<>();
      ddb.scanPaginator(b -> b.tableName("graceful").consistentRead(true)).items()
          .forEach(i -> found.put(i.get("pk").s(), i.get("v").s()));
      for (Map.Entry<String, String> e : acked.entrySet()) {
        assertEquals(e.getValue(), found.get(e.getKey()), "acknowledged write " + e.getKey());
      }
      assertEquals(0, eddy.stop());
    }
  }

  private static DynamoDbClient client(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
        .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).build())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
