package dev.eddy.bench.bare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.bench.LoadGeneratorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load generator against the bare server for one short second: the whole client path works. */
class BareServerTest {
  @Test
  void loadGeneratorDrivesPutItemsIntoTheBareServer() {
    try (BareServer bare = BareServer.start("127.0.0.1", 0)) {
      List<String> lines = LoadGeneratorHarness.run("--endpoint", "http://127.0.0.1:" + bare.port(),
          "--workloads", "put", "--threads", "2", "--seconds", "1", "--warmup", "0",
          "--table-size", "50", "--no-stream", "--label", "bare");
      assertEquals(1, lines.size(), lines.toString());
      String line = lines.get(0);
      assertTrue(line.matches("put threads=2 ops/s=[0-9.]+ p50=[0-9.]+ms p99=[0-9.]+ms max=[0-9.]+ms errors=0 client-cpu-us/op=[0-9.]+ target=bare"),
          line);
      // The bare server answers BatchWriteItem (the load phase) with {} and stores nothing for it:
      // what it stored are the measured (and warm-up) PutItems.
      assertTrue(bare.puts() > 0, "puts stored: " + bare.puts());
    }
  }

  @Test
  void rawClientDrivesPutItemsIntoTheBareServer() {
    try (BareServer bare = BareServer.start("127.0.0.1", 0)) {
      List<String> lines = LoadGeneratorHarness.run("--endpoint", "http://127.0.0.1:" + bare.port(),
          "--workloads", "put", "--threads", "2", "--seconds", "1", "--warmup", "0",
          "--table-size", "50", "--no-stream", "--client", "raw", "--label", "bare");
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).matches("put threads=2 ops/s=[0-9.]+ .* errors=0 .*target=bare"), lines.get(0));
      assertTrue(bare.puts() > 0, "puts stored: " + bare.puts());
    }
  }

  /** The load generator checks every GetItem's item and every Query page's count: no errors. */
  @Test
  void rawClientGetsAndQueriesTheBareServer() {
    try (BareServer bare = BareServer.start("127.0.0.1", 0)) {
      List<String> lines = LoadGeneratorHarness.run("--endpoint", "http://127.0.0.1:" + bare.port(),
          "--workloads", "get,query", "--threads", "2", "--seconds", "1", "--warmup", "0",
          "--table-size", "250", "--no-stream", "--client", "raw", "--label", "bare");
      assertEquals(2, lines.size(), lines.toString());
      assertTrue(lines.get(0).matches("get threads=2 ops/s=[0-9.]+ .* errors=0 .*target=bare"), lines.get(0));
      assertTrue(lines.get(1).matches("query threads=2 ops/s=[0-9.]+ .* errors=0 .*target=bare"), lines.get(1));
    }
  }
}
