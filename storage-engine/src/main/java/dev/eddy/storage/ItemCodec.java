package dev.eddy.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** How items are stored: their DynamoDB JSON, so a whole-item read can be sent as it is. */
public final class ItemCodec {
  private ItemCodec() {}

  public static byte[] encode(Map<String, AttributeValue> item) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      AttributeValues.writeItem(g, item);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static Map<String, AttributeValue> decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return AttributeValues.readItem(Json.readTree(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
