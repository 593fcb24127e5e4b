package dev.eddy.streams;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the stream log. DynamoDB's values are the defaults; users who want to exercise
 * shard rollover, trimming or iterator expiry quickly can shorten them.
 *
 * @param openShards        open shards per stream; an item's changes always go to the same one
 * @param rolloverPeriod    age at which an open shard is closed and replaced by a child shard
 * @param retention         how long records (and closed shards, and disabled streams) stay readable
 * @param iteratorLifetime  age after which a shard iterator is refused (ExpiredIteratorException)
 */
public record StreamSettings(int openShards, Duration rolloverPeriod, Duration retention, Duration iteratorLifetime) {
  public static final StreamSettings DEFAULTS =
      new StreamSettings(1, Duration.ofHours(4), Duration.ofHours(24), Duration.ofMinutes(15));

  public StreamSettings {
    Objects.requireNonNull(rolloverPeriod, "rolloverPeriod");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(iteratorLifetime, "iteratorLifetime");
    if (openShards < 1 || openShards > 1000) {
      throw new IllegalArgumentException("openShards must be in 1..1000: " + openShards);
    }
    if (rolloverPeriod.toMillis() <= 0 || retention.toMillis() <= 0 || iteratorLifetime.toMillis() <= 0) {
      throw new IllegalArgumentException("periods must be positive");
    }
  }

  public static StreamSettings defaults() {
    return DEFAULTS;
  }

  public StreamSettings withOpenShards(int n) {
    return new StreamSettings(n, rolloverPeriod, retention, iteratorLifetime);
  }

  public StreamSettings withRolloverPeriod(Duration d) {
    return new StreamSettings(openShards, d, retention, iteratorLifetime);
  }

  public StreamSettings withRetention(Duration d) {
    return new StreamSettings(openShards, rolloverPeriod, d, iteratorLifetime);
  }

  public StreamSettings withIteratorLifetime(Duration d) {
    return new StreamSettings(openShards, rolloverPeriod, retention, d);
  }
}
