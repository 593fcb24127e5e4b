package dev.eddy.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The shared Jackson setup: one mapper, request parsing with DynamoDB's error types. */
public final class Json {
  /** Deep enough for 32 levels of attribute nesting plus the request envelope. */
  public static final int MAX_DEPTH = 128;

  public static final ObjectMapper MAPPER = createMapper();
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private Json() {}

  private static ObjectMapper createMapper() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(32 * 1024 * 1024)
            .maxNumberLength(1000)
            .build())
        .build();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    ObjectMapper mapper = new ObjectMapper(factory);
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    return mapper;
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
      node = MAPPER.readTree(body, offset, length);
    } catch (IOException | RuntimeException e) {
      throw ApiException.serialization(null);
    }
    if (node == null || node.isMissingNode()) {
      return object();
    }
    if (!node.isObject()) {
      throw ApiException.serialization("Start of structure or map found where not expected.");
    }
    return (ObjectNode) node;
  }

  public static byte[] toBytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
