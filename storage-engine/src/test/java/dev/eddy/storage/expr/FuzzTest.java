package dev.eddy.storage.expr;

import static dev.eddy.storage.expr.V.*;
import static org.junit.jupiter.api.Assertions.fail;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random input must only ever produce ApiException (never another exception, never a hang). */
class FuzzTest {
  private static final String[] PIECES = {
    "a", "b", "#n", "#x", ":v", ":l", ":s", ":zz", " ", "(", ")", "[", "]", "0", "12", ",", ".", "=", "<>", "<", "<=", ">",
    ">=", "+", "-", "AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE", "size", "contains",
    "begins_with", "attribute_exists", "attribute_not_exists", "attribute_type", "if_not_exists", "list_append",
    "status", "_", "!", "\u00e9", "\uD83D\uDE00", "99999999999", "\t", ":", "#"
  };

  private static final Map<String, AttributeValue> ITEM = item("a", l(n(1), m("b", s("x"))), "b", n(3), "x", s("y"));

  @Test
  void randomExpressionsFailOnlyWithApiException() {
    Random r = new Random(42);
    for (int i = 0; i < 20000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + r.nextInt(12);
      for (int j = 0; j < len; j++) {
        if (r.nextInt(10) == 0) {
          sb.append((char) r.nextInt(128));
        } else {
          sb.append(PIECES[r.nextInt(PIECES.length)]);
          if (r.nextBoolean()) {
            sb.append(' ');
          }
        }
      }
      run(sb.toString(), i % 5);
    }
  }

  private static void run(String text, int which) {
    ExpressionContext ctx = ctx(map("#n", "a", "#x", "x"), map(":v", n(1), ":l", l(n(2)), ":s", ss("q")));
    try {
      switch (which) {
        case 0 -> ConditionExpression.parse(text, ctx).test(ITEM);
        case 1 -> UpdateExpression.parse(text, ctx).apply(ITEM);
        case 2 -> ProjectionExpression.parse(text, ctx).project(ITEM);
        case 3 -> KeyCondition.parse(text, ctx, "a", "b");
        default -> ConditionExpression.parse(text, ctx, ExpressionKind.FILTER).test(null);
      }
      ctx.checkAllUsed();
    } catch (ApiException e) {
      // expected
    } catch (RuntimeException | StackOverflowError e) {
      fail("kind " + which + " on \"" + text + "\" threw " + e, e);
    }
  }
}
