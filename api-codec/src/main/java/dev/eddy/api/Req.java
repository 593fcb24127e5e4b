package dev.eddy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Typed, read-only access to a request body (or one of its nested structures). Wrong JSON
 * types answer SerializationException, as the service's deserializer does; constraint
 * checks are the job of {@link Validation}.
 */
public final class Req {
  /** Integer-valued members the service model types as Long (their type errors name Long). */
  private static final java.util.Set<String> LONG_MEMBERS = java.util.Set.of("ReadCapacityUnits", "WriteCapacityUnits",
      "MaxReadRequestUnits", "MaxWriteRequestUnits", "ReadUnitsPerSecond", "WriteUnitsPerSecond");
  private final ObjectNode node;

  public Req(ObjectNode node) {
    this.node = node == null ? Json.object() : node;
  }

  public ObjectNode node() {
    return node;
  }

  public boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  public JsonNode raw(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  public String str(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    throw wrongType(v, "String");
  }

  private static final java.math.BigDecimal LONG_MAX = java.math.BigDecimal.valueOf(Long.MAX_VALUE);
  private static final java.math.BigDecimal LONG_MIN = java.math.BigDecimal.valueOf(Long.MIN_VALUE);

  public Long integer(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      // Compared first: longValue() of 1e999999999 would build a billion-digit integer.
      java.math.BigDecimal d = v.decimalValue();
      if (d.compareTo(LONG_MAX) > 0 || d.compareTo(LONG_MIN) < 0) {
        throw ApiException.serialization("NUMBER_VALUE can not be converted to an Integer");
      }
      return d.abs().compareTo(java.math.BigDecimal.ONE) < 0 ? 0L : d.longValue();
    }
    throw wrongType(v, LONG_MEMBERS.contains(field) ? "Long" : "Integer");
  }

  public Boolean bool(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    throw wrongType(v, "Boolean");
  }

  public Req obj(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(v, "Structure:" + field);
    }
    return new Req((ObjectNode) v);
  }

  /** A JSON object used as a map (e.g. ExpressionAttributeNames), or null. */
  public ObjectNode map(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(v, "Map:" + (field.equals("ExpressionAttributeValues") ? "com.amazonaws.dynamodb.v20120810.AttributeValue"
          : "java.lang.String"));
    }
    return (ObjectNode) v;
  }

  public ArrayNode list(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      throw wrongType(v, "List");
    }
    return (ArrayNode) v;
  }

  /** An item-shaped field (attribute name to attribute value), or null, read in the current layer. */
  public Map<String, AttributeValue> item(String field) {
    return item(field, ValueLayer.CURRENT);
  }

  /** An item-shaped field, or null, read with the messages of the operation's validation layer. */
  public Map<String, AttributeValue> item(String field, ValueLayer layer) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(v, "Map:com.amazonaws.dynamodb.v20120810.AttributeValue");
    }
    return AttributeValues.readItem(v, layer);
  }

  /** Elements of a list field as structures. */
  public static Req element(JsonNode el) {
    if (el == null || el.isNull()) {
      return new Req(Json.object());
    }
    if (!el.isObject()) {
      throw wrongType(el, "Element");
    }
    return new Req((ObjectNode) el);
  }

  /**
   * The SerializationException the service's JSON deserializer answers when a member holds the
   * wrong JSON type. {@code expected}: "String", "Boolean", "Integer", "Long", "List",
   * "Map:<value class>", "Structure:<shape name>" or "Element" (a structure inside a list).
   */
  public static ApiException wrongType(JsonNode v, String expected) {
    String kind = expected.contains(":") ? expected.substring(0, expected.indexOf(':')) : expected;
    String detail = expected.contains(":") ? expected.substring(expected.indexOf(':') + 1) : "";
    switch (kind) {
      case "String", "Boolean", "Integer", "Long" -> {
        if (v.isObject()) {
          return ApiException.serialization("Start of structure or map found where not expected");
        }
        if (v.isArray()) {
          return ApiException.serialization("Unrecognized collection type class java.lang." + kind);
        }
        if (v.isTextual()) {
          return ApiException.serialization(kind.equals("Boolean") ? "Unexpected token received from parser"
              : "STRING_VALUE cannot be converted to " + kind);
        }
        return ApiException.serialization(token(v) + " cannot be converted to " + kind);
      }
      case "List" -> {
        return ApiException.serialization(v.isObject() ? "Start of structure or map found where not expected"
            : "Unexpected field type");
      }
      case "Map" -> {
        return ApiException.serialization(v.isArray()
            ? "Unrecognized collection type java.util.Map<java.lang.String, " + detail + ">" : "Unexpected field type");
      }
      case "Element" -> {
        return ApiException.serialization("Unexpected value type in payload");
      }
      default -> {
        return ApiException.serialization(v.isArray()
            ? "Unrecognized collection type class com.amazonaws.dynamodb.v20120810." + detail : "Unexpected field type");
      }
    }
  }

  private static String token(JsonNode v) {
    if (v.isBoolean()) {
      return v.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
    }
    if (v.isTextual()) {
      return "STRING_VALUE";
    }
    return v.isIntegralNumber() ? "NUMBER_VALUE" : "DECIMAL_VALUE";
  }
}
