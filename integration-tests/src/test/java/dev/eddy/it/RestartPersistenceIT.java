package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Data written before a SIGTERM is there after a restart on the same --data-dir. */
class RestartPersistenceIT {

  @Test
  void tablesAndItemsSurviveARestart(@TempDir Path dir) throws Exception {
    Path dataDir = dir.resolve("data");
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("k1"));
    try (EddyProcess eddy = EddyProcess.startServing("--data-dir", dataDir.toString());
        DynamoDbClient client = EddyExtension.clientFor(eddy.endpoint(), b -> { })) {
      client.createTable(r -> r.tableName("persisted")
          .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
              .attributeType(ScalarAttributeType.S).build())
          .billingMode(BillingMode.PAY_PER_REQUEST));
      client.putItem(r -> r.tableName("persisted").item(Map.of(
          "pk", AttributeValue.fromS("k1"), "v", AttributeValue.fromN("42"))));
      assertEquals(0, eddy.stop());
    }
    try (EddyProcess eddy = EddyProcess.startServing("--data-dir", dataDir.toString());
        DynamoDbClient client = EddyExtension.clientFor(eddy.endpoint(), b -> { })) {
      assertTrue(client.listTables().tableNames().contains("persisted"));
      assertEquals("42", client.getItem(r -> r.tableName("persisted").key(key)).item().get("v").n());
      assertEquals(0, eddy.stop());
      assertTrue(eddy.output().stream().anyMatch(l -> l.endsWith("(data: " + dataDir.toAbsolutePath() + ")")),
          eddy.output().toString());
    }
  }
}
