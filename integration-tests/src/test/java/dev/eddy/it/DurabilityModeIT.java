package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.server.EddyServer;
import dev.eddy.server.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cost of --sync (fsync of the write-ahead log per write) against the default (log written
 * to the operating system per write): sequential PutItems on one keep-alive connection,
 * both modes, printed; and the writes of a --sync server are all there after a restart.
 */
class DurabilityModeIT {
  private static final int WRITES = 400;

  @Test
  void syncPerWriteCostsAFlushAndKeepsEverything(@TempDir Path dir) throws Exception {
    ServerConfig plainConfig = config(dir.resolve("plain"), false);
    ServerConfig syncConfig = config(dir.resolve("sync"), true);
    long[] nanos = new long[2];
    int rounds = 6;
    int each = WRITES / (rounds - 1);
    // Both servers run at once and take turns, so a busy machine slows both alike.
    try (EddyServer plain = EddyServer.start(plainConfig); EddyServer sync = EddyServer.start(syncConfig);
        RawHttp plainHttp = new RawHttp(plain.port()); RawHttp syncHttp = new RawHttp(sync.port())) {
      for (RawHttp http : new RawHttp[] {plainHttp, syncHttp}) {
        RawHttp.Response r = http.exchange(RawHttp.post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"durable\","
            + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":"
            + "[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}"));
        assertEquals(200, r.status(), r.text());
      }
      for (int round = 0; round < rounds; round++) {
        for (int mode = 0; mode < 2; mode++) {
          RawHttp http = mode == 0 ? plainHttp : syncHttp;
          long t0 = System.nanoTime();
          for (int i = 0; i < each; i++) {
            put(http, "k" + round + "-" + i);
          }
          if (round > 0) {
            nanos[mode] += System.nanoTime() - t0;
          }
        }
      }
    }
    double plainMs = nanos[0] / 1e6 / (each * (rounds - 1));
    double syncMs = nanos[1] / 1e6 / (each * (rounds - 1));
    System.out.printf("DurabilityModeIT: sequential PutItems on one connection, mean latency: default %.3f ms,"
        + " --sync %.3f ms (+%.3f ms)%n", plainMs, syncMs, syncMs - plainMs);
    for (ServerConfig c : new ServerConfig[] {plainConfig, syncConfig}) {
      try (EddyServer server = EddyServer.start(c); DynamoDbClient ddb = SdkClients.dynamo(server.endpoint())) {
        assertEquals(each * rounds, ddb.scan(b -> b.tableName("durable").select("COUNT")).count());
      }
    }
  }

  private static ServerConfig config(Path data, boolean sync) {
    return ServerConfig.builder().host("127.0.0.1").port(0).dataDir(data).syncWrites(sync).build();
  }

  @Test
  void fsyncCostAtTheStore(@TempDir Path dir) {
    // The store alone, without HTTP: one small atomic batch per write, both modes interleaved.
    long[] nanos = new long[2];
    int each = 500;
    try (dev.eddy.storage.StorageEngine plain = engine(dir.resolve("p"), false);
        dev.eddy.storage.StorageEngine sync = engine(dir.resolve("s"), true)) {
      for (int round = 0; round < 6; round++) {
        for (int mode = 0; mode < 2; mode++) {
          dev.eddy.storage.KvStore store = (mode == 0 ? plain : sync).store();
          long t0 = System.nanoTime();
          for (int i = 0; i < each; i++) {
            try (dev.eddy.storage.KvStore.Batch b = store.batch()) {
              b.put(dev.eddy.storage.KvStore.Space.ITEMS, ("k" + round + "-" + i).getBytes(),
                  "x".repeat(200).getBytes());
              store.write(b);
            }
          }
          if (round > 0) {
            nanos[mode] += System.nanoTime() - t0;
          }
        }
      }
    }
    double plainUs = nanos[0] / 1e3 / (5 * each);
    double syncUs = nanos[1] / 1e3 / (5 * each);
    System.out.printf("DurabilityModeIT: store write (one batch): default %.1f us, --sync %.1f us (%.0fx)%n",
        plainUs, syncUs, syncUs / plainUs);
    try (dev.eddy.storage.StorageEngine reopened = engine(dir.resolve("s"), true)) {
      assertEquals(200, reopened.store().get(dev.eddy.storage.KvStore.Space.ITEMS, "k5-499".getBytes()).length);
    }
  }

  private static dev.eddy.storage.StorageEngine engine(Path dir, boolean sync) {
    return dev.eddy.storage.StorageEngine.open(new dev.eddy.storage.EngineConfig(dir, "us-east-1", "000000000000",
        java.time.Clock.systemUTC(), sync), s -> dev.eddy.storage.ChangeCapture.NONE);
  }

  private static void put(RawHttp http, String pk) throws java.io.IOException {
    RawHttp.Response r = http.exchange(RawHttp.post("DynamoDB_20120810.PutItem", "{\"TableName\":\"durable\","
        + "\"Item\":{\"pk\":{\"S\":\"" + pk + "\"},\"v\":{\"S\":\"" + "x".repeat(200) + "\"}}}"));
    assertEquals(200, r.status(), r.text());
  }
}
