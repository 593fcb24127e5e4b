package dev.eddy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TtlSweeperTimingTest {
  @Test
  void theIntervalUnlessTheSweepWasLong() {
    Duration fiveSeconds = Duration.ofSeconds(5);
    assertEquals(5_000_000_000L, TtlSweeper.pauseNanos(fiveSeconds, 0));
    assertEquals(5_000_000_000L, TtlSweeper.pauseNanos(fiveSeconds, 100_000_000L)); // 0.1 s sweep
    // a 0.5 s sweep (a 200,000-item table here) waits 25 s: at most 1/51 of the time sweeping
    assertEquals(25_000_000_000L, TtlSweeper.pauseNanos(fiveSeconds, 500_000_000L));
    assertEquals(Long.MAX_VALUE, TtlSweeper.pauseNanos(fiveSeconds, Long.MAX_VALUE / 10));
  }

  @Test
  void ttlSecondsAsMillisRoundDownAndClamp() {
    assertEquals(1_700_000_000_500L, TtlSweeper.floorMillis(new BigDecimal("1700000000.5")));
    assertEquals(1_700_000_000_000L, TtlSweeper.floorMillis(new BigDecimal("1.7E+9")));
    assertEquals(-1L, TtlSweeper.floorMillis(new BigDecimal("-0.0005")));
    assertEquals(Long.MAX_VALUE, TtlSweeper.floorMillis(new BigDecimal("9.9E+125")));
    assertEquals(Long.MIN_VALUE, TtlSweeper.floorMillis(new BigDecimal("-9.9E+125")));
  }
}
