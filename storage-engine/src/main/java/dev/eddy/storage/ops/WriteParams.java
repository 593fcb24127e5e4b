package dev.eddy.storage.ops;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.DeepRequests;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.expr.ExpressionParameters;
import java.util.List;
import java.util.Map;

/**
 * The request of PutItem, UpdateItem and DeleteItem, read and checked the same way: TableName,
 * ReturnValues, ReturnConsumedCapacity, ReturnItemCollectionMetrics,
 * ReturnValuesOnConditionCheckFailure, then the item or key and the expressions; all of it before
 * any table is touched.
 *
 * @param values the Item (PutItem) or the Key
 */
record WriteParams(String tableName, String returnValues, String capacity, boolean returnOldOnFailure,
    Map<String, AttributeValue> values, ActionExpressions expressions) {
  static final List<String> RETURN_VALUES = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
  /** ReturnValues in the order DynamoDB lists it for a request it reads the older way ({@link DeepRequests}). */
  static final List<String> RETURN_VALUES_OLDER = List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
  static final List<String> RETURN_ON_FAILURE = List.of("ALL_OLD", "NONE");
  static final List<String> ITEM_COLLECTION_METRICS = List.of("SIZE", "NONE");

  /**
   * Reads and validates the request; {@code itemField} is "Item" or "Key", {@code op} the
   * operation's expression parameter rules. With {@code onlyAllOld}, ReturnValues other than
   * NONE/ALL_OLD is refused (PutItem, DeleteItem). A value nested too deep is reported after the
   * request's other problems when the request is deep enough for DynamoDB to read it the older way.
   */
  static WriteParams read(Req req, String itemField, boolean onlyAllOld, ExpressionParameters.Operation op) {
    return DeepRequests.nestingLast(req.node(), () -> readNow(req, itemField, onlyAllOld, op));
  }

  private static WriteParams readNow(Req req, String itemField, boolean onlyAllOld, ExpressionParameters.Operation op) {
    String tableName = req.str("TableName");
    String returnValues = req.str("ReturnValues");
    String capacity = req.str("ReturnConsumedCapacity");
    String onFailure = req.str("ReturnValuesOnConditionCheckFailure");
    Validation v = new Validation();
    v.tableName(tableName, "tableName");
    v.notNull(req.raw(itemField), itemField.toLowerCase());
    v.oneOf(returnValues, "returnValues", returnValues == null || RETURN_VALUES.contains(returnValues)
        || !DeepRequests.isDeep(req.node()) ? RETURN_VALUES : RETURN_VALUES_OLDER);
    Capacity.validate(capacity, v);
    v.oneOf(req.str("ReturnItemCollectionMetrics"), "returnItemCollectionMetrics", ITEM_COLLECTION_METRICS);
    v.oneOf(onFailure, "returnValuesOnConditionCheckFailure", RETURN_ON_FAILURE);
    v.throwIfAny();
    if (onlyAllOld && returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
      throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
    }
    Map<String, AttributeValue> values = req.item(itemField);
    ActionExpressions expressions = ActionExpressions.parse(req, op);
    return new WriteParams(tableName, returnValues, capacity, "ALL_OLD".equals(onFailure), values, expressions);
  }
}
