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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** PutItem: replaces the whole item, optionally under a condition. */
public final class PutItemOperation implements Operation {
  static final List<String> RETURN_VALUES = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
  static final List<String> RETURN_ON_FAILURE = List.of("ALL_OLD", "NONE");
  static final List<String> ITEM_COLLECTION_METRICS = List.of("SIZE", "NONE");
  private final StorageEngine engine;

  public PutItemOperation(StorageEngine engine) {
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
    v.notNull(req.raw("Item"), "item");
    v.oneOf(returnValues, "returnValues", RETURN_VALUES);
    Capacity.validate(capacity, v);
    v.oneOf(req.str("ReturnItemCollectionMetrics"), "returnItemCollectionMetrics", ITEM_COLLECTION_METRICS);
    v.oneOf(onFailure, "returnValuesOnConditionCheckFailure", RETURN_ON_FAILURE);
    v.throwIfAny();
    Map<String, AttributeValue> item = req.item("Item");
    if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
      throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
    }
    ActionExpressions expressions = ActionExpressions.parse(req, ExpressionParameters.Operation.PUT_ITEM);
    Predicate<Map<String, AttributeValue>> condition = expressions.conditionTest();
    Table table = engine.catalog().require(tableName);
    table.keySchema().validateItemKey(item);
    if (AttributeValues.itemSize(item) > 400 * 1024) {
      throw ApiException.validation("Item size has exceeded the maximum allowed size");
    }
    SingleItemWrite.Result result = SingleItemWrite.apply(engine, table, item, condition, old -> item,
        "ALL_OLD".equals(onFailure));
    ObjectNode response = Json.object();
    if ("ALL_OLD".equals(returnValues) && result.oldItem() != null) {
      response.set("Attributes", AttributeValues.itemToJson(result.oldItem()));
    }
    Capacity.add(response, capacity, Capacity.writes(table, result.oldItem(), result.newItem()), false);
    return response;
  }
}
