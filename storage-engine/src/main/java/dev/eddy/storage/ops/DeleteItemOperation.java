package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.expr.ExpressionParameters;
import java.util.Map;
import java.util.function.Predicate;

/** DeleteItem, optionally under a condition. */
public final class DeleteItemOperation implements Operation {
  private final StorageEngine engine;

  public DeleteItemOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    WriteParams params = WriteParams.read(req, ExpressionParameters.Operation.DELETE_ITEM);
    String tableName = params.tableName();
    String returnValues = params.returnValues();
    String capacity = params.capacity();
    Map<String, AttributeValue> key = params.item();
    ActionExpressions expressions = params.expressions();
    Predicate<Map<String, AttributeValue>> condition = expressions.conditionTest();
    Table table = engine.catalog().require(tableName);
    table.keySchema().validateKey(key);
    SingleItemWrite.Result result = SingleItemWrite.apply(engine, table, key, condition, old -> null,
        params.returnOldOnFailure());
    ObjectNode response = Json.object();
    if ("ALL_OLD".equals(returnValues) && result.oldItem() != null) {
      response.set("Attributes", AttributeValues.itemToJson(result.oldItem()));
    }
    Capacity.add(response, capacity, Capacity.writes(table, result.change()), false);
    params.addCollectionMetrics(response, table, key);
    return response;
  }
}
