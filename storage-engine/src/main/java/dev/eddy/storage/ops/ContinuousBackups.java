package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.storage.PointInTimeRecovery;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/**
 * Point-in-time recovery settings, kept in the description as "_PointInTimeRecovery" {Enabled,
 * EnabledAt (epoch millis), RecoveryPeriodInDays, HistoryId} (see {@link PointInTimeRecovery}).
 * The restorable window is DynamoDB's: from when recovery was turned on, or the recovery period
 * back, to five minutes ago.
 */
final class ContinuousBackups {
  static final int DEFAULT_DAYS = 35;
  /** How far behind the present the latest restorable time is. */
  private static final long LATEST_LAG_MILLIS = 300_000L;

  /** The restorable window of a table with recovery on, in epoch millis. */
  record Window(long earliest, long latest) {}

  private ContinuousBackups() {}

  static ObjectNode describe(StorageEngine engine, Table table, long nowMillis) {
    ObjectNode response = Json.object();
    ObjectNode d = response.putObject("ContinuousBackupsDescription");
    d.put("ContinuousBackupsStatus", "ENABLED");
    ObjectNode p = d.putObject("PointInTimeRecoveryDescription");
    JsonNode pitr = table.description().path(PointInTimeRecovery.FIELD);
    if (!pitr.path("Enabled").asBoolean(false)) {
      p.put("PointInTimeRecoveryStatus", "DISABLED");
      return response;
    }
    Window w = window(engine, table, nowMillis);
    p.put("PointInTimeRecoveryStatus", "ENABLED");
    p.put("RecoveryPeriodInDays", pitr.path("RecoveryPeriodInDays").asInt(DEFAULT_DAYS));
    p.put("EarliestRestorableDateTime", TableDescriptions.seconds(w.earliest()));
    p.put("LatestRestorableDateTime", TableDescriptions.seconds(w.latest()));
    return response;
  }

  /**
   * The table's restorable window now (recovery must be on): from when recovery was turned on,
   * the recovery period back, or the history's floor (a busy table's oldest changes go, see
   * {@link PointInTimeRecovery#maxRows()}), whichever is latest, to five minutes ago.
   */
  static Window window(StorageEngine engine, Table table, long nowMillis) {
    JsonNode pitr = table.description().path(PointInTimeRecovery.FIELD);
    long since = Math.max(pitr.path("EnabledAt").asLong(), engine.pointInTimeRecovery().floor(table));
    int days = pitr.path("RecoveryPeriodInDays").asInt(DEFAULT_DAYS);
    return new Window(Math.max(since, nowMillis - days * 86_400_000L), Math.max(since, nowMillis - LATEST_LAG_MILLIS));
  }
}
