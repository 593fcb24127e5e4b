package dev.eddy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TtlSweeperPauseTest {
  @Test
  void theIntervalUnlessTheSweepWasLong() {
    Duration fiveSeconds = Duration.ofSeconds(5);
    assertEquals(5_000_000_000L, TtlSweeper.pauseNanos(fiveSeconds, 0));
    assertEquals(5_000_000_000L, TtlSweeper.pauseNanos(fiveSeconds, 100_000_000L)); // 0.1 s sweep
    // a 0.5 s sweep (a 200,000-item table here) waits 25 s: at most 1/51 of the time sweeping
    assertEquals(25_000_000_000L, TtlSweeper.pauseNanos(fiveSeconds, 500_000_000L));
    assertEquals(Long.MAX_VALUE, TtlSweeper.pauseNanos(fiveSeconds, Long.MAX_VALUE / 10));
  }
}
