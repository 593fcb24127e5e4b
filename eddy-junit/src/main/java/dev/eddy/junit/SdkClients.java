package dev.eddy.junit;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * AWS SDK v2 clients for an Eddy endpoint. The SDK is an optional dependency: this class is only
 * loaded once {@link EddyExtension} found the SDK on the class path.
 */
final class SdkClients {
  private SdkClients() {}

  private static final String URL_CONNECTION =
      "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient";

  /** A {@code DynamoDbClient}. */
  static AutoCloseable dynamoDb(URI endpoint, String region) {
    return configured(DynamoDbClient.builder(), endpoint, region).build();
  }

  /** A {@code DynamoDbStreamsClient}. */
  static AutoCloseable streams(URI endpoint, String region) {
    return configured(DynamoDbStreamsClient.builder(), endpoint, region).build();
  }

  /** {@code b} pointed at the endpoint, with dummy credentials and the light HTTP client if present. */
  private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configured(
      B b, URI endpoint, String region) {
    b.endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(credentials());
    SdkHttpClient http = urlConnectionClient();
    if (http != null) {
      b.httpClient(http);
    }
    return b;
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"));
  }

  /**
   * The URL-connection HTTP client when it is on the class path (light, and it avoids the SDK's
   * "multiple HTTP implementations" error when several are); else the SDK's default.
   */
  private static SdkHttpClient urlConnectionClient() {
    if (!EddyExtension.present(URL_CONNECTION)) {
      return null;
    }
    try {
      return (SdkHttpClient) Class.forName(URL_CONNECTION).getMethod("create").invoke(null);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
