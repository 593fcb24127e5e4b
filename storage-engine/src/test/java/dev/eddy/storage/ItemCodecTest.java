package dev.eddy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.api.RawJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemCodecTest {
  private static Map<String, AttributeValue> item() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", new AttributeValue.S("p\u00e9-1 \"quoted\""));
    item.put("n", new AttributeValue.N(new java.math.BigDecimal("-12.5")));
    item.put("l", new AttributeValue.L(List.of(new AttributeValue.S("x"), AttributeValue.Bool.of(true))));
    return item;
  }

  @Test
  void roundTripsAndKeepsTheDynamoDbSizeInTheHeader() {
    Map<String, AttributeValue> item = item();
    byte[] stored = ItemCodec.encode(item);
    assertEquals(item, ItemCodec.decode(stored));
    assertEquals(AttributeValues.itemSize(item), ItemCodec.size(stored));
    assertNull(ItemCodec.decode(null));
  }

  /** Every type, nested, with the edge cases the streaming decoder must read back as the tree reader did. */
  private static Map<String, AttributeValue> everyType() {
    Map<String, AttributeValue> item = new LinkedHashMap<>(item());
    item.put("big", AttributeValue.N.of("1E+125"));
    item.put("tiny", AttributeValue.N.of("-0.000000000000000000000000000000000000001"));
    item.put("zero", AttributeValue.N.of("0.000"));
    item.put("b", AttributeValue.B.of(new byte[] {0, 1, 2, (byte) 0xff}));
    item.put("t", AttributeValue.Bool.of(false));
    item.put("null", AttributeValue.Null.INSTANCE);
    item.put("ss", new AttributeValue.SS(new java.util.LinkedHashSet<>(List.of("b", "a", "\u2603"))));
    item.put("ns", new AttributeValue.NS(new java.util.LinkedHashSet<>(
        List.of(new java.math.BigDecimal("3"), new java.math.BigDecimal("1.50")))));
    item.put("bs", new AttributeValue.BS(new java.util.LinkedHashSet<>(
        List.of(AttributeValue.Blob.wrap(new byte[] {9}), AttributeValue.Blob.wrap(new byte[0])))));
    Map<String, AttributeValue> inner = new LinkedHashMap<>();
    inner.put("empty", new AttributeValue.M(Map.of()));
    inner.put("list", new AttributeValue.L(List.of(new AttributeValue.L(List.of()), AttributeValue.Null.INSTANCE)));
    inner.put("s", new AttributeValue.S(""));
    item.put("m", new AttributeValue.M(inner));
    return item;
  }

  /**
   * A row is the header and then the item's DynamoDB JSON, whether the first buffer
   * was too small (many small attributes: more JSON per byte of item than estimated), roomy (one
   * big string) or just right; and it decodes back to the item.
   */
  @Test
  void aRowIsItsHeaderAndTheItemsJsonWhateverTheBufferEstimate() {
    Map<String, AttributeValue> many = new LinkedHashMap<>();
    for (int i = 0; i < 2000; i++) {
      many.put("n" + i, AttributeValue.N.of("1"));
    }
    Map<String, AttributeValue> big = new LinkedHashMap<>();
    big.put("pk", new AttributeValue.S("k"));
    big.put("s", new AttributeValue.S("x".repeat(400_000)));
    for (Map<String, AttributeValue> item : List.of(everyType(), many, big)) {
      long size = AttributeValues.itemSize(item);
      byte[] row = ItemCodec.encode(item);
      assertEquals(size, ItemCodec.size(row));
      assertEquals(new String(Json.toBytes(AttributeValues.itemToJson(item)), StandardCharsets.UTF_8),
          new String(row, 5, row.length - 5, StandardCharsets.UTF_8));
      assertEquals(item, ItemCodec.decode(row));
    }
  }

  @Test
  void decodesEveryTypeAsTheRequestReaderReadsIt() {
    Map<String, AttributeValue> item = everyType();
    byte[] stored = ItemCodec.encode(item);
    Map<String, AttributeValue> decoded = ItemCodec.decode(stored);
    assertEquals(item, decoded);
    assertEquals(List.copyOf(item.keySet()), List.copyOf(decoded.keySet()));
    // the same as reading the stored JSON as a request item
    assertEquals(AttributeValues.readItem(parse(wrap(ItemCodec.json(stored))).get("Item")), decoded);
    assertEquals(item, ItemCodec.decode(Json.toBytes(AttributeValues.itemToJson(item))));
  }

  @Test
  void decodesOnlyTheNamedAttributes() {
    Map<String, AttributeValue> item = everyType();
    byte[] stored = ItemCodec.encode(item);
    Map<String, AttributeValue> some = ItemCodec.decode(stored, java.util.Set.of("pk", "m", "bs", "absent"));
    assertEquals(List.of("pk", "bs", "m"), List.copyOf(some.keySet()));
    assertEquals(item.get("pk"), some.get("pk"));
    assertEquals(item.get("m"), some.get("m"));
    assertEquals(item.get("bs"), some.get("bs"));
    assertEquals(Map.of(), ItemCodec.decode(stored, java.util.Set.of()));
  }

  @Test
  void readsValuesStoredBeforeTheHeaderExisted() {
    Map<String, AttributeValue> item = item();
    byte[] legacy = Json.toBytes(AttributeValues.itemToJson(item)); // plain JSON, as older versions stored
    assertEquals(item, ItemCodec.decode(legacy));
    assertEquals(AttributeValues.itemSize(item), ItemCodec.size(legacy));
    assertEquals(AttributeValues.itemToJson(item),
        parse(wrap(ItemCodec.json(legacy))).get("Item"));
  }

  @Test
  void storedJsonGoesIntoAResponseAsItIsAndCanBeReadBack() {
    Map<String, AttributeValue> item = item();
    byte[] stored = ItemCodec.encode(item);
    ObjectNode response = wrap(ItemCodec.json(stored));
    JsonNode parsed = parse(response);
    assertEquals(item, AttributeValues.readItem(parsed.get("Item")));
    assertEquals(item, AttributeValues.readItem(parsed.get("Items").get(0)));
    // code that reads a response tree it built sees the item too
    assertEquals(item, AttributeValues.readItem(response.get("Item")));
    assertEquals(item, AttributeValues.readItem(response.get("Items").get(1)));
    assertEquals(AttributeValues.itemToJson(item), RawJson.tree(response.get("Item")));
    // a character-based writer (toString) writes the same JSON
    assertEquals(parsed, parse(response.toString()));
  }

  private static ObjectNode wrap(com.fasterxml.jackson.databind.util.RawValue raw) {
    ObjectNode response = Json.object();
    response.putRawValue("Item", raw);
    ArrayNode items = response.putArray("Items");
    items.addRawValue(raw);
    items.addRawValue(raw);
    response.put("Count", 2);
    return response;
  }

  private static JsonNode parse(ObjectNode node) {
    return parse(new String(Json.toBytes(node), StandardCharsets.UTF_8));
  }

  private static JsonNode parse(String json) {
    try {
      return Json.readTree(json.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
