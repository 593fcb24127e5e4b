package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.server.EddyServer;
import dev.eddy.server.ServerConfig;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** A bounded request queue that throttles, and one process per data directory. */
class ResourceBoundsIT {
  private static final String THROTTLED = "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\","
      + "\"message\":\"Rate of requests exceeds the allowed throughput.\"}";

  @Test
  void aFullRequestQueueAnswersThrottlingExceptionAndRecovers() throws Exception {
    try (EddyServer server = EddyServer.start(ServerConfig.builder().host("127.0.0.1").port(0).inMemory(true)
        .maxQueuedRequests(2).build());
        DynamoDbClient ddb = SdkClients.dynamo(server.endpoint())) {
      ddb.createTable(b -> b.tableName("big")
          .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
          .billingMode(BillingMode.PAY_PER_REQUEST));
      String pad = "x".repeat(300);
      for (int batch = 0; batch < 120; batch++) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
          Map<String, AttributeValue> item = new HashMap<>();
          item.put("pk", AttributeValue.fromS("k" + batch + "-" + i));
          item.put("pad", AttributeValue.fromS(pad));
          writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        ddb.batchWriteItem(b -> b.requestItems(Map.of("big", writes)));
      }
      // 300 clients ask for a full scan at once: 4 workers and 2 queue places cannot take them all.
      int clients = 300;
      byte[] scan = RawHttp.post("DynamoDB_20120810.Scan", "{\"TableName\":\"big\"}");
      List<RawHttp> conns = new ArrayList<>();
      try {
        for (int i = 0; i < clients; i++) {
          conns.add(new RawHttp(server.port()));
        }
        for (RawHttp c : conns) {
          c.send(scan);
        }
        int ok = 0;
        int throttled = 0;
        for (RawHttp c : conns) {
          RawHttp.Response r = c.read();
          if (r.status() == 200) {
            ok++;
          } else {
            assertEquals(400, r.status(), r.text());
            assertEquals(THROTTLED, r.text());
            throttled++;
          }
        }
        System.out.println("ResourceBoundsIT: " + clients + " concurrent scans with 2 queue places: " + ok
            + " answered, " + throttled + " throttled");
        assertTrue(throttled > 0, "some requests are throttled");
        assertTrue(ok >= 4, "the workers and the queue are served: " + ok);
      } finally {
        for (RawHttp c : conns) {
          c.close();
        }
      }
      // The SDK retries throttling with back-off; the server is fine afterwards.
      assertEquals(3000, ddb.scan(b -> b.tableName("big").select("COUNT")).count());
    }
  }

  @Test
  void aSecondProcessOnTheSameDataDirectoryFailsFastNamingTheLock(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    try (EddyProcess first = EddyProcess.startServing("--data-dir", data.toString())) {
      int port = EddyProcess.freePort();
      long t0 = System.nanoTime();
      try (EddyProcess second = EddyProcess.start(port, "--port", Integer.toString(port), "--data-dir", data.toString())) {
        assertEquals(1, second.waitForExit());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        String out = String.join("\n", second.output());
        System.out.println("ResourceBoundsIT: second process exited after " + took.toMillis() + " ms: " + out);
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "fails fast: " + took);
        assertTrue(out.contains("eddy: cannot start: The data directory " + data.toAbsolutePath()
            + " is in use by another Eddy process (RocksDB lock held)"), out);
        assertTrue(out.contains("LOCK"), out);
      }
      // the first one is unharmed
      try (Socket s = new Socket("127.0.0.1", first.port)) {
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
      }
      assertEquals(0, first.stop());
    }
  }
}
