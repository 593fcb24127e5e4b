package dev.eddy.streams.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ShardIteratorsTest {
  private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026-11-22T00:00:00.000";
  private static final String SHARD = "shardId-00000001763769600000-0a1b2c3d";

  @Test
  void roundTripsAndRejectsWhatThisKeyDidNotSign() {
    ShardIterators it = new ShardIterators(new byte[32]);
    String encoded = it.encode(ARN, SHARD, 42, 1_000);
    assertEquals(new ShardIterators.Decoded(ARN, SHARD, 42, 1_000), it.decode(encoded));
    // the same again: the per-thread Mac was left reset
    assertEquals(new ShardIterators.Decoded(ARN, SHARD, 42, 1_000), it.decode(encoded));
    byte[] other = new byte[32];
    other[0] = 1;
    assertNull(new ShardIterators(other).decode(encoded));
    assertNull(it.decode(encoded.replace(":table/t/", ":table/u/"))); // moved to another stream
    char last = encoded.charAt(encoded.length() - 3);
    assertNull(it.decode(encoded.substring(0, encoded.length() - 3) + (last == 'A' ? 'B' : 'A')
        + encoded.substring(encoded.length() - 2)));
    assertNull(it.decode("junk"));
    assertNull(it.decode(null));
  }

  @Test
  void threadsShareOneInstance() throws Exception {
    ShardIterators it = new ShardIterators(new byte[] {1, 2, 3});
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            long pos = thread * 1_000_000L + i;
            assertEquals(pos, it.decode(it.encode(ARN, SHARD, pos, i)).position());
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
