package dev.eddy.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.rnorth.ducttape.ratelimits.RateLimiter;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers module for Eddy, a DynamoDB-compatible server with the DynamoDB Streams API.
 *
 * <pre>{@code
 * @Container
 * static EddyContainer eddy = new EddyContainer(DockerImageName.parse("eddy:0.1.0")).withInMemory();
 *
 * DynamoDbClient ddb = DynamoDbClient.builder()
 *     .endpointOverride(eddy.getEndpoint())
 *     .region(Region.of(eddy.getRegion()))
 *     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
 *     .build();
 * }</pre>
 *
 * <p>The container is ready when {@code GET /} answers 200 (Eddy's health answer). Every setting
 * is passed as the server's {@code EDDY_*} environment variable; {@link #withEnv} sets any other.
 */
public class EddyContainer extends GenericContainer<EddyContainer> {

  /** The image name this class is made for; other names must be declared compatible with it. */
  public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("eddy");

  /** The image tag of this module's release ({@code 0.1.0} for 0.1.0 and 0.1.0-SNAPSHOT). */
  public static final String DEFAULT_TAG = defaultTag();

  /** The port Eddy listens on inside the container. */
  public static final int EDDY_PORT = 8000;

  private static final String DEFAULT_REGION = "us-east-1";
  private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final RateLimiter POLL_RATE =
      RateLimiterBuilder.newBuilder().withRate(10, TimeUnit.SECONDS).withConstantThroughput().build();

  private String region = DEFAULT_REGION;

  /** A container of {@code eddy:}{@link #DEFAULT_TAG}. */
  public EddyContainer() {
    this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG));
  }

  /** A container of the given image, e.g. {@code "eddy:0.1.0"}. */
  public EddyContainer(String dockerImageName) {
    this(DockerImageName.parse(dockerImageName));
  }

  /**
   * A container of the given image. An image under another name (a private registry's copy) is
   * accepted when declared compatible:
   * {@code DockerImageName.parse("registry.example.com/eddy:0.1.0").asCompatibleSubstituteFor("eddy")}.
   */
  public EddyContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    withExposedPorts(EDDY_PORT);
    // Eddy is ready about a second after the start: poll ten times a second, not once (the
    // default), so tests do not wait for the next tick.
    waitingFor(Wait.forHttp("/")
        .forPort(EDDY_PORT)
        .forStatusCode(200)
        .withRateLimiter(POLL_RATE)
        .withStartupTimeout(STARTUP_TIMEOUT));
  }

  /**
   * The endpoint for the AWS SDK's {@code endpointOverride} (or the CLI's {@code --endpoint-url}):
   * {@code http://<docker host>:<mapped port>}. Only valid once the container has started.
   */
  public URI getEndpoint() {
    String host = getHost();
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + getMappedPort(EDDY_PORT));
  }

  /** The region the server uses in ARNs ({@code us-east-1} unless {@link #withRegion} changed it). */
  public String getRegion() {
    return region;
  }

  /** Keeps all data in memory (nothing in the container's {@code /data} volume). */
  public EddyContainer withInMemory() {
    return withEnv("EDDY_IN_MEMORY", "true");
  }

  /** The region used in ARNs and the health answer, e.g. {@code eu-west-1}. */
  public EddyContainer withRegion(String region) {
    Objects.requireNonNull(region, "region");
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("not a region name: '" + region + "'");
    }
    this.region = region;
    return withEnv("EDDY_REGION", region);
  }

  /** The 12-digit account id used in ARNs. */
  public EddyContainer withAccountId(String accountId) {
    Objects.requireNonNull(accountId, "accountId");
    if (!ACCOUNT_ID.matcher(accountId).matches()) {
      throw new IllegalArgumentException("an account id has 12 digits: '" + accountId + "'");
    }
    return withEnv("EDDY_ACCOUNT_ID", accountId);
  }

  /** Shards per table stream (1 to 1000). */
  public EddyContainer withStreamShards(int shards) {
    if (shards < 1 || shards > 1000) {
      throw new IllegalArgumentException("stream shards must be 1..1000: " + shards);
    }
    return withEnv("EDDY_STREAM_SHARDS", Integer.toString(shards));
  }

  /** The age at which a stream shard is closed and replaced by a new one (default 4 hours). */
  public EddyContainer withStreamShardRollover(Duration rollover) {
    return withEnv("EDDY_STREAM_SHARD_ROLLOVER", positive(rollover, "rollover"));
  }

  /** How long stream records are kept (default 24 hours). */
  public EddyContainer withStreamRetention(Duration retention) {
    return withEnv("EDDY_STREAM_RETENTION", positive(retention, "retention"));
  }

  /** How often expired TTL items are deleted (default 5 seconds). */
  public EddyContainer withTtlSweepInterval(Duration interval) {
    return withEnv("EDDY_TTL_SWEEP_INTERVAL", positive(interval, "interval"));
  }

  /**
   * Serves the test-control operations ({@code EddyControl.AdvanceClock}, {@code EddyControl.GetClock})
   * that move the server clock forward. For tests only.
   */
  public EddyContainer withControlEndpoint() {
    return withEnv("EDDY_ENABLE_CONTROL_ENDPOINT", "true");
  }

  /** ISO-8601 (PT4H, PT0.5S), which the server reads. */
  private static String positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be longer than zero: " + d);
    }
    return d.toString();
  }

  private static String defaultTag() {
    Properties p = new Properties();
    try (InputStream in = EddyContainer.class.getResourceAsStream("eddy-testcontainers.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String v = p.getProperty("version", "latest");
    if (v.startsWith("${")) {
      return "latest";
    }
    return v.endsWith("-SNAPSHOT") ? v.substring(0, v.length() - "-SNAPSHOT".length()) : v;
  }
}
