package dev.eddy.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that follows a base clock plus an offset that only grows: tests (and the opt-in
 * control endpoint) move time forward to exercise iterator expiry, retention, shard rollover
 * and TTL without sleeping.
 */
public final class AdjustableClock extends Clock {
  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  public AdjustableClock(Clock base) {
    this.base = base;
  }

  public static AdjustableClock system() {
    return new AdjustableClock(Clock.systemUTC());
  }

  /** Moves time forward (negative durations are refused). */
  public void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("time only moves forward");
    }
    offsetMillis.addAndGet(d.toMillis());
  }

  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public long millis() {
    return base.millis() + offsetMillis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }
}
