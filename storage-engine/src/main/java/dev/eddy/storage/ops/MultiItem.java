package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.storage.KeySchema;
import dev.eddy.storage.Table;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers shared by the batch and transaction operations. */
final class MultiItem {
  static final long MAX_ITEM_BYTES = 400 * 1024;

  private MultiItem() {}

  /**
   * The key attributes present in an item (missing ones left out), so that {@link
   * KeySchema#validateKey} answers "The provided key element does not match the schema" for an
   * item without its key, as BatchWriteItem does.
   */
  static Map<String, AttributeValue> presentKey(KeySchema schema, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>(4);
    AttributeValue h = item.get(schema.hash().name());
    if (h != null) {
      key.put(schema.hash().name(), h);
    }
    if (schema.range() != null) {
      AttributeValue r = item.get(schema.range().name());
      if (r != null) {
        key.put(schema.range().name(), r);
      }
    }
    return key;
  }

  /** Whether ReturnConsumedCapacity asks for capacity. */
  static boolean wantsCapacity(String mode) {
    return mode != null && !mode.equals("NONE");
  }

  /** Appends per-table ConsumedCapacity elements (table units only), in the order tables were first used. */
  static void addCapacities(ObjectNode response, String mode, Map<String, Double> unitsByTable, boolean read,
      boolean perKind) {
    Map<String, Capacity.Units> units = new LinkedHashMap<>();
    unitsByTable.forEach((t, u) -> units.put(t, new Capacity.Units(t, u)));
    addUnits(response, mode, units, read, perKind);
  }

  /**
   * Appends per-table ConsumedCapacity elements, in the order tables were first used.
   *
   * @param perKind also report ReadCapacityUnits/WriteCapacityUnits, as DynamoDB does for transactions
   */
  static void addUnits(ObjectNode response, String mode, Map<String, Capacity.Units> unitsByTable, boolean read,
      boolean perKind) {
    if (!wantsCapacity(mode)) {
      return;
    }
    ArrayNode arr = response.putArray("ConsumedCapacity");
    for (Capacity.Units u : unitsByTable.values()) {
      arr.add(Capacity.entry(mode, u, read, perKind));
    }
  }

  /** True when the table has local secondary indexes (the only ones with item collection metrics). */
  static boolean hasLocalIndexes(Table table) {
    JsonNode lsis = table.description().path("LocalSecondaryIndexes");
    return lsis.isArray() && !lsis.isEmpty();
  }

  /** An ItemCollectionMetrics element for the item collection of {@code key}'s partition. */
  static ObjectNode collectionMetrics(Table table, Map<String, AttributeValue> key) {
    ObjectNode m = Json.object();
    ObjectNode k = m.putObject("ItemCollectionKey");
    String hash = table.keySchema().hash().name();
    k.set(hash, AttributeValues.toJson(key.get(hash)));
    ArrayNode range = m.putArray("SizeEstimateRangeGB");
    range.add(0.0);
    range.add(1.0);
    return m;
  }

  /**
   * A request structure echoed the way the service's validation messages print it (Java's
   * toString of the request model): {@code WriteRequest(putRequest=PutRequest(item={pk=AttributeValue(S=x)}))}.
   */
  static String echo(String type, JsonNode node) {
    StringBuilder sb = new StringBuilder();
    echoStruct(type, node, sb);
    return sb.toString();
  }

  private static void echoStruct(String type, JsonNode node, StringBuilder sb) {
    sb.append(type).append('(');
    boolean first = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!first) {
        sb.append(", ");
      }
      first = false;
      String field = Character.toLowerCase(e.getKey().charAt(0)) + e.getKey().substring(1);
      sb.append(field).append('=');
      JsonNode v = e.getValue();
      if (e.getKey().equals("Item") || e.getKey().equals("Key")) {
        echoItem(v, sb);
      } else if (v.isObject()) {
        echoStruct(e.getKey(), v, sb);
      } else {
        sb.append(v.isTextual() ? v.textValue() : v.toString());
      }
    }
    sb.append(')');
  }

  private static void echoItem(JsonNode item, StringBuilder sb) {
    if (!item.isObject()) {
      sb.append(item);
      return;
    }
    sb.append('{');
    boolean first = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(e.getKey()).append('=');
      echoValue(e.getValue(), sb);
    }
    sb.append('}');
  }

  private static void echoValue(JsonNode av, StringBuilder sb) {
    sb.append("AttributeValue(");
    boolean first = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = av.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(e.getKey()).append('=');
      JsonNode v = e.getValue();
      if (e.getKey().equals("M")) {
        echoItem(v, sb);
      } else if (e.getKey().equals("L") && v.isArray()) {
        sb.append('[');
        for (int i = 0; i < v.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          echoValue(v.get(i), sb);
        }
        sb.append(']');
      } else if (v.isArray()) {
        sb.append('[');
        for (int i = 0; i < v.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          sb.append(v.get(i).asText());
        }
        sb.append(']');
      } else {
        sb.append(v.asText());
      }
    }
    sb.append(')');
  }
}
