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
import dev.eddy.storage.VectorIndex;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
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
    private final ArrayNode gsiOverride;
    private final ArrayNode lsiOverride;

    Target(Req req) {
      this.request = req;
      this.name = req.str("TargetTableName");
      this.billing = req.str("BillingModeOverride");
      this.throughput = req.obj("ProvisionedThroughputOverride");
      this.rcu = throughput == null ? null : throughput.integer("ReadCapacityUnits");
      this.wcu = throughput == null ? null : throughput.integer("WriteCapacityUnits");
      this.sse = req.obj("SSESpecificationOverride");
      this.gsiOverride = req.list("GlobalSecondaryIndexOverride");
      this.lsiOverride = req.list("LocalSecondaryIndexOverride");
    }

    /** Adds the target name's member errors to {@code v}. */
    void validateName(Validation v) {
      v.notNull(name, "targetTableName");
      v.newTableName(name, "targetTableName");
    }

    /** Adds the overrides' member errors to {@code v}. */
    void validateOverrides(Validation v) {
      v.oneOf(billing, "billingModeOverride", CreateTableOperation.BILLING_MODES);
      if (throughput != null) {
        CreateTableOperation.validateThroughput(throughput, rcu, wcu, "provisionedThroughputOverride", v);
      }
      for (int i = 0; gsiOverride != null && i < gsiOverride.size(); i++) {
        IndexDefinitions.validateShape(gsiOverride.get(i), "globalSecondaryIndexOverride." + (i + 1) + ".member", true, v);
      }
      for (int i = 0; lsiOverride != null && i < lsiOverride.size(); i++) {
        IndexDefinitions.validateShape(lsiOverride.get(i), "localSecondaryIndexOverride." + (i + 1) + ".member", false, v);
      }
    }

    /** Refuses the overrides Eddy does not take. */
    void refuseUnsupported() {
      if (request.has("OnDemandThroughputOverride")) {
        throw ApiException.validation("OnDemandThroughputOverride is not supported by this version of Eddy");
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
      if (gsiOverride != null || lsiOverride != null) {
        overrideIndexes(engine, d);
      }
      boolean payPerRequest = applyBilling(d);
      if (sse != null) {
        Sse.apply(d, sse, engine);
      }
      if (!payPerRequest && d.has("VectorIndexes")) {
        throw ApiException.invalidParameter("Tables with vector indexes must be in PAY_PER_REQUEST mode");
      }
      return engine.catalog().create(d);
    }

    /**
     * Replaces the restored table's secondary indexes with the overrides (an empty list: none of
     * that kind; a kind not overridden keeps the source's indexes), checked and described as
     * CreateTable's are; the attribute definitions keep what the table's keys, the new indexes'
     * keys and the vector indexes' search schemas use.
     */
    private void overrideIndexes(StorageEngine engine, ObjectNode d) {
      ArrayNode keySchema = (ArrayNode) d.path("KeySchema");
      boolean payPerRequest = (billing != null ? billing
          : d.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED")).equals("PAY_PER_REQUEST");
      ArrayNode gsis = gsiOverride != null ? gsiOverride.deepCopy() : specs(d.path("GlobalSecondaryIndexes"), true,
          payPerRequest);
      ArrayNode lsis = lsiOverride != null ? lsiOverride.deepCopy() : specs(d.path("LocalSecondaryIndexes"), false,
          payPerRequest);
      Set<String> schemaAttributes = VectorIndexDefinitions.schemaAttributes((ArrayNode) d.get("VectorIndexes"));
      Set<String> used = new HashSet<>(schemaAttributes);
      keyNames(List.<JsonNode>of(keySchema), used);
      keyNames(gsis, used);
      keyNames(lsis, used);
      ArrayNode definitions = Json.mapper().createArrayNode();
      for (JsonNode a : d.path("AttributeDefinitions")) {
        if (used.contains(a.path("AttributeName").asText())) {
          definitions.add(a.deepCopy());
        }
      }
      d.remove(List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes", IndexDefinitions.NEXT_ID));
      d.set("AttributeDefinitions", definitions);
      if (!gsis.isEmpty() || !lsis.isEmpty()) {
        IndexDefinitions.addOnCreate(d, lsis.isEmpty() ? null : lsis, gsis.isEmpty() ? null : gsis, keySchema,
            definitions, payPerRequest, engine.tableArn(name), schemaAttributes);
      }
    }

    /** Adds the attribute names of the key schemas of {@code indexes} (elements with a KeySchema, or key schemas). */
    private static void keyNames(Iterable<JsonNode> indexes, Set<String> into) {
      for (JsonNode i : indexes) {
        for (JsonNode k : i.has("KeySchema") ? i.path("KeySchema") : i) {
          into.add(k.path("AttributeName").asText());
        }
      }
    }

    /** The source's index descriptions as CreateTable's index members, for the kind not overridden. */
    private static ArrayNode specs(JsonNode descriptions, boolean global, boolean payPerRequest) {
      ArrayNode out = Json.mapper().createArrayNode();
      for (JsonNode i : descriptions) {
        ObjectNode spec = out.addObject();
        spec.set("IndexName", i.path("IndexName"));
        spec.set("KeySchema", i.path("KeySchema").deepCopy());
        spec.set("Projection", i.path("Projection").deepCopy());
        if (global && !payPerRequest) {
          spec.putObject("ProvisionedThroughput")
              .put("ReadCapacityUnits", i.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong(1))
              .put("WriteCapacityUnits", i.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong(1));
        }
        if (global && i.has("OnDemandThroughput")) {
          spec.set("OnDemandThroughput", i.path("OnDemandThroughput").deepCopy());
        }
      }
      return out;
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
