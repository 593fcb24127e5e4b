package dev.eddy.storage.expr;

import static dev.eddy.storage.expr.V.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.api.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionExpressionTest {
  private static final Map<String, AttributeValue> ITEM = item(
      "pk", s("k"), "a", m("b", l(n(0), n(1), m("c", n(2), "d", n(3))), "e", n(4)), "arr", l(s("x"), s("y"), s("z")),
      "extra", n(9));

  private static Map<String, AttributeValue> project(String expr) {
    return ProjectionExpression.parse(expr, ExpressionContext.empty()).project(ITEM);
  }

  @Test
  void topLevelAndNested() {
    assertEquals(item("pk", s("k"), "extra", n(9)), project("pk, extra"));
    assertEquals(item("a", m("e", n(4))), project("a.e"));
    assertEquals(item("a", m("b", l(m("c", n(2))))), project("a.b[2].c"));
    assertEquals(item("a", m("b", l(n(1)), "e", n(4))), project("a.b[1], a.e"));
  }

  @Test
  void listsKeepChosenElementsInIndexOrder() {
    assertEquals(item("arr", l(s("x"), s("z"))), project("arr[2], arr[0]"));
    assertEquals(item("arr", l(s("y"))), project("arr[1], arr[7]"));
  }

  @Test
  void missingPathsAreLeftOut() {
    assertEquals(item(), project("nope, a.nope, arr[5], pk[0], a.b[0].c")); assertEquals(item(), project("arr.x"));
    assertEquals(item(), ProjectionExpression.parse("pk", ExpressionContext.empty()).project(null));
  }

  @Test
  void placeholdersAndReservedWords() {
    ExpressionContext ctx = ctx(map("#s", "status"), null);
    ProjectionExpression p = ProjectionExpression.parse("#s, pk", ctx);
    ctx.checkAllUsed();
    assertEquals(item("status", s("on"), "pk", s("k")), p.project(item("pk", s("k"), "status", s("on"), "x", n(1))));
    assertEquals(List.of("status", "pk"), p.topLevelAttributes());
    fails("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name",
        () -> ProjectionExpression.parse("pk, name", ExpressionContext.empty()));
  }

  @Test
  void errors() {
    fails("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
            + "path one: [a], path two: [a, b]",
        () -> ProjectionExpression.parse("a, a.b", ExpressionContext.empty()));
    fails("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
            + "path one: [a, b], path two: [a, b]",
        () -> ProjectionExpression.parse("a.b, a.b", ExpressionContext.empty()));
    fails("Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; "
            + "path one: [a, [0]], path two: [a, b]",
        () -> ProjectionExpression.parse("a[0], a.b", ExpressionContext.empty()));
    fails("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
        () -> ProjectionExpression.parse("a,", ExpressionContext.empty()));
    fails("Invalid ProjectionExpression: Syntax error; token: \"b\", near: \"a b\"",
        () -> ProjectionExpression.parse("a b", ExpressionContext.empty()));
    fails("Invalid ProjectionExpression: Syntax error; token: \"x\", near: \"[x]\"",
        () -> ProjectionExpression.parse("a[x]", ExpressionContext.empty()));
    fails("Invalid ProjectionExpression: The expression can not be empty;",
        () -> ProjectionExpression.parse("", ExpressionContext.empty()));
    fails("Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
        () -> ProjectionExpression.parse("#x", ExpressionContext.empty()));
  }
}
