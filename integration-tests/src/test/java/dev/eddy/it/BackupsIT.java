package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.server.EddyServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** On-demand backup and restore through the real server with the Java SDK and its waiter. */
class BackupsIT {
  private static EddyServer server;
  private static DynamoDbClient ddb;

  @BeforeAll
  static void start() {
    server = SdkClients.startInMemory();
    ddb = SdkClients.dynamo(server.endpoint());
  }

  @AfterAll
  static void stop() {
    ddb.close();
    server.close();
  }

  @Test
  void backupRestoreAndDelete() {
    ddb.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
    for (int i = 0; i < 50; i++) {
      Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("o" + i),
          "total", AttributeValue.fromN(Integer.toString(i)));
      ddb.putItem(b -> b.tableName("orders").item(item));
    }
    BackupDetails backup = ddb.createBackup(b -> b.tableName("orders").backupName("nightly")).backupDetails();
    assertEquals(BackupStatus.AVAILABLE, backup.backupStatus());
    ddb.deleteItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("o7"))));

    assertEquals("orders", ddb.describeBackup(b -> b.backupArn(backup.backupArn())).backupDescription()
        .sourceTableDetails().tableName());
    assertEquals(1, ddb.listBackups(b -> b.tableName("orders")).backupSummaries().size());

    assertEquals(TableStatus.CREATING, ddb.restoreTableFromBackup(b -> b.targetTableName("orders-restored")
        .backupArn(backup.backupArn())).tableDescription().tableStatus());
    ddb.waiter().waitUntilTableExists(b -> b.tableName("orders-restored"));
    assertEquals(50, ddb.scan(b -> b.tableName("orders-restored")).count());
    assertEquals("7", ddb.getItem(b -> b.tableName("orders-restored").key(Map.of("id", AttributeValue.fromS("o7"))))
        .item().get("total").n());
    assertTrue(ddb.describeTable(b -> b.tableName("orders-restored")).table().restoreSummary() != null);

    assertThrows(TableAlreadyExistsException.class, () -> ddb.restoreTableFromBackup(b -> b
        .targetTableName("orders-restored").backupArn(backup.backupArn())));
    assertThrows(TableNotFoundException.class, () -> ddb.createBackup(b -> b.tableName("nosuch").backupName("x1x")));
    assertEquals(BackupStatus.DELETED, ddb.deleteBackup(b -> b.backupArn(backup.backupArn())).backupDescription()
        .backupDetails().backupStatus());
    assertThrows(BackupNotFoundException.class, () -> ddb.describeBackup(b -> b.backupArn(backup.backupArn())));
  }
}
