package dev.eddy.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One secondary index (LSI or GSI) of a table, read from the table description. An index entry
 * lives in {@link KvStore.Space#INDEXES} under the key
 * {@code tablePrefix(8) + indexId(4) + enc(index hash keys) [+ enc(index range keys)] + enc(table key
 * attributes that are not index keys)}; its value is the projected item (DynamoDB JSON). A GSI may
 * have up to four partition key and four sort key attributes, each encoded in key schema order.
 * Items lacking an index key attribute are not in the index (sparse indexes).
 */
public final class SecondaryIndex {
  /** The description field holding an index's internal id (never reused within a table). */
  public static final String ID_FIELD = "_IndexId";
  /** Index ids are 1..0xFFFFFFFE; this id prefixes per-index counters. */
  static final byte[] COUNTER_ID = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

  private final String name;
  private final int id;
  private final boolean global;
  private final KeySchema keySchema;
  private final KeySchema tableKey;
  private final String projectionType;
  private final Set<String> nonKeyAttributes;
  private final List<KeyDef> extraTableKeys;
  private final String status;
  private final boolean backfilling;

  private SecondaryIndex(String name, int id, boolean global, KeySchema keySchema, KeySchema tableKey,
      String projectionType, Set<String> nonKeyAttributes, String status, boolean backfilling) {
    this.name = name;
    this.id = id;
    this.global = global;
    this.keySchema = keySchema;
    this.tableKey = tableKey;
    this.projectionType = projectionType;
    this.nonKeyAttributes = nonKeyAttributes;
    this.status = status;
    this.backfilling = backfilling;
    List<KeyDef> extra = new ArrayList<>(2);
    extra.add(tableKey.hash());
    if (tableKey.range() != null) {
      extra.add(tableKey.range());
    }
    extra.removeIf(d -> keySchema.isKeyAttribute(d.name()));
    this.extraTableKeys = List.copyOf(extra);
  }

  /** All indexes of a table description (LSIs first, then GSIs, each in description order). */
  static List<SecondaryIndex> allOf(ObjectNode description, KeySchema tableKey) {
    List<SecondaryIndex> out = new ArrayList<>();
    JsonNode defs = description.path("AttributeDefinitions");
    for (JsonNode i : description.path("LocalSecondaryIndexes")) {
      out.add(of(i, defs, tableKey, false));
    }
    for (JsonNode i : description.path("GlobalSecondaryIndexes")) {
      out.add(of(i, defs, tableKey, true));
    }
    return Collections.unmodifiableList(out);
  }

  private static SecondaryIndex of(JsonNode i, JsonNode defs, KeySchema tableKey, boolean global) {
    Set<String> nonKey = new LinkedHashSet<>();
    for (JsonNode n : i.path("Projection").path("NonKeyAttributes")) {
      nonKey.add(n.asText());
    }
    return new SecondaryIndex(i.path("IndexName").asText(), i.path(ID_FIELD).asInt(), global,
        Table.keySchemaOf(i.path("KeySchema"), defs), tableKey,
        i.path("Projection").path("ProjectionType").asText("ALL"), Collections.unmodifiableSet(nonKey),
        i.path("IndexStatus").asText("ACTIVE"), i.path("Backfilling").asBoolean(false));
  }

  public String name() {
    return name;
  }

  public int id() {
    return id;
  }

  public boolean isGlobal() {
    return global;
  }

  public KeySchema keySchema() {
    return keySchema;
  }

  /** ALL, KEYS_ONLY or INCLUDE. */
  public String projectionType() {
    return projectionType;
  }

  public Set<String> nonKeyAttributes() {
    return nonKeyAttributes;
  }

  /** CREATING, ACTIVE, UPDATING or DELETING (GSIs); LSIs are always ACTIVE. */
  public String status() {
    return status;
  }

  /** True while existing items are being added to a new GSI. */
  public boolean isBackfilling() {
    return backfilling;
  }

  /**
   * The attributes of an ExclusiveStartKey / LastEvaluatedKey of this index, in the order of its
   * entry keys: every index key attribute, then the table keys that are not index keys.
   */
  public List<KeyDef> startKeyAttributes() {
    List<KeyDef> out = new ArrayList<>(keySchema.attributes());
    out.addAll(extraTableKeys);
    return out;
  }

  /** True when an attribute is kept in the index's entries. */
  public boolean projects(String attribute) {
    return projectionType.equals("ALL") || keySchema.isKeyAttribute(attribute) || tableKey.isKeyAttribute(attribute)
        || nonKeyAttributes.contains(attribute);
  }

  /** The 12-byte prefix of this index's entries. */
  public byte[] prefix(Table table) {
    byte[] p = new byte[12];
    System.arraycopy(table.rowPrefix(), 0, p, 0, 8);
    p[8] = (byte) (id >>> 24);
    p[9] = (byte) (id >>> 16);
    p[10] = (byte) (id >>> 8);
    p[11] = (byte) id;
    return p;
  }

  /** True when the item has every index key attribute, each with its type (sparse indexes). */
  public boolean contains(Map<String, AttributeValue> item) {
    for (KeyDef d : keySchema.hashKeys()) {
      if (!has(item, d)) {
        return false;
      }
    }
    for (KeyDef d : keySchema.rangeKeys()) {
      if (!has(item, d)) {
        return false;
      }
    }
    return true;
  }

  private static boolean has(Map<String, AttributeValue> item, KeyDef def) {
    AttributeValue v = item.get(def.name());
    return v != null && v.type().equals(def.type());
  }

  /**
   * Rejects an item to be written whose index key attributes have the wrong type or are empty,
   * with DynamoDB's messages.
   */
  public void validateItem(Map<String, AttributeValue> item) {
    validate(item, false);
  }

  /**
   * {@link #validateItem} for the item an update produced: an empty key value gets DynamoDB's
   * update-expression message, which names neither the index nor the attribute.
   */
  public void validateUpdatedItem(Map<String, AttributeValue> item) {
    validate(item, true);
  }

  private void validate(Map<String, AttributeValue> item, boolean update) {
    for (KeyDef d : keySchema.attributes()) {
      check(item, d, update);
    }
  }

  /**
   * DynamoDB's message for an index key attribute of the wrong type in {@code item} (the first in
   * key schema order), or null.
   */
  public String typeError(Map<String, AttributeValue> item) {
    for (KeyDef d : keySchema.attributes()) {
      String e = typeError(item, d);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  private String typeError(Map<String, AttributeValue> item, KeyDef def) {
    AttributeValue v = item.get(def.name());
    if (v == null || v.type().equals(def.type())) {
      return null;
    }
    return "One or more parameter values were invalid: Type mismatch for Index Key " + def.name() + " Expected: "
        + def.type() + " Actual: " + v.type() + " IndexName: " + name;
  }

  private void check(Map<String, AttributeValue> item, KeyDef def, boolean update) {
    AttributeValue v = item.get(def.name());
    if (v == null) {
      return;
    }
    String typeError = typeError(item, def);
    if (typeError != null) {
      throw ApiException.validation(typeError);
    }
    checkNotEmpty(v, name, def.name(), update);
  }

  /**
   * Refuses an empty string or binary written to a key of an index (secondary or vector), with
   * DynamoDB's texts; {@code update} selects the update-expression wording, which names neither.
   */
  static void checkNotEmpty(AttributeValue v, String indexName, String keyName, boolean update) {
    boolean empty = (v instanceof AttributeValue.S s && s.value().isEmpty())
        || (v instanceof AttributeValue.B b && b.value().length() == 0);
    if (!empty) {
      return;
    }
    String kind = v instanceof AttributeValue.S ? "string" : "binary";
    if (update) {
      throw ApiException.validation("One or more parameter values are not valid. The update expression attempted"
          + " to update a secondary index key to a value that is not supported. The AttributeValue for a key"
          + " attribute cannot contain an empty " + kind + " value.");
    }
    throw ApiException.validation("One or more parameter values are not valid. A value specified for a secondary"
        + " index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
        + kind + " value. IndexName: " + indexName + ", IndexKey: " + keyName);
  }

  /** The entry key of an item in this index, or null when the item is not in it. */
  public byte[] entryKey(Table table, Map<String, AttributeValue> item) {
    if (!contains(item)) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(48);
    out.writeBytes(prefix(table));
    keySchema.encode(item, out);
    for (KeyDef d : extraTableKeys) {
      KeyCodec.encode(item.get(d.name()), out);
    }
    return out.toByteArray();
  }

  /**
   * The entry key for a start key map holding the index keys and the table keys (already
   * validated).
   */
  public byte[] startKey(Table table, Map<String, AttributeValue> key) {
    return entryKey(table, key);
  }

  /** The projected item stored in the index. */
  public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
    if (projectionType.equals("ALL")) {
      return item;
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      if (projects(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** The key of one of this index's counters ('i' item count, 's' size in bytes) in INDEXES. */
  public byte[] counterKey(Table table, char which) {
    byte[] k = new byte[17];
    System.arraycopy(table.rowPrefix(), 0, k, 0, 8);
    System.arraycopy(COUNTER_ID, 0, k, 8, 4);
    k[12] = (byte) (id >>> 24);
    k[13] = (byte) (id >>> 16);
    k[14] = (byte) (id >>> 8);
    k[15] = (byte) id;
    k[16] = (byte) which;
    return k;
  }

  @Override
  public String toString() {
    return (global ? "GSI[" : "LSI[") + name + "#" + id + "]";
  }
}
