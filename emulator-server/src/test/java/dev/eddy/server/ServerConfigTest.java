package dev.eddy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerConfigTest {
  private static ServerConfig parse(Map<String, String> env, String... args) throws ConfigException {
    return ServerConfig.parse(args, env);
  }

  private static ServerConfig parse(String... args) throws ConfigException {
    return parse(Map.of(), args);
  }

  @Test
  void defaults() throws ConfigException {
    ServerConfig c = parse();
    assertEquals("127.0.0.1", c.host());
    assertEquals(8000, c.port());
    assertEquals(Path.of("eddy-data").toAbsolutePath(), c.dataDir());
    assertFalse(c.inMemory());
    assertEquals("us-east-1", c.region());
    assertEquals("000000000000", c.accountId());
    assertEquals(1, c.streams().shards());
    assertEquals(Duration.ofHours(4), c.streams().shardRollover());
    assertEquals(Duration.ofHours(24), c.streams().retention());
    assertFalse(c.controlEndpoint());
    assertEquals(Duration.ofSeconds(5), c.ttlSweepInterval());
    assertEquals(c, ServerConfig.defaults());
  }

  @Test
  void flagsInBothSpellings() throws ConfigException {
    ServerConfig c = parse("--port", "9000", "--host=0.0.0.0", "--region", "eu-west-1",
        "--account-id=123456789012", "--stream-shards", "3", "--stream-shard-rollover", "30s",
        "--stream-retention=PT2H", "--enable-control-endpoint", "--ttl-sweep-interval", "500ms",
        "--data-dir", "/tmp/x/../y");
    assertEquals(9000, c.port());
    assertEquals("0.0.0.0", c.host());
    assertEquals("eu-west-1", c.region());
    assertEquals("123456789012", c.accountId());
    assertEquals(3, c.streams().shards());
    assertEquals(Duration.ofSeconds(30), c.streams().shardRollover());
    assertEquals(Duration.ofHours(2), c.streams().retention());
    assertTrue(c.controlEndpoint());
    assertEquals(Duration.ofMillis(500), c.ttlSweepInterval());
    assertEquals(Path.of("/tmp/y"), c.dataDir());
  }

  @Test
  void everyListedOptionHasASetter() {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^  (--[a-z-]+)").matcher(ServerConfig.usage());
    int flags = 0;
    while (m.find()) {
      String flag = m.group(1);
      if (flag.equals("--help")) {
        continue;
      }
      flags++;
      try {
        parse(flag + "=%%");
      } catch (ConfigException e) {
        // a bad value: fine, the option was applied
      }
    }
    assertEquals(16, flags);
  }

  @Test
  void inMemoryHasNoDataDir() throws ConfigException {
    ServerConfig c = parse("--in-memory");
    assertTrue(c.inMemory());
    assertNull(c.dataDir());
    assertFalse(parse("--in-memory=false").inMemory());
  }

  @Test
  void environmentVariablesApplyAndFlagsWin() throws ConfigException {
    Map<String, String> env = Map.of("EDDY_PORT", "7000", "EDDY_HOST", "0.0.0.0",
        "EDDY_IN_MEMORY", "true", "EDDY_STREAM_RETENTION", "1h", "EDDY_REGION", "ap-south-1",
        "EDDY_ENABLE_CONTROL_ENDPOINT", "yes", "EDDY_STREAM_SHARDS", "2");
    ServerConfig fromEnv = parse(env);
    assertEquals(7000, fromEnv.port());
    assertEquals("0.0.0.0", fromEnv.host());
    assertTrue(fromEnv.inMemory());
    assertEquals(Duration.ofHours(1), fromEnv.streams().retention());
    assertEquals("ap-south-1", fromEnv.region());
    assertTrue(fromEnv.controlEndpoint());
    assertEquals(2, fromEnv.streams().shards());

    ServerConfig overridden = parse(env, "--port", "7001", "--data-dir", "d",
        "--enable-control-endpoint=false");
    assertEquals(7001, overridden.port());
    assertFalse(overridden.inMemory(), "--data-dir on the command line beats EDDY_IN_MEMORY");
    assertEquals(Path.of("d").toAbsolutePath(), overridden.dataDir());
    assertFalse(overridden.controlEndpoint());
  }

  @Test
  void blankEnvironmentVariablesAreIgnored() throws ConfigException {
    assertEquals(8000, parse(Map.of("EDDY_PORT", " ")).port());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--port abc|--port: 'abc' is not a whole number",
      "--port 70000|--port: 70000 is out of range 0..65535",
      "--port|--port needs a value (--port PORT)",
      "--port --in-memory|--port needs a value (--port PORT)",
      "--nope|unknown option --nope",
      "stray|unexpected argument 'stray' (all settings are --flags)",
      "--port 1 --port 2|--port given more than once",
      "--stream-shards 0|--stream-shards: 0 is out of range 1..1000",
      "--stream-retention 4 hours|--stream-retention: '4' is not a duration (examples: 30s, 15m, 4h, 1h30m, PT4H)",
      "--stream-retention 4x|--stream-retention: '4x' is not a duration (examples: 30s, 15m, 4h, 1h30m, PT4H)",
      "--stream-shard-rollover 0s|--stream-shard-rollover: must be longer than zero",
      "--ttl-sweep-interval PT-1S|--ttl-sweep-interval: must be longer than zero",
      "--account-id 123|--account-id: '123' is not 12 digits",
      "--region US_EAST|--region: 'US_EAST' is not a region name such as us-east-1",
      "--in-memory=maybe|--in-memory: 'maybe' is not true or false",
      "--data-dir x --in-memory|--data-dir and --in-memory exclude each other",
  })
  void badFlagsGiveClearMessages(String args, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(args.split(" ")));
    assertEquals(message, e.getMessage());
  }

  @Test
  void badEnvironmentVariableNamesTheVariable() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(Map.of("EDDY_PORT", "x")));
    assertEquals("EDDY_PORT: 'x' is not a whole number", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"30s,30000", "4h,14400000", "1h30m,5400000", "500ms,500", "1d,86400000",
      "PT4H,14400000", "pt1m,60000", "P1D,86400000", "2m10s,130000"})
  void durations(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), ServerConfig.parseDuration(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "4", "h", "4 h", "4hours", "1h-2m", "P", "PTX"})
  void notDurations(String text) {
    assertNull(ServerConfig.parseDuration(text));
  }

  @Test
  void help() {
    assertTrue(ServerConfig.helpRequested(new String[] {"--port", "1", "--help"}));
    assertTrue(ServerConfig.helpRequested(new String[] {"-h"}));
    assertFalse(ServerConfig.helpRequested(new String[] {"--port", "1"}));
    String usage = ServerConfig.usage();
    for (String s : new String[] {"--port", "EDDY_PORT", "--data-dir", "EDDY_DATA_DIR", "--in-memory",
        "EDDY_IN_MEMORY", "--stream-shards", "EDDY_STREAM_SHARD_ROLLOVER", "--stream-retention",
        "--enable-control-endpoint", "--ttl-sweep-interval", "--help"}) {
      assertTrue(usage.contains(s), s);
    }
  }

  @Test
  void builderRoundTrips() {
    ServerConfig c = ServerConfig.builder().port(0).inMemory(true).region("eu-west-1").build();
    assertEquals(c, c.toBuilder().build());
    assertTrue(c.inMemory());
  }
}
