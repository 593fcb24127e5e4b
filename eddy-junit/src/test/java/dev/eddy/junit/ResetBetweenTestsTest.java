package dev.eddy.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@EddyTest(resetBetweenTests = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetBetweenTestsTest {

  static void create(DynamoDbClient ddb, String name, boolean protect) {
    ddb.createTable(b -> b.tableName(name)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("Id")
            .attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("Id").keyType(KeyType.HASH).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .deletionProtectionEnabled(protect));
  }

  @Test
  @Order(1)
  void createsMoreTablesThanOneListTablesPage(DynamoDbClient ddb) {
    for (int i = 0; i < 2 * EddyInstance.LIST_PAGE + 3; i++) {
      create(ddb, String.format("T%03d", i), false);
    }
    create(ddb, "Protected", true);
    assertEquals(2 * EddyInstance.LIST_PAGE + 4, ddb.listTables().tableNames().size());
    ddb.createBackup(b -> b.tableName("T000").backupName("before-reset"));
    assertEquals(1, ddb.listBackups(b -> { }).backupSummaries().size());
    // the reset deletes T001, which leaves a SYSTEM backup since it has point-in-time recovery on
    ddb.updateContinuousBackups(b -> b.tableName("T001")
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
  }

  @Test
  @Order(2)
  void startsWithNoTablesAndCanReuseTheNames(DynamoDbClient ddb) {
    assertEquals(List.of(), ddb.listTables().tableNames());
    assertEquals(List.of(), ddb.listBackups(b -> b.backupType(BackupTypeFilter.ALL)).backupSummaries(),
        "backups go too, the SYSTEM backups of deleted tables among them");
    create(ddb, "T000", false);
    create(ddb, "Protected", false);
    assertTrue(ddb.listTables().tableNames().contains("T000"));
  }

  @Test
  @Order(3)
  void andAgain(DynamoDbClient ddb) {
    assertEquals(List.of(), ddb.listTables().tableNames());
  }
}
