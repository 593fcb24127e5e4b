package dev.eddy.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What the engine needs to know: where data lives ({@code dataDir == null}: in memory), the
 * region and account used in ARNs, the clock all time-dependent behaviour reads, and whether
 * every write is fsynced before it is acknowledged ({@code syncWrites}; off: the write-ahead log
 * reaches the operating system before a write returns, which survives a crash of the process
 * but not of the machine).
 */
public record EngineConfig(Path dataDir, String region, String accountId, Clock clock, boolean syncWrites) {
  public EngineConfig {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(clock, "clock");
  }

  /** Without fsync per write. */
  public EngineConfig(Path dataDir, String region, String accountId, Clock clock) {
    this(dataDir, region, accountId, clock, false);
  }

  public static EngineConfig defaultsInMemory() {
    return new EngineConfig(null, "us-east-1", "000000000000", Clock.systemUTC());
  }

  public boolean isInMemory() {
    return dataDir == null;
  }
}
