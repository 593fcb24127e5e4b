package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * ListBackups: the backups of the type asked for (USER by default; SYSTEM ones are the backups of
 * deleted tables that had point-in-time recovery on; Eddy makes no AWS_BACKUP ones), oldest first,
 * filtered by table and creation time (lower bound inclusive, upper exclusive), in pages of Limit
 * with LastEvaluatedBackupArn.
 */
public final class ListBackupsOperation implements Operation {
  private final StorageEngine engine;

  public ListBackupsOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String tableName = req.str("TableName");
    String type = req.str("BackupType");
    String start = req.str("ExclusiveStartBackupArn");
    Long limit = req.integer("Limit");
    Validation v = new Validation();
    if (tableName != null) {
      v.tableName(tableName, "tableName");
    }
    v.range(limit, "limit", 1, 100);
    v.oneOf(type, "backupType", List.of("USER", "SYSTEM", "AWS_BACKUP", "ALL"));
    if (start != null) {
      v.length(start, "exclusiveStartBackupArn", 37, 1024);
    }
    v.throwIfAny();
    BigDecimal lower = bound(req.raw("TimeRangeLowerBound"));
    BigDecimal upper = bound(req.raw("TimeRangeUpperBound"));
    Table table = tableName == null ? null : engine.catalog().get(tableName);
    String tableArn = table != null ? table.arn() : tableName != null && tableName.startsWith("arn:") ? tableName : null;
    engine.backups().expire(engine.config().clock().millis());
    String wanted = type == null ? "USER" : type;
    List<ObjectNode> backups = engine.backups().list().stream()
        .filter(b -> wanted.equals("ALL") || wanted.equals(BackupViews.type(b)))
        .filter(b -> tableName == null || b.path("table").path("TableName").asText().equals(tableName)
            || b.path("table").path("TableArn").asText().equals(tableArn))
        .filter(b -> lower == null || TableDescriptions.seconds(b.path("created").asLong()).compareTo(lower) >= 0)
        .filter(b -> upper == null || TableDescriptions.seconds(b.path("created").asLong()).compareTo(upper) < 0)
        .sorted(Comparator.<ObjectNode>comparingLong(b -> b.path("created").asLong())
            .thenComparing(b -> b.path("arn").asText()))
        .toList();
    int from = 0;
    if (start != null) {
      for (int i = 0; i < backups.size(); i++) {
        if (backups.get(i).path("arn").asText().equals(start)) {
          from = i + 1;
        }
      }
    }
    int to = limit == null ? backups.size() : (int) Math.min(backups.size(), from + limit);
    ObjectNode response = Json.object();
    ArrayNode summaries = response.putArray("BackupSummaries");
    for (int i = from; i < to; i++) {
      summaries.add(BackupViews.summary(backups.get(i)));
    }
    if (to < backups.size() && to > from) {
      response.put("LastEvaluatedBackupArn", backups.get(to - 1).path("arn").asText());
    }
    return response;
  }

  private static BigDecimal bound(JsonNode n) {
    return n == null || n.isNull() ? null : n.decimalValue();
  }
}
