package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.storage.StorageEngine;

/** DescribeBackup: the backup's details, its source table and that table's features. */
public final class DescribeBackupOperation implements Operation {
  private final StorageEngine engine;

  public DescribeBackupOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    ObjectNode response = Json.object();
    response.set("BackupDescription", BackupViews.description(BackupViews.requireNamed(engine, request), "AVAILABLE"));
    return response;
  }
}
