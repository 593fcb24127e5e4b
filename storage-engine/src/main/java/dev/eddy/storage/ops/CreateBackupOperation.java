package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/**
 * CreateBackup: copies the table's items at once (the backup is AVAILABLE in the answer) under an
 * ARN of DynamoDB's form, {@code <table arn>/backup/<14-digit millis>-<8 hex digits>}.
 */
public final class CreateBackupOperation implements Operation {
  private final StorageEngine engine;

  public CreateBackupOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String tableName = req.str("TableName");
    String backupName = req.str("BackupName");
    Validation v = new Validation();
    v.tableName(tableName, "tableName");
    v.notNull(backupName, "backupName");
    v.name(backupName, "backupName");
    v.throwIfAny();
    Table table = BackupViews.table(engine, tableName);
    long now = engine.config().clock().millis();
    ObjectNode record = engine.backups().create(table, BackupViews.newArn(table, now), backupName, "USER", now, 0);
    ObjectNode response = Json.object();
    response.set("BackupDetails", BackupViews.details(record, "AVAILABLE"));
    return response;
  }
}
