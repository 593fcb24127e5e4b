package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The HTTP contract of the front end, seen from outside: raw HTTP and the AWS SDK. */
class HttpFrontEndIT {
  @RegisterExtension
  static final EddyExtension EDDY = new EddyExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String UNKNOWN = "com.amazon.coral.service#UnknownOperationException";
  private static final int LIMIT = 16 * 1024 * 1024;

  private static HttpResponse<byte[]> post(String target, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(EDDY.endpoint())
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=whatever/20250101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host, Signature=0123")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (target != null) {
      b.header("X-Amz-Target", target);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<byte[]> post(String target, String body) throws Exception {
    return post(target, body.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<byte[]> r) throws IOException {
    return JSON.readTree(r.body());
  }

  private static void assertStandardHeaders(HttpResponse<byte[]> r) {
    assertEquals("application/x-amz-json-1.0", r.headers().firstValue("Content-Type").orElseThrow());
    String id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
    assertTrue(id.matches("[A-Z0-9]{52}"), id);
    CRC32 crc = new CRC32();
    crc.update(r.body());
    assertEquals(Long.toString(crc.getValue()), r.headers().firstValue("x-amz-crc32").orElseThrow());
    assertEquals(r.body().length, Long.parseLong(r.headers().firstValue("Content-Length").orElseThrow()));
  }

  @Test
  void getAnswersHealthOnAnyPath() throws Exception {
    for (String path : new String[] {"/", "/health", "/some/path?x=1"}) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(EDDY.endpoint().resolve(path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertEquals("healthy: dynamodb.us-east-1.amazonaws.com\n", r.body());
      assertTrue(r.headers().firstValue("x-amz-crc32").isPresent());
    }
  }

  @Test
  void unknownOrMissingTargetIsUnknownOperationException() throws Exception {
    for (String target : new String[] {"DynamoDB_20120810.NoSuchOperation", "NoPrefix", "Foo_1.Bar", null}) {
      HttpResponse<byte[]> r = post(target, "{}");
      assertEquals(400, r.statusCode(), String.valueOf(target));
      assertStandardHeaders(r);
      JsonNode body = json(r);
      assertEquals(UNKNOWN, body.get("__type").asText());
      assertNull(body.get("message"), "DynamoDB sends no message for an unknown operation");
    }
  }

  @Test
  void controlEndpointIsOffByDefault() throws Exception {
    HttpResponse<byte[]> r = post("EddyControl.AdvanceClock", "{\"Seconds\": 60}");
    assertEquals(400, r.statusCode());
    assertEquals(UNKNOWN, json(r).get("__type").asText());
  }

  @Test
  void otherMethodsAreUnknownOperation() throws Exception {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(EDDY.endpoint())
        .method("PUT", HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(400, r.statusCode());
    assertStandardHeaders(r);
    assertEquals(UNKNOWN, json(r).get("__type").asText());
  }

  @Test
  void malformedJsonIsSerializationException() throws Exception {
    for (String body : new String[] {"{\"TableName\":", "not json", "{} {}", "[]"}) {
      HttpResponse<byte[]> r = post("DynamoDB_20120810.ListTables", body);
      assertEquals(400, r.statusCode(), body);
      assertStandardHeaders(r);
      assertEquals("com.amazon.coral.service#SerializationException", json(r).get("__type").asText());
    }
  }

  @Test
  void crc32AndRequestIdOnEveryResponse() throws Exception {
    HttpResponse<byte[]> a = post("DynamoDB_20120810.Nope", "{}");
    HttpResponse<byte[]> b = post("DynamoDB_20120810.Nope", "{");
    assertStandardHeaders(a);
    assertStandardHeaders(b);
    assertNotEquals(a.headers().firstValue("x-amzn-RequestId"), b.headers().firstValue("x-amzn-RequestId"));
  }

  @Test
  void bodyOverSixteenMebibytesIsRefusedUpFrontWith413() throws Exception {
    try (RawHttp c = new RawHttp(EDDY.port())) {
      // Only the head is sent: the server must answer from Content-Length alone.
      c.send(("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\n"
          + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      RawHttp.Response r = c.read();
      assertEquals(413, r.status());
      assertEquals("close", r.header("Connection"));
      assertEquals("com.amazon.coral.service#RequestEntityTooLarge", JSON.readTree(r.body()).get("__type").asText());
      CRC32 crc = new CRC32();
      crc.update(r.body());
      assertEquals(Long.toString(crc.getValue()), r.header("x-amz-crc32"));
      assertTrue(r.header("x-amzn-RequestId").matches("[A-Z0-9]{52}"));
      assertTrue(c.closedByServer());
    }
  }

  @Test
  void bodyOfExactlySixteenMebibytesIsRead() throws Exception {
    byte[] body = new byte[LIMIT];
    Arrays.fill(body, (byte) ' ');
    body[0] = '[';
    body[LIMIT - 1] = ']';
    HttpResponse<byte[]> r = post("DynamoDB_20120810.PutItem", body);
    assertEquals(400, r.statusCode());
    assertEquals("com.amazon.coral.service#SerializationException", json(r).get("__type").asText());
  }

  @Test
  void keepAliveServesManyRequestsOnOneConnection() throws Exception {
    try (RawHttp c = new RawHttp(EDDY.port())) {
      for (int i = 0; i < 5; i++) {
        RawHttp.Response health = c.exchange(RawHttp.get("/"));
        assertEquals(200, health.status());
        assertNull(health.header("Connection"));
        RawHttp.Response unknown = c.exchange(RawHttp.post("DynamoDB_20120810.Nope" + i, "{}"));
        assertEquals(400, unknown.status());
        assertEquals(UNKNOWN, JSON.readTree(unknown.body()).get("__type").asText());
      }
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    try (RawHttp c = new RawHttp(EDDY.port())) {
      c.send(RawHttp.concat(
          RawHttp.post("DynamoDB_20120810.Nope", "{}"),
          RawHttp.get("/"),
          RawHttp.post("DynamoDB_20120810.Nope", "{bad"),
          RawHttp.get("/")));
      RawHttp.Response first = c.read();
      RawHttp.Response second = c.read();
      RawHttp.Response third = c.read();
      RawHttp.Response fourth = c.read();
      assertEquals(UNKNOWN, JSON.readTree(first.body()).get("__type").asText());
      assertEquals(200, second.status());
      assertEquals("com.amazon.coral.service#SerializationException",
          JSON.readTree(third.body()).get("__type").asText());
      assertEquals(200, fourth.status());
    }
  }

  @Test
  void connectionCloseIsHonoured() throws Exception {
    try (RawHttp c = new RawHttp(EDDY.port())) {
      RawHttp.Response r = c.exchange(RawHttp.get("/", "Connection: close"));
      assertEquals(200, r.status());
      assertEquals("close", r.header("Connection"));
      assertTrue(c.closedByServer());
    }
  }

  @Test
  void corsPreflightIsAnswered() throws Exception {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(EDDY.endpoint())
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://localhost:3000")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "x-amz-target,content-type")
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    assertEquals("x-amz-target,content-type", r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
  }

  /** Sends every SDK request to a target no server will ever have. */
  private static final class MadeUpTarget implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
      return context.httpRequest().toBuilder()
          .putHeader("X-Amz-Target", "DynamoDB_20120810.MadeUpOperation")
          .build();
    }
  }

  @Test
  void sdkSeesUnknownOperationAsServiceErrorWithValidChecksum() {
    try (DynamoDbClient client = EDDY.newClient(b -> b.overrideConfiguration(
        o -> o.addExecutionInterceptor(new MadeUpTarget())))) {
      DynamoDbException e = assertThrows(DynamoDbException.class, client::listTables);
      assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
      assertEquals(400, e.statusCode());
      assertEquals(52, e.requestId().length());
    }
  }

  @Test
  void sdkClientWorksAgainstTheServer() {
    // Endpoint, dummy credentials and the SDK's own crc32 check on a real operation.
    assertTrue(EDDY.client().listTables().tableNames().isEmpty());
  }

  @Test
  void endpointIsLoopbackWithRealPort() {
    URI endpoint = EDDY.endpoint();
    assertEquals("127.0.0.1", endpoint.getHost());
    assertEquals(EDDY.port(), endpoint.getPort());
    assertTrue(endpoint.getPort() > 0);
  }
}
