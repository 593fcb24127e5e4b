package dev.eddy.storage.expr;

import static dev.eddy.storage.expr.V.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionExpressionTest {
  private static final Map<String, AttributeValue> ITEM = item(
      "s", s("hello"), "n", n(5), "bin", b(1, 2, 0xff), "tags", ss("x", "y"), "nums", ns("1", "2"),
      "arr", l(s("a"), n(2), m("k", s("v"))), "doc", m("inr", m("deep", n(7)), "str", s("q")),
      "flag", bool(true), "nothing", nul());

  private static boolean eval(String expr, Object... values) {
    ExpressionContext ctx = values.length == 0 ? ExpressionContext.empty() : values(values);
    ConditionExpression c = ConditionExpression.parse(expr, ctx);
    ctx.checkAllUsed();
    return c.test(ITEM);
  }

  @Test
  void comparesNumbersNumerically() {
    assertTrue(eval("n = :v", ":v", n("5.0")));
    assertTrue(eval("n < :v", ":v", n("10")));
    assertTrue(eval("n >= :v", ":v", n("5")));
    assertFalse(eval("n > :v", ":v", n("5")));
    assertTrue(eval("n <> :v", ":v", n("-5")));
    assertTrue(eval("n <= :v", ":v", n("5E0")));
  }

  @Test
  void differentTypesCompareFalseAndNotEqualTrue() {
    assertFalse(eval("n = :v", ":v", s("5")));
    assertFalse(eval("n < :v", ":v", s("9")));
    assertTrue(eval("n <> :v", ":v", s("5")));
    assertFalse(eval("tags < nums"));
    assertFalse(eval("arr >= :v", ":v", n(1)));
    assertTrue(eval("tags = :v", ":v", ss("y", "x")));
  }

  @Test
  void missingAttributes() {
    assertFalse(eval("absent = :v", ":v", n(1)));
    assertTrue(eval("absent <> :v", ":v", n(1)));
    assertFalse(eval("absent < :v", ":v", n(1)));
    assertTrue(eval("attribute_not_exists(absent)"));
    assertFalse(eval("attribute_exists(absent.x)"));
    assertFalse(eval("attribute_exists(s[0])"));
    assertFalse(eval("attribute_exists(arr.x)"));
    assertFalse(eval("attribute_exists(arr[9])"));
    assertTrue(eval("attribute_exists(arr[2].k)"));
    ConditionExpression c = ConditionExpression.parse("attribute_not_exists(pk)", ExpressionContext.empty());
    assertTrue(c.test(null));
    assertTrue(c.test(Map.of()));
  }

  @Test
  void stringsCompareByUtf8BytesNotUtf16() {
    // U+FFFF is below U+1F600 in UTF-8 order, although its UTF-16 unit is above the surrogate
    Map<String, AttributeValue> it = item("a", s("\uFFFF"));
    ConditionExpression c = ConditionExpression.parse("a < :v", values(":v", s("\uD83D\uDE00")));
    assertTrue(c.test(it));
    assertTrue(eval("s > :v", ":v", s("hell")));
    assertTrue(eval("s < :v", ":v", s("help")));
  }

  @Test
  void binariesCompareUnsigned() {
    assertTrue(eval("bin > :v", ":v", b(1, 2, 0x7f)));
    assertTrue(eval("bin < :v", ":v", b(1, 3)));
    assertTrue(eval("begins_with(bin, :v)", ":v", b(1, 2)));
    assertTrue(eval("contains(bin, :v)", ":v", b(2, 0xff)));
  }

  @Test
  void nestedPathsAndPlaceholders() {
    ExpressionContext ctx = ctx(map("#m", "doc", "#d", "deep"), map(":v", n(7)));
    assertTrue(ConditionExpression.parse("#m.inr.#d = :v", ctx).test(ITEM));
    ctx.checkAllUsed();
    assertTrue(eval("arr[2].k = :v", ":v", s("v")));
    assertTrue(eval("arr[0] = :v", ":v", s("a")));
    assertTrue(eval("doc.str = :v", ":v", s("q")));
  }

  @Test
  void precedenceNotAndOr() {
    // OR binds loosest: false OR (true AND true)
    assertTrue(eval("n = :a OR n = :b AND s = :s", ":a", n(1), ":b", n(5), ":s", s("hello")));
    // true OR (x AND false) is true; (true OR x) AND false would be false
    assertTrue(eval("n = :b OR n = :a AND s = :x", ":a", n(1), ":b", n(5), ":x", s("no")));
    // NOT binds tighter than AND
    assertFalse(eval("NOT n = :b AND n = :b", ":b", n(5)));
    assertTrue(eval("NOT (n = :a AND n = :b)", ":a", n(1), ":b", n(5)));
    assertTrue(eval("not not n = :b", ":b", n(5)));
    assertTrue(eval("(n = :a or n = :b) and s = :s", ":a", n(1), ":b", n(5), ":s", s("hello")));
  }

  @Test
  void betweenAndIn() {
    assertTrue(eval("n BETWEEN :lo AND :hi", ":lo", n(1), ":hi", n(5)));
    assertTrue(eval("n between :lo and :hi", ":lo", n(5), ":hi", n(5)));
    assertFalse(eval("n BETWEEN :lo AND :hi", ":lo", n(6), ":hi", n(9)));
    assertFalse(eval("s BETWEEN :lo AND :hi", ":lo", n(1), ":hi", n(9)));
    assertTrue(eval("s BETWEEN :lo AND :hi", ":lo", s("a"), ":hi", s("z")));
    assertTrue(eval("n IN (:a, :b)", ":a", n(1), ":b", n(5)));
    assertFalse(eval("n in (:a)", ":a", n(1)));
    assertFalse(eval("absent IN (:a)", ":a", n(1)));
    assertTrue(eval("s IN (n, s)"));
  }

  @Test
  void functions() {
    assertTrue(eval("attribute_type(n, :t)", ":t", s("N")));
    assertFalse(eval("attribute_type(n, :t)", ":t", s("S")));
    assertTrue(eval("attribute_type(nothing, :t)", ":t", s("NULL")));
    assertTrue(eval("begins_with(s, :p)", ":p", s("he")));
    assertFalse(eval("begins_with(n, :p)", ":p", s("5")));
    assertTrue(eval("contains(s, :p)", ":p", s("ell")));
    assertTrue(eval("contains(tags, :p)", ":p", s("x")));
    assertFalse(eval("contains(tags, :p)", ":p", ss("x")));
    assertTrue(eval("contains(nums, :p)", ":p", n("2.0")));
    assertTrue(eval("contains(arr, :p)", ":p", n(2)));
    assertTrue(eval("contains(arr, :p)", ":p", m("k", s("v"))));
    assertFalse(eval("contains(absent, :p)", ":p", s("x")));
  }

  @Test
  void sizeOperand() {
    assertTrue(eval("size(s) = :v", ":v", n(5)));
    assertTrue(eval("size(tags) = :v", ":v", n(2)));
    assertTrue(eval("size(arr) = :v", ":v", n(3)));
    assertTrue(eval("size(doc) = :v", ":v", n(2)));
    assertTrue(eval("size(bin) = :v", ":v", n(3)));
    assertFalse(eval("size(n) = :v", ":v", n(1)));
    assertFalse(eval("size(absent) <> :v", ":v", n(1)) && false);
    assertTrue(eval("(size(s)) > :v", ":v", n(1)));
    assertTrue(eval(":v < size(arr)", ":v", n(1)));
    assertTrue(eval("size(s) BETWEEN :a AND :b", ":a", n(1), ":b", n(9)));
    // size counts a string's UTF-16 code units, as DynamoDB does (a third-party suite run against
    // the service: "é𝄞" has size 3, not its 6 UTF-8 bytes)
    ConditionExpression c = ConditionExpression.parse("size(a) = :v", values(":v", n(3)));
    assertTrue(c.test(item("a", s("\u00e9\ud834\udd1e"))));
    assertFalse(c.test(item("a", s("\u20ac"))));
  }

  @Test
  void parenthesesAndWhitespace() {
    assertTrue(eval("(n = :v)", ":v", n(5)));
    assertTrue(eval("( n ) = :v", ":v", n(5)));
    assertTrue(eval("\tn\n=\r:v ", ":v", n(5)));
    assertTrue(eval("(n = :v) AND (s = :s)", ":v", n(5), ":s", s("hello")));
    assertTrue(eval("((n = :v) AND (s = :s))", ":v", n(5), ":s", s("hello")));
  }

  @Test
  void keywordsAreCaseInsensitiveFunctionsAreNot() {
    assertTrue(eval("n = :v aNd NoT s = :v", ":v", n(5)));
    fails("Invalid ConditionExpression: Invalid function name; function: Attribute_Exists",
        () -> ConditionExpression.parse("Attribute_Exists(a)", ExpressionContext.empty()));
  }

  @Test
  void filterAndKeyConditionKindsNameThemselves() {
    fails("Invalid FilterExpression: The expression can not be empty;",
        () -> ConditionExpression.parse("", ExpressionContext.empty(), ExpressionKind.FILTER));
    fails("Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
        () -> ConditionExpression.parse("a =", ExpressionContext.empty(), ExpressionKind.FILTER));
  }

  @Test
  void syntaxErrors() {
    ExpressionContext c = values(":v", n(1));
    fails("Invalid ConditionExpression: Syntax error; token: \"b\", near: \"a b\"",
        () -> ConditionExpression.parse("a b", c));
    fails("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
        () -> ConditionExpression.parse("a = ", c));
    fails("Invalid ConditionExpression: Syntax error; token: \"_\", near: \"= _abc\"",
        () -> ConditionExpression.parse("a = _abc", c));
    fails("Invalid ConditionExpression: Syntax error; token: \"!\", near: \"a ! =\"",
        () -> ConditionExpression.parse("a ! = :v", c));
    fails("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"a\"",
        () -> ConditionExpression.parse("a", c));
    fails("Invalid ConditionExpression: Syntax error; token: \")\", near: \"( )\"",
        () -> ConditionExpression.parse("a IN ( )", c));
    fails("Invalid ConditionExpression: Syntax error; token: \"AND\", near: \"= AND a\"",
        () -> ConditionExpression.parse("a = AND a = :v", c));
    fails("Invalid ConditionExpression: Syntax error; token: \"4\", near: \"> 4\"",
        () -> ConditionExpression.parse("a > 4", c));
    fails("Invalid ConditionExpression: The expression can not be empty;",
        () -> ConditionExpression.parse("", c));
    fails("Invalid ConditionExpression: The expression can not be empty;",
        () -> ConditionExpression.parse("   ", c));
  }

  @Test
  void semanticErrors() {
    fails("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
            + "lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}",
        () -> ConditionExpression.parse("a BETWEEN :a AND :b", values(":a", n(5), ":b", n(1))));
    fails("Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
            + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}",
        () -> ConditionExpression.parse("a BETWEEN :a AND :b", values(":a", n(1), ":b", s("a"))));
    fails("Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
        () -> ConditionExpression.parse("attribute_type(a, :t)", values(":t", s("X"))));
    fails("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N",
        () -> ConditionExpression.parse("attribute_type(a, :t)", values(":t", n(1))));
    fails("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        () -> ConditionExpression.parse("begins_with(a, :t)", values(":t", n(1))));
    fails("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: BOOL",
        () -> ConditionExpression.parse("size(:t) > a", values(":t", bool(true))));
    fails("Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists",
        () -> ConditionExpression.parse("attribute_exists(:t)", values(":t", n(1))));
    fails("Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1",
        () -> ConditionExpression.parse("begins_with(a)", ExpressionContext.empty()));
    fails("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: if_not_exists",
        () -> ConditionExpression.parse("if_not_exists(a, b) = :v", values(":v", n(1))));
    fails("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: L",
        () -> ConditionExpression.parse("a < :v", values(":v", l(n(1)))));
    fails("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: >=, operand type: BOOL",
        () -> ConditionExpression.parse(":v >= a", values(":v", bool(true))));
    fails("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: L",
        () -> ConditionExpression.parse("a BETWEEN :v AND :v", values(":v", l(n(1)))));
    // equality accepts constants of any type
    assertTrue(ConditionExpression.parse("a = :v", values(":v", l(n(1)))).test(item("a", l(n(1)))));
    fails("Invalid ConditionExpression: Invalid function name; function: foo",
        () -> ConditionExpression.parse("foo(a)", ExpressionContext.empty()));
    fails("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size",
        () -> ConditionExpression.parse("size(a)", ExpressionContext.empty()));
    fails("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: begins_with",
        () -> ConditionExpression.parse("begins_with(a, :p) = :p", values(":p", s("x"))));
    fails("Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; "
            + "operator: =, first operand: [a, b]",
        () -> ConditionExpression.parse("a.b = a.b", ExpressionContext.empty()));
    fails("Invalid ConditionExpression: The expression has redundant parentheses;",
        () -> ConditionExpression.parse("((a = :v))", values(":v", n(1))));
    fails("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status",
        () -> ConditionExpression.parse("status = :v", values(":v", n(1))));
    fails("Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #n",
        () -> ConditionExpression.parse("#n = :v", values(":v", n(1))));
    fails("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v",
        () -> ConditionExpression.parse("a = :v", ExpressionContext.empty()));
  }

  @Test
  void errorPrecedence() {
    // unknown function outranks reserved words and undefined values
    fails("Invalid ConditionExpression: Invalid function name; function: nope",
        () -> ConditionExpression.parse("status = :v AND nope(a)", ExpressionContext.empty()));
    // reserved word outranks an undefined value
    fails("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: size",
        () -> ConditionExpression.parse("a = :v AND size = :w", ExpressionContext.empty()));
  }

  @Test
  void limits() {
    StringBuilder big = new StringBuilder("a = :v");
    while (big.length() <= 4096) {
      big.append(" OR a = :v");
    }
    String text = big.toString();
    fails("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: " + text.length(),
        () -> ConditionExpression.parse(text, values(":v", n(1))));
    List<String> ops = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ops.add(":v");
    }
    fails("Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101",
        () -> ConditionExpression.parse("a IN (" + String.join(",", ops) + ")", values(":v", n(1))));
    ops.remove(0);
    assertTrue(ConditionExpression.parse("a IN (" + String.join(",", ops) + ")", values(":v", n(1)))
        .test(item("a", n(1))));
    StringBuilder many = new StringBuilder("a=:v");
    for (int i = 0; i < 150; i++) {
      many.append(" OR a=:v");
    }
    fails("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size;",
        () -> ConditionExpression.parse(many.toString(), values(":v", n(1))));
    StringBuilder deep = new StringBuilder("a");
    for (int i = 0; i < 32; i++) {
      deep.append(".b");
    }
    fails("Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 33",
        () -> ConditionExpression.parse("attribute_exists(" + deep + ")", ExpressionContext.empty()));
  }

  @Test
  void topLevelAttributes() {
    ExpressionContext ctx = ctx(map("#k", "pk"), map(":v", n(1)));
    ConditionExpression c = ConditionExpression.parse("a.b = :v AND (size(c[0]) > :v OR NOT contains(#k, :v)) AND d IN (:v, e)", ctx);
    assertEquals(java.util.Set.of("a", "c", "pk", "d", "e"), c.topLevelAttributes());
  }

  @Test
  void placeholdersAreMarkedUsed() {
    ExpressionContext ctx = ctx(map("#a", "a", "#b", "b"), map(":v", n(1), ":w", n(2)));
    ConditionExpression.parse("#a = :v", ctx);
    fails("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}", ctx::checkAllUsed);
    ConditionExpression.parse("#b = :w", ctx);
    ctx.checkAllUsed();
    assertEquals(Boolean.TRUE, ConditionExpression.parse("#a = :v", ctx).test(item("a", n(1))));
  }
}
