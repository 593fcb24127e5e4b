package dev.eddy.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.server.EddyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@EddyTest(region = "eu-central-1")
class EddyTestInjectionTest {
  static EddyServer first;
  private final URI endpointFromConstructor;

  EddyTestInjectionTest(URI endpoint) {
    this.endpointFromConstructor = endpoint;
  }

  @BeforeAll
  static void createTable(DynamoDbClient ddb, EddyServer server) {
    first = server;
    ddb.createTable(b -> b.tableName("Kept")
        .attributeDefinitions(AttributeDefinition.builder().attributeName("Id")
            .attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("Id").keyType(KeyType.HASH).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @Test
  void injectsTheEndpointOfAnInMemoryServerOnAFreeLoopbackPort(URI endpoint, EddyServer server) throws Exception {
    assertSame(first, server, "one server per class");
    assertEquals(server.endpoint(), endpoint);
    assertEquals(endpoint, endpointFromConstructor);
    assertEquals("127.0.0.1", endpoint.getHost());
    assertTrue(server.config().inMemory());
    assertEquals("eu-central-1", server.config().region());
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals("healthy: dynamodb.eu-central-1.amazonaws.com", health.body().trim());
  }

  @Test
  void injectsAReadyDynamoDbClientSharedByTheClass(DynamoDbClient ddb, DynamoDbClient again) {
    assertSame(ddb, again);
    assertEquals("eu-central-1", ddb.serviceClientConfiguration().region().id());
    ddb.putItem(b -> b.tableName("Kept").item(Map.of("Id", AttributeValue.fromS("a"), "N", AttributeValue.fromN("1"))));
    assertEquals("1", ddb.getItem(b -> b.tableName("Kept").key(Map.of("Id", AttributeValue.fromS("a"))))
        .item().get("N").n());
  }

  @Test
  void injectsAStreamsClientForTheSameEndpoint(DynamoDbStreamsClient streams, URI endpoint) {
    assertNotNull(streams);
    assertEquals(endpoint, streams.serviceClientConfiguration().endpointOverride().orElseThrow());
  }

  @Test
  void theServerClockCanBeMovedForward(EddyServer server) {
    Duration before = server.clock().offset();
    server.clock().advance(Duration.ofHours(1));
    assertEquals(before.plusHours(1), server.clock().offset());
  }

  @Nested
  class NestedClasses {
    @Test
    void useTheOuterClassesServer(EddyServer server, DynamoDbClient ddb) {
      assertSame(first, server);
      assertTrue(ddb.listTables().tableNames().contains("Kept"));
    }
  }
}
