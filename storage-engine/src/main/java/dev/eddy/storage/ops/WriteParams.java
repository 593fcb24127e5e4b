package dev.eddy.storage.ops;

import dev.eddy.api.ApiException;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import java.util.List;

/**
 * The request fields PutItem, UpdateItem and DeleteItem share, read and checked the same way:
 * TableName, the item or key field, ReturnValues, ReturnConsumedCapacity,
 * ReturnItemCollectionMetrics and ReturnValuesOnConditionCheckFailure.
 */
record WriteParams(String tableName, String returnValues, String capacity, boolean returnOldOnFailure) {
  static final List<String> RETURN_VALUES = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
  static final List<String> RETURN_ON_FAILURE = List.of("ALL_OLD", "NONE");
  static final List<String> ITEM_COLLECTION_METRICS = List.of("SIZE", "NONE");

  /**
   * Reads and validates the shared fields; {@code itemField} is "Item" or "Key". With
   * {@code onlyAllOld}, ReturnValues other than NONE/ALL_OLD is refused (PutItem, DeleteItem).
   */
  static WriteParams read(Req req, String itemField, boolean onlyAllOld) {
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
    if (onlyAllOld && returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
      throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
    }
    return new WriteParams(tableName, returnValues, capacity, "ALL_OLD".equals(onFailure));
  }
}
