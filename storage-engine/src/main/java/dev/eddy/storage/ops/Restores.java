package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.VectorIndex;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * What RestoreTableFromBackup and RestoreTableToPointInTime share: the target name and the
 * overrides they take, the new table's definition (the source's, renamed, without what a restore
 * does not carry: streams, time to live, tags, point-in-time recovery, contributor insights,
 * resource policies, deletion protection), and the answer, which says CREATING with the restore
 * in progress, as DynamoDB's does; the items are written before it and the table is ACTIVE at
 * once after.
 */
final class Restores {
  private Restores() {}

  /** A restore request's target and overrides, read and validated. */
  static final class Target {
    final String name;
    private final String billing;
    private final Long rcu;
    private final Long wcu;
    private final Req sse;
    private final Req request;

    private final Req throughput;

    Target(Req req) {
      this.request = req;
      this.name = req.str("TargetTableName");
      this.billing = req.str("BillingModeOverride");
      this.throughput = req.obj("ProvisionedThroughputOverride");
      this.rcu = throughput == null ? null : throughput.integer("ReadCapacityUnits");
      this.wcu = throughput == null ? null : throughput.integer("WriteCapacityUnits");
      this.sse = req.obj("SSESpecificationOverride");
    }

    /** Adds the target name's member errors to {@code v}. */
    void validateName(Validation v) {
      v.notNull(name, "targetTableName");
      v.newTableName(name, "targetTableName");
    }

    /** Adds the billing overrides' member errors to {@code v}. */
    void validateOverrides(Validation v) {
      v.oneOf(billing, "billingModeOverride", CreateTableOperation.BILLING_MODES);
      if (throughput != null) {
        CreateTableOperation.validateThroughput(throughput, rcu, wcu, "provisionedThroughputOverride", v);
      }
    }

    /** Refuses the overrides Eddy does not take. */
    void refuseUnsupported() {
      for (String unsupported : List.of("GlobalSecondaryIndexOverride", "LocalSecondaryIndexOverride",
          "OnDemandThroughputOverride")) {
        if (request.has(unsupported)) {
          throw ApiException.validation(unsupported + " is not supported by this version of Eddy");
        }
      }
    }

    /** TableAlreadyExistsException when the target's name is taken. */
    void requireFree(StorageEngine engine) {
      if (engine.catalog().get(name) != null) {
        throw new ApiException(ErrorCode.TABLE_ALREADY_EXISTS, "Table already exists: " + name);
      }
    }

    /**
     * Creates the target table from {@code source} (a description) with the overrides applied;
     * {@code summary} is its RestoreSummary without RestoreInProgress.
     */
    Table create(StorageEngine engine, JsonNode source, ObjectNode summary) {
      ObjectNode d = definition(engine, source, name);
      summary.put("RestoreInProgress", false);
      d.set("RestoreSummary", summary);
      boolean payPerRequest = applyBilling(d);
      if (sse != null) {
        Sse.apply(d, sse, engine);
      }
      if (!payPerRequest && d.has("VectorIndexes")) {
        throw ApiException.invalidParameter("Tables with vector indexes must be in PAY_PER_REQUEST mode");
      }
      return engine.catalog().create(d);
    }

    /** Applies BillingModeOverride and ProvisionedThroughputOverride; true when the table is on demand. */
    private boolean applyBilling(ObjectNode d) {
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
  }

  /** The answer: the new table, CREATING, with the restore in progress. */
  static ObjectNode answer(StorageEngine engine, Table table) {
    ObjectNode view = TableDescriptions.view(engine, table, "CREATING");
    ((ObjectNode) view.path("RestoreSummary")).put("RestoreInProgress", true);
    ObjectNode response = Json.object();
    response.set("TableDescription", view);
    return response;
  }

  /** The new table's description: the source's, renamed, without what a restore does not carry. */
  private static ObjectNode definition(StorageEngine engine, JsonNode source, String target) {
    ObjectNode d = source.deepCopy();
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
    return d;
  }

  private static void setThroughput(ObjectNode o, long rcu, long wcu) {
    ObjectNode pt = o.putObject("ProvisionedThroughput");
    pt.put("NumberOfDecreasesToday", 0);
    pt.put("ReadCapacityUnits", rcu);
    pt.put("WriteCapacityUnits", wcu);
  }
}
