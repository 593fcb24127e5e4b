package dev.eddy.streams;

import static dev.eddy.streams.StreamsFixture.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A reader following a shard while writers commit concurrently never skips a record. */
class ConcurrentCaptureTest {
  @Test
  void aTailingReaderSeesEveryRecordInOrder() throws Exception {
    try (StreamsFixture f = new StreamsFixture(StreamSettings.defaults())) {
      f.createTable("Tbl", "KEYS_ONLY");
      String arn = f.streamArn("Tbl");
      String shard = f.shardIds(arn).get(0);
      String it = f.iterator(arn, shard, "TRIM_HORIZON", null);
      int writers = 4;
      int perWriter = 400;
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perWriter; i++) {
            f.put("Tbl", item("pk", "w" + id + "-" + i));
          }
        }));
      }
      Set<String> seen = new HashSet<>();
      BigInteger prev = BigInteger.ZERO;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (seen.size() < writers * perWriter && System.nanoTime() < deadline) {
        RecordsPage page = f.log.records(it, 100);
        for (var r : StreamsFixture.records(page)) {
          BigInteger seq = new BigInteger(r.path("dynamodb").path("SequenceNumber").asText());
          assertTrue(seq.compareTo(prev) > 0);
          prev = seq;
          assertTrue(seen.add(r.path("dynamodb").path("Keys").path("pk").path("S").asText()));
        }
        it = page.nextShardIterator();
      }
      for (Future<?> d : done) {
        d.get();
      }
      pool.shutdown();
      // nothing was skipped: whatever the reader has not seen yet is still ahead of it
      for (var r : StreamsFixture.records(f.log.records(it, 1000))) {
        seen.add(r.path("dynamodb").path("Keys").path("pk").path("S").asText());
      }
      assertEquals(writers * perWriter, seen.size());
    }
  }
}
