package dev.eddy.storage.expr;

import static dev.eddy.storage.expr.V.*;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExpressionContextTest {
  @Test
  void validatesMaps() {
    fails("ExpressionAttributeNames must not be empty", () -> ctx(Map.of(), null));
    fails("ExpressionAttributeValues must not be empty", () -> ctx(null, Map.of()));
    fails("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"", () -> ctx(map("a", "a"), null));
    fails("ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"", () -> ctx(map("#a-b", "a"), null));
    fails("ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"", () -> ctx(null, map("v", n(1))));
    fails("ExpressionAttributeNames must not be empty", () -> ctx(Map.of(), Map.of()));
    String longKey = "#" + "a".repeat(255);
    fails("ExpressionAttributeNames contains invalid key: The expression attribute map contains a key that is too long; size of key: 256",
        () -> ctx(map(longKey, "a"), null));
    ctx(map(longKey.substring(1).replace("a", "#").substring(0, 1) + "a".repeat(254), "a"), null);
  }

  @Test
  void unusedNamesAreReportedBeforeValues() {
    ExpressionContext c = ctx(map("#a", "a", "#b", "b", "#c", "c"), map(":x", n(1), ":y", n(2)));
    ConditionExpression.parse("#b = :x", c);
    fails("Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #c}", c::checkAllUsed);
    ConditionExpression.parse("#a = #c", c);
    fails("Value provided in ExpressionAttributeValues unused in expressions: keys: {:y}", c::checkAllUsed);
    UpdateExpression.parse("SET a = :y", c);
    c.checkAllUsed();
    ExpressionContext.empty().checkAllUsed();
  }

  /** The placeholder check is a loop; it must say what DynamoDB's patterns say, for every char. */
  @Test
  void placeholderCheckMatchesThePatterns() {
    Pattern names = Pattern.compile("#[0-9a-zA-Z_]+");
    Pattern values = Pattern.compile(":[0-9a-zA-Z_]+");
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      for (String k : new String[] {"#" + c, ":" + c, "#a" + c, ":a" + c, String.valueOf(c), c + "a"}) {
        assertEquals(names.matcher(k).matches(), ExpressionContext.isPlaceholder(k, '#'), k);
        assertEquals(values.matcher(k).matches(), ExpressionContext.isPlaceholder(k, ':'), k);
      }
    }
    for (String k : new String[] {"", "#", ":", "##", "#:", ":#"}) {
      assertEquals(names.matcher(k).matches(), ExpressionContext.isPlaceholder(k, '#'), k);
      assertEquals(values.matcher(k).matches(), ExpressionContext.isPlaceholder(k, ':'), k);
    }
  }
}
