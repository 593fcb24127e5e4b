package dev.eddy.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table as the engine sees it: an immutable snapshot of its metadata. {@link #description()}
 * is the persisted TableDescription (DescribeTable's shape, without the live ItemCount and
 * TableSizeBytes); typed views of it are derived once here. A change to a table produces a new
 * {@code Table} through {@link Catalog#update}.
 */
public final class Table {
  private final long id;
  private final String name;
  private final ObjectNode description;
  private final KeySchema keySchema;
  private final byte[] prefix;
  private final List<SecondaryIndex> indexes;
  private final List<SecondaryIndex> indexesByName;
  private final List<VectorIndex> vectorIndexes;
  private final long historyId;

  Table(long id, ObjectNode description) {
    this.id = id;
    this.description = Objects.requireNonNull(description, "description");
    this.name = description.path("TableName").asText();
    this.keySchema = keySchemaOf(description.path("KeySchema"), description.path("AttributeDefinitions"));
    this.prefix = longBytes(id);
    this.indexes = SecondaryIndex.allOf(description, keySchema);
    this.indexesByName = indexes.stream().sorted(java.util.Comparator.comparing(SecondaryIndex::name)).toList();
    this.vectorIndexes = VectorIndex.allOf(description).stream()
        .sorted(java.util.Comparator.comparing(VectorIndex::name)).toList();
    this.historyId = description.path(PointInTimeRecovery.FIELD).path(PointInTimeRecovery.HISTORY_ID).asLong(0);
  }

  /** Reads a KeySchema + AttributeDefinitions pair of a description (table or index). */
  public static KeySchema keySchemaOf(JsonNode keySchema, JsonNode attributeDefinitions) {
    List<KeyDef> hash = new ArrayList<>(1);
    List<KeyDef> range = new ArrayList<>(1);
    for (JsonNode k : keySchema) {
      String attr = k.path("AttributeName").asText();
      String type = null;
      for (JsonNode d : attributeDefinitions) {
        if (d.path("AttributeName").asText().equals(attr)) {
          type = d.path("AttributeType").asText();
        }
      }
      KeyDef def = new KeyDef(attr, type == null ? "S" : type);
      if ("HASH".equals(k.path("KeyType").asText())) {
        hash.add(def);
      } else {
        range.add(def);
      }
    }
    return new KeySchema(hash, range);
  }

  static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return b;
  }

  /** Internal id, never reused: the prefix of the table's rows. */
  public long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public KeySchema keySchema() {
    return keySchema;
  }

  /** The secondary indexes (LSIs, then GSIs). */
  public List<SecondaryIndex> indexes() {
    return indexes;
  }

  /**
   * Rejects an item to be written whose secondary index key attributes are mistyped or empty, or
   * whose vector or search schema attributes a vector index cannot take. The indexes are checked in
   * name order (secondary indexes, then vector indexes), so the message names the alphabetically
   * first index keyed on the attribute, as DynamoDB's does; {@code update} selects the
   * update-expression wording.
   */
  public void validateIndexKeys(Map<String, AttributeValue> item, boolean update) {
    for (SecondaryIndex i : indexesByName) {
      if (update) {
        i.validateUpdatedItem(item);
      } else {
        i.validateItem(item);
      }
    }
    for (VectorIndex i : vectorIndexes) {
      i.validate(item, update);
    }
  }

  /** The vector indexes, in name order. */
  public List<VectorIndex> vectorIndexes() {
    return vectorIndexes;
  }

  /** The vector index of that name, or null. */
  public VectorIndex vectorIndex(String indexName) {
    for (VectorIndex i : vectorIndexes) {
      if (i.name().equals(indexName)) {
        return i;
      }
    }
    return null;
  }

  /**
   * DynamoDB's message for an index key attribute of the wrong type in {@code item} (naming the
   * alphabetically first index keyed on it), or null. A transaction cancels with it as a reason.
   */
  public String indexKeyTypeError(Map<String, AttributeValue> item) {
    for (SecondaryIndex i : indexesByName) {
      String e = i.typeError(item);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /** The secondary index of that name, or null. */
  public SecondaryIndex index(String indexName) {
    for (SecondaryIndex i : indexes) {
      if (i.name().equals(indexName)) {
        return i;
      }
    }
    return null;
  }

  /** The persisted description; do not modify (use {@link Catalog#update}). */
  public ObjectNode description() {
    return description;
  }

  public String arn() {
    return description.path("TableArn").asText();
  }

  /** The view type of the enabled stream, or null when no stream is enabled. */
  public String streamViewType() {
    JsonNode spec = description.path("StreamSpecification");
    if (spec.path("StreamEnabled").asBoolean(false)) {
      return spec.path("StreamViewType").asText(null);
    }
    return null;
  }

  /** The ARN of the latest stream (enabled or not), or null. */
  public String latestStreamArn() {
    return description.path("LatestStreamArn").asText(null);
  }

  /**
   * The id under which point-in-time recovery keeps this table's change history (see
   * {@link PointInTimeRecovery}); 0 while recovery is off.
   */
  public long historyId() {
    return historyId;
  }

  /** The 8-byte prefix of all of this table's item rows. */
  public byte[] rowPrefix() {
    return prefix.clone();
  }

  /** The row key of an item or key map (already validated). */
  public byte[] rowKey(Map<String, AttributeValue> itemOrKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    out.write(prefix, 0, 8);
    keySchema.encode(itemOrKey, out);
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "Table[" + name + "#" + id + "]";
  }
}
