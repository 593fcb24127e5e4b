package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.storage.StorageEngine;

/** DeleteBackup: removes the backup and answers its description with status DELETED. */
public final class DeleteBackupOperation implements Operation {
  private final StorageEngine engine;

  public DeleteBackupOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    ObjectNode record = BackupViews.requireNamed(engine, request);
    engine.backups().delete(record);
    ObjectNode response = Json.object();
    response.set("BackupDescription", BackupViews.description(record, "DELETED"));
    return response;
  }
}
