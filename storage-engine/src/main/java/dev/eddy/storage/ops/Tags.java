package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;

/** Tags on tables: validation and storage (kept in the description as "_Tags", key to value). */
final class Tags {
  static final int MAX_TAGS = 50;

  private Tags() {}

  static void validate(ArrayNode tags, String path, Validation v) {
    if (tags == null) {
      return;
    }
    int i = 1;
    for (JsonNode t : tags) {
      Req r = Req.element(t);
      String key = r.str("Key");
      String value = r.str("Value");
      String p = path + "." + i + ".member";
      v.notNull(key, p + ".key");
      v.length(key, p + ".key", 1, 128);
      v.notNull(value, p + ".value");
      v.length(value, p + ".value", 0, 256);
      i++;
    }
  }

  static void checkSemantics(ArrayNode tags) {
    if (tags == null) {
      return;
    }
    if (tags.size() > MAX_TAGS) {
      throw ApiException.limitExceeded("The number of tags exceeds the limit of " + MAX_TAGS);
    }
    for (JsonNode t : tags) {
      if (t.path("Key").asText().startsWith("aws:")) {
        throw ApiException.invalidParameter("Tag keys starting with 'aws:' are reserved for system use");
      }
    }
  }

  static ObjectNode toMap(ArrayNode tags) {
    ObjectNode m = Json.object();
    for (JsonNode t : tags) {
      m.put(t.path("Key").asText(), t.path("Value").asText());
    }
    return m;
  }
}
