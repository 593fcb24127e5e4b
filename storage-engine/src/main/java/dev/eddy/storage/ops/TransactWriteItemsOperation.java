package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.DeepRequests;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.ItemChange;
import dev.eddy.storage.Items;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.expr.ExpressionParameters;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems: up to 100 ConditionCheck, Put, Update and Delete actions over several
 * tables, all or nothing. The rows of all actions are locked together (in stripe order), every
 * condition is evaluated against the locked images, and the changes commit in ONE
 * {@link Items#commit}. Problems known from the request alone are plain ValidationExceptions;
 * problems found while running an action cancel the transaction with one reason per action.
 */
public final class TransactWriteItemsOperation implements Operation {
  static final int MAX_ACTIONS = 100;
  static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;
  static final String EMPTY_KEY_VALUE = "One or more parameter values are not valid. The AttributeValue for a key"
      + " attribute cannot contain an empty";
  private final StorageEngine engine;
  private final ClientTokens tokens;

  public TransactWriteItemsOperation(StorageEngine engine) {
    this.engine = engine;
    this.tokens = new ClientTokens(engine.config().clock());
  }

  /** The four action types, with their request field and validation path names. */
  enum Kind {
    CONDITION_CHECK("ConditionCheck", "conditionCheck"),
    PUT("Put", "put"),
    DELETE("Delete", "delete"),
    UPDATE("Update", "update");

    final String field;
    final String path;

    Kind(String field, String path) {
      this.field = field;
      this.path = path;
    }
  }

  /** One action and what running it found. */
  private static final class Action {
    Kind kind;
    String tableName;
    Map<String, AttributeValue> item; // Put
    Map<String, AttributeValue> key; // the key (for Put: the key attributes present in the item)
    ActionExpressions expressions;
    boolean returnOldOnFailure;
    Table table;
    byte[] row; // null when the key is not valid for the table
    String invalid; // a ValidationError known before running
    Map<String, AttributeValue> oldItem;
    Map<String, AttributeValue> newItem;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String token = req.str("ClientRequestToken");
    String capacity = req.str("ReturnConsumedCapacity");
    String metrics = req.str("ReturnItemCollectionMetrics");
    ArrayNode transactItems = req.list("TransactItems");
    Validation v = new Validation();
    v.length(token, "clientRequestToken", 1, 36);
    Capacity.validate(capacity, v);
    v.oneOf(metrics, "returnItemCollectionMetrics", WriteParams.ITEM_COLLECTION_METRICS);
    validateItems(transactItems, v);
    v.throwIfAny();

    // Actions are checked one at a time in request order; in a request deep enough for DynamoDB
    // to read it the older way, a value nested too deep is reported after every other problem.
    List<Action> actions = DeepRequests.nestingLast(request, () -> parseAll(transactItems));
    if (token == null) {
      return execute(actions, capacity, metrics);
    }
    ObjectNode parameters = request.deepCopy();
    parameters.remove("ReturnConsumedCapacity");
    ObjectNode[] response = new ObjectNode[1];
    if (tokens.runOnce(token, parameters, () -> response[0] = execute(actions, capacity, metrics))) {
      return response[0];
    }
    return replay(actions, capacity);
  }

  /** Member constraints of TransactItems, reported with the request's other constraint violations. */
  private static void validateItems(ArrayNode items, Validation v) {
    if (items == null) {
      v.notNull(null, "transactItems");
      return;
    }
    if (items.isEmpty()) {
      v.add("[]", "transactItems", "Member must have length greater than or equal to 1");
      return;
    }
    if (items.size() > MAX_ACTIONS) {
      List<String> echo = new ArrayList<>();
      for (JsonNode el : items) {
        echo.add(el.isObject() ? MultiItem.echo("TransactWriteItem", el) : el.toString());
      }
      v.add("[" + String.join(", ", echo) + "]", "transactItems",
          "Member must have length less than or equal to " + MAX_ACTIONS);
      return;
    }
    int i = 0;
    for (JsonNode el : items) {
      i++;
      Req item = Req.element(el);
      for (Kind k : Kind.values()) {
        Req sub = item.obj(k.field);
        if (sub == null) {
          continue;
        }
        String path = "transactItems." + i + ".member." + k.path + ".";
        if (k == Kind.PUT) {
          v.notNull(sub.raw("Item"), path + "item");
        } else {
          v.notNull(sub.raw("Key"), path + "key");
        }
        v.tableName(sub.str("TableName"), path + "tableName");
        if (k == Kind.CONDITION_CHECK) {
          v.notNull(sub.raw("ConditionExpression"), path + "conditionExpression");
        }
        if (k == Kind.UPDATE) {
          v.notNull(sub.raw("UpdateExpression"), path + "updateExpression");
        }
        v.oneOf(sub.str("ReturnValuesOnConditionCheckFailure"), path + "returnValuesOnConditionCheckFailure",
            WriteParams.RETURN_ON_FAILURE);
      }
    }
  }

  /** Reads every TransactWriteItem and checks the transaction's size. */
  private static List<Action> parseAll(ArrayNode transactItems) {
    List<Action> actions = new ArrayList<>(transactItems.size());
    long totalBytes = 0;
    for (JsonNode el : transactItems) {
      Action a = parse(Req.element(el));
      totalBytes += AttributeValues.itemSize(a.kind == Kind.PUT ? a.item : a.key);
      actions.add(a);
    }
    if (totalBytes > MAX_TRANSACTION_BYTES) {
      throw ApiException.validation("Transaction size has exceeded the maximum allowed size of 4 MB");
    }
    return actions;
  }

  /** Reads one TransactWriteItem: its values and expressions (all checked before any table is read). */
  private static Action parse(Req item) {
    Action a = new Action();
    Req sub = null;
    int n = 0;
    for (Kind k : Kind.values()) {
      Req s = item.obj(k.field);
      if (s != null) {
        n++;
        a.kind = k;
        sub = s;
      }
    }
    if (n == 0) {
      throw ApiException.validation("Invalid Request: TransactWriteRequest should contain Delete or Put or Update request");
    }
    if (n > 1) {
      throw ApiException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
    }
    a.tableName = sub.str("TableName");
    a.returnOldOnFailure = "ALL_OLD".equals(sub.str("ReturnValuesOnConditionCheckFailure"));
    if (a.kind == Kind.PUT) {
      a.item = AttributeValues.checkAttributeNames(sub.item("Item", ValueLayer.OLDER));
      if (AttributeValues.itemSize(a.item) > MultiItem.MAX_ITEM_BYTES) {
        throw ApiException.validation("Item size has exceeded the maximum allowed size");
      }
    } else {
      a.key = sub.item("Key", ValueLayer.OLDER);
    }
    a.expressions = ActionExpressions.parse(sub, a.kind == Kind.UPDATE ? ExpressionParameters.Operation.UPDATE_ITEM
        : a.kind == Kind.DELETE ? ExpressionParameters.Operation.DELETE_ITEM : ExpressionParameters.Operation.PUT_ITEM, ValueLayer.OLDER);
    return a;
  }

  private ObjectNode execute(List<Action> actions, String capacity, String metrics) {
    for (Action a : actions) {
      a.table = engine.catalog().require(a.tableName);
    }
    Set<ByteBuffer> seen = new HashSet<>();
    List<byte[]> rows = new ArrayList<>();
    for (Action a : actions) {
      resolveKey(a);
      if (a.row != null) {
        if (!seen.add(ByteBuffer.wrap(a.row))) {
          throw ApiException.validation("Transaction request cannot include multiple operations on one item");
        }
        rows.add(a.row);
      }
    }
    Items items = engine.items();
    items.locked(() -> {
      run(actions, items);
      return null;
    }, rows.toArray(new byte[0][]));

    ObjectNode response = Json.object();
    Map<String, Capacity.Units> units = new LinkedHashMap<>();
    ObjectNode collections = Json.object();
    for (Action a : actions) {
      units.computeIfAbsent(a.tableName, Capacity.Units::new).add(Capacity.writes(a.table, a.oldItem, a.newItem).times(2));
      if ("SIZE".equals(metrics) && a.kind != Kind.CONDITION_CHECK && MultiItem.hasLocalIndexes(a.table)) {
        ArrayNode list = collections.has(a.tableName) ? (ArrayNode) collections.get(a.tableName)
            : collections.putArray(a.tableName);
        list.add(MultiItem.collectionMetrics(a.table, a.key));
      }
    }
    MultiItem.addUnits(response, capacity, units, false, true);
    if ("SIZE".equals(metrics) && !collections.isEmpty()) {
      response.set("ItemCollectionMetrics", collections);
    }
    return response;
  }

  /**
   * Checks the action's key against its table. An empty key value is a plain ValidationException;
   * a key of the wrong shape or type cancels the transaction with a ValidationError reason.
   */
  private static void resolveKey(Action a) {
    try {
      if (a.kind == Kind.PUT) {
        a.table.keySchema().validateItemKey(a.item);
        a.key = a.table.keySchema().keyOf(a.item);
      } else {
        a.table.keySchema().validateKey(a.key);
      }
    } catch (ApiException e) {
      if (e.getMessage().startsWith(EMPTY_KEY_VALUE)) {
        throw e;
      }
      a.invalid = e.getMessage();
      if (a.kind == Kind.PUT) {
        a.key = MultiItem.presentKey(a.table.keySchema(), a.item);
      }
      return;
    }
    a.row = a.table.rowKey(a.key);
    if (a.kind == Kind.PUT) {
      // a mistyped index key cancels with a ValidationError reason; an empty one is refused
      // outright (DynamoDB's answers, captured by a third-party suite)
      a.invalid = a.table.indexKeyTypeError(a.item);
      if (a.invalid == null) {
        a.table.validateIndexKeys(a.item, false);
      }
    }
    if (a.kind == Kind.UPDATE) {
      for (String attr : a.expressions.update().updatedAttributes()) {
        if (a.table.keySchema().isKeyAttribute(attr)) {
          a.invalid = "One or more parameter values were invalid: Cannot update attribute " + attr
              + ". This attribute is part of the key";
          return;
        }
      }
    }
  }

  /** Runs all actions against the locked rows; commits all changes or cancels with reasons. */
  private static void run(List<Action> actions, Items items) {
    List<ObjectNode> reasons = new ArrayList<>(actions.size());
    List<ItemChange> changes = new ArrayList<>(actions.size());
    boolean cancel = false;
    for (Action a : actions) {
      ObjectNode reason = Json.object();
      reasons.add(reason);
      if (a.invalid != null) {
        validationError(reason, a.invalid);
        cancel = true;
        continue;
      }
      Items.Row row = items.read(a.row);
      Map<String, AttributeValue> old = row == null ? null : row.item();
      a.oldItem = old;
      if (a.expressions.condition() != null && !a.expressions.condition().test(old)) {
        reason.put("Code", "ConditionalCheckFailed");
        reason.put("Message", "The conditional request failed");
        if (a.returnOldOnFailure && old != null) {
          reason.set("Item", AttributeValues.itemToJson(old));
        }
        cancel = true;
        continue;
      }
      Map<String, AttributeValue> next = old;
      if (a.kind == Kind.PUT) {
        next = a.item;
      } else if (a.kind == Kind.DELETE) {
        next = null;
      } else if (a.kind == Kind.UPDATE) {
        try {
          next = a.expressions.update().apply(old != null ? old : a.key);
        } catch (ApiException e) {
          validationError(reason, e.getMessage());
          cancel = true;
          continue;
        }
        if (AttributeValues.itemSize(next) > MultiItem.MAX_ITEM_BYTES) {
          validationError(reason, "Item size to update has exceeded the maximum allowed size");
          cancel = true;
          continue;
        }
        String typeError = a.table.indexKeyTypeError(next);
        if (typeError != null) {
          validationError(reason, typeError);
          cancel = true;
          continue;
        }
        a.table.validateIndexKeys(next, true); // an empty index key is the request's error, not a reason
      }
      reason.put("Code", "None");
      if (a.kind != Kind.CONDITION_CHECK) {
        a.newItem = next;
        changes.add(ItemChange.fromRow(a.table, a.row, a.key, row, next, ItemChange.Origin.USER));
      } else {
        a.newItem = old;
      }
    }
    if (cancel) {
      throw canceled(reasons);
    }
    items.commit(changes);
  }

  private static void validationError(ObjectNode reason, String message) {
    reason.put("Code", "ValidationError");
    reason.put("Message", message);
  }

  /** TransactionCanceledException with one reason per action, in request order. */
  static ApiException canceled(List<ObjectNode> reasons) {
    List<String> codes = new ArrayList<>(reasons.size());
    ObjectNode extra = Json.object();
    ArrayNode arr = extra.putArray("CancellationReasons");
    for (ObjectNode r : reasons) {
      codes.add(r.path("Code").asText());
      arr.add(r);
    }
    return new ApiException(ErrorCode.TRANSACTION_CANCELED,
        "Transaction cancelled, please refer cancellation reasons for specific reasons [" + String.join(", ", codes)
            + "]", extra);
  }

  /**
   * The answer to a repeat of a completed request with the same token: nothing is written; the
   * capacity reported is that of reading the items.
   */
  private ObjectNode replay(List<Action> actions, String capacity) {
    ObjectNode response = Json.object();
    if (!MultiItem.wantsCapacity(capacity)) {
      return response;
    }
    Map<String, Double> units = new LinkedHashMap<>();
    for (Action a : actions) {
      Table table = engine.catalog().require(a.tableName);
      Map<String, AttributeValue> key = a.kind == Kind.PUT ? table.keySchema().keyOf(a.item) : a.key;
      Map<String, AttributeValue> item = engine.items().get(table.rowKey(key));
      // a transactional read of each item: twice a consistent read (DynamoDB's answer to a replay)
      units.merge(a.tableName, 2 * Capacity.readUnits(item == null ? 0 : AttributeValues.itemSize(item), true),
          Double::sum);
    }
    MultiItem.addCapacities(response, capacity, units, true, true);
    return response;
  }
}
