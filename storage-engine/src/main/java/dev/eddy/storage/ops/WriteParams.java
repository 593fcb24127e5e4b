package dev.eddy.storage.ops;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.expr.ExpressionParameters;
import java.util.List;
import java.util.Map;

/**
 * The request of a PutItem, UpdateItem or DeleteItem up to the table lookup, read and checked
 * the same way: TableName, the item or key, ReturnValues, ReturnConsumedCapacity,
 * ReturnItemCollectionMetrics, ReturnValuesOnConditionCheckFailure and the expressions (or their
 * legacy counterparts).
 *
 * <p>DynamoDB checks the members first and reports their violations together ("N validation
 * errors detected: Value ... at 'tableName' ..."). Everything else it checks before it looks the
 * table up, it checks in its current validation layer, which reports the first problem inside
 * the "1 validation error detected: " envelope: values (read in {@link ValueLayer#CURRENT}),
 * ReturnValues beyond ALL_OLD/NONE, the expression parameters, the expressions, the legacy
 * conditions (nubo-db/dynamodb-conformance, "PutItem/DeleteItem - request validation envelope",
 * captured 2026-10-09). What it finds after the lookup (the key schema, the item) is bare.
 */
record WriteParams(String tableName, String returnValues, String capacity, boolean returnOldOnFailure,
    Map<String, AttributeValue> item, ActionExpressions expressions) {
  static final List<String> RETURN_VALUES = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
  static final List<String> RETURN_ON_FAILURE = List.of("ALL_OLD", "NONE");
  static final List<String> ITEM_COLLECTION_METRICS = List.of("SIZE", "NONE");

  /**
   * Reads and validates the request of {@code op} (PUT_ITEM, UPDATE_ITEM or DELETE_ITEM): its
   * item ("Item") or key ("Key") becomes {@link #item}. PutItem and DeleteItem refuse
   * ReturnValues other than NONE/ALL_OLD.
   */
  static WriteParams read(Req req, ExpressionParameters.Operation op) {
    String itemField = op == ExpressionParameters.Operation.PUT_ITEM ? "Item" : "Key";
    String tableName = req.str("TableName");
    String returnValues = req.str("ReturnValues");
    String capacity = req.str("ReturnConsumedCapacity");
    String onFailure = req.str("ReturnValuesOnConditionCheckFailure");
    Validation v = new Validation();
    v.tableName(tableName, "tableName");
    v.notNull(req.raw(itemField), itemField.toLowerCase());
    v.oneOf(returnValues, "returnValues", RETURN_VALUES);
    Capacity.validate(capacity, v);
    v.oneOf(req.str("ReturnItemCollectionMetrics"), "returnItemCollectionMetrics", ITEM_COLLECTION_METRICS);
    v.oneOf(onFailure, "returnValuesOnConditionCheckFailure", RETURN_ON_FAILURE);
    v.throwIfAny();
    try {
      if (op != ExpressionParameters.Operation.UPDATE_ITEM && returnValues != null && !returnValues.equals("NONE")
          && !returnValues.equals("ALL_OLD")) {
        throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
      }
      Map<String, AttributeValue> item = req.item(itemField, ValueLayer.CURRENT);
      ActionExpressions expressions = ActionExpressions.parse(req, op, ValueLayer.CURRENT);
      return new WriteParams(tableName, returnValues, capacity, "ALL_OLD".equals(onFailure), item, expressions);
    } catch (ApiException e) {
      throw Validation.envelope(e);
    }
  }
}
