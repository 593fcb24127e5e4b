package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
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
    String tableName = req.str("TableName");
    String returnValues = req.str("ReturnValues");
    String capacity = req.str("ReturnConsumedCapacity");
    String onFailure = req.str("ReturnValuesOnConditionCheckFailure");
    Validation v = new Validation();
    v.tableName(tableName, "tableName");
    v.notNull(req.raw("Key"), "key");
    v.oneOf(returnValues, "returnValues", PutItemOperation.RETURN_VALUES);
    Capacity.validate(capacity, v);
    v.oneOf(req.str("ReturnItemCollectionMetrics"), "returnItemCollectionMetrics",
        PutItemOperation.ITEM_COLLECTION_METRICS);
    v.oneOf(onFailure, "returnValuesOnConditionCheckFailure", PutItemOperation.RETURN_ON_FAILURE);
    v.throwIfAny();
    Map<String, AttributeValue> key = req.item("Key");
    if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
      throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
    }
    ActionExpressions expressions = ActionExpressions.parse(req, ExpressionParameters.Operation.DELETE_ITEM);
    Predicate<Map<String, AttributeValue>> condition = expressions.conditionTest();
    Table table = engine.catalog().require(tableName);
    table.keySchema().validateKey(key);
    SingleItemWrite.Result result = SingleItemWrite.apply(engine, table, key, condition, old -> null,
        "ALL_OLD".equals(onFailure));
    ObjectNode response = Json.object();
    if ("ALL_OLD".equals(returnValues) && result.oldItem() != null) {
      response.set("Attributes", AttributeValues.itemToJson(result.oldItem()));
    }
    Capacity.add(response, capacity, Capacity.writes(table, result.oldItem(), result.newItem()), false);
    return response;
  }
}
