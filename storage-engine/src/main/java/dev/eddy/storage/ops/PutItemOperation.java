package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
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

/** PutItem: replaces the whole item, optionally under a condition. */
public final class PutItemOperation implements Operation {
  private final StorageEngine engine;

  public PutItemOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    WriteParams params = WriteParams.read(req, ExpressionParameters.Operation.PUT_ITEM);
    String tableName = params.tableName();
    String returnValues = params.returnValues();
    String capacity = params.capacity();
    Map<String, AttributeValue> item = params.item();
    ActionExpressions expressions = params.expressions();
    Predicate<Map<String, AttributeValue>> condition = expressions.conditionTest();
    Table table = engine.catalog().require(tableName);
    table.keySchema().validateItemKey(item);
    if (AttributeValues.itemSize(item) > 400 * 1024) {
      throw ApiException.validation("Item size has exceeded the maximum allowed size");
    }
    table.validateIndexKeys(item, false); // before the condition: a bad index key is a bad request
    SingleItemWrite.Result result = SingleItemWrite.apply(engine, table, item, condition, old -> item,
        params.returnOldOnFailure());
    ObjectNode response = Json.object();
    if ("ALL_OLD".equals(returnValues) && result.oldItem() != null) {
      response.set("Attributes", AttributeValues.itemToJson(result.oldItem()));
    }
    Capacity.add(response, capacity, Capacity.writes(table, result.change()), false);
    params.addCollectionMetrics(response, table, table.keySchema().keyOf(item));
    return response;
  }
}
