package dev.eddy.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What the engine needs to know: where data lives ({@code dataDir == null}: in memory), the
 * region and account used in ARNs, and the clock all time-dependent behaviour reads.
 */
public record EngineConfig(Path dataDir, String region, String accountId, Clock clock) {
  public EngineConfig {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(clock, "clock");
  }

  public static EngineConfig defaultsInMemory() {
    return new EngineConfig(null, "us-east-1", "000000000000", Clock.systemUTC());
  }

  public boolean isInMemory() {
    return dataDir == null;
  }
}
