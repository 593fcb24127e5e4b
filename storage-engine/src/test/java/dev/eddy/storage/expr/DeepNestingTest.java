package dev.eddy.storage.expr;

import static dev.eddy.storage.expr.V.*;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.eddy.api.ApiException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Pathological nesting within the 4 KB limit must neither overflow the stack nor take long. */
class DeepNestingTest {
  private static void bad(String text) {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertThrows(ApiException.class, () -> ConditionExpression.parse(text, values(":v", n(1))));
      assertThrows(ApiException.class, () -> UpdateExpression.parse("SET a = " + text, values(":v", n(1))));
    });
  }

  @Test
  void deepParentheses() {
    bad("(".repeat(2040) + "a = :v" + ")".repeat(2040));
    bad("(".repeat(4000));
    bad("(".repeat(1000) + "a" + ")".repeat(1000) + " = :v");
    bad("(".repeat(1300) + "a" + ")".repeat(1300));
    bad("NOT ".repeat(1020) + "a = :v");
    bad("a" + ".b".repeat(2000) + " = :v");
    bad("size(".repeat(800) + "a" + ")".repeat(800) + " = :v");
  }
}
