package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden wire cases: golden/&lt;Operation&gt;/&lt;case&gt;.json, each {request, response or error}.
 * The request's Item is decoded and re-encoded; the result must equal the response's Item, or
 * decoding must fail with the error's type (and message, when given). Items are read in the
 * current {@link ValueLayer}, as PutItem reads them (its envelope is added by the operation).
 */
class GoldenCasesTest {

  static Stream<Path> cases() throws Exception {
    Path root = Paths.get(GoldenCasesTest.class.getResource("/golden").toURI());
    return Files.walk(root).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decodeAndReencode(Path file) throws IOException {
    JsonNode golden = Json.mapper().readTree(file.toFile());
    JsonNode request = golden.get("request");
    if (golden.has("error")) {
      ApiException e = assertThrows(ApiException.class, () -> AttributeValues.readItem(request.get("Item")));
      assertEquals(golden.at("/error/__type").asText(), e.code().type());
      if (golden.at("/error").has("message")) {
        assertEquals(golden.at("/error/message").asText(), e.getMessage());
      }
      return;
    }
    Map<String, AttributeValue> item = AttributeValues.readItem(request.get("Item"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
      AttributeValues.writeItem(g, item);
    }
    assertEquals(golden.at("/response/Item"), Json.mapper().readTree(out.toByteArray()));
    assertEquals(golden.at("/response/Item"), AttributeValues.itemToJson(item));
    assertTrue(AttributeValues.itemSize(item) > 0);
  }
}
