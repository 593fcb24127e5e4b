package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.api.Validation;
import dev.eddy.storage.ItemChange;
import dev.eddy.storage.SecondaryIndex;
import dev.eddy.storage.Table;
import dev.eddy.storage.VectorIndex;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * ReturnConsumedCapacity: units computed as DynamoDB does (1 WCU per 1 KB, 0.5/1 RCU per 4 KB),
 * reported in DynamoDB's shape: {@code CapacityUnits} (table and indexes together) and, for
 * INDEXES, {@code Table}, {@code GlobalSecondaryIndexes} and {@code LocalSecondaryIndexes}.
 * The split into {@code ReadCapacityUnits}/{@code WriteCapacityUnits} is only reported by
 * DynamoDB for transactions.
 */
final class Capacity {
  static final List<String> MODES = List.of("INDEXES", "TOTAL", "NONE");

  private Capacity() {}

  /** Units one operation consumed on one table and its secondary indexes. */
  static final class Units {
    final String tableName;
    double table;
    final Map<String, Double> global = new TreeMap<>();
    final Map<String, Double> local = new TreeMap<>();
    /** VectorWriteRequestBytes per vector index whose stored view a write changed. */
    final Map<String, Double> vector = new TreeMap<>();

    Units(String tableName) {
      this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    Units(String tableName, double table) {
      this(tableName);
      this.table = table;
    }

    void addIndex(SecondaryIndex index, double units) {
      if (units > 0) {
        (index.isGlobal() ? global : local).merge(index.name(), units, Double::sum);
      }
    }

    void add(Units other) {
      table += other.table;
      other.global.forEach((k, v) -> global.merge(k, v, Double::sum));
      other.local.forEach((k, v) -> local.merge(k, v, Double::sum));
      other.vector.forEach((k, v) -> vector.merge(k, v, Double::sum));
    }

    /** Adds the units a read reported in its ConsumedCapacity (INDEXES: per table and index). */
    void addReported(JsonNode cc) {
      table += cc.has("Table") ? cc.path("Table").path("CapacityUnits").asDouble() : cc.path("CapacityUnits").asDouble();
      cc.path("GlobalSecondaryIndexes").fields()
          .forEachRemaining(e -> global.merge(e.getKey(), e.getValue().path("CapacityUnits").asDouble(), Double::sum));
      cc.path("LocalSecondaryIndexes").fields()
          .forEachRemaining(e -> local.merge(e.getKey(), e.getValue().path("CapacityUnits").asDouble(), Double::sum));
    }

    Units times(double factor) {
      Units u = new Units(tableName, table * factor);
      global.forEach((k, v) -> u.global.put(k, v * factor));
      local.forEach((k, v) -> u.local.put(k, v * factor));
      u.vector.putAll(vector);
      return u;
    }

    double total() {
      double t = table;
      for (double v : global.values()) {
        t += v;
      }
      for (double v : local.values()) {
        t += v;
      }
      return t;
    }
  }

  static void validate(String mode, Validation v) {
    v.oneOf(mode, "returnConsumedCapacity", MODES);
  }

  static double writeUnits(long bytes) {
    return Math.max(1, (bytes + 1023) / 1024);
  }

  static double readUnits(long bytes, boolean consistent) {
    double units = Math.max(1, (bytes + 4095) / 4096);
    return consistent ? units : units / 2;
  }

  /**
   * The write units of replacing {@code old} by {@code next} (either may be null) on the table
   * and on each secondary index, by DynamoDB's rules: an index is written when the item enters
   * it, leaves it, or changes its projected view there; a change of the index key costs a delete
   * and a put.
   */
  static Units writes(Table table, Map<String, AttributeValue> old, Map<String, AttributeValue> next) {
    return writes(table, old, next, old == null ? 0 : AttributeValues.itemSize(old),
        next == null ? 0 : AttributeValues.itemSize(next));
  }

  /** As {@link #writes(Table, Map, Map)} for a committed change, whose sizes it already knows. */
  static Units writes(Table table, ItemChange change) {
    return writes(table, change.oldItem(), change.newItem(), change.oldSize(), change.newSize());
  }

  private static Units writes(Table table, Map<String, AttributeValue> old, Map<String, AttributeValue> next,
      long oldSize, long newSize) {
    List<VectorIndex> vectors = table.vectorIndexes();
    // an indexed vector is billed at 4 bytes a dimension, whatever its numbers
    long size = Math.max(VectorIndex.billedSize(old, oldSize, vectors), VectorIndex.billedSize(next, newSize, vectors));
    Units u = new Units(table.name(), writeUnits(size));
    for (VectorIndex index : vectors) {
      Map<String, AttributeValue> was = index.view(old, table.keySchema());
      Map<String, AttributeValue> now = index.view(next, table.keySchema());
      if (!Objects.equals(was, now)) {
        long bytes = Math.max(was == null ? 0 : index.writeBytes(was), now == null ? 0 : index.writeBytes(now));
        u.vector.merge(index.name(), (double) bytes, Double::sum);
      }
    }
    for (SecondaryIndex index : table.indexes()) {
      boolean before = old != null && index.contains(old);
      boolean after = next != null && index.contains(next);
      Map<String, AttributeValue> was = before ? index.project(old) : null;
      Map<String, AttributeValue> now = after ? index.project(next) : null;
      double units = 0;
      if (before && after) {
        boolean keyChanged = !index.keySchema().keyOf(old).equals(index.keySchema().keyOf(next));
        if (keyChanged) {
          units = writeUnits(AttributeValues.itemSize(was)) + writeUnits(AttributeValues.itemSize(now));
        } else if (!was.equals(now)) {
          units = writeUnits(Math.max(AttributeValues.itemSize(was), AttributeValues.itemSize(now)));
        }
      } else if (before) {
        units = writeUnits(AttributeValues.itemSize(was));
      } else if (after) {
        units = writeUnits(AttributeValues.itemSize(now));
      }
      u.addIndex(index, units);
    }
    return u;
  }

  /** Adds ConsumedCapacity (table only) to the response when asked for. */
  static void add(ObjectNode response, String mode, String tableName, double units, boolean read) {
    add(response, mode, new Units(tableName, units), read);
  }

  /** Adds ConsumedCapacity to the response when asked for. */
  static void add(ObjectNode response, String mode, Units units, boolean read) {
    if (mode == null || mode.equals("NONE")) {
      return;
    }
    response.set("ConsumedCapacity", entry(mode, units, read, false));
  }

  /**
   * One ConsumedCapacity object.
   *
   * @param perKind also report ReadCapacityUnits/WriteCapacityUnits (transactions)
   */
  static ObjectNode entry(String mode, Units units, boolean read, boolean perKind) {
    ObjectNode cc = Json.object();
    cc.put("TableName", units.tableName);
    put(cc, units.total(), read, perKind);
    if (mode.equals("INDEXES")) {
      put(cc.putObject("Table"), units.table, read, perKind);
      indexes(cc, "GlobalSecondaryIndexes", units.global, read, perKind);
      indexes(cc, "LocalSecondaryIndexes", units.local, read, perKind);
      if (!units.vector.isEmpty()) {
        ObjectNode m = cc.putObject("VectorIndexes");
        units.vector.forEach((name, bytes) -> m.putObject(name).put("VectorWriteRequestBytes", bytes));
      }
    }
    return cc;
  }

  private static void indexes(ObjectNode cc, String field, Map<String, Double> units, boolean read, boolean perKind) {
    if (units.isEmpty()) {
      return;
    }
    ObjectNode m = cc.putObject(field);
    units.forEach((name, u) -> put(m.putObject(name), u, read, perKind));
  }

  private static void put(ObjectNode o, double units, boolean read, boolean perKind) {
    o.put("CapacityUnits", units);
    if (perKind) {
      o.put(read ? "ReadCapacityUnits" : "WriteCapacityUnits", units);
    }
  }
}
