package dev.eddy.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One vector index of a table (DynamoDB vector search), read from the table description. Eddy
 * keeps no separate structure for it: SearchVectors reads the table's items and compares every
 * indexed vector with the query (an exact search where DynamoDB's is approximate). An item is in
 * the index when its vector attribute is a list of {@link #dimensions()} numbers and, if the
 * search schema has a HASH element, that attribute is present with its declared type.
 *
 * <p>An index added by UpdateTable goes through DynamoDB's phases, compressed: resource
 * allocation ({@link #ALLOCATION_MILLIS}, the table UPDATING), then backfilling
 * ({@link #BACKFILL_MILLIS}), then ACTIVE. The phase is derived from the creation time and the
 * engine's clock, so nothing runs in the background.
 */
public final class VectorIndex {
  /** The description field holding when an index added by UpdateTable was created (epoch millis). */
  public static final String CREATED_FIELD = "_CreatedMillis";
  public static final long ALLOCATION_MILLIS = 1_000;
  public static final long BACKFILL_MILLIS = 1_000;
  /** The largest magnitude of a 32-bit float, the bound of every vector element. */
  private static final BigDecimal F32_MAX = new BigDecimal(Float.toString(Float.MAX_VALUE));

  /** True when a number is within a 32-bit float's range, as every vector element must be. */
  public static boolean fitsFloat(BigDecimal n) {
    return n.abs().compareTo(F32_MAX) <= 0;
  }

  /** A lifecycle phase. */
  public enum Phase { ALLOCATING, BACKFILLING, ACTIVE }

  /** One search schema element: an attribute, HASH or INLINE_FILTER, and its declared scalar type. */
  public record SchemaElement(String name, String kind, String type) {
    public boolean isHash() {
      return kind.equals("HASH");
    }
  }

  private final String name;
  private final String attribute;
  private final int dimensions;
  private final String distance;
  private final String projectionType;
  private final Set<String> nonKeyAttributes;
  private final List<SchemaElement> searchSchema;
  private final long createdMillis;

  private VectorIndex(String name, String attribute, int dimensions, String distance, String projectionType,
      Set<String> nonKeyAttributes, List<SchemaElement> searchSchema, long createdMillis) {
    this.name = name;
    this.attribute = attribute;
    this.dimensions = dimensions;
    this.distance = distance;
    this.projectionType = projectionType;
    this.nonKeyAttributes = nonKeyAttributes;
    this.searchSchema = searchSchema;
    this.createdMillis = createdMillis;
  }

  /** The vector indexes of a table description, in description order. */
  static List<VectorIndex> allOf(JsonNode description) {
    List<VectorIndex> out = new ArrayList<>();
    JsonNode defs = description.path("AttributeDefinitions");
    for (JsonNode i : description.path("VectorIndexes")) {
      Set<String> nonKey = new LinkedHashSet<>();
      i.path("Projection").path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
      List<SchemaElement> schema = new ArrayList<>();
      for (JsonNode e : i.path("SearchSchema")) {
        String attr = e.path("AttributeName").asText();
        String type = "S";
        for (JsonNode d : defs) {
          if (d.path("AttributeName").asText().equals(attr)) {
            type = d.path("AttributeType").asText();
          }
        }
        schema.add(new SchemaElement(attr, e.path("SearchSchemaElementType").asText(), type));
      }
      out.add(new VectorIndex(i.path("IndexName").asText(), i.path("VectorAttribute").path("AttributeName").asText(),
          i.path("Dimensions").asInt(), i.path("DistanceFunction").asText(),
          i.path("Projection").path("ProjectionType").asText("ALL"), Collections.unmodifiableSet(nonKey),
          List.copyOf(schema), i.path(CREATED_FIELD).asLong(-1)));
    }
    return Collections.unmodifiableList(out);
  }

  public String name() {
    return name;
  }

  /** The attribute holding the vector. */
  public String attribute() {
    return attribute;
  }

  public int dimensions() {
    return dimensions;
  }

  /** COSINE, EUCLIDEAN or DOT_PRODUCT. */
  public String distance() {
    return distance;
  }

  public List<SchemaElement> searchSchema() {
    return searchSchema;
  }

  /** The HASH element of the search schema, or null. */
  public SchemaElement hash() {
    for (SchemaElement e : searchSchema) {
      if (e.isHash()) {
        return e;
      }
    }
    return null;
  }

  /** The lifecycle phase at {@code nowMillis} (an index created with its table is always ACTIVE). */
  public Phase phase(long nowMillis) {
    if (createdMillis < 0 || nowMillis >= createdMillis + ALLOCATION_MILLIS + BACKFILL_MILLIS) {
      return Phase.ACTIVE;
    }
    return nowMillis < createdMillis + ALLOCATION_MILLIS ? Phase.ALLOCATING : Phase.BACKFILLING;
  }

  /**
   * True when an attribute is kept in the index's entries: everything for ALL; otherwise the table
   * keys, the search schema, the named non-key attributes and the vector itself.
   */
  public boolean projects(String attr, KeySchema tableKey) {
    return projectionType.equals("ALL") || attr.equals(attribute) || tableKey.isKeyAttribute(attr) || inSchema(attr)
        || nonKeyAttributes.contains(attr);
  }

  /** True when the attribute is one of the search schema's. */
  public boolean inSchema(String attr) {
    for (SchemaElement e : searchSchema) {
      if (e.name().equals(attr)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The vector of a stored row as 32-bit floats, or null when the row is not in the index: read
   * from the row's bytes without decoding the item, then (for a search schema with a HASH
   * element) the HASH attribute checked in {@code schemaValues}, the row's search schema
   * attributes.
   */
  public float[] vectorOfRow(byte[] stored, Map<String, AttributeValue> schemaValues) {
    float[] v = ItemCodec.floats(stored, attribute);
    if (v == null || v.length != dimensions) {
      return null;
    }
    for (float f : v) {
      if (!Float.isFinite(f)) {
        return null; // written before the index existed, beyond a float's range: left out, as a backfill does
      }
    }
    return hasHash(schemaValues) ? v : null;
  }

  /** True when the search schema has no HASH element, or {@code values} hold it with its type. */
  private boolean hasHash(Map<String, AttributeValue> values) {
    SchemaElement hash = hash();
    if (hash == null) {
      return true;
    }
    AttributeValue h = values.get(hash.name());
    return h != null && h.type().equals(hash.type());
  }

  /**
   * The item's vector as 32-bit floats, or null when the item is not in the index (no vector, or
   * the HASH element missing or of another type). Assumes an item that {@link #validate} accepted.
   */
  public float[] vectorOf(Map<String, AttributeValue> item) {
    if (!(item.get(attribute) instanceof AttributeValue.L list) || list.values().size() != dimensions) {
      return null;
    }
    if (!hasHash(item)) {
      return null;
    }
    float[] out = new float[dimensions];
    for (int i = 0; i < dimensions; i++) {
      if (!(list.values().get(i) instanceof AttributeValue.N n)) {
        return null;
      }
      out[i] = n.value().floatValue();
    }
    return out;
  }

  /**
   * The item as this index stores it (its projected attributes, the vector included), or null when
   * the item is not in the index. Two equal views cost the index no write.
   */
  public Map<String, AttributeValue> view(Map<String, AttributeValue> item, KeySchema tableKey) {
    if (item == null || vectorOf(item) == null) {
      return null;
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      if (projects(e.getKey(), tableKey)) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /**
   * The bytes a write of {@code view} costs this index (DynamoDB's VectorWriteRequestBytes, as a
   * third-party suite pinned it in 2026): 4 bytes a dimension, the vector attribute's name, and the
   * rest of the entry sized as an item, at least 1 KB.
   */
  public long writeBytes(Map<String, AttributeValue> view) {
    long rest = 0;
    for (Map.Entry<String, AttributeValue> e : view.entrySet()) {
      if (!e.getKey().equals(attribute)) {
        rest += AttributeValues.utf8Length(e.getKey()) + AttributeValues.size(e.getValue());
      }
    }
    return Math.max(1024, 4L * dimensions + AttributeValues.utf8Length(attribute) + rest);
  }

  /**
   * The size DynamoDB bills a write of {@code item} at: an indexed vector counts 4 bytes a
   * dimension instead of the size of its numbers (the 400 KB limit and reads still use the
   * latter).
   */
  public static long billedSize(Map<String, AttributeValue> item, long itemSize, List<VectorIndex> indexes) {
    if (item == null || indexes.isEmpty()) {
      return itemSize;
    }
    long size = itemSize;
    Set<String> counted = new HashSet<>();
    for (VectorIndex i : indexes) {
      if (!counted.contains(i.attribute) && i.vectorOf(item) != null) {
        counted.add(i.attribute);
        size += 4L * i.dimensions - AttributeValues.size(item.get(i.attribute));
      }
    }
    return size;
  }

  /**
   * Rejects an item to be written whose vector or search schema attributes this index cannot take,
   * with DynamoDB's texts (captured in 2026); an absent attribute is no error, the item is only
   * left out of the index. {@code update} selects the update-expression wording for an empty key.
   */
  public void validate(Map<String, AttributeValue> item, boolean update) {
    AttributeValue v = item.get(attribute);
    if (v != null) {
      if (!(v instanceof AttributeValue.L list)) {
        throw invalid("Invalid type for parameter " + attribute + ", Expected: 32-bit floating point number list"
            + " IndexName: " + name);
      }
      for (int i = 0; i < list.values().size(); i++) {
        AttributeValue e = list.values().get(i);
        if (!(e instanceof AttributeValue.N n)) {
          throw invalid("Invalid type for parameter " + attribute + "[" + i + "], Expected: 32-bit floating point"
              + " number, Actual: " + e.type() + ". IndexName: " + name);
        }
        if (!fitsFloat(n.value())) {
          throw invalid("Invalid value for parameter " + attribute + "[" + i + "], Value: " + n.value() + " is outside"
              + " valid range [-3.4028235E38, 3.4028235E38]. IndexName: " + name);
        }
      }
      if (list.values().size() != dimensions) {
        throw invalid("Invalid size for parameter " + attribute + ", Expected: " + dimensions + ", Actual: "
            + list.values().size() + " IndexName: " + name);
      }
    }
    for (SchemaElement e : searchSchema) {
      AttributeValue s = item.get(e.name());
      if (s == null) {
        continue;
      }
      if (!s.type().equals(e.type())) {
        throw invalid("Attribute '" + e.name() + "' type mismatch. Expected: " + e.type() + ", Actual: " + s.type()
            + ". IndexName: " + name);
      }
      if (e.isHash()) {
        SecondaryIndex.checkNotEmpty(s, name, e.name(), update);
      }
    }
  }

  private static ApiException invalid(String detail) {
    // DynamoDB's vector texts end the prefix with a full stop, not the usual colon
    return ApiException.validation("One or more parameter values were invalid. " + detail);
  }

  @Override
  public String toString() {
    return "VectorIndex[" + name + "]";
  }
}
