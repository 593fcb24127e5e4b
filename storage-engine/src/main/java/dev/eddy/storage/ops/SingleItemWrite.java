package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.storage.ItemChange;
import dev.eddy.storage.Items;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The read-modify-write shared by PutItem, UpdateItem and DeleteItem: lock the row, read the
 * old image, check the condition, compute the new image, commit through the one write path.
 */
final class SingleItemWrite {
  private SingleItemWrite() {}

  /** Old and new image of a completed write (either may be null). */
  /** The committed change (the images, and their sizes for the consumed capacity). */
  record Result(ItemChange change) {
    Map<String, AttributeValue> oldItem() {
      return change.oldItem();
    }

    Map<String, AttributeValue> newItem() {
      return change.newItem();
    }
  }

  /**
   * @param condition tested against the old image (null when absent); null for none
   * @param mutation old image (may be null) to new image (null deletes)
   * @param returnOldOnFailure ReturnValuesOnConditionCheckFailure=ALL_OLD
   */
  static Result apply(StorageEngine engine, Table table, Map<String, AttributeValue> key,
      Predicate<Map<String, AttributeValue>> condition, UnaryOperator<Map<String, AttributeValue>> mutation,
      boolean returnOldOnFailure) {
    Items items = engine.items();
    byte[] rowKey = table.rowKey(key);
    return items.locked(() -> {
      Items.Row row = items.read(rowKey);
      Map<String, AttributeValue> old = row == null ? null : row.item();
      if (condition != null && !condition.test(old)) {
        ObjectNode extra = null;
        if (returnOldOnFailure && old != null) {
          extra = Json.object();
          extra.set("Item", AttributeValues.itemToJson(old));
        }
        throw ApiException.conditionalCheckFailed(extra);
      }
      Map<String, AttributeValue> next = mutation.apply(old);
      ItemChange change = ItemChange.fromRow(table, rowKey, table.keySchema().keyOf(next != null ? next : key),
          row, next, ItemChange.Origin.USER);
      if (change.newSize() > 400 * 1024) {
        throw ApiException.validation("Item size has exceeded the maximum allowed size");
      }
      items.commit(List.of(change));
      return new Result(change);
    }, rowKey);
  }
}
