package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;

/** DescribeContinuousBackups: point-in-time recovery status of a table. */
public final class DescribeContinuousBackupsOperation implements Operation {
  private final StorageEngine engine;

  public DescribeContinuousBackupsOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    String tableName = new Req(request).str("TableName");
    new Validation().tableName(tableName, "tableName").throwIfAny();
    return ContinuousBackups.describe(engine, BackupViews.table(engine, tableName), engine.config().clock().millis());
  }
}
