package dev.eddy.storage;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A table's (or index's) key: a partition key and an optional sort key. */
public record KeySchema(KeyDef hash, KeyDef range) {
  public static final int MAX_HASH_KEY_BYTES = 2048;
  public static final int MAX_RANGE_KEY_BYTES = 1024;

  public KeySchema {
    Objects.requireNonNull(hash, "hash");
  }

  public boolean isKeyAttribute(String name) {
    return hash.name().equals(name) || (range != null && range.name().equals(name));
  }

  /** The key attributes of an item (assumed valid). */
  public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>(4);
    key.put(hash.name(), item.get(hash.name()));
    if (range != null) {
      key.put(range.name(), item.get(range.name()));
    }
    return key;
  }

  /**
   * Checks the key attributes of an item to be written (PutItem): present, of the right type,
   * not empty, within the size limits. Messages as DynamoDB.
   */
  public void validateItemKey(Map<String, AttributeValue> item) {
    checkItemKeyPart(item, hash);
    if (range != null) {
      checkItemKeyPart(item, range);
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
   * A Query's key condition values: an empty partition key value, or an empty sort key value
   * compared for equality, is refused as in a key ("... cannot contain an empty string value. Key:
   * pk").
   */
  public void checkConditionValues(AttributeValue partitionValue, AttributeValue sortEqualsValue) {
    checkNotEmpty(hash, partitionValue);
    if (range != null && sortEqualsValue != null) {
      checkNotEmpty(range, sortEqualsValue);
    }
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
    if (AttributeValues.size(item.get(hash.name())) > MAX_HASH_KEY_BYTES) {
      throw ApiException.invalidParameter(
          "Size of hashkey has exceeded the maximum size limit of" + MAX_HASH_KEY_BYTES + " bytes");
    }
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
    int expected = range == null ? 1 : 2;
    if (key == null || key.size() != expected) {
      throw ApiException.validation("The provided key element does not match the schema");
    }
    checkKeyPart(key, hash);
    if (range != null) {
      checkKeyPart(key, range);
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

  /** Appends the encoded key (partition key, then sort key) of a valid item or key. */
  public void encode(Map<String, AttributeValue> item, ByteArrayOutputStream out) {
    KeyCodec.encode(item.get(hash.name()), out);
    if (range != null) {
      KeyCodec.encode(item.get(range.name()), out);
    }
  }
}
