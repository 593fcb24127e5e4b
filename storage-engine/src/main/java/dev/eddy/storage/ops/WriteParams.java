package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.DeepRequests;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.Table;
import dev.eddy.storage.expr.ExpressionParameters;
import dev.eddy.storage.expr.Legacy;
import java.util.List;
import java.util.Map;

/**
 * The request of a PutItem, UpdateItem or DeleteItem up to the table lookup, read and checked
 * the same way: TableName, the item or key, ReturnValues, ReturnConsumedCapacity,
 * ReturnItemCollectionMetrics, ReturnValuesOnConditionCheckFailure and the expressions (or their
 * legacy counterparts).
 *
 * <p>DynamoDB checks the members first. When the item or key is missing it reports every
 * member's violation together, in its member order and per-value form ("N validation errors
 * detected: Value 'INVALID' at 'returnConsumedCapacity' ...; Value '' at 'tableName' ...; Value
 * null at 'key' ..."), the table name held only to its member constraint (1..1024 characters,
 * which an ARN also meets). Otherwise it reports a bad table name alone (an empty one as shorter
 * than 1), then the enum members together (nubo-db/dynamodb-conformance, "UpdateItem - member
 * errors beside a missing Key", captured 2026-10-09, and the validation-ordering captures of
 * 2026-06). Everything else it checks before it looks the table up, it checks in its current
 * validation layer, which reports the first problem inside the "1 validation error detected: "
 * envelope: values (read in {@link ValueLayer#CURRENT}),
 * ReturnValues beyond ALL_OLD/NONE, the expression parameters, the expressions, the legacy
 * conditions (nubo-db/dynamodb-conformance, "PutItem/DeleteItem - request validation envelope",
 * captured 2026-10-09). What it finds after the lookup (the key schema, the item) is bare.
 */
record WriteParams(String tableName, String returnValues, String capacity, boolean returnOldOnFailure,
    Map<String, AttributeValue> item, ActionExpressions expressions, boolean collectionMetrics) {
  /** ReturnValues, in the order DynamoDB lists them in its enum message. */
  static final List<String> RETURN_VALUES = List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
  static final List<String> RETURN_ON_FAILURE = List.of("ALL_OLD", "NONE");
  /** The newer framework's ReturnValues violation: no value, no member, its own order and "UPDATE_NEW" (sic). */
  static final String RETURN_VALUES_NEWER = "Failed to satisfy constraint: Member must satisfy enum value set:"
      + " [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]";
  static final List<String> ITEM_COLLECTION_METRICS = List.of("SIZE", "NONE");

  /**
   * Adds ItemCollectionMetrics for the item collection of {@code key} when SIZE was asked and the
   * table has local secondary indexes (the only tables DynamoDB keeps item collections for).
   */
  void addCollectionMetrics(ObjectNode response, Table table, Map<String, AttributeValue> key) {
    if (collectionMetrics && MultiItem.hasLocalIndexes(table)) {
      response.set("ItemCollectionMetrics", MultiItem.collectionMetrics(table, key));
    }
  }

  /**
   * Reads and validates the request of {@code op} (PUT_ITEM, UPDATE_ITEM or DELETE_ITEM): its
   * item ("Item") or key ("Key") becomes {@link #item}. PutItem and DeleteItem refuse
   * ReturnValues other than NONE/ALL_OLD.
   */
  private static boolean invalid(String value, List<String> allowed) {
    return value != null && !allowed.contains(value);
  }

  static WriteParams read(Req req, ExpressionParameters.Operation op) {
    // a value nested too deep is reported after the request's other problems when the request is
    // deep enough for DynamoDB to read it the older way (DeepRequests)
    return DeepRequests.nestingLast(req.node(), () -> readNow(req, op));
  }

  private static WriteParams readNow(Req req, ExpressionParameters.Operation op) {
    boolean put = op == ExpressionParameters.Operation.PUT_ITEM;
    String itemField = put ? "Item" : "Key";
    String tableName = req.str("TableName");
    String returnValues = req.str("ReturnValues");
    String capacity = req.str("ReturnConsumedCapacity");
    String onFailure = req.str("ReturnValuesOnConditionCheckFailure");
    boolean itemMissing = req.raw(itemField) == null;
    // DynamoDB's newer validation framework answers a request with its item or key present, unless
    // the request is deep enough to be read the older way (DeepRequests)
    boolean newer = !itemMissing && (tableName != null && tableName.isEmpty() || invalid(returnValues, RETURN_VALUES))
        && !DeepRequests.isDeep(req.node());
    Validation v = new Validation();
    if (newer && tableName.isEmpty()) {
      throw ApiException.validation("1 validation error detected: Value at 'TableName' failed to satisfy constraint:"
          + " Member must have length greater than or equal to 1");
    }
    if (!itemMissing) { // a bad table name is reported alone
      v.tableNameMember(tableName, "tableName");
      if (!v.hasErrors()) {
        v.tableName(tableName, "tableName");
      }
      v.throwIfAny();
    }
    if (newer && op == ExpressionParameters.Operation.UPDATE_ITEM) {
      // after the table name, UpdateItem stops at its ReturnValues (captured 2026-06 to 10 in eu-west-2;
      // 31 regions of 33 answer so, the others list every member's violation)
      throw ApiException.validation("1 validation error detected: " + RETURN_VALUES_NEWER);
    }
    // the members in DynamoDB's order; with the item or key missing the table name's member
    // constraint and ConditionalOperator join them, PutItem's item after the table name, a key last
    Capacity.validate(capacity, v);
    if (itemMissing) {
      v.tableNameMember(tableName, "tableName");
      if (put) {
        v.notNull(null, "item");
      }
    }
    if (newer) {
      v.addMessage(RETURN_VALUES_NEWER);
    } else {
      v.oneOf(returnValues, "returnValues", RETURN_VALUES);
    }
    v.oneOf(req.str("ReturnItemCollectionMetrics"), "returnItemCollectionMetrics", ITEM_COLLECTION_METRICS);
    v.oneOf(onFailure, "returnValuesOnConditionCheckFailure", RETURN_ON_FAILURE);
    if (itemMissing) {
      v.oneOf(req.str("ConditionalOperator"), "conditionalOperator", Legacy.CONDITIONAL_OPERATORS);
      if (!put) {
        v.notNull(null, "key");
      }
    }
    v.throwIfAny();
    try {
      if (op != ExpressionParameters.Operation.UPDATE_ITEM && returnValues != null && !returnValues.equals("NONE")
          && !returnValues.equals("ALL_OLD")) {
        throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
      }
      Map<String, AttributeValue> item = req.item(itemField, ValueLayer.CURRENT);
      if (put) {
        AttributeValues.checkAttributeNames(item);
      }
      ActionExpressions expressions = ActionExpressions.parse(req, op, ValueLayer.CURRENT);
      return new WriteParams(tableName, returnValues, capacity, "ALL_OLD".equals(onFailure), item, expressions,
          "SIZE".equals(req.str("ReturnItemCollectionMetrics")));
    } catch (ApiException e) {
      if (!DeepRequests.isDeep(req.node())) {
        throw Validation.envelope(e);
      }
      // a deep request is read the older way: bare answers, its values in the older layer
      // ("ExpressionAttributeValues contains invalid value: ... for key :v")
      req.item(itemField, ValueLayer.OLDER);
      ActionExpressions.parse(req, op, ValueLayer.OLDER);
      throw e;
    }
  }
}
