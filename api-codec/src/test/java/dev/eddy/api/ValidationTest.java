package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
