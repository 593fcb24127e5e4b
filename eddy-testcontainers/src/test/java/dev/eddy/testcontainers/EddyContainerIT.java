package dev.eddy.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The image through EddyContainer, as a user's test would use it: tables and items with SDK v2. */
@ExtendWith(DockerRequired.class)
@Testcontainers
class EddyContainerIT {

  @Container
  static final EddyContainer EDDY = new EddyContainer(DockerRequired.image())
      .withInMemory()
      .withRegion("eu-west-1")
      .withAccountId("123456789012")
      .withControlEndpoint();

  static DynamoDbClient ddb;

  @BeforeAll
  static void client() {
    ddb = Clients.dynamoDb(EDDY);
  }

  @AfterAll
  static void close() {
    if (ddb != null) {
      ddb.close();
    }
  }

  @Test
  void endpointIsTheMappedPortAndAnswersTheHealthCheck() throws Exception {
    URI endpoint = EDDY.getEndpoint();
    assertEquals("http", endpoint.getScheme());
    assertEquals(EDDY.getMappedPort(EddyContainer.EDDY_PORT), endpoint.getPort());
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(endpoint.resolve("/")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    assertEquals("healthy: dynamodb.eu-west-1.amazonaws.com", health.body().trim());
    assertEquals("eu-west-1", EDDY.getRegion());
  }

  @Test
  void createTablePutGetAndConditionalFailure() {
    TableDescription table = ddb.createTable(b -> b.tableName("Music")
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("Artist").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("Song").attributeType(ScalarAttributeType.S).build())
        .keySchema(
            KeySchemaElement.builder().attributeName("Artist").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("Song").keyType(KeyType.RANGE).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription();
    // withRegion and withAccountId reach the server: they are in the ARN.
    assertEquals("arn:aws:dynamodb:eu-west-1:123456789012:table/Music", table.tableArn());
    assertTrue(ddb.listTables().tableNames().contains("Music"));

    Map<String, AttributeValue> key = Map.of(
        "Artist", AttributeValue.fromS("No One You Know"),
        "Song", AttributeValue.fromS("Call Me Today"));
    Map<String, AttributeValue> item = new java.util.HashMap<>(key);
    item.put("Year", AttributeValue.fromN("2015"));
    item.put("Tags", AttributeValue.fromSs(java.util.List.of("pop", "live")));
    ddb.putItem(b -> b.tableName("Music").item(item));

    GetItemResponse got = ddb.getItem(b -> b.tableName("Music").key(key).consistentRead(true));
    assertTrue(got.hasItem());
    // a set comes back in DynamoDB's order (strings bytewise), not as written
    item.put("Tags", AttributeValue.fromSs(java.util.List.of("live", "pop")));
    assertEquals(item, got.item());

    assertThrows(ConditionalCheckFailedException.class, () -> ddb.putItem(b -> b.tableName("Music")
        .item(item).conditionExpression("attribute_not_exists(Artist)")));
    assertFalse(ddb.getItem(b -> b.tableName("Music").key(Map.of(
        "Artist", AttributeValue.fromS("No One You Know"),
        "Song", AttributeValue.fromS("Another")))).hasItem());
    assertThrows(ResourceNotFoundException.class,
        () -> ddb.getItem(b -> b.tableName("Missing").key(key)));
  }

  @Test
  void controlEndpointIsServedWhenEnabled() throws Exception {
    HttpResponse<String> clock = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(EDDY.getEndpoint())
            .header("X-Amz-Target", "EddyControl.GetClock")
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, clock.statusCode(), clock.body());
  }
}
