package dev.eddy.storage.expr;

import static dev.eddy.storage.expr.V.ctx;
import static dev.eddy.storage.expr.V.fails;
import static dev.eddy.storage.expr.V.item;
import static dev.eddy.storage.expr.V.map;
import static dev.eddy.storage.expr.V.n;
import static dev.eddy.storage.expr.V.s;
import static dev.eddy.storage.expr.V.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The parser keeps trees it parsed and hands out copies: the same text checked again with other
 * names and values must behave as if parsed afresh, and nothing bound once may leak into the next.
 */
class ParseCacheTest {
  @RepeatedTest(2) // the second repetition reads every text from the cache
  void sameConditionWithOtherValuesAndNames() {
    String text = "#a = :v AND (size(b) > :n OR attribute_not_exists(#c.d[1]))";
    Map<String, AttributeValue> item = item("x", n(1), "b", s("abc"), "y", n(2));
    ConditionExpression one = ConditionExpression.parse(text,
        ctx(map("#a", "x", "#c", "c"), map(":v", n(1), ":n", n(2))));
    ConditionExpression two = ConditionExpression.parse(text,
        ctx(map("#a", "y", "#c", "c"), map(":v", n(2), ":n", n(5))));
    assertTrue(one.test(item));
    assertTrue(two.test(item)); // y = 2, and size(b) > 5 fails but c.d[1] does not exist
    assertFalse(ConditionExpression.parse(text,
        ctx(map("#a", "y", "#c", "c"), map(":v", n(1), ":n", n(5)))).test(item)); // y = 1 fails
    assertTrue(one.test(item)); // the later parses did not rebind the first
  }

  @RepeatedTest(2)
  void checksRunOnEveryUseNotOnlyTheFirst() {
    assertTrue(ConditionExpression.parse("a = :v", values(":v", n(1))).test(item("a", n(1))));
    fails("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v",
        () -> ConditionExpression.parse("a = :v", ExpressionContext.empty()));
    fails("Invalid ConditionExpression: The expression has redundant parentheses;",
        () -> ConditionExpression.parse("((a = :v))", values(":v", n(1))));
    fails("Invalid FilterExpression: The expression has redundant parentheses;",
        () -> ConditionExpression.parse("((a = :v))", values(":v", n(1)), ExpressionKind.FILTER));
    fails("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
        () -> ConditionExpression.parse("a = ", values(":v", n(1))));
  }

  @Test
  void theKindIsPartOfTheKey() {
    fails("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :w",
        () -> ConditionExpression.parse("a = :w", ExpressionContext.empty()));
    fails("Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: :w",
        () -> ConditionExpression.parse("a = :w", ExpressionContext.empty(), ExpressionKind.FILTER));
  }

  @RepeatedTest(2)
  void sameUpdateWithOtherValues() {
    String text = "SET a = :v, l = list_append(l, :l) ADD c :n REMOVE r";
    Map<String, AttributeValue> old = item("a", n(0), "l", V.l(n(1)), "c", n(10), "r", s("x"));
    Map<String, AttributeValue> first = UpdateExpression.parse(text,
        values(":v", s("one"), ":l", V.l(n(2)), ":n", n(1))).apply(old);
    Map<String, AttributeValue> second = UpdateExpression.parse(text,
        values(":v", s("two"), ":l", V.l(n(3)), ":n", n(5))).apply(old);
    assertEquals(item("a", s("one"), "l", V.l(n(1), n(2)), "c", n(11)), first);
    assertEquals(item("a", s("two"), "l", V.l(n(1), n(3)), "c", n(15)), second);
  }

  @RepeatedTest(2)
  void sameProjectionWithOtherNames() {
    Map<String, AttributeValue> item = item("a", n(1), "b", n(2), "c", n(3));
    assertEquals(item("a", n(1), "c", n(3)),
        ProjectionExpression.parse("#x, c", ctx(map("#x", "a"), null)).project(item));
    assertEquals(item("b", n(2), "c", n(3)),
        ProjectionExpression.parse("#x, c", ctx(map("#x", "b"), null)).project(item));
  }

  @Test
  void keyConditionsFromTheCacheKeepTheirOwnValues() {
    String text = "pk = :p AND sk BETWEEN :lo AND :hi";
    KeyCondition one = KeyCondition.parse(text, values(":p", s("a"), ":lo", n(1), ":hi", n(2)), "pk", "sk");
    KeyCondition two = KeyCondition.parse(text, values(":p", s("b"), ":lo", n(3), ":hi", n(4)), "pk", "sk");
    assertEquals(s("a"), one.partitionValues().get(0));
    assertEquals(s("b"), two.partitionValues().get(0));
    assertEquals(List.of(n(1), n(2)), one.sortKeyCondition().values());
    assertEquals(List.of(n(3), n(4)), two.sortKeyCondition().values());
  }

  @Test
  void manyDistinctTextsStayBoundedAndCorrect() {
    for (int i = 0; i < Parser.CACHE_ENTRIES * 3; i++) {
      assertTrue(ConditionExpression.parse("a" + i + " = :v", values(":v", n(i))).test(item("a" + i, n(i))));
    }
    assertTrue(ConditionExpression.parse("a1 = :v", values(":v", n(1))).test(item("a1", n(1))));
  }
}
