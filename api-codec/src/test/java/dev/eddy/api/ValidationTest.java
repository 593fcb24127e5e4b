package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ValidationTest {
  @Test
  void tableNameCharactersAgreeWithThePattern() {
    for (int c = 0; c <= 0xFFFF; c++) {
      String s = "ab" + (char) c;
      assertEquals(Validation.NAME.matcher(s).matches(), Validation.isNameChars(s), "char " + c);
    }
    for (String s : new String[] {"", "a", "Table_1.x-y", "a b", "\uD83D\uDE00", "ta\u00e9", "x/y"}) {
      assertEquals(Validation.NAME.matcher(s).matches(), Validation.isNameChars(s), s);
    }
  }

  @Test
  void theEnvelopeWrapsOneBareValidationMessage() {
    assertEquals("1 validation error detected: ReturnValues can only be ALL_OLD or NONE",
        Validation.envelope(ApiException.validation("ReturnValues can only be ALL_OLD or NONE")).getMessage());
    ApiException counted = ApiException.validation("2 validation errors detected: Value null at 'key' ...; ...");
    assertSame(counted, Validation.envelope(counted));
    ApiException one = ApiException.validation("1 validation error detected: Value 'XOR' at 'conditionalOperator' ...");
    assertSame(one, Validation.envelope(one));
    ApiException other = ApiException.resourceNotFound("Requested resource not found");
    assertSame(other, Validation.envelope(other));
    ApiException serialization = ApiException.serialization("Unexpected field type");
    assertSame(serialization, Validation.envelope(serialization));
  }
}
