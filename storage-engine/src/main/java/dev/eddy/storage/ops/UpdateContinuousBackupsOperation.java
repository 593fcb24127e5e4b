package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.PointInTimeRecovery;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/**
 * UpdateContinuousBackups: turns point-in-time recovery on or off at once (synchronous and
 * idempotent, as in DynamoDB). Turning it on starts the table's change history; turning it off
 * drops it, and turning it on again starts afresh with the recovery period back at 35 days.
 */
public final class UpdateContinuousBackupsOperation implements Operation {
  private final StorageEngine engine;

  public UpdateContinuousBackupsOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String tableName = req.str("TableName");
    Req spec = req.obj("PointInTimeRecoverySpecification");
    Boolean enabled = spec == null ? null : spec.bool("PointInTimeRecoveryEnabled");
    Long days = spec == null ? null : spec.integer("RecoveryPeriodInDays");
    Validation v = new Validation();
    v.tableName(tableName, "tableName");
    v.notNull(spec, "pointInTimeRecoverySpecification");
    if (spec != null) {
      v.notNull(enabled, "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled");
      v.range(days, "pointInTimeRecoverySpecification.recoveryPeriodInDays", 1, 35);
    }
    v.throwIfAny();
    if (days != null && !enabled) {
      throw ApiException.validation("RecoveryPeriodInDays can only be set when PointInTimeRecoveryEnabled is true");
    }
    long now = engine.config().clock().millis();
    Table table = BackupViews.table(engine, tableName);
    long before = table.historyId();
    // a new history when recovery is turned on (an id is cheap: one is wasted if it already was)
    long historyId = enabled && before == 0 ? engine.catalog().allocateId() : before;
    table = engine.catalog().update(table.name(), d -> {
      JsonNode current = d.path(PointInTimeRecovery.FIELD);
      boolean wasEnabled = current.path("Enabled").asBoolean(false);
      if (!enabled) {
        d.remove(PointInTimeRecovery.FIELD);
        return d;
      }
      ObjectNode p = Json.object();
      p.put("Enabled", true);
      p.put("EnabledAt", wasEnabled ? current.path("EnabledAt").asLong() : now);
      p.put("RecoveryPeriodInDays", days != null ? days.intValue()
          : wasEnabled ? current.path("RecoveryPeriodInDays").asInt(ContinuousBackups.DEFAULT_DAYS)
          : ContinuousBackups.DEFAULT_DAYS);
      p.put(PointInTimeRecovery.HISTORY_ID, wasEnabled && current.has(PointInTimeRecovery.HISTORY_ID)
          ? current.path(PointInTimeRecovery.HISTORY_ID).asLong() : historyId);
      d.set(PointInTimeRecovery.FIELD, p);
      return d;
    });
    if (!enabled) {
      PointInTimeRecovery.drop(engine.store(), before); // DynamoDB discards the history with the setting
    } else {
      engine.pointInTimeRecovery().prune(table, ContinuousBackups.window(engine, table, now).earliest());
    }
    return ContinuousBackups.describe(engine, table, now);
  }
}
