package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import java.util.List;

/** ListBackups: Eddy takes no on-demand backups (CreateBackup is not offered), so none are listed. */
public final class ListBackupsOperation implements Operation {
  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String tableName = req.str("TableName");
    Validation v = new Validation();
    if (tableName != null) {
      v.tableName(tableName, "tableName");
    }
    v.range(req.integer("Limit"), "limit", 1, 100);
    v.oneOf(req.str("BackupType"), "backupType", List.of("USER", "SYSTEM", "AWS_BACKUP", "ALL"));
    v.throwIfAny();
    ObjectNode response = Json.object();
    response.putArray("BackupSummaries");
    return response;
  }
}
