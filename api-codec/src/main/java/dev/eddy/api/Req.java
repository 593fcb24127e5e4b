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
    if (v.isNumber() || v.isBoolean()) {
      return v.asText();
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
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.textValue().trim());
      } catch (NumberFormatException e) {
        throw ApiException.serialization("STRING_VALUE can not be converted to an Integer");
      }
    }
    throw wrongType(v, "Integer");
  }

  public Boolean bool(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual()) {
      if (v.textValue().equalsIgnoreCase("true")) {
        return true;
      }
      if (v.textValue().equalsIgnoreCase("false")) {
        return false;
      }
    }
    throw wrongType(v, "Boolean");
  }

  public Req obj(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(v, "Structure");
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
      throw wrongType(v, "Map");
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

  /** An item-shaped field (attribute name to attribute value), or null. */
  public Map<String, AttributeValue> item(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(v, "Map");
    }
    return AttributeValues.readItem(v);
  }

  /** Elements of a list field as structures. */
  public static Req element(JsonNode el) {
    if (el == null || el.isNull()) {
      return new Req(Json.object());
    }
    if (!el.isObject()) {
      throw wrongType(el, "Structure");
    }
    return new Req((ObjectNode) el);
  }

  static ApiException wrongType(JsonNode v, String expected) {
    if (v.isObject()) {
      return ApiException.serialization("Start of structure or map found where not expected.");
    }
    if (v.isArray()) {
      return ApiException.serialization("Start of list found where not expected");
    }
    String kind = v.isTextual() ? "STRING_VALUE" : v.isBoolean() ? "TRUE_VALUE" : "NUMBER_VALUE";
    if (v.isBoolean() && !v.booleanValue()) {
      kind = "FALSE_VALUE";
    }
    return ApiException.serialization(kind + " cannot be converted to " + expected);
  }
}
