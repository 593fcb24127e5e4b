package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.api.ErrorCode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On-demand backups: CreateBackup, DescribeBackup, ListBackups, DeleteBackup, RestoreTableFromBackup. */
class BackupsTest {
  private final MiscOpsFixture t = new MiscOpsFixture();

  @AfterEach
  void close() {
    t.close();
  }

  /** Table src (pk S, sk N) with a GSI on g, a stream, TTL and a tag, and 30 items. */
  private void source() {
    t.call("CreateTable", "{'TableName':'src','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':"
        + "'sk','KeyType':'RANGE'}],'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
        + "{'AttributeName':'sk','AttributeType':'N'},{'AttributeName':'g','AttributeType':'S'}],"
        + "'BillingMode':'PAY_PER_REQUEST','StreamSpecification':{'StreamEnabled':true,'StreamViewType':'NEW_IMAGE'},"
        + "'Tags':[{'Key':'k','Value':'v'}],'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':"
        + "[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}]}");
    t.call("UpdateTimeToLive", "{'TableName':'src','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'ttl'}}");
    for (int i = 0; i < 30; i++) {
      t.call("PutItem", "{'TableName':'src','Item':{'pk':{'S':'p" + (i % 3) + "'},'sk':{'N':'" + i + "'},'g':{'S':'G"
          + (i % 2) + "'}}}");
    }
  }

  private String backup(String name) {
    return t.call("CreateBackup", "{'TableName':'src','BackupName':'" + name + "'}").at("/BackupDetails/BackupArn").asText();
  }

  @Test
  void aRestoredTableHasTheItemsAndIndexesOfTheBackupButNotLaterWrites() {
    source();
    JsonNode created = t.call("CreateBackup", "{'TableName':'src','BackupName':'first'}").get("BackupDetails");
    String arn = created.get("BackupArn").asText();
    assertTrue(arn.matches("arn:aws:dynamodb:us-east-1:000000000000:table/src/backup/\\d{14}-[0-9a-f]{8}"), arn);
    assertEquals("AVAILABLE", created.get("BackupStatus").asText());
    assertEquals("USER", created.get("BackupType").asText());
    assertTrue(created.get("BackupSizeBytes").asLong() > 0);
    t.call("PutItem", "{'TableName':'src','Item':{'pk':{'S':'later'},'sk':{'N':'1'}}}");
    t.call("DeleteItem", "{'TableName':'src','Key':{'pk':{'S':'p0'},'sk':{'N':'0'}}}");

    JsonNode restored = t.call("RestoreTableFromBackup", "{'TargetTableName':'copy','BackupArn':'" + arn + "'}")
        .get("TableDescription");
    assertEquals("CREATING", restored.get("TableStatus").asText());
    assertTrue(restored.at("/RestoreSummary/RestoreInProgress").asBoolean());
    assertEquals(arn, restored.at("/RestoreSummary/SourceBackupArn").asText());
    JsonNode d = t.call("DescribeTable", "{'TableName':'copy'}").get("Table");
    assertEquals(30, d.get("ItemCount").asInt());
    assertFalse(d.at("/RestoreSummary/RestoreInProgress").asBoolean(true));
    assertFalse(d.has("StreamSpecification"), "streams are not restored");
    assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/copy", d.get("TableArn").asText());
    assertEquals(15, t.call("Query", "{'TableName':'copy','IndexName':'byG','KeyConditionExpression':'g = :g',"
        + "'ExpressionAttributeValues':{':g':{'S':'G0'}}}").get("Count").asInt());
    assertTrue(t.call("GetItem", "{'TableName':'copy','Key':{'pk':{'S':'p0'},'sk':{'N':'0'}}}").has("Item"));
    assertFalse(t.call("GetItem", "{'TableName':'copy','Key':{'pk':{'S':'later'},'sk':{'N':'1'}}}").has("Item"));
    assertEquals("DISABLED", t.call("DescribeTimeToLive", "{'TableName':'copy'}")
        .at("/TimeToLiveDescription/TimeToLiveStatus").asText());
    assertEquals(0, t.call("ListTagsOfResource", "{'ResourceArn':'" + t.arn("copy") + "'}").get("Tags").size());
    // the source table is untouched, and the backup outlives it
    assertEquals(30, t.call("DescribeTable", "{'TableName':'src'}").at("/Table/ItemCount").asInt());
    t.call("DeleteTable", "{'TableName':'src'}");
    assertEquals("src", t.call("DescribeBackup", "{'BackupArn':'" + arn + "'}")
        .at("/BackupDescription/SourceTableDetails/TableName").asText());
    assertEquals(ErrorCode.TABLE_ALREADY_EXISTS, t.fail("RestoreTableFromBackup", "{'TargetTableName':'copy',"
        + "'BackupArn':'" + arn + "'}").code());
  }

  @Test
  void describeListAndDelete() {
    source();
    String one = backup("one");
    String two = backup("two");
    JsonNode described = t.call("DescribeBackup", "{'BackupArn':'" + one + "'}").get("BackupDescription");
    assertEquals("one", described.at("/BackupDetails/BackupName").asText());
    assertEquals(30, described.at("/SourceTableDetails/ItemCount").asInt());
    assertEquals("PAY_PER_REQUEST", described.at("/SourceTableDetails/BillingMode").asText());
    assertEquals("byG", described.at("/SourceTableFeatureDetails/GlobalSecondaryIndexes/0/IndexName").asText());
    assertEquals("NEW_IMAGE", described.at("/SourceTableFeatureDetails/StreamDescription/StreamViewType").asText());

    JsonNode page = t.call("ListBackups", "{'TableName':'src','Limit':1}");
    assertEquals(1, page.get("BackupSummaries").size());
    Set<String> seen = new HashSet<>();
    seen.add(page.at("/BackupSummaries/0/BackupArn").asText());
    JsonNode rest = t.call("ListBackups", "{'TableName':'src','ExclusiveStartBackupArn':'"
        + page.get("LastEvaluatedBackupArn").asText() + "'}");
    rest.get("BackupSummaries").forEach(s -> seen.add(s.get("BackupArn").asText()));
    assertEquals(Set.of(one, two), seen);
    assertFalse(rest.has("LastEvaluatedBackupArn"));
    assertEquals(0, t.call("ListBackups", "{'BackupType':'SYSTEM'}").get("BackupSummaries").size());
    assertEquals(0, t.call("ListBackups", "{'TableName':'other'}").get("BackupSummaries").size());

    assertEquals("DELETED", t.call("DeleteBackup", "{'BackupArn':'" + one + "'}")
        .at("/BackupDescription/BackupDetails/BackupStatus").asText());
    assertEquals(1, t.call("ListBackups", "{}").get("BackupSummaries").size());
    assertEquals(ErrorCode.BACKUP_NOT_FOUND, t.fail("DescribeBackup", "{'BackupArn':'" + one + "'}").code());
    assertEquals("Backup not found: " + one, t.fail("DeleteBackup", "{'BackupArn':'" + one + "'}").getMessage());
    assertEquals(ErrorCode.TABLE_NOT_FOUND, t.fail("CreateBackup", "{'TableName':'nosuch','BackupName':'x1x'}").code());
  }

  @Test
  void billingCanBeOverriddenOnRestore() {
    source();
    String arn = backup("bill");
    JsonNode d = t.call("RestoreTableFromBackup", "{'TargetTableName':'prov','BackupArn':'" + arn + "',"
        + "'BillingModeOverride':'PROVISIONED','ProvisionedThroughputOverride':{'ReadCapacityUnits':3,"
        + "'WriteCapacityUnits':4}}").get("TableDescription");
    assertEquals("PROVISIONED", d.at("/BillingModeSummary/BillingMode").asText());
    assertEquals(3, d.at("/ProvisionedThroughput/ReadCapacityUnits").asInt());
    assertEquals(4, d.at("/GlobalSecondaryIndexes/0/ProvisionedThroughput/WriteCapacityUnits").asInt());
    assertEquals(ErrorCode.VALIDATION, t.fail("RestoreTableFromBackup", "{'TargetTableName':'prov2','BackupArn':'" + arn
        + "','BillingModeOverride':'PROVISIONED'}").code());
  }

  @Test
  void deletingATableWithPointInTimeRecoveryLeavesASystemBackupFor35Days() {
    source();
    t.createTable("plain", false);
    t.call("DeleteTable", "{'TableName':'plain'}"); // recovery off: no backup
    t.call("UpdateContinuousBackups", "{'TableName':'src','PointInTimeRecoverySpecification':"
        + "{'PointInTimeRecoveryEnabled':true}}");
    t.call("DeleteTable", "{'TableName':'src'}");
    assertEquals(0, t.call("ListBackups", "{}").get("BackupSummaries").size(), "USER backups by default");
    JsonNode all = t.call("ListBackups", "{'BackupType':'ALL'}").get("BackupSummaries");
    assertEquals(1, all.size());
    JsonNode system = t.call("ListBackups", "{'BackupType':'SYSTEM'}").get("BackupSummaries").get(0);
    assertEquals("src$DeletedTableBackup", system.get("BackupName").asText());
    assertEquals("SYSTEM", system.get("BackupType").asText());
    assertEquals(35 * 86_400.0, system.get("BackupExpiryDateTime").asDouble()
        - system.get("BackupCreationDateTime").asDouble(), 0.001);
    String arn = system.get("BackupArn").asText();
    assertEquals("SYSTEM", t.call("DescribeBackup", "{'BackupArn':'" + arn + "'}")
        .at("/BackupDescription/BackupDetails/BackupType").asText());

    t.call("RestoreTableFromBackup", "{'TargetTableName':'src','BackupArn':'" + arn + "'}");
    assertEquals(30, t.call("DescribeTable", "{'TableName':'src'}").at("/Table/ItemCount").asInt());
    t.clock.advance(java.time.Duration.ofDays(35));
    assertEquals(0, t.call("ListBackups", "{'BackupType':'ALL'}").get("BackupSummaries").size(), "expired");
    assertEquals(ErrorCode.BACKUP_NOT_FOUND, t.fail("DescribeBackup", "{'BackupArn':'" + arn + "'}").code());
  }

  @Test
  void indexOverridesReplaceTheRestoredTablesIndexes() {
    source();
    String arn = backup("first");
    // an empty override: no GSI, and g leaves the attribute definitions
    JsonNode none = t.call("RestoreTableFromBackup", "{'TargetTableName':'bare','BackupArn':'" + arn + "',"
        + "'GlobalSecondaryIndexOverride':[]}").get("TableDescription");
    assertFalse(none.has("GlobalSecondaryIndexes"));
    assertEquals(2, none.get("AttributeDefinitions").size());
    assertEquals(30, t.call("DescribeTable", "{'TableName':'bare'}").at("/Table/ItemCount").asInt());
    assertEquals(ErrorCode.VALIDATION, t.fail("Query", "{'TableName':'bare','IndexName':'byG',"
        + "'KeyConditionExpression':'g = :g','ExpressionAttributeValues':{':g':{'S':'G0'}}}").code());
    // a GSI of another projection, built from the restored items
    JsonNode keysOnly = t.call("RestoreTableFromBackup", "{'TargetTableName':'slim','BackupArn':'" + arn + "',"
        + "'GlobalSecondaryIndexOverride':[{'IndexName':'byG','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'KEYS_ONLY'}}]}").get("TableDescription");
    assertEquals("KEYS_ONLY", keysOnly.at("/GlobalSecondaryIndexes/0/Projection/ProjectionType").asText());
    assertEquals("ACTIVE", t.call("DescribeTable", "{'TableName':'slim'}").at("/Table/GlobalSecondaryIndexes/0/IndexStatus")
        .asText());
    JsonNode page = t.call("Query", "{'TableName':'slim','IndexName':'byG','KeyConditionExpression':'g = :g',"
        + "'ExpressionAttributeValues':{':g':{'S':'G1'}}}");
    assertEquals(15, page.get("Count").asInt());
    // an override is checked as CreateTable's index members are
    assertEquals(ErrorCode.VALIDATION, t.fail("RestoreTableFromBackup", "{'TargetTableName':'bad','BackupArn':'"
        + arn + "','GlobalSecondaryIndexOverride':[{'IndexName':'byX','KeySchema':[{'AttributeName':'x',"
        + "'KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}]}").code(), "x is not defined");
    assertTrue(t.call("ListTables", "{}").get("TableNames").toString().indexOf("bad") < 0);
    assertEquals(ErrorCode.VALIDATION, t.fail("RestoreTableFromBackup", "{'TargetTableName':'bad','BackupArn':'"
        + arn + "','OnDemandThroughputOverride':{'MaxReadRequestUnits':5}}").code());
  }

  @Test
  void anIndexOverrideKeepsTheAttributeDefinitionsTheVectorSearchSchemaUses() {
    t.call("CreateTable", "{'TableName':'vec','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
        + "{'AttributeName':'g','AttributeType':'S'},{'AttributeName':'h','AttributeType':'S'}],"
        + "'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'ALL'}},{'IndexName':'byH','KeySchema':[{'AttributeName':'h',"
        + "'KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}],'VectorIndexes':[{'IndexName':'vix','VectorAttribute':"
        + "{'AttributeName':'embedding'},'Dimensions':2,'DistanceFunction':'COSINE','Projection':{'ProjectionType':"
        + "'ALL'},'SearchSchema':[{'AttributeName':'g','SearchSchemaElementType':'HASH'}]}]}");
    String arn = t.call("CreateBackup", "{'TableName':'vec','BackupName':'first'}").at("/BackupDetails/BackupArn").asText();
    JsonNode d = t.call("RestoreTableFromBackup", "{'TargetTableName':'vec2','BackupArn':'" + arn + "',"
        + "'GlobalSecondaryIndexOverride':[]}").get("TableDescription");
    java.util.List<String> defined = new java.util.ArrayList<>();
    d.get("AttributeDefinitions").forEach(a -> defined.add(a.get("AttributeName").asText()));
    // h goes with its indexes; g, a dropped index's key, stays: the vector index's search schema uses it
    assertEquals(java.util.List.of("pk", "g"), defined);
    assertEquals("vix", d.at("/VectorIndexes/0/IndexName").asText());
  }
}
