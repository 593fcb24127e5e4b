package dev.eddy.storage;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table's (or index's) key: partition key attributes and sort key attributes, each in key
 * schema order. A table or an LSI has one partition key and at most one sort key; a GSI may have
 * up to four of each (multi-attribute keys), whose values are compared one after another.
 */
public final class KeySchema {
  public static final int MAX_HASH_KEY_BYTES = 2048;
  public static final int MAX_RANGE_KEY_BYTES = 1024;

  private final List<KeyDef> hashKeys;
  private final List<KeyDef> rangeKeys;
  // derived once: Query asks for them on every request
  private final List<KeyDef> attributes;
  private final List<String> hashNames;
  private final List<String> rangeNames;
  private final Map<String, String> types;

  public KeySchema(List<KeyDef> hashKeys, List<KeyDef> rangeKeys) {
    this.hashKeys = List.copyOf(hashKeys);
    this.rangeKeys = List.copyOf(rangeKeys);
    if (this.hashKeys.isEmpty()) {
      throw new IllegalArgumentException("a key schema needs a partition key");
    }
    List<KeyDef> all = new ArrayList<>(this.hashKeys);
    all.addAll(this.rangeKeys);
    this.attributes = List.copyOf(all);
    this.hashNames = List.copyOf(this.hashKeys.stream().map(KeyDef::name).toList());
    this.rangeNames = List.copyOf(this.rangeKeys.stream().map(KeyDef::name).toList());
    Map<String, String> t = new LinkedHashMap<>();
    all.forEach(d -> t.put(d.name(), d.type()));
    this.types = Collections.unmodifiableMap(t);
  }

  /** A key of one partition key and an optional sort key (null for none). */
  public KeySchema(KeyDef hash, KeyDef range) {
    this(List.of(Objects.requireNonNull(hash, "hash")), range == null ? List.of() : List.of(range));
  }

  /** The partition key attributes, in key schema order. */
  public List<KeyDef> hashKeys() {
    return hashKeys;
  }

  /** The sort key attributes, in key schema order. */
  public List<KeyDef> rangeKeys() {
    return rangeKeys;
  }

  /** The partition key attributes' names. */
  public List<String> hashNames() {
    return hashNames;
  }

  /** The sort key attributes' names. */
  public List<String> rangeNames() {
    return rangeNames;
  }

  /** Every key attribute's name to its type ("S", "N" or "B"). */
  public Map<String, String> types() {
    return types;
  }

  /** The (first) partition key attribute. */
  public KeyDef hash() {
    return hashKeys.get(0);
  }

  /** The (first) sort key attribute, or null when there is none. */
  public KeyDef range() {
    return rangeKeys.isEmpty() ? null : rangeKeys.get(0);
  }

  /** True for a GSI key of more than one partition key or sort key attribute. */
  public boolean isMultiAttribute() {
    return hashKeys.size() > 1 || rangeKeys.size() > 1;
  }

  /** All key attributes: the partition key attributes, then the sort key attributes. */
  public List<KeyDef> attributes() {
    return attributes;
  }

  public boolean isKeyAttribute(String name) {
    for (int i = 0; i < hashKeys.size(); i++) {
      if (hashKeys.get(i).name().equals(name)) {
        return true;
      }
    }
    for (int i = 0; i < rangeKeys.size(); i++) {
      if (rangeKeys.get(i).name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The key attributes of an item (assumed valid). */
  public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>(4);
    for (KeyDef d : hashKeys) {
      key.put(d.name(), item.get(d.name()));
    }
    for (KeyDef d : rangeKeys) {
      key.put(d.name(), item.get(d.name()));
    }
    return key;
  }

  /**
   * Checks the key attributes of an item to be written (PutItem): present, of the right type,
   * not empty, within the size limits. Messages as DynamoDB.
   */
  public void validateItemKey(Map<String, AttributeValue> item) {
    checkItemKeyPart(item, hash());
    if (range() != null) {
      checkItemKeyPart(item, range());
    }
    checkKeySizes(item);
  }

  private static void checkItemKeyPart(Map<String, AttributeValue> item, KeyDef def) {
    AttributeValue v = item.get(def.name());
    if (v == null) {
      throw ApiException.invalidParameter("Missing the key " + def.name() + " in the item");
    }
    if (!v.type().equals(def.type())) {
      throw ApiException.invalidParameter(
          "Type mismatch for key " + def.name() + " expected: " + def.type() + " actual: " + v.type());
    }
    checkNotEmpty(def, v);
  }

  /**
   * A Query's key condition value that must name a key value (a partition key value, or a sort
   * key value compared for equality): empty is refused as in a key ("... cannot contain an empty
   * string value. Key: pk").
   */
  public static void checkConditionValue(KeyDef def, AttributeValue value) {
    checkNotEmpty(def, value);
  }

  private static void checkNotEmpty(KeyDef def, AttributeValue v) {
    if (v instanceof AttributeValue.S s && s.value().isEmpty()) {
      throw ApiException.validation("One or more parameter values are not valid. The AttributeValue for a key"
          + " attribute cannot contain an empty string value. Key: " + def.name());
    }
    if (v instanceof AttributeValue.B b && b.value().length() == 0) {
      throw ApiException.validation("One or more parameter values are not valid. The AttributeValue for a key"
          + " attribute cannot contain an empty binary value. Key: " + def.name());
    }
  }

  private void checkKeySizes(Map<String, AttributeValue> item) {
    if (AttributeValues.size(item.get(hash().name())) > MAX_HASH_KEY_BYTES) {
      throw ApiException.invalidParameter(
          "Size of hashkey has exceeded the maximum size limit of" + MAX_HASH_KEY_BYTES + " bytes");
    }
    KeyDef range = range();
    if (range != null && AttributeValues.size(item.get(range.name())) > MAX_RANGE_KEY_BYTES) {
      throw ApiException.invalidParameter(
          "Aggregated size of all range keys has exceeded the size limit of " + MAX_RANGE_KEY_BYTES + " bytes");
    }
  }

  /**
   * Checks a Key parameter (GetItem, DeleteItem, UpdateItem): exactly the key attributes, right
   * types; otherwise "The provided key element does not match the schema".
   */
  public void validateKey(Map<String, AttributeValue> key) {
    int expected = range() == null ? 1 : 2;
    if (key == null || key.size() != expected) {
      throw ApiException.validation("The provided key element does not match the schema");
    }
    checkKeyPart(key, hash());
    if (range() != null) {
      checkKeyPart(key, range());
    }
    checkKeySizes(key);
  }

  private static void checkKeyPart(Map<String, AttributeValue> key, KeyDef def) {
    AttributeValue v = key.get(def.name());
    if (v == null || !v.type().equals(def.type())) {
      throw ApiException.validation("The provided key element does not match the schema");
    }
    checkNotEmpty(def, v);
  }

  /**
   * Appends the encoded key (partition key attributes, then sort key attributes) of a valid item
   * or key. The encoding of each value is order-preserving and self-delimiting, so entries sort by
   * the partition values and then by each sort key value in turn, as DynamoDB orders them.
   */
  public void encode(Map<String, AttributeValue> item, ByteArrayOutputStream out) {
    for (int i = 0; i < hashKeys.size(); i++) { // indexed loops: this is on every write's path
      KeyCodec.encode(item.get(hashKeys.get(i).name()), out);
    }
    for (int i = 0; i < rangeKeys.size(); i++) {
      KeyCodec.encode(item.get(rangeKeys.get(i).name()), out);
    }
  }
}
