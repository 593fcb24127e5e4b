package dev.eddy.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DynamoDB JSON form of attribute values and items: reading with DynamoDB's validation and
 * messages, writing as the service writes them.
 */
public final class AttributeValues {
  /** DynamoDB allows 32 levels of nested documents. */
  public static final int MAX_NESTING = 32;

  private AttributeValues() {}

  /**
   * Refuses an item to be written with an empty top-level attribute name: "Empty attribute name"
   * (DynamoDB's answer, captured by nubo-db/dynamodb-conformance for TransactWriteItems' Put).
   * Returns the item.
   */
  public static Map<String, AttributeValue> checkAttributeNames(Map<String, AttributeValue> item) {
    if (item != null && item.containsKey("")) {
      throw ApiException.validation("Empty attribute name");
    }
    return item;
  }

  /** Reads an item (a JSON object of attribute name to attribute value) in the current layer. */
  public static Map<String, AttributeValue> readItem(JsonNode node) {
    return readItem(node, ValueLayer.CURRENT);
  }

  /** Reads an item, with the messages of the validation layer of the request's operation. */
  public static Map<String, AttributeValue> readItem(JsonNode node, ValueLayer layer) {
    if (node == null || node.isNull()) {
      return null;
    }
    node = RawJson.tree(node);
    if (!node.isObject()) {
      throw Req.wrongType(node, "Map:com.amazonaws.dynamodb.v20120810.AttributeValue");
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>(Math.max(4, node.size() * 2));
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      item.put(e.getKey(), read(e.getValue(), layer, 0));
    }
    return item;
  }

  /** Reads one attribute value, e.g. {"S": "x"}, in the current layer. */
  public static AttributeValue read(JsonNode node) {
    return read(node, ValueLayer.CURRENT);
  }

  /** Reads one attribute value, with the messages of the validation layer of the request's operation. */
  public static AttributeValue read(JsonNode node, ValueLayer layer) {
    return read(node, layer, 0);
  }

  private static AttributeValue read(JsonNode node, ValueLayer layer, int depth) {
    if (node == null || node.isNull()) {
      throw ApiException.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    if (!node.isObject()) {
      throw ApiException.serialization(node.isArray()
          ? "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue"
          : "Unexpected value type in payload");
    }
    if (depth >= MAX_NESTING && !DeepRequests.nestingDeferred()) {
      throw ApiException.validation(
          "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond"
              + " supported limit");
    }
    AttributeValue result = null;
    int set = 0;
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      AttributeValue parsed = switch (e.getKey()) {
        case "S" -> new AttributeValue.S(text(v));
        case "N" -> new AttributeValue.N(Numbers.parse(text(v), layer));
        case "B" -> new AttributeValue.B(blob(v));
        case "BOOL" -> AttributeValue.Bool.of(bool(v));
        case "NULL" -> {
          if (!bool(v)) {
            throw ApiException.invalidParameter("Null attribute value types must have the value of true");
          }
          yield AttributeValue.Null.INSTANCE;
        }
        case "SS" -> readSS(array(v), layer);
        case "NS" -> readNS(array(v), layer);
        case "BS" -> readBS(array(v), layer);
        case "L" -> {
          ArrayNode arr = array(v);
          List<AttributeValue> list = new ArrayList<>(arr.size());
          for (JsonNode el : arr) {
            list.add(read(el, layer, depth + 1));
          }
          yield new AttributeValue.L(list);
        }
        case "M" -> {
          if (!v.isObject()) {
            throw Req.wrongType(v, "Map:com.amazonaws.dynamodb.v20120810.AttributeValue");
          }
          Map<String, AttributeValue> map = new LinkedHashMap<>();
          Iterator<Map.Entry<String, JsonNode>> it = v.fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> me = it.next();
            map.put(me.getKey(), read(me.getValue(), layer, depth + 1));
          }
          yield new AttributeValue.M(map);
        }
        default -> null; // unknown members are ignored, as the service's deserializer does
      };
      if (parsed != null) {
        result = parsed;
        set++;
      }
    }
    if (set == 0) {
      throw ApiException.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    if (set > 1) {
      throw ApiException.validation(
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }
    return result;
  }

  private static AttributeValue readSS(ArrayNode arr, ValueLayer layer) {
    if (arr.isEmpty()) {
      throw ApiException.invalidParameter("An string set  may not be empty");
    }
    LinkedHashSet<String> set = new LinkedHashSet<>();
    List<String> all = new ArrayList<>(arr.size());
    for (JsonNode el : arr) {
      String s = text(el);
      all.add(s);
      set.add(s);
    }
    if (set.size() != all.size()) {
      throw duplicates(all, all, layer, Utf8Order.INSTANCE, ", ", "");
    }
    return new AttributeValue.SS(set);
  }

  private static AttributeValue readNS(ArrayNode arr, ValueLayer layer) {
    if (arr.isEmpty()) {
      throw ApiException.invalidParameter("An number set  may not be empty");
    }
    LinkedHashSet<BigDecimal> set = new LinkedHashSet<>();
    int n = 0;
    for (JsonNode el : arr) {
      set.add(Numbers.parse(text(el), layer));
      n++;
    }
    if (set.size() != n) {
      // neither layer names the members of a number set
      throw layer == ValueLayer.CURRENT ? ApiException.invalidParameter("Input collection contains duplicates.")
          : ApiException.validation("Input collection contains duplicates");
    }
    return new AttributeValue.NS(set);
  }

  private static AttributeValue readBS(ArrayNode arr, ValueLayer layer) {
    if (arr.isEmpty()) {
      throw ApiException.invalidParameter("Binary sets should not be empty");
    }
    LinkedHashSet<AttributeValue.Blob> set = new LinkedHashSet<>();
    List<AttributeValue.Blob> all = new ArrayList<>(arr.size());
    List<String> sent = new ArrayList<>(arr.size());
    for (JsonNode el : arr) {
      AttributeValue.Blob b = blob(el);
      all.add(b);
      sent.add(el.textValue());
      set.add(b);
    }
    if (set.size() != all.size()) {
      throw duplicates(all, sent, layer, Comparator.naturalOrder(), ",", "of type BS");
    }
    return new AttributeValue.BS(set);
  }

  /**
   * "Input collection [...] contains duplicates." The older layer lists the members as sent
   * ({@code sent}), unquoted, separated by ", "; the current one quotes them (separated by
   * {@code separator}) and lists them in {@code order} up to the first repeat, then the repeat,
   * then the rest as sent (it collects them into a sorted set until one is already there).
   */
  private static <T> ApiException duplicates(List<T> members, List<String> sent, ValueLayer layer,
      Comparator<? super T> order, String separator, String typeSuffix) {
    if (layer == ValueLayer.OLDER) {
      return ApiException.invalidParameter("Input collection " + sent + typeSuffix + " contains duplicates.");
    }
    List<String> shown = new ArrayList<>(members.size());
    TreeSet<T> seen = new TreeSet<>(order);
    int i = 0;
    while (seen.add(members.get(i))) {
      i++;
    }
    List<T> listed = new ArrayList<>(seen);
    listed.addAll(members.subList(i, members.size()));
    for (T m : listed) {
      shown.add("\"" + m + "\"");
    }
    return ApiException.invalidParameter(
        "Input collection [" + String.join(separator, shown) + "]" + typeSuffix + " contains duplicates.");
  }

  /** Strings in the order of their UTF-8 bytes, DynamoDB's order of strings. */
  private enum Utf8Order implements Comparator<String> {
    INSTANCE;

    @Override
    public int compare(String a, String b) {
      return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String text(JsonNode v) {
    if (v.isTextual()) {
      return v.textValue();
    }
    throw Req.wrongType(v, "String");
  }

  private static boolean bool(JsonNode v) {
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    throw Req.wrongType(v, "Boolean");
  }

  private static ArrayNode array(JsonNode v) {
    if (!v.isArray()) {
      throw Req.wrongType(v, "List");
    }
    return (ArrayNode) v;
  }

  private static AttributeValue.Blob blob(JsonNode v) {
    if (v.isObject()) {
      throw ApiException.serialization("Start of structure or map found where not expected");
    }
    if (v.isArray()) {
      throw ApiException.serialization("Unrecognized collection type class java.nio.ByteBuffer");
    }
    if (!v.isTextual()) {
      throw ApiException.serialization("only base-64-encoded strings are convertible to bytes");
    }
    try {
      return AttributeValue.Blob.wrap(Base64.getDecoder().decode(v.textValue()));
    } catch (IllegalArgumentException e) {
      throw ApiException.serialization(
          "Base64 encoded length is expected a multiple of 4 bytes but found: " + v.textValue().length());
    }
  }

  // ---- reading what writeItem wrote ----

  /**
   * Reads an item {@link #writeItem} wrote (stored data, validated when it came in) from a parser
   * on its START_OBJECT, straight into the model: no tree and none of the request checks of
   * {@link #readItem}. {@code names}: only these attributes, the others' values skipped unread;
   * null: all. Leaves the parser on the item's END_OBJECT.
   */
  public static Map<String, AttributeValue> readWritten(JsonParser p, Set<String> names)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new IOException("not an item: " + p.currentToken());
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      p.nextToken();
      if (names != null && !names.contains(name)) {
        p.skipChildren();
      } else {
        item.put(name, readWritten(p));
      }
    }
    return item;
  }

  /** One value {@link #write} wrote; the parser is on its START_OBJECT and is left on its END_OBJECT. */
  private static AttributeValue readWritten(JsonParser p) throws IOException {
    String type = p.nextFieldName();
    if (type == null) {
      throw new IOException("attribute value without a type");
    }
    p.nextToken();
    AttributeValue v = switch (type) {
      case "S" -> new AttributeValue.S(p.getText());
      case "N" -> new AttributeValue.N(new BigDecimal(p.getText()));
      case "B" -> new AttributeValue.B(AttributeValue.Blob.wrap(p.getBinaryValue()));
      case "BOOL" -> AttributeValue.Bool.of(p.getBooleanValue());
      case "NULL" -> AttributeValue.Null.INSTANCE;
      case "SS" -> {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          all.add(p.getText());
        }
        yield new AttributeValue.SS(all);
      }
      case "NS" -> {
        LinkedHashSet<BigDecimal> all = new LinkedHashSet<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          all.add(new BigDecimal(p.getText()));
        }
        yield new AttributeValue.NS(all);
      }
      case "BS" -> {
        LinkedHashSet<AttributeValue.Blob> all = new LinkedHashSet<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          all.add(AttributeValue.Blob.wrap(p.getBinaryValue()));
        }
        yield new AttributeValue.BS(all);
      }
      case "L" -> {
        List<AttributeValue> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(readWritten(p));
        }
        yield new AttributeValue.L(list);
      }
      case "M" -> new AttributeValue.M(readWritten(p, null));
      default -> throw new IOException("attribute value of unknown type " + type);
    };
    if (p.nextToken() != JsonToken.END_OBJECT) {
      throw new IOException("attribute value with more than one type");
    }
    return v;
  }

  // ---- writing ----

  public static void writeItem(JsonGenerator g, Map<String, AttributeValue> item) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      g.writeFieldName(e.getKey());
      write(g, e.getValue());
    }
    g.writeEndObject();
  }

  public static void write(JsonGenerator g, AttributeValue v) throws IOException {
    g.writeStartObject();
    if (v instanceof AttributeValue.S s) {
      g.writeStringField("S", s.value());
    } else if (v instanceof AttributeValue.N n) {
      g.writeStringField("N", n.text());
    } else if (v instanceof AttributeValue.B b) {
      g.writeFieldName("B");
      g.writeBinary(b.value().unsafeArray());
    } else if (v instanceof AttributeValue.Bool b) {
      g.writeBooleanField("BOOL", b.value());
    } else if (v instanceof AttributeValue.Null) {
      g.writeBooleanField("NULL", true);
    } else if (v instanceof AttributeValue.SS ss) {
      g.writeArrayFieldStart("SS");
      for (String s : ss.values()) {
        g.writeString(s);
      }
      g.writeEndArray();
    } else if (v instanceof AttributeValue.NS ns) {
      g.writeArrayFieldStart("NS");
      for (BigDecimal d : ns.values()) {
        g.writeString(d.toPlainString());
      }
      g.writeEndArray();
    } else if (v instanceof AttributeValue.BS bs) {
      g.writeArrayFieldStart("BS");
      for (AttributeValue.Blob b : bs.values()) {
        g.writeBinary(b.unsafeArray());
      }
      g.writeEndArray();
    } else if (v instanceof AttributeValue.L l) {
      g.writeArrayFieldStart("L");
      for (AttributeValue el : l.values()) {
        write(g, el);
      }
      g.writeEndArray();
    } else if (v instanceof AttributeValue.M m) {
      g.writeFieldName("M");
      writeItem(g, m.values());
    }
    g.writeEndObject();
  }

  public static ObjectNode toJson(AttributeValue v) {
    ObjectNode o = Json.object();
    if (v instanceof AttributeValue.S s) {
      o.put("S", s.value());
    } else if (v instanceof AttributeValue.N n) {
      o.put("N", n.text());
    } else if (v instanceof AttributeValue.B b) {
      o.put("B", b.value().toString());
    } else if (v instanceof AttributeValue.Bool b) {
      o.put("BOOL", b.value());
    } else if (v instanceof AttributeValue.Null) {
      o.put("NULL", true);
    } else if (v instanceof AttributeValue.SS ss) {
      ArrayNode a = o.putArray("SS");
      ss.values().forEach(a::add);
    } else if (v instanceof AttributeValue.NS ns) {
      ArrayNode a = o.putArray("NS");
      ns.values().forEach(d -> a.add(d.toPlainString()));
    } else if (v instanceof AttributeValue.BS bs) {
      ArrayNode a = o.putArray("BS");
      bs.values().forEach(b -> a.add(b.toString()));
    } else if (v instanceof AttributeValue.L l) {
      ArrayNode a = o.putArray("L");
      l.values().forEach(el -> a.add(toJson(el)));
    } else if (v instanceof AttributeValue.M m) {
      o.set("M", itemToJson(m.values()));
    }
    return o;
  }

  public static ObjectNode itemToJson(Map<String, AttributeValue> item) {
    ObjectNode o = Json.object();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      o.set(e.getKey(), toJson(e.getValue()));
    }
    return o;
  }

  // ---- sizes ----

  /** The size of an item as DynamoDB counts it for the 400 KB limit and capacity units. */
  public static long itemSize(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += utf8Length(e.getKey()) + size(e.getValue());
    }
    return size;
  }

  /** The size of one value, without its name. */
  public static long size(AttributeValue v) {
    if (v instanceof AttributeValue.S s) {
      return utf8Length(s.value());
    }
    if (v instanceof AttributeValue.N n) {
      return numberSize(n.value());
    }
    if (v instanceof AttributeValue.B b) {
      return b.value().length();
    }
    if (v instanceof AttributeValue.Bool || v instanceof AttributeValue.Null) {
      return 1;
    }
    long t = 0;
    if (v instanceof AttributeValue.SS ss) {
      for (String s : ss.values()) {
        t += utf8Length(s);
      }
    } else if (v instanceof AttributeValue.NS ns) {
      for (BigDecimal d : ns.values()) {
        t += numberSize(d);
      }
    } else if (v instanceof AttributeValue.BS bs) {
      for (AttributeValue.Blob b : bs.values()) {
        t += b.length();
      }
    } else if (v instanceof AttributeValue.L l) {
      t = 3;
      for (AttributeValue el : l.values()) {
        t += size(el) + 1;
      }
    } else if (v instanceof AttributeValue.M m) {
      t = 3;
      for (Map.Entry<String, AttributeValue> e : m.values().entrySet()) {
        t += utf8Length(e.getKey()) + size(e.getValue()) + 1;
      }
    }
    return t;
  }

  /**
   * 1 byte per two significant digits (counted in pairs from the decimal point, so a pair that
   * straddles it costs two), plus 1, plus 1 for a negative number: {@code 3.14159} costs 5, {@code -42}
   * costs 3 (nubo-db/dynamodb-conformance, numberByteSize.test.ts, measured on DynamoDB's 400 KB
   * item limit to the byte).
   */
  static long numberSize(BigDecimal d) {
    if (d.signum() == 0) {
      return 1;
    }
    BigDecimal n = d.stripTrailingZeros();
    int p = n.precision();
    int scale = n.scale();
    int intDigits = p - scale;
    int padLeft = Math.floorMod(intDigits, 2);
    int padRight = Math.floorMod(scale, 2);
    return (p + padLeft + padRight) / 2 + 1 + (n.signum() < 0 ? 1 : 0);
  }

  public static int utf8Length(String s) {
    int n = s.length();
    int len = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        len++;
      } else if (c < 0x800) {
        len += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        len += 4;
        i++;
      } else {
        len += 3;
      }
    }
    return len;
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
