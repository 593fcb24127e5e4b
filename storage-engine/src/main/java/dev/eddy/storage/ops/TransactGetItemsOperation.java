package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.ItemCodec;
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
 * TransactGetItems: up to 100 Gets over several tables, read as one consistent snapshot. The rows
 * of all Gets are locked together while they are read, and every write holds its rows' locks
 * from reading the old image to committing, so no write can land between two of the reads.
 */
public final class TransactGetItemsOperation implements Operation {
  private final StorageEngine engine;

  public TransactGetItemsOperation(StorageEngine engine) {
    this.engine = engine;
  }

  private static final class Get {
    String tableName;
    Map<String, AttributeValue> key;
    ActionExpressions expressions;
    Table table;
    byte[] row;
    String invalid;
    /** The item as stored (null: none). */
    byte[] stored;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String capacity = req.str("ReturnConsumedCapacity");
    ArrayNode transactItems = req.list("TransactItems");
    Validation v = new Validation();
    validateItems(transactItems, v);
    Capacity.validate(capacity, v);
    v.throwIfAny();

    List<Get> gets = new ArrayList<>(transactItems.size());
    for (JsonNode el : transactItems) {
      Req get = Req.element(el).obj("Get");
      Get g = new Get();
      g.tableName = get.str("TableName");
      g.key = get.item("Key", ValueLayer.OLDER);
      g.expressions = ActionExpressions.parse(get, ExpressionParameters.Operation.GET_ITEM, ValueLayer.OLDER);
      gets.add(g);
    }
    for (Get g : gets) {
      g.table = engine.catalog().require(g.tableName);
    }
    Set<ByteBuffer> seen = new HashSet<>();
    List<byte[]> rows = new ArrayList<>();
    for (Get g : gets) {
      try {
        g.table.keySchema().validateKey(g.key);
      } catch (ApiException e) {
        if (e.getMessage().startsWith(TransactWriteItemsOperation.EMPTY_KEY_VALUE)) {
          throw e;
        }
        g.invalid = e.getMessage();
        continue;
      }
      g.row = g.table.rowKey(g.key);
      if (!seen.add(ByteBuffer.wrap(g.row))) {
        throw ApiException.validation("Transaction request cannot include multiple operations on one item");
      }
      rows.add(g.row);
    }
    boolean invalid = false;
    for (Get g : gets) {
      invalid |= g.invalid != null;
    }
    if (invalid) {
      List<ObjectNode> reasons = new ArrayList<>();
      for (Get g : gets) {
        ObjectNode r = Json.object();
        if (g.invalid == null) {
          r.put("Code", "None");
        } else {
          r.put("Code", "ValidationError");
          r.put("Message", g.invalid);
        }
        reasons.add(r);
      }
      throw TransactWriteItemsOperation.canceled(reasons);
    }

    Items items = engine.items();
    items.locked(() -> {
      for (Get g : gets) {
        g.stored = items.getRaw(g.row);
      }
      return null;
    }, rows.toArray(new byte[0][]));

    ObjectNode response = Json.object();
    ArrayNode responses = response.putArray("Responses");
    Map<String, Double> units = new LinkedHashMap<>();
    for (Get g : gets) {
      ObjectNode r = responses.addObject();
      long size = 0;
      if (g.stored != null) {
        size = ItemCodec.size(g.stored);
        JsonNode item = Projections.storedItem(g.stored, g.expressions.projection());
        if (!(item.isObject() && item.isEmpty())) { // DynamoDB leaves Item out when the projection matches nothing
          r.set("Item", item);
        }
      }
      units.merge(g.tableName, 2 * Capacity.readUnits(size, true), Double::sum);
    }
    MultiItem.addCapacities(response, capacity, units, true, true);
    return response;
  }

  private static void validateItems(ArrayNode items, Validation v) {
    if (items == null) {
      v.notNull(null, "transactItems");
      return;
    }
    if (items.isEmpty()) {
      v.add("[]", "transactItems", "Member must have length greater than or equal to 1");
      return;
    }
    if (items.size() > TransactWriteItemsOperation.MAX_ACTIONS) {
      List<String> echo = new ArrayList<>();
      for (JsonNode el : items) {
        echo.add(el.isObject() ? MultiItem.echo("TransactGetItem", el) : el.toString());
      }
      v.add("[" + String.join(", ", echo) + "]", "transactItems",
          "Member must have length less than or equal to " + TransactWriteItemsOperation.MAX_ACTIONS);
      return;
    }
    int i = 0;
    for (JsonNode el : items) {
      i++;
      String path = "transactItems." + i + ".member.get";
      Req get = Req.element(el).obj("Get");
      if (get == null) {
        v.notNull(null, path);
        continue;
      }
      v.notNull(get.raw("Key"), path + ".key");
      v.tableName(get.str("TableName"), path + ".tableName");
    }
  }
}
