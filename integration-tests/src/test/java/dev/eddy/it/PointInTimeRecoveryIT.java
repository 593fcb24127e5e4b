package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.server.EddyServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Point-in-time recovery through the real server with the Java SDK: the window that
 * DescribeContinuousBackups reports, RestoreTableToPointInTime to a time and to the latest
 * restorable time, the waiter, the typed exceptions, and the SYSTEM backup a deleted table with
 * recovery on leaves. The server's clock is moved forward (as EddyControl.AdvanceClock does) past
 * DynamoDB's five-minute lag.
 */
class PointInTimeRecoveryIT {
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

  private static void create(String name) {
    ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
  }

  private static Map<String, AttributeValue> get(String table, String id) {
    return ddb.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id)))).item();
  }

  @Test
  void restoreToATimeAndToTheLatest() {
    create("ledger");
    ddb.updateContinuousBackups(b -> b.tableName("ledger")
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    for (int i = 0; i < 20; i++) {
      String id = "e" + i;
      ddb.putItem(b -> b.tableName("ledger").item(Map.of("id", AttributeValue.fromS(id),
          "amount", AttributeValue.fromN("10"))));
    }
    server.clock().advance(Duration.ofSeconds(60));
    Instant before = Instant.ofEpochMilli(server.clock().millis());
    server.clock().advance(Duration.ofSeconds(60));
    ddb.deleteItem(b -> b.tableName("ledger").key(Map.of("id", AttributeValue.fromS("e1"))));
    ddb.updateItem(b -> b.tableName("ledger").key(Map.of("id", AttributeValue.fromS("e2")))
        .updateExpression("SET amount = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromN("99"))));
    server.clock().advance(Duration.ofMinutes(10));

    PointInTimeRecoveryDescription pitr = ddb.describeContinuousBackups(b -> b.tableName("ledger"))
        .continuousBackupsDescription().pointInTimeRecoveryDescription();
    assertEquals(PointInTimeRecoveryStatus.ENABLED, pitr.pointInTimeRecoveryStatus());
    assertTrue(pitr.earliestRestorableDateTime().isBefore(before));
    assertTrue(pitr.latestRestorableDateTime().isAfter(before));

    TableDescription restored = ddb.restoreTableToPointInTime(b -> b.sourceTableName("ledger")
        .targetTableName("ledger-before").restoreDateTime(before)).tableDescription();
    assertEquals(TableStatus.CREATING, restored.tableStatus());
    assertEquals(before, restored.restoreSummary().restoreDateTime());
    ddb.waiter().waitUntilTableExists(b -> b.tableName("ledger-before"));
    assertEquals(20, ddb.scan(b -> b.tableName("ledger-before")).count());
    assertFalse(get("ledger-before", "e1").isEmpty());
    assertEquals("10", get("ledger-before", "e2").get("amount").n());

    ddb.restoreTableToPointInTime(b -> b.sourceTableArn(ddb.describeTable(d -> d.tableName("ledger")).table().tableArn())
        .targetTableName("ledger-latest").useLatestRestorableTime(true));
    ddb.waiter().waitUntilTableExists(b -> b.tableName("ledger-latest"));
    assertEquals(19, ddb.scan(b -> b.tableName("ledger-latest")).count());
    assertEquals("99", get("ledger-latest", "e2").get("amount").n());

    assertThrows(InvalidRestoreTimeException.class, () -> ddb.restoreTableToPointInTime(b -> b
        .sourceTableName("ledger").targetTableName("ledger-future").restoreDateTime(Instant.now().plusSeconds(3600))));
    create("scratch");
    assertThrows(PointInTimeRecoveryUnavailableException.class, () -> ddb.restoreTableToPointInTime(b -> b
        .sourceTableName("scratch").targetTableName("scratch-copy").useLatestRestorableTime(true)));

    // deleting a table with recovery on leaves a SYSTEM backup, restorable, for 35 days
    ddb.deleteTable(b -> b.tableName("ledger"));
    BackupSummary system = ddb.listBackups(b -> b.tableName("ledger").backupType(BackupTypeFilter.SYSTEM))
        .backupSummaries().get(0);
    assertEquals("ledger$DeletedTableBackup", system.backupName());
    assertEquals(BackupType.SYSTEM, system.backupType());
    assertEquals(Duration.ofDays(35), Duration.between(system.backupCreationDateTime(), system.backupExpiryDateTime()));
    assertTrue(ddb.listBackups(b -> b.tableName("ledger")).backupSummaries().isEmpty(), "USER backups by default");
    ddb.restoreTableFromBackup(b -> b.targetTableName("ledger").backupArn(system.backupArn()));
    ddb.waiter().waitUntilTableExists(b -> b.tableName("ledger"));
    assertEquals(19, ddb.scan(b -> b.tableName("ledger")).count());
  }
}
