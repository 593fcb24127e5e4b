package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.ItemChange;
import dev.eddy.storage.Items;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 PutRequests and DeleteRequests over several tables. Everything is
 * validated before anything is written; the writes then commit together through the one write
 * path (so each reaches indexes and the stream exactly once). UnprocessedItems is always empty.
 */
public final class BatchWriteItemOperation implements Operation {
  static final int MAX_REQUESTS = 25;
  static final String MAP_VALUE_CONSTRAINT = "Map value must satisfy constraint: [Member must have length less than"
      + " or equal to 25, Member must have length greater than or equal to 1]";
  private final StorageEngine engine;

  public BatchWriteItemOperation(StorageEngine engine) {
    this.engine = engine;
  }

  /** One PutRequest (item != null) or DeleteRequest. */
  private record Write(String tableName, Map<String, AttributeValue> item, Map<String, AttributeValue> key) {}

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String capacity = req.str("ReturnConsumedCapacity");
    String metrics = req.str("ReturnItemCollectionMetrics");
    ObjectNode requestItems = req.map("RequestItems");
    Validation v = new Validation();
    Capacity.validate(capacity, v);
    v.oneOf(metrics, "returnItemCollectionMetrics", WriteParams.ITEM_COLLECTION_METRICS);
    v.notNull(requestItems, "requestItems");
    v.throwIfAny();
    if (requestItems.isEmpty()) {
      throw ApiException.validation("The requestItems parameter is required for BatchWriteItem");
    }
    validateMembers(requestItems);

    List<Write> writes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (JsonNode el : e.getValue()) {
        Req wr = Req.element(el);
        Req put = wr.obj("PutRequest");
        Req delete = wr.obj("DeleteRequest");
        if ((put == null) == (delete == null)) {
          throw ApiException.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly"
              + " one of the supported datatypes");
        }
        if (put != null) {
          Map<String, AttributeValue> item = AttributeValues.checkAttributeNames(put.item("Item", ValueLayer.OLDER));
          if (AttributeValues.itemSize(item) > MultiItem.MAX_ITEM_BYTES) {
            throw ApiException.validation("Item size has exceeded the maximum allowed size");
          }
          writes.add(new Write(e.getKey(), item, null));
        } else {
          writes.add(new Write(e.getKey(), null, delete.item("Key", ValueLayer.OLDER)));
        }
        if (writes.size() > MAX_REQUESTS) {
          throw ApiException.validation("Too many items requested for the BatchWriteItem call");
        }
      }
    }

    Map<String, Table> tables = new LinkedHashMap<>();
    for (Write w : writes) {
      if (!tables.containsKey(w.tableName())) {
        tables.put(w.tableName(), engine.catalog().require(w.tableName()));
      }
    }
    List<byte[]> rows = new ArrayList<>(writes.size());
    Set<ByteBuffer> seen = new HashSet<>(); // row keys start with the table's id: one set for all tables
    for (Write w : writes) {
      Table table = tables.get(w.tableName());
      Map<String, AttributeValue> key = w.item() != null ? MultiItem.presentKey(table.keySchema(), w.item()) : w.key();
      table.keySchema().validateKey(key);
      byte[] row = table.rowKey(key);
      if (!seen.add(ByteBuffer.wrap(row))) {
        throw ApiException.validation("Provided list of item keys contains duplicates");
      }
      rows.add(row);
    }

    Items items = engine.items();
    List<ItemChange> changes = items.locked(() -> {
      List<ItemChange> made = new ArrayList<>(writes.size());
      for (int i = 0; i < writes.size(); i++) {
        Write w = writes.get(i);
        Table table = tables.get(w.tableName());
        Map<String, AttributeValue> keys = table.keySchema().keyOf(w.item() != null ? w.item() : w.key());
        made.add(ItemChange.fromRow(table, rows.get(i), keys, items.read(rows.get(i)), w.item(), ItemChange.Origin.USER));
      }
      items.commit(made);
      return made;
    }, rows.toArray(new byte[0][]));

    ObjectNode response = Json.object();
    response.putObject("UnprocessedItems");
    Map<String, Capacity.Units> units = new LinkedHashMap<>();
    ObjectNode collections = Json.object();
    for (int i = 0; i < writes.size(); i++) {
      Write w = writes.get(i);
      Table table = tables.get(w.tableName());
      units.computeIfAbsent(w.tableName(), Capacity.Units::new).add(Capacity.writes(table, changes.get(i)));
      if ("SIZE".equals(metrics) && MultiItem.hasLocalIndexes(table)) {
        ArrayNode list = collections.has(w.tableName()) ? (ArrayNode) collections.get(w.tableName())
            : collections.putArray(w.tableName());
        list.add(MultiItem.collectionMetrics(table, w.item() != null ? w.item() : w.key()));
      }
    }
    MultiItem.addUnits(response, capacity, units, false, false);
    if ("SIZE".equals(metrics)) {
      response.set("ItemCollectionMetrics", collections);
    }
    return response;
  }

  /** Table names, list lengths and missing Item/Key, reported together as the service does. */
  private static void validateMembers(ObjectNode requestItems) {
    Validation v = new Validation();
    boolean badName = false;
    boolean badLength = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      badName |= !BatchGetItemOperation.validTableName(e.getKey());
      JsonNode list = e.getValue();
      if (list == null || list.isNull()) {
        continue;
      }
      if (!list.isArray()) {
        throw ApiException.serialization("Unexpected value type in payload");
      }
      badLength |= list.isEmpty() || list.size() > MAX_REQUESTS;
    }
    if (badName || badLength) {
      String echo = echo(requestItems);
      if (badName) {
        v.add(echo, "requestItems", BatchGetItemOperation.MAP_KEYS_CONSTRAINT);
      }
      if (badLength) {
        v.add(echo, "requestItems", MAP_VALUE_CONSTRAINT);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue() == null || !e.getValue().isArray()) {
        continue;
      }
      int i = 0;
      for (JsonNode el : e.getValue()) {
        i++;
        Req wr = Req.element(el);
        String path = "requestItems." + e.getKey() + ".member." + i + ".member.";
        Req delete = wr.obj("DeleteRequest");
        if (delete != null && delete.raw("Key") == null) {
          v.notNull(null, path + "deleteRequest.key");
        }
        Req put = wr.obj("PutRequest");
        if (put != null && put.raw("Item") == null) {
          v.notNull(null, path + "putRequest.item");
        }
      }
    }
    v.throwIfAny();
  }

  /** RequestItems as the service echoes it: {T=[WriteRequest(putRequest=PutRequest(item={...}))]}. */
  static String echo(ObjectNode requestItems) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(e.getKey()).append("=[");
      int n = 0;
      if (e.getValue() != null && e.getValue().isArray()) {
        for (JsonNode el : e.getValue()) {
          if (n++ > 0) {
            sb.append(", ");
          }
          sb.append(el.isObject() ? MultiItem.echo("WriteRequest", el) : el.toString());
        }
      }
      sb.append(']');
    }
    return sb.append('}').toString();
  }
}
