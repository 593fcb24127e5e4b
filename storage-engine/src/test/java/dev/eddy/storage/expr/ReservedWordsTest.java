package dev.eddy.storage.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReservedWordsTest {
  @Test
  void fullListCaseInsensitive() {
    assertEquals(573, ReservedWords.count());
    assertTrue(ReservedWords.isReserved("status"));
    assertTrue(ReservedWords.isReserved("Name"));
    assertTrue(ReservedWords.isReserved("ZONE"));
    assertTrue(ReservedWords.isReserved("abort"));
    assertFalse(ReservedWords.isReserved("pk"));
    assertFalse(ReservedWords.isReserved("statuses"));
  }
}
