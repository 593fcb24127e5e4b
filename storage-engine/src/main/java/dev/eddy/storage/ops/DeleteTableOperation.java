package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/**
 * DeleteTable: honours deletion protection; answers the description with status DELETING. A table
 * with point-in-time recovery on leaves a SYSTEM backup of its items, as in DynamoDB.
 */
public final class DeleteTableOperation implements Operation {
  private final StorageEngine engine;

  public DeleteTableOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    String name = new Req(request).str("TableName");
    new Validation().tableName(name, "tableName").throwIfAny();
    Table table = engine.catalog().get(name);
    if (table == null) {
      throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
    }
    if (table.description().path("DeletionProtectionEnabled").asBoolean(false)) {
      throw ApiException.validation("Resource cannot be deleted as it is currently protected against deletion."
          + " Disable deletion protection first.");
    }
    if (VectorIndexDefinitions.creating(table, engine.config().clock().millis())) {
      throw ApiException.resourceInUse("Attempt to change a resource which is still in use: Cannot delete table while"
          + " indexes are being created, updated, or deleted.");
    }
    ObjectNode view = TableDescriptions.view(engine, table, "DELETING");
    if (table.historyId() != 0) {
      BackupViews.systemBackup(engine, table);
    }
    engine.catalog().delete(name);
    ObjectNode response = Json.object();
    response.set("TableDescription", view);
    return response;
  }
}
