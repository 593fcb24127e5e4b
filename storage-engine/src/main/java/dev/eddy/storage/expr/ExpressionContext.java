package dev.eddy.storage.expr;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request. Every expression of
 * the request is parsed with the same context; afterwards {@link #checkAllUsed()} rejects
 * placeholders that no expression used, as DynamoDB does. One instance per request; it records
 * usage and is not thread-safe (the parsed expressions are).
 */
public final class ExpressionContext {
  /** Placeholders (#name, :value) are at most 255 bytes. */
  static final int MAX_KEY_BYTES = 255;

  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final Set<String> usedNames = new HashSet<>();
  private final Set<String> usedValues = new HashSet<>();

  /**
   * Validates the maps as DynamoDB does ("ExpressionAttributeNames must not be empty",
   * "ExpressionAttributeNames contains invalid key: Syntax error; key: \"x\"", and the same for
   * values). Either map may be null.
   */
  public ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values) {
    if (names != null) {
      if (names.isEmpty()) {
        throw ApiException.validation("ExpressionAttributeNames must not be empty");
      }
      for (String k : names.keySet()) {
        checkKeyLength("ExpressionAttributeNames", k);
        if (!isPlaceholder(k, '#')) {
          throw ApiException.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + k + "\"");
        }
      }
    }
    if (values != null) {
      if (values.isEmpty()) {
        throw ApiException.validation("ExpressionAttributeValues must not be empty");
      }
      for (String k : values.keySet()) {
        checkKeyLength("ExpressionAttributeValues", k);
        if (!isPlaceholder(k, ':')) {
          throw ApiException.validation(
              "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + k + "\"");
        }
      }
    }
    this.names = names == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(names));
    this.values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * True for {@code sigil} followed by one or more of [0-9a-zA-Z_] (a loop, not a regex: every
   * request with expressions checks its placeholders).
   */
  static boolean isPlaceholder(String k, char sigil) {
    if (k == null || k.length() < 2 || k.charAt(0) != sigil) {
      return false;
    }
    for (int i = 1; i < k.length(); i++) {
      char c = k.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static void checkKeyLength(String parameter, String key) {
    if (key != null && AttributeValues.utf8Length(key) > MAX_KEY_BYTES) {
      throw ApiException.validation(parameter + " contains invalid key: The expression attribute map contains a key that is too long; size of key: "
          + AttributeValues.utf8Length(key));
    }
  }

  /** A context without names or values (for requests that send none). */
  public static ExpressionContext empty() {
    return new ExpressionContext(null, null);
  }

  /** The attribute name for a #placeholder, marking it used; null when not defined. */
  String name(String placeholder) {
    String n = names.get(placeholder);
    if (n != null) {
      usedNames.add(placeholder);
    }
    return n;
  }

  /** The value for a :placeholder, marking it used; null when not defined. */
  AttributeValue value(String placeholder) {
    AttributeValue v = values.get(placeholder);
    if (v != null) {
      usedValues.add(placeholder);
    }
    return v;
  }

  /**
   * Throws DynamoDB's "Value provided in ExpressionAttributeNames unused in expressions: keys:
   * {#a, #b}" (names first, then values) if a placeholder was not used by any expression parsed
   * with this context.
   */
  public void checkAllUsed() {
    List<String> unusedNames = new ArrayList<>();
    for (String k : names.keySet()) {
      if (!usedNames.contains(k)) {
        unusedNames.add(k);
      }
    }
    if (!unusedNames.isEmpty()) {
      throw ApiException.validation(
          "Value provided in ExpressionAttributeNames unused in expressions: keys: {" + String.join(", ", unusedNames) + "}");
    }
    List<String> unusedValues = new ArrayList<>();
    for (String k : values.keySet()) {
      if (!usedValues.contains(k)) {
        unusedValues.add(k);
      }
    }
    if (!unusedValues.isEmpty()) {
      throw ApiException.validation(
          "Value provided in ExpressionAttributeValues unused in expressions: keys: {" + String.join(", ", unusedValues) + "}");
    }
  }
}
