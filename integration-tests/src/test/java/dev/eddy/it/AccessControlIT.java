package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.server.EddyServer;
import dev.eddy.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** --access-keys: AWS Signature Version 4 checked as DynamoDB checks it. */
class AccessControlIT {
  private static final String AKID = "AKIDEDDYTEST";
  private static final String SECRET = "TopSecret/Value+Never+Logged0123456789ab";
  private static final String OTHER_AKID = "AKIDSECOND";
  private static final String OTHER_SECRET = "SecondSecretAlsoNeverLogged";
  private static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature you"
      + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
  private static EddyServer server;
  private static final List<String> LOGGED = new ArrayList<>();
  private static final Handler CAPTURE = new Handler() {
    @Override
    public void publish(LogRecord r) {
      synchronized (LOGGED) {
        LOGGED.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()) + " " + r.getThrown());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private static Level rootLevel;

  @BeforeAll
  static void start() {
    Logger root = Logger.getLogger("");
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    CAPTURE.setLevel(Level.ALL);
    root.addHandler(CAPTURE);
    server = EddyServer.start(ServerConfig.builder().host("127.0.0.1").port(0).inMemory(true)
        .accessKeys(ServerConfig.AccessKeys.parse(AKID + ":" + SECRET + "," + OTHER_AKID + ":" + OTHER_SECRET)).build());
  }

  @AfterAll
  static void stop() {
    server.close();
    Logger root = Logger.getLogger("");
    root.removeHandler(CAPTURE);
    root.setLevel(rootLevel);
    synchronized (LOGGED) {
      for (String line : LOGGED) {
        assertFalse(line.contains(SECRET) || line.contains(OTHER_SECRET), "a secret was logged: " + line);
      }
      System.out.println("AccessControlIT: " + LOGGED.size() + " log records checked, no secret in any");
    }
  }

  private static DynamoDbClient client(String akid, String secret) {
    return DynamoDbClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(akid, secret)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void theSdkWithTheRightSecretWorksForBothApis() {
    try (DynamoDbClient ddb = client(AKID, SECRET);
        DynamoDbClient second = client(OTHER_AKID, OTHER_SECRET);
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(server.endpoint())
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AKID, SECRET)))
            .httpClient(UrlConnectionHttpClient.create()).build()) {
      ddb.createTable(b -> b.tableName("signed")
          .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
      ddb.putItem(b -> b.tableName("signed").item(Map.of("pk", AttributeValue.fromS("k"), "v",
          AttributeValue.fromS("a value with spaces, unicode é and / slashes"))));
      assertEquals("a value with spaces, unicode é and / slashes", second.getItem(b -> b.tableName("signed")
          .key(Map.of("pk", AttributeValue.fromS("k")))).item().get("v").s());
      assertEquals(1, streams.listStreams(b -> b.tableName("signed")).streams().size());
    }
  }

  private static void assertError(Runnable call, String code, String message) {
    DynamoDbException e = assertThrows(DynamoDbException.class, call::run);
    assertEquals(code, e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    if (message != null) {
      assertEquals(message, e.awsErrorDetails().errorMessage());
    }
  }

  @Test
  void theSdkWithAWrongSecretOrUnknownKeyIsRefused() {
    try (DynamoDbClient wrong = client(AKID, SECRET + "x"); DynamoDbClient unknown = client("AKIDUNKNOWN", SECRET)) {
      assertError(wrong::listTables, "InvalidSignatureException", BAD_SIGNATURE);
      assertError(unknown::listTables, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
  }

  private static HttpResponse<String> send(SdkHttpRequest signed, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(signed.getUri()).method(signed.method().name(),
        HttpRequest.BodyPublishers.ofString(body));
    signed.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
        values.forEach(v -> b.header(name, v));
      }
    });
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static SdkHttpRequest sign(String body, Consumer<SignRequest.Builder<AwsCredentialsIdentity>> extra) {
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(server.endpoint() + "/"))
        .putHeader("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .putHeader("Content-Type", "application/x-amz-json-1.0").build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
      r.identity(AwsCredentialsIdentity.create(AKID, SECRET)).request(request)
          .payload(ContentStreamProvider.fromUtf8String(body))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
          .putProperty(AwsV4HttpSigner.REGION_NAME, "us-west-2");
      extra.accept(r);
    });
    return signed.request();
  }

  private static void assertRaw(HttpResponse<String> r, String type, String message) {
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("{\"__type\":\"com.amazon.coral.service#" + type + "\",\"message\":\"" + message + "\"}", r.body());
  }

  @Test
  void rawRequestsSignedInTheHeaderOrTheQueryString() throws Exception {
    assertEquals(200, send(sign("{}", r -> { }), "{}").statusCode());
    // Header signing with the payload hash sent as x-amz-content-sha256.
    assertEquals(200, send(sign("{}", r -> r.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
        .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, false)), "{}").statusCode());
    // Presigned: everything in the query string, no Authorization header.
    SdkHttpRequest presigned = sign("{}", r -> r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION,
        AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING).putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION,
        Duration.ofMinutes(5)));
    assertTrue(presigned.getUri().getRawQuery().contains("X-Amz-Signature="), presigned.getUri().toString());
    assertFalse(presigned.firstMatchingHeader("Authorization").isPresent());
    assertEquals(200, send(presigned, "{}").statusCode());
    // ... and a presigned URL whose time is up.
    SdkHttpRequest old = sign("{}", r -> r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION,
        AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING).putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION,
        Duration.ofMinutes(5)).putProperty(HttpSigner.SIGNING_CLOCK,
        Clock.fixed(Instant.now().minus(Duration.ofMinutes(6)), ZoneOffset.UTC)));
    HttpResponse<String> expired = send(old, "{}");
    assertEquals(400, expired.statusCode());
    assertTrue(expired.body().contains("InvalidSignatureException") && expired.body().contains("Signature expired: "),
        expired.body());
  }

  @Test
  void tamperedMissingOrStaleSignaturesAreRefusedAsAwsDoes() throws Exception {
    // The body changed after signing.
    assertRaw(send(sign("{}", r -> { }), "{\"Limit\":1}"), "InvalidSignatureException", BAD_SIGNATURE);
    // A signed header changed after signing.
    SdkHttpRequest s = sign("{}", r -> { });
    assertRaw(send(s.toBuilder().putHeader("X-Amz-Target", "DynamoDB_20120810.DescribeLimits").build(), "{}"),
        "InvalidSignatureException", BAD_SIGNATURE);
    // No signature at all.
    HttpResponse<String> none = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint())
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertRaw(none, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
    // Signed 20 minutes ago, or 20 minutes ahead: outside the 15-minute window.
    for (int minutes : new int[] {-20, 20}) {
      SdkHttpRequest skewed = sign("{}", r -> r.putProperty(HttpSigner.SIGNING_CLOCK,
          Clock.fixed(Instant.now().plus(Duration.ofMinutes(minutes)), ZoneOffset.UTC)));
      HttpResponse<String> r = send(skewed, "{}");
      assertEquals(400, r.statusCode());
      assertTrue(r.body().startsWith("{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\","
          + "\"message\":\"Signature " + (minutes < 0 ? "expired: " : "not yet current: ")), r.body());
    }
    // Ten minutes off is fine.
    assertEquals(200, send(sign("{}", r -> r.putProperty(HttpSigner.SIGNING_CLOCK,
        Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC))), "{}").statusCode());
    // Not SigV4 at all.
    HttpResponse<String> basic = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint())
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables").header("Authorization", "Basic " + SECRET.toLowerCase(Locale.ROOT))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, basic.statusCode());
    assertTrue(basic.body().contains("IncompleteSignatureException"), basic.body());
    assertFalse(basic.body().contains(SECRET.toLowerCase(Locale.ROOT)), basic.body());
  }

  @Test
  void theHealthCheckNeedsNoSignature() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
  }
}
