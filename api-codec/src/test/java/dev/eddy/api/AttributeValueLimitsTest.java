package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AttributeValueLimitsTest {
  private static String nested(int levels) {
    return "{\"L\":[".repeat(levels) + "]}".repeat(levels);
  }

  @Test
  void nestingBeyond32LevelsIsRejectedWithDynamoDbsText() throws Exception {
    AttributeValues.read(Json.mapper().readTree(nested(32)));
    ApiException e = assertThrows(ApiException.class, () -> AttributeValues.read(Json.mapper().readTree(nested(33))));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals("Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond"
        + " supported limit", e.getMessage());
  }

  @Test
  void binarySetErrorsUseDynamoDbsTexts() {
    ApiException empty = assertThrows(ApiException.class, () -> AttributeValues.read(Json.mapper().readTree("{\"BS\":[]}")));
    assertEquals("One or more parameter values were invalid: Binary sets should not be empty", empty.getMessage());
    ApiException dup = assertThrows(ApiException.class,
        () -> AttributeValues.read(Json.mapper().readTree("{\"BS\":[\"Yg==\",\"Yg==\"]}")));
    // the current layer's rendering (nubo-db/dynamodb-conformance, captured 2026-10-09); ValueLayerTest has both
    assertEquals("One or more parameter values were invalid: Input collection [\"Yg==\",\"Yg==\"]of type BS contains"
        + " duplicates.", dup.getMessage());
  }
}
