package dev.eddy.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The shared Jackson setup: one factory, request parsing with DynamoDB's error types, and JSON
 * trees read and written on the streaming API.
 *
 * <p>Trees are read and written here rather than through {@link ObjectMapper}: creating a mapper
 * loads some 400 classes (about a third of a second of CPU at start-up), and a JSON tree needs
 * none of them. The result is the same as {@link #mapper()}'s {@code readTree} and
 * {@code writeValueAsBytes} (exact decimals, strict duplicate detection, no trailing tokens);
 * {@code JsonTreesTest} compares the two.
 */
public final class Json {
  /**
   * How deep a request's JSON may nest. DynamoDB reads a request whose values nest far past their
   * 32-level limit and refuses it with the nesting error (its answers are captured to 101 levels,
   * about 210 JSON levels; see {@link DeepRequests}), so the parser must too; this bound, far above
   * that, keeps the recursive reading of trees off the end of the stack. Deeper is a
   * SerializationException.
   */
  public static final int MAX_DEPTH = 1000;

  /** Creates every parser and generator: requests, responses, stored items and records. */
  public static final JsonFactory FACTORY = createFactory();
  /**
   * Parses only JSON that Eddy wrote itself from validated values (stored items): the same
   * limits as {@link #FACTORY} without duplicate-key detection, which costs a set lookup per
   * object key and cannot fire on such input.
   */
  public static final JsonFactory STORED = createFactory(false);
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private Json() {}

  private static JsonFactory createFactory() {
    return createFactory(true);
  }

  private static JsonFactory createFactory(boolean strictDuplicates) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(32 * 1024 * 1024)
            .maxNumberLength(1000)
            .build())
        .build();
    if (strictDuplicates) {
      factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
    return factory;
  }

  /** A mapper configured as the trees here; created on first use (tests, debugging). */
  public static ObjectMapper mapper() {
    return MapperHolder.MAPPER;
  }

  private static final class MapperHolder {
    static final ObjectMapper MAPPER = createMapper();

    private static ObjectMapper createMapper() {
      ObjectMapper mapper = new ObjectMapper(createFactory());
      mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
      mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
      mapper.setNodeFactory(NODES);
      return mapper;
    }
  }

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /**
   * Parses a request body. An empty body counts as {}. Anything but a JSON object, JSON that
   * does not parse or bytes that are not strict UTF-8 are a SerializationException as in DynamoDB.
   */
  public static ObjectNode parseRequest(byte[] body, int offset, int length) {
    if (length == 0) {
      return object();
    }
    if (!Utf8.isValid(body, offset, length)) {
      throw ApiException.serialization(null);
    }
    JsonNode node;
    try {
      node = readTree(body, offset, length);
    } catch (IOException | RuntimeException e) {
      throw ApiException.serialization(null);
    }
    if (node.isMissingNode()) {
      return object();
    }
    if (!node.isObject()) {
      throw ApiException.serialization("Start of structure or map found where not expected.");
    }
    return (ObjectNode) node;
  }

  /** One JSON value; {@link MissingNode} when there is none (only white space). */
  public static JsonNode readTree(byte[] bytes) throws IOException {
    return readTree(bytes, 0, bytes.length);
  }

  /**
   * One JSON value from {@code bytes[offset, offset + length)}; {@link MissingNode} when there
   * is none. Anything after the value is an error, as are duplicate object keys; floating-point
   * numbers are read as exact decimals.
   */
  public static JsonNode readTree(byte[] bytes, int offset, int length) throws IOException {
    try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
      if (p.nextToken() == null) {
        return MissingNode.getInstance();
      }
      JsonNode node = read(p);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new com.fasterxml.jackson.core.JsonParseException(p,
            "Trailing token (of type " + trailing + ") found after value");
      }
      return node;
    }
  }

  /** The value at the parser's current token, which must start one; leaves the parser on its last token. */
  private static JsonNode read(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT: {
        ObjectNode o = NODES.objectNode();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          p.nextToken();
          o.set(name, read(p));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          a.add(read(p));
        }
        return a;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected token " + p.currentToken());
    }
  }

  /** The UTF-8 JSON of {@code node} (buffers recycled as ObjectMapper.writeValueAsBytes does). */
  public static byte[] toBytes(JsonNode node) {
    BufferRecycler recycler = FACTORY._getBufferRecycler();
    try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
        write(g, node);
      }
      byte[] bytes = out.toByteArray();
      out.release();
      return bytes;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      recycler.releaseToPool();
    }
  }

  /** Writes {@code node} as the mapper would (raw values as they are). */
  public static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT: {
        g.writeStartObject(node);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> e = fields.next();
          g.writeFieldName(e.getKey());
          write(g, e.getValue());
        }
        g.writeEndObject();
        return;
      }
      case ARRAY: {
        g.writeStartArray(node, node.size());
        for (int i = 0, n = node.size(); i < n; i++) {
          write(g, node.get(i));
        }
        g.writeEndArray();
        return;
      }
      case STRING:
        g.writeString(node.textValue());
        return;
      case NUMBER:
        switch (node.numberType()) {
          case INT:
            g.writeNumber(node.intValue());
            return;
          case LONG:
            g.writeNumber(node.longValue());
            return;
          case BIG_INTEGER:
            g.writeNumber(node.bigIntegerValue());
            return;
          case BIG_DECIMAL:
            g.writeNumber(node.decimalValue());
            return;
          case FLOAT:
            g.writeNumber(node.floatValue());
            return;
          default: // DOUBLE (a short is an INT here and prints the same)
            g.writeNumber(node.doubleValue());
            return;
        }
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        return;
      case NULL:
        g.writeNull();
        return;
      case BINARY:
        g.writeBinary(node.binaryValue());
        return;
      case POJO: {
        Object pojo = ((POJONode) node).getPojo();
        if (pojo instanceof RawValue) {
          ((RawValue) pojo).serialize(g, null);
        } else {
          mapper().writeValue(g, pojo);
        }
        return;
      }
      default:
        throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node");
    }
  }
}
