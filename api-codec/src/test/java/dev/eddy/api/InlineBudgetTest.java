package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InlineBudgetTest {
  @Test
  void aBudgetHoldsForTheCallOnItsThreadOnly() throws Exception {
    assertEquals(Integer.MAX_VALUE, InlineBudget.items(), "no budget outside a call");
    assertEquals(7, (int) InlineBudget.run(7, InlineBudget::items));
    assertEquals(Integer.MAX_VALUE, InlineBudget.items(), "gone after the call");
    int other = InlineBudget.run(7, () -> CompletableFuture.supplyAsync(InlineBudget::items).join());
    assertEquals(Integer.MAX_VALUE, other, "another thread has none");
    assertEquals(List.of(3, 7), InlineBudget.run(7, () -> List.of(InlineBudget.run(3, InlineBudget::items), InlineBudget.items())),
        "an inner budget gives way to the outer one after it");
  }

  @Test
  void exceedingEndsTheCallAndLeavesNoBudgetBehind() {
    InlineBudget.Exceeded e = assertThrows(InlineBudget.Exceeded.class, () -> InlineBudget.run(1, () -> {
      throw InlineBudget.exceeded();
    }));
    assertSame(InlineBudget.exceeded(), e);
    assertEquals(0, e.getStackTrace().length, "stackless: it is control flow, not an error");
    assertEquals(Integer.MAX_VALUE, InlineBudget.items());
    assertThrows(IllegalStateException.class, () -> InlineBudget.run(1, () -> {
      throw new IllegalStateException("other failures pass through");
    }));
    assertEquals(Integer.MAX_VALUE, InlineBudget.items());
    assertThrows(IllegalArgumentException.class, () -> InlineBudget.run(-1, () -> 0));
  }
}
