package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.util.concurrent.ThreadLocalRandom;

/** What the backup operations answer: BackupDetails, BackupDescription and BackupSummary from a backup's record. */
final class BackupViews {
  private BackupViews() {}

  /** How long DynamoDB keeps the SYSTEM backup of a deleted table with point-in-time recovery on. */
  static final long SYSTEM_BACKUP_DAYS = 35;

  /** A new backup's ARN: the table's, then /backup/ and the creation time and a random suffix. */
  static String newArn(Table table, long nowMillis) {
    return table.arn() + "/backup/" + String.format("%014d-%08x", nowMillis, ThreadLocalRandom.current().nextInt());
  }

  /**
   * Takes the SYSTEM backup DynamoDB keeps of a table with point-in-time recovery on when it is
   * deleted: named {@code <table>$DeletedTableBackup}, expiring after 35 days.
   */
  static void systemBackup(StorageEngine engine, Table table) {
    long now = engine.config().clock().millis();
    engine.backups().create(table, newArn(table, now), table.name() + "$DeletedTableBackup", "SYSTEM", now,
        now + SYSTEM_BACKUP_DAYS * 86_400_000L);
  }

  /**
   * The table a backup or recovery operation names, or TableNotFoundException "Table not found:
   * name" (this API family's error, where the data plane answers ResourceNotFoundException).
   */
  static Table table(StorageEngine engine, String name) {
    Table table = engine.catalog().get(name);
    if (table == null) {
      throw new ApiException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + name);
    }
    return table;
  }

  /** The record of a backup, or BackupNotFoundException (expired backups are gone). */
  static ObjectNode require(StorageEngine engine, String arn) {
    engine.backups().expire(engine.config().clock().millis());
    ObjectNode record = engine.backups().get(arn);
    if (record == null) {
      throw new ApiException(ErrorCode.BACKUP_NOT_FOUND, "Backup not found: " + arn);
    }
    return record;
  }

  /** The backup a request's BackupArn names (checked), or BackupNotFoundException. */
  static ObjectNode requireNamed(StorageEngine engine, ObjectNode request) {
    String arn = new Req(request).str("BackupArn");
    Validation v = new Validation();
    validateArn(arn, v);
    v.throwIfAny();
    return require(engine, arn);
  }

  /** BackupArn's member constraints (1..1024 characters in the model, 37 at least in DynamoDB's). */
  static void validateArn(String arn, Validation v) {
    v.notNull(arn, "backupArn");
    v.length(arn, "backupArn", 37, 1024);
  }

  static ObjectNode details(ObjectNode record, String status) {
    ObjectNode d = Json.object();
    d.put("BackupArn", record.path("arn").asText());
    d.put("BackupName", record.path("name").asText());
    d.put("BackupSizeBytes", record.path("size").asLong());
    d.put("BackupStatus", status);
    d.put("BackupType", type(record));
    d.put("BackupCreationDateTime", TableDescriptions.seconds(record.path("created").asLong()));
    expiry(record, d);
    return d;
  }

  static ObjectNode description(ObjectNode record, String status) {
    ObjectNode out = Json.object();
    out.set("BackupDetails", details(record, status));
    JsonNode t = record.path("table");
    ObjectNode source = out.putObject("SourceTableDetails");
    source.put("TableName", t.path("TableName").asText());
    source.put("TableId", t.path("TableId").asText());
    source.put("TableArn", t.path("TableArn").asText());
    source.put("TableSizeBytes", record.path("size").asLong());
    source.set("KeySchema", t.path("KeySchema").deepCopy());
    source.set("TableCreationDateTime", t.path("CreationDateTime").deepCopy());
    ObjectNode pt = source.putObject("ProvisionedThroughput");
    pt.put("ReadCapacityUnits", t.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong());
    pt.put("WriteCapacityUnits", t.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong());
    source.put("ItemCount", record.path("count").asLong());
    source.put("BillingMode", t.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED"));
    ObjectNode features = out.putObject("SourceTableFeatureDetails");
    for (String field : new String[] {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
      if (!t.has(field)) {
        continue;
      }
      ArrayNode list = features.putArray(field);
      for (JsonNode i : t.path(field)) {
        ObjectNode o = list.addObject();
        o.put("IndexName", i.path("IndexName").asText());
        o.set("KeySchema", i.path("KeySchema").deepCopy());
        o.set("Projection", i.path("Projection").deepCopy());
        if (field.startsWith("Global")) {
          ObjectNode ipt = o.putObject("ProvisionedThroughput");
          ipt.put("ReadCapacityUnits", i.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong());
          ipt.put("WriteCapacityUnits", i.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong());
        }
      }
    }
    JsonNode stream = t.path("StreamSpecification");
    if (stream.path("StreamEnabled").asBoolean(false)) {
      features.set("StreamDescription", stream.deepCopy());
    }
    if (t.has("SSEDescription")) {
      features.set("SSEDescription", t.path("SSEDescription").deepCopy());
    }
    return out;
  }

  static ObjectNode summary(ObjectNode record) {
    JsonNode t = record.path("table");
    ObjectNode s = Json.object();
    s.put("TableName", t.path("TableName").asText());
    s.put("TableId", t.path("TableId").asText());
    s.put("TableArn", t.path("TableArn").asText());
    s.put("BackupArn", record.path("arn").asText());
    s.put("BackupName", record.path("name").asText());
    s.put("BackupCreationDateTime", TableDescriptions.seconds(record.path("created").asLong()));
    expiry(record, s);
    s.put("BackupStatus", "AVAILABLE");
    s.put("BackupType", type(record));
    s.put("BackupSizeBytes", record.path("size").asLong());
    return s;
  }

  /** USER, or SYSTEM for a deleted table's automatic backup. */
  static String type(ObjectNode record) {
    return record.path("type").asText("USER");
  }

  private static void expiry(ObjectNode record, ObjectNode out) {
    long expires = record.path("expires").asLong(0);
    if (expires != 0) {
      out.put("BackupExpiryDateTime", TableDescriptions.seconds(expires));
    }
  }
}
