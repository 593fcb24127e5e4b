package dev.eddy.storage.expr;

import static dev.eddy.storage.expr.V.*;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the expression parsers and evaluators (Jazzer): random expression
 * text with random #name and :value contexts, parsed as condition, update, projection and key
 * condition and applied to a random item. Anything but ApiException is a bug. A normal build
 * runs the seeds in {@code ExpressionFuzzTestInputs/expressions}; {@code -Dfuzz} fuzzes.
 */
class ExpressionFuzzTest {
  private static final List<AttributeValue> SAMPLES = List.of(n(1), n("-2.5"), n("1E+125"), s("x"), s(""), b(1, 2),
      l(n(1), s("y")), l(), m("b", n(3), "x", l(n(1), n(2), n(3))), m(), ss("x", "y"), ns("1", "2"), bool(true), nul());
  private static final String[] NAMES = {"a", "b", "c", "l", "x", "pk", "sk", "size", "AND", ""};

  @FuzzTest(maxDuration = "20s")
  void expressions(FuzzedDataProvider data) {
    Map<String, String> names = new HashMap<>();
    for (int i = data.consumeInt(0, 3); i > 0; i--) {
      names.put("#" + data.consumeString(4), data.pickValue(NAMES));
    }
    Map<String, AttributeValue> values = new HashMap<>();
    for (int i = data.consumeInt(0, 4); i > 0; i--) {
      values.put(":" + data.consumeString(4), data.pickValue(SAMPLES));
    }
    Map<String, AttributeValue> item = new HashMap<>();
    for (int i = data.consumeInt(0, 5); i > 0; i--) {
      item.put(data.pickValue(NAMES), data.pickValue(SAMPLES));
    }
    String text = data.consumeRemainingAsString();
    ExpressionContext ctx;
    try {
      ctx = new ExpressionContext(names, values);
    } catch (ApiException e) {
      return;
    }
    try {
      ConditionExpression.parse(text, ctx).test(item);
    } catch (ApiException e) {
      // refused: fine
    }
    try {
      UpdateExpression u = UpdateExpression.parse(text, ctx);
      Map<String, AttributeValue> out = u.apply(item);
      u.projectUpdated(out);
    } catch (ApiException e) {
      // refused: fine
    }
    try {
      ProjectionExpression.parse(text, ctx).project(item);
    } catch (ApiException e) {
      // refused: fine
    }
    try {
      KeyCondition.parse(text, ctx, "pk", "sk").test(item);
    } catch (ApiException e) {
      // refused: fine
    }
  }
}
