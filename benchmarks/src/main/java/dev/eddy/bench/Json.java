package dev.eddy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The little JSON the {@link RawClient} workloads write and check. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    try {
      return MAPPER.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code utf8} JSON as a tree. */
  static JsonNode tree(byte[] utf8) {
    try {
      return MAPPER.readTree(utf8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The integer member {@code name} of the top-level object {@code body}. */
  static int intField(String body, String name) {
    String key = "\"" + name + "\":";
    int at = body.indexOf(key);
    if (at < 0) {
      throw new IllegalStateException("no " + name + " in " + body);
    }
    int i = at + key.length();
    while (i < body.length() && body.charAt(i) == ' ') {
      i++;
    }
    int end = i;
    while (end < body.length() && Character.isDigit(body.charAt(end))) {
      end++;
    }
    return Integer.parseInt(body.substring(i, end));
  }

  /**
   * The object member {@code name} of the top-level object {@code body}, as JSON text, or null when
   * there is none. Only that member is parsed (a Scan page is 1 MB; its LastEvaluatedKey is small).
   */
  static String objectField(String body, String name) {
    int at = body.lastIndexOf("\"" + name + "\"");
    if (at < 0) {
      return null;
    }
    int start = body.indexOf('{', at);
    try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(body.substring(start))) {
      return MAPPER.writeValueAsString(MAPPER.readTree(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The string member {@code name} of the top-level object {@code body} (its last occurrence:
   * GetRecords' NextShardIterator follows the records), or null when there is none.
   */
  static String stringField(String body, String name) {
    String key = "\"" + name + "\":";
    int at = body.lastIndexOf(key);
    if (at < 0) {
      return null;
    }
    int start = at + key.length();
    while (start < body.length() && body.charAt(start) == ' ') {
      start++;
    }
    if (body.startsWith("null", start)) {
      return null;
    }
    try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(body.substring(start))) {
      p.nextToken();
      return p.getValueAsString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many write requests a BatchWriteItem answer hands back in UnprocessedItems. */
  /** How often {@code needle} occurs in {@code body} (e.g. an attribute only items carry). */
  static int count(String body, String needle) {
    int n = 0;
    for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  static int countUnprocessed(String body) {
    if (!body.contains("\"UnprocessedItems\"") || body.contains("\"UnprocessedItems\":{}")) {
      return 0;
    }
    try {
      JsonNode tables = MAPPER.readTree(body).path("UnprocessedItems");
      int n = 0;
      for (JsonNode requests : tables) {
        n += requests.size();
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
