package dev.eddy.it;

import dev.eddy.server.EddyServer;
import dev.eddy.server.ServerConfig;
import dev.eddy.storage.AdjustableClock;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Starts one in-process Eddy per test class (127.0.0.1, free port, in memory) and hands out AWS
 * SDK v2 clients pointed at it.
 *
 * <pre>{@code
 * @RegisterExtension static final EddyExtension EDDY = new EddyExtension();
 * ... EDDY.client().listTables() ...
 * }</pre>
 */
public final class EddyExtension implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<ServerConfig.Builder> customizer;
  private EddyServer server;
  private DynamoDbClient client;

  public EddyExtension() {
    this(b -> b);
  }

  /** {@code customizer} adjusts the configuration (e.g. {@code b -> b.controlEndpoint(true)}). */
  public EddyExtension(UnaryOperator<ServerConfig.Builder> customizer) {
    this.customizer = Objects.requireNonNull(customizer, "customizer");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ServerConfig.Builder b = ServerConfig.builder().host("127.0.0.1").port(0).inMemory(true);
    server = EddyServer.start(customizer.apply(b).build());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (client != null) {
      client.close();
      client = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }

  public EddyServer server() {
    return Objects.requireNonNull(server, "server not started (use @RegisterExtension on a static field)");
  }

  public URI endpoint() {
    return server().endpoint();
  }

  public int port() {
    return server().port();
  }

  /** The server's clock; move it forward to test TTL, retention, rollover, iterator expiry. */
  public AdjustableClock clock() {
    return server().clock();
  }

  /** A shared client for the class (closed after all tests). */
  public synchronized DynamoDbClient client() {
    if (client == null) {
      client = newClient(b -> { });
    }
    return client;
  }

  /** A new client (the caller closes it); {@code customizer} may add interceptors etc. */
  public DynamoDbClient newClient(Consumer<DynamoDbClientBuilder> customizer) {
    return clientFor(endpoint(), customizer);
  }

  /** A DynamoDB client for any Eddy endpoint: us-east-1, dummy static credentials. */
  public static DynamoDbClient clientFor(URI endpoint, Consumer<DynamoDbClientBuilder> customizer) {
    DynamoDbClientBuilder b = DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
        .httpClient(UrlConnectionHttpClient.create());
    customizer.accept(b);
    return b.build();
  }
}
