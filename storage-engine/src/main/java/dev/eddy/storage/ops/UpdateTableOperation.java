package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.math.BigDecimal;

/** UpdateTable: billing mode, provisioned and on-demand throughput, deletion protection, table class, SSE, streams. */
public final class UpdateTableOperation implements Operation {
  private final StorageEngine engine;

  public UpdateTableOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String name = req.str("TableName");
    String billingMode = req.str("BillingMode");
    Req throughput = req.obj("ProvisionedThroughput");
    Boolean deletionProtection = req.bool("DeletionProtectionEnabled");
    String tableClass = req.str("TableClass");
    Req sse = req.obj("SSESpecification");
    Req stream = req.obj("StreamSpecification");
    Req onDemand = OnDemandThroughputs.read(req);
    Validation v = new Validation();
    v.tableName(name, "tableName");
    v.oneOf(billingMode, "billingMode", CreateTableOperation.BILLING_MODES);
    v.oneOf(tableClass, "tableClass", CreateTableOperation.TABLE_CLASSES);
    Long rcu = throughput == null ? null : throughput.integer("ReadCapacityUnits");
    Long wcu = throughput == null ? null : throughput.integer("WriteCapacityUnits");
    if (throughput != null) {
      CreateTableOperation.validateThroughput(throughput, rcu, wcu, "provisionedThroughput", v);
    }
    GlobalIndexUpdates indexUpdates = GlobalIndexUpdates.read(req, v);
    VectorIndexDefinitions.Updates vectorUpdates = VectorIndexDefinitions.Updates.read(req, v);
    v.throwIfAny();
    if (req.has("ReplicaUpdates")) {
      throw ApiException.validation("ReplicaUpdates are not supported by this version of Eddy");
    }
    if (indexUpdates == null && vectorUpdates == null && billingMode == null && throughput == null && deletionProtection == null && tableClass == null
        && sse == null && stream == null && onDemand == null && !req.has("WarmThroughput")) {
      // the member list DynamoDB names today (captured in us-east-1 and us-west-2, 2026)
      throw ApiException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
          + " GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady,"
          + " ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput,"
          + " WarmThroughput or TableClass is required");
    }
    Table current = engine.catalog().get(name);
    if (current == null) {
      throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
    }
    BigDecimal now = TableDescriptions.now(engine.config().clock());
    boolean[] changedCapacity = {false};
    Table updated = engine.catalog().update(name, d -> {
      String currentMode = d.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED");
      String mode = billingMode == null ? currentMode : billingMode;
      if (mode.equals("PAY_PER_REQUEST")) {
        if (throughput != null) {
          throw ApiException.invalidParameter(
              "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        if (!currentMode.equals(mode)) {
          ObjectNode pt = (ObjectNode) d.get("ProvisionedThroughput");
          pt.put("ReadCapacityUnits", 0);
          pt.put("WriteCapacityUnits", 0);
          ObjectNode bms = d.putObject("BillingModeSummary");
          bms.put("BillingMode", mode);
          bms.put("LastUpdateToPayPerRequestDateTime", now);
          for (com.fasterxml.jackson.databind.JsonNode g : d.path("GlobalSecondaryIndexes")) {
            ObjectNode gpt = (ObjectNode) g.path("ProvisionedThroughput");
            gpt.put("ReadCapacityUnits", 0);
            gpt.put("WriteCapacityUnits", 0);
          }
          changedCapacity[0] = true;
        }
      } else {
        if (!currentMode.equals(mode) && throughput == null) {
          throw ApiException.invalidParameter(
              "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        if (!currentMode.equals(mode)) {
          OnDemandThroughputs.dropAll(d);
        }
        if (throughput != null) {
          ObjectNode pt = (ObjectNode) d.get("ProvisionedThroughput");
          long oldR = pt.path("ReadCapacityUnits").asLong();
          long oldW = pt.path("WriteCapacityUnits").asLong();
          if (currentMode.equals(mode) && oldR == rcu && oldW == wcu && deletionProtection == null
              && stream == null && sse == null && tableClass == null) {
            throw ApiException.validation("The provisioned throughput for the table will not change. The requested"
                + " value equals the current value. Current ReadCapacityUnits provisioned for the table: " + oldR
                + ". Requested ReadCapacityUnits: " + rcu + ". Current WriteCapacityUnits provisioned for the table: "
                + oldW + ". Requested WriteCapacityUnits: " + wcu
                + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
          }
          if (rcu > oldR || wcu > oldW) {
            pt.put("LastIncreaseDateTime", now);
          }
          if (rcu < oldR || wcu < oldW) {
            pt.put("LastDecreaseDateTime", now);
            pt.put("NumberOfDecreasesToday", pt.path("NumberOfDecreasesToday").asInt() + 1);
          }
          pt.put("ReadCapacityUnits", rcu);
          pt.put("WriteCapacityUnits", wcu);
          if (!currentMode.equals(mode) || d.has("BillingModeSummary")) {
            // LastUpdateToPayPerRequestDateTime stays: it tells when PAY_PER_REQUEST was last set
            ObjectNode bms = d.has("BillingModeSummary") ? (ObjectNode) d.get("BillingModeSummary")
                : d.putObject("BillingModeSummary");
            bms.put("BillingMode", mode);
          }
          changedCapacity[0] = true;
        }
      }
      OnDemandThroughputs.check(onDemand, mode.equals("PAY_PER_REQUEST"), null, false, false);
      OnDemandThroughputs.apply(d, onDemand);
      if (deletionProtection != null) {
        d.put("DeletionProtectionEnabled", deletionProtection);
      }
      if (tableClass != null) {
        ObjectNode summary = d.putObject("TableClassSummary");
        summary.put("TableClass", tableClass);
        summary.put("LastUpdateDateTime", now); // set by an update only, as DynamoDB does
      }
      if (sse != null) {
        Sse.apply(d, sse, engine);
      }
      if (stream != null) {
        StreamSpecs.applyOnUpdate(d, stream, engine.config());
      }
      // one online index action per table, GSI and vector indexes alike
      if (indexUpdates != null && indexUpdates.changesIndexes() && (vectorUpdates != null && vectorUpdates.changesIndexes()
          || VectorIndexDefinitions.creating(current, engine.config().clock().millis()))) {
        throw IndexDefinitions.onlineIndexLimit();
      }
      if (indexUpdates != null) {
        indexUpdates.applyTo(d, current, current.arn());
      }
      if (vectorUpdates != null) {
        vectorUpdates.applyTo(d, current, engine.config().clock().millis());
      }
      if (d.has("VectorIndexes") && mode.equals("PROVISIONED")) {
        throw ApiException.invalidParameter("Tables with vector indexes must be in PAY_PER_REQUEST mode");
      }
      return d;
    });
    if (indexUpdates != null) {
      indexUpdates.afterCommit(engine, current, updated);
    }
    ObjectNode response = Json.object();
    // DynamoDB answers UPDATING while a capacity, index, stream, encryption or table class change
    // is applied (Eddy applies it at once: DescribeTable is ACTIVE again).
    boolean updating = changedCapacity[0] || (indexUpdates != null && indexUpdates.changesIndexes())
        || (vectorUpdates != null && vectorUpdates.changesIndexes())
        || stream != null || sse != null || tableClass != null;
    ObjectNode view = TableDescriptions.view(engine, updated, updating ? "UPDATING" : "ACTIVE");
    if (indexUpdates != null) {
      indexUpdates.decorate(view);
    }
    if (vectorUpdates != null) {
      vectorUpdates.decorate(view);
    }
    if (sse != null) {
      Sse.describeUpdating(view, current.description());
    }
    OnDemandThroughputs.describeRemoved(view, onDemand);
    response.set("TableDescription", view);
    return response;
  }
}
