package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/**
 * Point-in-time recovery settings, kept in the description as "_PointInTimeRecovery" {Enabled,
 * EnabledAt (epoch millis), RecoveryPeriodInDays}. Eddy keeps no history, so restores are not
 * offered; the description reports the window DynamoDB would.
 */
final class ContinuousBackups {
  static final String FIELD = "_PointInTimeRecovery";
  static final int DEFAULT_DAYS = 35;

  private ContinuousBackups() {}

  /** The table, or TableNotFoundException "Table not found: name" (this API family's error). */
  static Table table(StorageEngine engine, String name) {
    Table table = engine.catalog().get(name);
    if (table == null) {
      throw new ApiException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + name);
    }
    return table;
  }

  static ObjectNode describe(Table table, long nowMillis) {
    ObjectNode response = Json.object();
    ObjectNode d = response.putObject("ContinuousBackupsDescription");
    d.put("ContinuousBackupsStatus", "ENABLED");
    ObjectNode p = d.putObject("PointInTimeRecoveryDescription");
    JsonNode pitr = table.description().path(FIELD);
    if (!pitr.path("Enabled").asBoolean(false)) {
      p.put("PointInTimeRecoveryStatus", "DISABLED");
      return response;
    }
    long since = pitr.path("EnabledAt").asLong();
    int days = pitr.path("RecoveryPeriodInDays").asInt(DEFAULT_DAYS);
    p.put("PointInTimeRecoveryStatus", "ENABLED");
    p.put("RecoveryPeriodInDays", days);
    p.put("EarliestRestorableDateTime", TableDescriptions.seconds(Math.max(since, nowMillis - days * 86_400_000L)));
    p.put("LatestRestorableDateTime", TableDescriptions.seconds(Math.max(since, nowMillis - 300_000L)));
    return response;
  }
}
