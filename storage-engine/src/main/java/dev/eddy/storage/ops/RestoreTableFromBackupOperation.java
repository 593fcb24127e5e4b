package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.VectorIndex;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * RestoreTableFromBackup: a new table with the backup's definition (key schema, attribute
 * definitions, indexes, billing, encryption) and items. As in DynamoDB, streams, time to live,
 * tags, point-in-time recovery, contributor insights, resource policies and deletion protection
 * are not restored. The items are written before the answer, which says CREATING with the
 * restore in progress, as DynamoDB's does; the table is ACTIVE at once after.
 */
public final class RestoreTableFromBackupOperation implements Operation {
  private final StorageEngine engine;

  public RestoreTableFromBackupOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String target = req.str("TargetTableName");
    String arn = req.str("BackupArn");
    String billing = req.str("BillingModeOverride");
    Req throughput = req.obj("ProvisionedThroughputOverride");
    Validation v = new Validation();
    v.notNull(target, "targetTableName");
    v.newTableName(target, "targetTableName");
    BackupViews.validateArn(arn, v);
    v.oneOf(billing, "billingModeOverride", CreateTableOperation.BILLING_MODES);
    Long rcu = throughput == null ? null : throughput.integer("ReadCapacityUnits");
    Long wcu = throughput == null ? null : throughput.integer("WriteCapacityUnits");
    if (throughput != null) {
      CreateTableOperation.validateThroughput(throughput, rcu, wcu, "provisionedThroughputOverride", v);
    }
    v.throwIfAny();
    for (String unsupported : List.of("GlobalSecondaryIndexOverride", "LocalSecondaryIndexOverride",
        "OnDemandThroughputOverride")) {
      if (req.has(unsupported)) {
        throw ApiException.validation(unsupported + " is not supported by this version of Eddy");
      }
    }
    ObjectNode record = BackupViews.require(engine, arn);
    if (engine.catalog().get(target) != null) {
      throw new ApiException(ErrorCode.TABLE_ALREADY_EXISTS, "Table already exists: " + target);
    }
    ObjectNode d = definition(record, target);
    boolean payPerRequest = applyBilling(d, billing, rcu, wcu);
    if (req.obj("SSESpecificationOverride") != null) {
      Sse.apply(d, req.obj("SSESpecificationOverride"), engine);
    }
    if (!payPerRequest && d.has("VectorIndexes")) {
      throw ApiException.invalidParameter("Tables with vector indexes must be in PAY_PER_REQUEST mode");
    }
    Table table = engine.catalog().create(d);
    engine.backups().restoreInto(record, table);
    ObjectNode view = TableDescriptions.view(engine, table, "CREATING");
    ((ObjectNode) view.path("RestoreSummary")).put("RestoreInProgress", true);
    ObjectNode response = Json.object();
    response.set("TableDescription", view);
    return response;
  }

  /** The new table's description: the backup's, renamed, without what a restore does not carry. */
  private ObjectNode definition(ObjectNode record, String target) {
    ObjectNode d = record.path("table").deepCopy();
    String sourceArn = d.path("TableArn").asText();
    for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (f.startsWith("_") && !f.equals(IndexDefinitions.NEXT_ID)) {
        it.remove(); // tags, time to live, PITR, contributor insights, resource policies, stream internals
      }
    }
    for (String f : List.of("StreamSpecification", "LatestStreamArn", "LatestStreamLabel", "RestoreSummary",
        "ArchivalSummary", "TableClassSummary")) {
      d.remove(f);
    }
    d.put("TableName", target);
    d.put("TableArn", engine.tableArn(target));
    d.put("TableId", UUID.randomUUID().toString());
    d.put("CreationDateTime", TableDescriptions.now(engine.config().clock()));
    d.put("DeletionProtectionEnabled", false);
    for (JsonNode g : d.path("GlobalSecondaryIndexes")) {
      ObjectNode o = (ObjectNode) g;
      o.put("IndexStatus", "ACTIVE");
      o.remove("Backfilling");
      o.put("IndexArn", engine.tableArn(target) + "/index/" + o.path("IndexName").asText());
    }
    for (JsonNode l : d.path("LocalSecondaryIndexes")) {
      ((ObjectNode) l).put("IndexArn", engine.tableArn(target) + "/index/" + l.path("IndexName").asText());
    }
    for (JsonNode x : d.path("VectorIndexes")) {
      ObjectNode o = (ObjectNode) x;
      o.remove(VectorIndex.CREATED_FIELD);
      o.put("IndexArn", engine.tableArn(target) + "/index/" + o.path("IndexName").asText());
    }
    ObjectNode summary = d.putObject("RestoreSummary");
    summary.put("SourceBackupArn", record.path("arn").asText());
    summary.put("SourceTableArn", sourceArn);
    summary.put("RestoreDateTime", TableDescriptions.seconds(record.path("created").asLong()));
    summary.put("RestoreInProgress", false);
    return d;
  }

  /** Applies BillingModeOverride and ProvisionedThroughputOverride; true when the table is on demand. */
  private boolean applyBilling(ObjectNode d, String billing, Long rcu, Long wcu) {
    String current = d.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED");
    String mode = billing == null ? current : billing;
    boolean payPerRequest = mode.equals("PAY_PER_REQUEST");
    if (payPerRequest && rcu != null) {
      throw ApiException.invalidParameter("ProvisionedThroughputOverride cannot be specified when BillingModeOverride"
          + " is PAY_PER_REQUEST");
    }
    if (!payPerRequest && !current.equals(mode) && rcu == null) {
      throw ApiException.invalidParameter("ProvisionedThroughputOverride must be specified when BillingModeOverride"
          + " is PROVISIONED");
    }
    if (!current.equals(mode) || rcu != null) {
      ObjectNode bms = d.putObject("BillingModeSummary");
      bms.put("BillingMode", mode);
      if (payPerRequest) {
        bms.set("LastUpdateToPayPerRequestDateTime", d.get("CreationDateTime"));
      }
      setThroughput(d, payPerRequest ? 0 : rcu, payPerRequest ? 0 : wcu);
      for (JsonNode g : d.path("GlobalSecondaryIndexes")) {
        setThroughput((ObjectNode) g, payPerRequest ? 0 : rcu, payPerRequest ? 0 : wcu);
      }
    }
    return payPerRequest;
  }

  private static void setThroughput(ObjectNode o, long rcu, long wcu) {
    ObjectNode pt = o.putObject("ProvisionedThroughput");
    pt.put("NumberOfDecreasesToday", 0);
    pt.put("ReadCapacityUnits", rcu);
    pt.put("WriteCapacityUnits", wcu);
  }
}
