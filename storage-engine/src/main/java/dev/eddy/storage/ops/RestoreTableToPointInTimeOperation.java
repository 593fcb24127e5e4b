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
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * RestoreTableToPointInTime: a new table with the source table's current definition and its items
 * as they were at RestoreDateTime (or at LatestRestorableDateTime, five minutes ago), rebuilt from
 * the change history that point-in-time recovery keeps (see
 * {@link dev.eddy.storage.PointInTimeRecovery}). What the new table carries and the answer are
 * {@link Restores}'.
 */
public final class RestoreTableToPointInTimeOperation implements Operation {
  private final StorageEngine engine;

  public RestoreTableToPointInTimeOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String sourceName = req.str("SourceTableName");
    String sourceArn = req.str("SourceTableArn");
    boolean useLatest = Boolean.TRUE.equals(req.bool("UseLatestRestorableTime"));
    JsonNode at = req.raw("RestoreDateTime");
    boolean hasTime = at != null && !at.isNull();
    if (hasTime && !at.isNumber()) {
      throw ApiException.serialization("RestoreDateTime must be a number of seconds since the epoch");
    }
    Validation v = new Validation();
    if (sourceName != null) {
      v.tableName(sourceName, "sourceTableName");
    }
    Restores.Target target = new Restores.Target(req);
    target.validateName(v);
    target.validateOverrides(v);
    v.throwIfAny();
    if ((sourceName == null) == (sourceArn == null)) {
      throw ApiException.validation("Exactly one of SourceTableArn and SourceTableName must be specified");
    }
    if (useLatest == hasTime) {
      throw ApiException.validation("Exactly one of RestoreDateTime and UseLatestRestorableTime must be specified");
    }
    target.refuseUnsupported();
    Table source = BackupViews.table(engine, sourceName != null ? sourceName : sourceArn);
    if (source.historyId() == 0) {
      throw new ApiException(ErrorCode.POINT_IN_TIME_RECOVERY_UNAVAILABLE,
          "Point in time recovery is not enabled for table: " + source.name());
    }
    ContinuousBackups.Window window = ContinuousBackups.window(engine, source, engine.config().clock().millis());
    long atMillis = useLatest ? window.latest() : millis(at.decimalValue(), window);
    target.requireFree(engine);
    engine.pointInTimeRecovery().prune(source, window.earliest());
    ObjectNode summary = Json.object();
    summary.put("SourceTableArn", source.arn());
    summary.put("RestoreDateTime", TableDescriptions.seconds(atMillis));
    Table table = target.create(engine, source.description(), summary);
    if (!engine.pointInTimeRecovery().restore(source, atMillis, table)) {
      engine.catalog().delete(table.name()); // a trim of a busy table's history passed the time meanwhile
      throw invalidTime();
    }
    return Restores.answer(engine, table);
  }

  private static ApiException invalidTime() {
    return new ApiException(ErrorCode.INVALID_RESTORE_TIME,
        "RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime");
  }

  /** The restore time in epoch millis; InvalidRestoreTimeException outside the window. */
  private static long millis(BigDecimal seconds, ContinuousBackups.Window window) {
    BigDecimal millis = seconds.movePointRight(3).setScale(0, RoundingMode.FLOOR);
    if (millis.compareTo(BigDecimal.valueOf(window.earliest())) < 0
        || millis.compareTo(BigDecimal.valueOf(window.latest())) > 0) {
      throw invalidTime();
    }
    return millis.longValueExact();
  }
}
