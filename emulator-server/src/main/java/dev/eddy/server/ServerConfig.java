package dev.eddy.server;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the server is started with. Built from command-line flags and {@code EDDY_*}
 * environment variables ({@link #parse}); flags override environment variables. Tests build
 * one with {@link #builder()}.
 *
 * <p>Adding a setting: add a component (or a component of {@link StreamSettings}), a field in
 * {@link Builder} and one row in {@link #OPTIONS}; usage text and env handling follow.
 *
 * @param host the address to bind
 * @param port the port to bind; 0 picks a free port
 * @param dataDir absolute data directory, or null when the data lives in memory only
 * @param region the region used in ARNs and the health answer
 * @param accountId the 12-digit account id used in ARNs
 * @param streams stream settings, handed to the stream log
 * @param controlEndpoint whether the test-control operations (moving the clock) are served
 * @param ttlSweepInterval the pause between sweeps for expired TTL items (longer after long sweeps)
 * @param syncWrites whether every write is fsynced before it is acknowledged
 * @param accessKeys the access keys whose AWS Signature Version 4 is verified; none: any
 *     credentials are accepted
 * @param tlsCert PEM certificate chain served over TLS, or null for plain HTTP
 * @param tlsKey PEM (PKCS#8) private key of {@code tlsCert}, or null
 * @param maxQueuedRequests requests that may wait for a worker; more are answered with
 *     ThrottlingException
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    String region,
    String accountId,
    StreamSettings streams,
    boolean controlEndpoint,
    Duration ttlSweepInterval,
    boolean syncWrites,
    AccessKeys accessKeys,
    Path tlsCert,
    Path tlsKey,
    int maxQueuedRequests) {

  public static final int DEFAULT_PORT = 8000;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String DEFAULT_DATA_DIR = "./eddy-data";
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";
  public static final int DEFAULT_MAX_QUEUED_REQUESTS = 1024;

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(ttlSweepInterval, "ttlSweepInterval");
    Objects.requireNonNull(accessKeys, "accessKeys");
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("tlsCert and tlsKey go together");
    }
    if (maxQueuedRequests < 1) {
      throw new IllegalArgumentException("maxQueuedRequests must be at least 1: " + maxQueuedRequests);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * Settings of the stream log, passed through to streams-log.
   *
   * @param shards shards per stream
   * @param shardRollover how long a shard stays open before a new one replaces it
   * @param retention how long stream records are kept
   */
  public record StreamSettings(int shards, Duration shardRollover, Duration retention) {
    public StreamSettings {
      Objects.requireNonNull(shardRollover, "shardRollover");
      Objects.requireNonNull(retention, "retention");
    }

    public static StreamSettings defaults() {
      return new StreamSettings(1, Duration.ofHours(4), Duration.ofHours(24));
    }
  }

  public boolean inMemory() {
    return dataDir == null;
  }

  /** True when the server speaks HTTPS. */
  public boolean tls() {
    return tlsCert != null;
  }

  /**
   * Access key id to secret access key. {@link #toString()} names the key ids only, so a
   * configuration can be logged without its secrets.
   */
  public record AccessKeys(Map<String, String> secrets) {
    /** No keys: any credentials are accepted. */
    public static final AccessKeys NONE = new AccessKeys(Map.of());

    public AccessKeys {
      secrets = Map.copyOf(Objects.requireNonNull(secrets, "secrets"));
    }

    /** True when signatures are checked. */
    public boolean enabled() {
      return !secrets.isEmpty();
    }

    /** The secret of {@code accessKeyId}, or null when the key is unknown. */
    public String secretOf(String accessKeyId) {
      return accessKeyId == null ? null : secrets.get(accessKeyId);
    }

    /**
     * Parses "AKID:SECRET[,AKID2:SECRET2...]". Messages never repeat a secret.
     *
     * @throws IllegalArgumentException with a message naming the bad entry by position
     */
    public static AccessKeys parse(String text) {
      Map<String, String> keys = new java.util.LinkedHashMap<>();
      String[] entries = text.split(",", -1);
      for (int i = 0; i < entries.length; i++) {
        String e = entries[i].trim();
        int colon = e.indexOf(':');
        if (colon <= 0 || colon == e.length() - 1) {
          throw new IllegalArgumentException("entry " + (i + 1) + " is not ACCESS_KEY_ID:SECRET_ACCESS_KEY");
        }
        String id = e.substring(0, colon);
        if (!Syntax.ACCESS_KEY_ID.matcher(id).matches()) {
          throw new IllegalArgumentException("entry " + (i + 1)
              + ": the access key id must be letters and digits");
        }
        if (keys.put(id, e.substring(colon + 1)) != null) {
          throw new IllegalArgumentException("access key id " + id + " given more than once");
        }
      }
      return new AccessKeys(keys);
    }

    @Override
    public String toString() {
      return "AccessKeys" + new java.util.TreeSet<>(secrets.keySet()) + " (secrets hidden)";
    }
  }

  /** The defaults: 127.0.0.1:8000, data in ./eddy-data. */
  public static ServerConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.dataDir = dataDir;
    b.inMemory = dataDir == null;
    b.region = region;
    b.accountId = accountId;
    b.streamShards = streams.shards();
    b.streamShardRollover = streams.shardRollover();
    b.streamRetention = streams.retention();
    b.controlEndpoint = controlEndpoint;
    b.ttlSweepInterval = ttlSweepInterval;
    b.syncWrites = syncWrites;
    b.accessKeys = accessKeys;
    b.tlsCert = tlsCert;
    b.tlsKey = tlsKey;
    b.maxQueuedRequests = maxQueuedRequests;
    return b;
  }

  /** A mutable builder, starting from the defaults. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Path dataDir = Path.of(DEFAULT_DATA_DIR);
    private boolean inMemory;
    private String region = DEFAULT_REGION;
    private String accountId = DEFAULT_ACCOUNT_ID;
    private int streamShards = StreamSettings.defaults().shards();
    private Duration streamShardRollover = StreamSettings.defaults().shardRollover();
    private Duration streamRetention = StreamSettings.defaults().retention();
    private boolean controlEndpoint;
    private Duration ttlSweepInterval = Duration.ofSeconds(5);
    private boolean syncWrites;
    private AccessKeys accessKeys = AccessKeys.NONE;
    private Path tlsCert;
    private Path tlsKey;
    private int maxQueuedRequests = DEFAULT_MAX_QUEUED_REQUESTS;

    private Builder() {}

    /** How many requests may wait for a worker before ThrottlingException is answered. */
    public Builder maxQueuedRequests(int n) {
      this.maxQueuedRequests = n;
      return this;
    }

    /** fsync every write before acknowledging it. */
    public Builder syncWrites(boolean sync) {
      this.syncWrites = sync;
      return this;
    }

    /** Verify AWS Signature Version 4 against these keys ({@link AccessKeys#NONE}: accept any). */
    public Builder accessKeys(AccessKeys keys) {
      this.accessKeys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /** Serve HTTPS with this PEM certificate chain and PEM (PKCS#8) private key. */
    public Builder tls(Path certChain, Path privateKey) {
      this.tlsCert = certChain;
      this.tlsKey = privateKey;
      return this;
    }

    private Builder tlsCert(Path p) {
      this.tlsCert = p;
      return this;
    }

    private Builder tlsKey(Path p) {
      this.tlsKey = p;
      return this;
    }

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Keeps data in {@code dir} (and turns in-memory off). */
    public Builder dataDir(Path dir) {
      this.dataDir = Objects.requireNonNull(dir, "dir");
      this.inMemory = false;
      return this;
    }

    public Builder inMemory(boolean inMemory) {
      this.inMemory = inMemory;
      return this;
    }

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    public Builder streamShards(int shards) {
      this.streamShards = shards;
      return this;
    }

    public Builder streamShardRollover(Duration d) {
      this.streamShardRollover = Objects.requireNonNull(d, "d");
      return this;
    }

    public Builder streamRetention(Duration d) {
      this.streamRetention = Objects.requireNonNull(d, "d");
      return this;
    }

    public Builder controlEndpoint(boolean enabled) {
      this.controlEndpoint = enabled;
      return this;
    }

    public Builder ttlSweepInterval(Duration d) {
      this.ttlSweepInterval = Objects.requireNonNull(d, "d");
      return this;
    }

    public ServerConfig build() {
      Path dir = inMemory ? null : dataDir.toAbsolutePath().normalize();
      return new ServerConfig(host, port, dir, region, accountId,
          new StreamSettings(streamShards, streamShardRollover, streamRetention),
          controlEndpoint, ttlSweepInterval, syncWrites, accessKeys,
          tlsCert == null ? null : tlsCert.toAbsolutePath().normalize(),
          tlsKey == null ? null : tlsKey.toAbsolutePath().normalize(), maxQueuedRequests);
    }
  }

  // ---------------------------------------------------------------- parsing

  /**
   * One setting: its flag, environment variable, value name (null for a switch), default as
   * shown in the usage, and help text. {@link #set} applies its value.
   */
  private record Option(String flag, String env, String valueName, String defaultText, String help) {
    boolean isSwitch() {
      return valueName == null;
    }
  }

  /** Value syntaxes, compiled when a value needs one (not on every start). */
  private static final class Syntax {
    static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Za-z0-9]{1,128}");
    static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  }

  private static final List<Option> OPTIONS = List.of(
      new Option("--port", "EDDY_PORT", "PORT", String.valueOf(DEFAULT_PORT),
          "port to listen on (0: any free port)"),
      new Option("--host", "EDDY_HOST", "HOST", DEFAULT_HOST,
          "address to bind (0.0.0.0: all interfaces)"),
      new Option("--data-dir", "EDDY_DATA_DIR", "DIR", DEFAULT_DATA_DIR,
          "directory holding the data (created if missing)"),
      new Option("--in-memory", "EDDY_IN_MEMORY", null, "off",
          "keep all data in memory; nothing is written to disk"),
      new Option("--region", "EDDY_REGION", "REGION", DEFAULT_REGION,
          "region used in ARNs"),
      new Option("--account-id", "EDDY_ACCOUNT_ID", "ID", DEFAULT_ACCOUNT_ID,
          "12-digit account id used in ARNs"),
      new Option("--stream-shards", "EDDY_STREAM_SHARDS", "N", "1",
          "shards per table stream"),
      new Option("--stream-shard-rollover", "EDDY_STREAM_SHARD_ROLLOVER", "DURATION", "4h",
          "age at which a stream shard is closed and replaced"),
      new Option("--stream-retention", "EDDY_STREAM_RETENTION", "DURATION", "24h",
          "how long stream records are kept"),
      new Option("--enable-control-endpoint", "EDDY_ENABLE_CONTROL_ENDPOINT", null, "off",
          "serve the Eddy control operations (e.g. moving the server clock forward)"),
      new Option("--ttl-sweep-interval", "EDDY_TTL_SWEEP_INTERVAL", "DURATION", "5s",
          "pause between sweeps for expired TTL items (at least 50x a sweep's duration)"),
      new Option("--max-queued-requests", "EDDY_MAX_QUEUED_REQUESTS", "N",
          String.valueOf(DEFAULT_MAX_QUEUED_REQUESTS),
          "requests that may wait for a worker; beyond that ThrottlingException is answered"),
      new Option("--sync", "EDDY_SYNC", null, "off",
          "fsync the write-ahead log on every write (survives power loss; slower writes)"),
      new Option("--access-keys", "EDDY_ACCESS_KEYS", "AKID:SECRET[,...]", "none (any credentials)",
          "verify AWS Signature Version 4 with these access keys (prefer the environment variable)"),
      new Option("--tls-cert", "EDDY_TLS_CERT", "PEM_FILE", "none (plain HTTP)",
          "serve HTTPS with this certificate chain (needs --tls-key)"),
      new Option("--tls-key", "EDDY_TLS_KEY", "PEM_FILE", "none",
          "PKCS#8 PEM private key of --tls-cert"));

  /**
   * Applies one option's value to the builder. One switch rather than a lambda per option: each
   * lambda would be spun into a class on every start.
   */
  private static void set(Builder b, Option o, String v, String s) throws ConfigException {
    switch (o.flag()) {
      case "--port" -> b.port(intIn(v, s, 0, 65535));
      case "--host" -> b.host(nonBlank(v, s));
      case "--data-dir" -> b.dataDir(path(v, s));
      case "--in-memory" -> b.inMemory(bool(v, s));
      case "--region" -> b.region(matching(v, s, Syntax.REGION, "a region name such as us-east-1"));
      case "--account-id" -> b.accountId(matching(v, s, Syntax.ACCOUNT_ID, "12 digits"));
      case "--stream-shards" -> b.streamShards(intIn(v, s, 1, 1000));
      case "--stream-shard-rollover" -> b.streamShardRollover(duration(v, s));
      case "--stream-retention" -> b.streamRetention(duration(v, s));
      case "--enable-control-endpoint" -> b.controlEndpoint(bool(v, s));
      case "--ttl-sweep-interval" -> b.ttlSweepInterval(duration(v, s));
      case "--max-queued-requests" -> b.maxQueuedRequests(intIn(v, s, 1, 1_000_000));
      case "--sync" -> b.syncWrites(bool(v, s));
      case "--access-keys" -> b.accessKeys(accessKeys(v, s));
      case "--tls-cert" -> b.tlsCert(readableFile(v, s));
      case "--tls-key" -> b.tlsKey(readableFile(v, s));
      default -> throw new IllegalStateException("no setter for " + o.flag());
    }
  }

  /** True when the arguments ask for the usage text. */
  public static boolean helpRequested(String[] args) {
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h") || a.equals("-help")) {
        return true;
      }
    }
    return false;
  }

  /** Parses flags over environment variables over defaults. */
  public static ServerConfig parse(String[] args, Map<String, String> env) throws ConfigException {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(env, "env");
    Builder b = builder();
    for (Option o : OPTIONS) {
      String v = env.get(o.env());
      if (v != null && !v.isBlank()) {
        set(b, o, v.trim(), o.env());
      }
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      Option o = find(name);
      if (o == null) {
        throw new ConfigException(arg.startsWith("-")
            ? "unknown option " + name
            : "unexpected argument '" + arg + "' (all settings are --flags)");
      }
      if (!seen.add(o.flag())) {
        throw new ConfigException(o.flag() + " given more than once");
      }
      if (o.isSwitch()) {
        set(b, o, value == null ? "true" : value, o.flag());
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new ConfigException(o.flag() + " needs a value (" + o.flag() + " " + o.valueName() + ")");
        }
        value = args[++i];
      }
      set(b, o, value, o.flag());
    }
    if ((b.tlsCert == null) != (b.tlsKey == null)) {
      throw new ConfigException("--tls-cert and --tls-key go together (EDDY_TLS_CERT, EDDY_TLS_KEY)");
    }
    if (seen.contains("--data-dir") && seen.contains("--in-memory") && b.inMemory) {
      throw new ConfigException("--data-dir and --in-memory exclude each other");
    }
    return b.build();
  }

  private static Option find(String flag) {
    for (Option o : OPTIONS) {
      if (o.flag().equals(flag)) {
        return o;
      }
    }
    return null;
  }

  /** The --help text. */
  public static String usage() {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage: java -jar eddy.jar [options]\n\n")
        .append("Eddy: a DynamoDB-compatible server with the DynamoDB Streams API.\n")
        .append("Every option can also be set by its environment variable; flags win.\n")
        .append("Durations: 30s, 15m, 4h, 1d, 1h30m, 500ms or ISO-8601 (PT4H).\n\n")
        .append("Options:\n");
    for (Option o : OPTIONS) {
      String left = o.flag() + (o.isSwitch() ? "" : " " + o.valueName());
      sb.append(String.format(Locale.ROOT, "  %-34s %s%n", left, o.help()));
      sb.append(String.format(Locale.ROOT, "  %-34s env %s, default %s%n", "", o.env(), o.defaultText()));
    }
    sb.append(String.format(Locale.ROOT, "  %-34s %s%n", "--help", "print this text and exit"));
    return sb.toString();
  }

  private static int intIn(String v, String source, int min, int max) throws ConfigException {
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(source + ": '" + v + "' is not a whole number");
    }
    if (n < min || n > max) {
      throw new ConfigException(source + ": " + n + " is out of range " + min + ".." + max);
    }
    return n;
  }

  private static String nonBlank(String v, String source) throws ConfigException {
    if (v.isBlank()) {
      throw new ConfigException(source + ": must not be empty");
    }
    return v.trim();
  }

  private static String matching(String v, String source, Pattern p, String expected)
      throws ConfigException {
    if (!p.matcher(v).matches()) {
      throw new ConfigException(source + ": '" + v + "' is not " + expected);
    }
    return v;
  }

  private static Path path(String v, String source) throws ConfigException {
    try {
      return Path.of(nonBlank(v, source));
    } catch (InvalidPathException e) {
      throw new ConfigException(source + ": '" + v + "' is not a valid path");
    }
  }

  private static AccessKeys accessKeys(String v, String source) throws ConfigException {
    try {
      return AccessKeys.parse(v);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source + ": " + e.getMessage());
    }
  }

  private static Path readableFile(String v, String source) throws ConfigException {
    Path p = path(v, source);
    if (!java.nio.file.Files.isReadable(p) || java.nio.file.Files.isDirectory(p)) {
      throw new ConfigException(source + ": cannot read file '" + v + "'");
    }
    return p;
  }

  private static boolean bool(String v, String source) throws ConfigException {
    switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw new ConfigException(source + ": '" + v + "' is not true or false");
    }
  }

  /**
   * Parses "30s", "4h", "1h30m", "500ms", "1d" or ISO-8601 ("PT4H", "P1D"). The result must be
   * positive.
   */
  static Duration parseDuration(String v) {
    String s = v.trim();
    Duration d;
    if (s.length() > 1 && (s.charAt(0) == 'P' || s.charAt(0) == 'p')) {
      try {
        d = Duration.parse(s.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        return null;
      }
    } else {
      Matcher m = Syntax.DURATION_PART.matcher(s.toLowerCase(Locale.ROOT));
      d = Duration.ZERO;
      int at = 0;
      while (at < s.length()) {
        if (!m.find(at) || m.start() != at) {
          return null;
        }
        long n;
        try {
          n = Long.parseLong(m.group(1));
          d = d.plus(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          });
        } catch (ArithmeticException | NumberFormatException e) {
          return null;
        }
        at = m.end();
      }
      if (at == 0) {
        return null;
      }
    }
    return d;
  }

  private static Duration duration(String v, String source) throws ConfigException {
    Duration d = parseDuration(v);
    if (d == null) {
      throw new ConfigException(source + ": '" + v
          + "' is not a duration (examples: 30s, 15m, 4h, 1h30m, PT4H)");
    }
    if (d.isNegative() || d.isZero()) {
      throw new ConfigException(source + ": must be longer than zero");
    }
    return d;
  }
}
