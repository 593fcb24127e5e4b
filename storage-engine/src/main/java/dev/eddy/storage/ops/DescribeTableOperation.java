package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/** DescribeTable. */
public final class DescribeTableOperation implements Operation {
  private final StorageEngine engine;

  public DescribeTableOperation(StorageEngine engine) {
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
    ObjectNode response = Json.object();
    response.set("Table", TableDescriptions.view(engine, table, "ACTIVE"));
    return response;
  }
}
