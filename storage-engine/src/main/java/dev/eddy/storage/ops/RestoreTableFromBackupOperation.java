package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/**
 * RestoreTableFromBackup: a new table with the backup's definition (key schema, attribute
 * definitions, indexes, billing, encryption) and items; what it carries and answers is in
 * {@link Restores}.
 */
public final class RestoreTableFromBackupOperation implements Operation {
  private final StorageEngine engine;

  public RestoreTableFromBackupOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String arn = req.str("BackupArn");
    Validation v = new Validation();
    Restores.Target target = new Restores.Target(req);
    target.validateName(v);
    BackupViews.validateArn(arn, v);
    target.validateOverrides(v);
    v.throwIfAny();
    target.refuseUnsupported();
    ObjectNode record = BackupViews.require(engine, arn);
    target.requireFree(engine);
    ObjectNode summary = Json.object();
    summary.put("SourceBackupArn", record.path("arn").asText());
    summary.put("SourceTableArn", record.path("table").path("TableArn").asText());
    summary.put("RestoreDateTime", TableDescriptions.seconds(record.path("created").asLong()));
    Table table = target.create(engine, record.path("table"), summary);
    engine.backups().restoreInto(record, table);
    return Restores.answer(engine, table);
  }
}
