package dev.eddy.storage.expr;

import static dev.eddy.storage.expr.V.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.eddy.api.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateExpressionTest {
  private static Map<String, AttributeValue> apply(Map<String, AttributeValue> old, String expr, Object... values) {
    ExpressionContext ctx = values.length == 0 ? ExpressionContext.empty() : values(values);
    UpdateExpression u = UpdateExpression.parse(expr, ctx);
    ctx.checkAllUsed();
    return u.apply(old);
  }

  @Test
  void setValuesPathsAndUpsert() {
    assertEquals(item("a", n(1)), apply(null, "SET a = :v", ":v", n(1)));
    assertEquals(item("a", n(1), "b", n(1)), apply(item("a", n(1)), "set b = a"));
    assertEquals(item("a", s("x"), "b", n(2)), apply(item("a", n(1), "b", n(2)), "SET a = :v", ":v", s("x")));
    ExpressionContext ctx = ctx(map("#st", "status"), map(":v", s("on")));
    assertEquals(item("status", s("on")), UpdateExpression.parse("SET #st = :v", ctx).apply(null));
  }

  @Test
  void operandsReadTheOldItem() {
    assertEquals(item("a", n(2), "b", n(1)), apply(item("a", n(1), "b", n(2)), "SET a = b, b = a"));
  }

  @Test
  void arithmetic() {
    assertEquals(item("a", n(15)), apply(item("a", n(10)), "SET a = a + :v", ":v", n(5)));
    assertEquals(item("a", n("9.5")), apply(item("a", n(10)), "SET a = a - :v", ":v", n("0.5")));
    assertEquals(item("a", n(3)), apply(null, "SET a = :x + :y", ":x", n(1), ":y", n(2)));
    assertEquals(item("a", n(11)), apply(item("a", n(10)), "SET a = (a + :v)", ":v", n(1)));
    assertEquals(item("c", n(1)), apply(null, "SET c = if_not_exists(c, :z) + :one", ":z", n(0), ":one", n(1)));
    fails("The provided expression refers to an attribute that does not exist in the item",
        () -> apply(null, "SET a = a + :v", ":v", n(1)));
    fails("An operand in the update expression has an incorrect data type",
        () -> apply(item("a", s("x")), "SET a = a + :v", ":v", n(1)));
    fails("Number overflow. Attempting to store a number with magnitude larger than supported range",
        () -> apply(item("a", n("9E+125")), "SET a = a + a"));
    fails("Attempting to store more than 38 significant digits in a Number",
        () -> apply(item("a", n("12345678901234567890123456789012345678")), "SET a = a + :v", ":v", n("0.1")));
  }

  @Test
  void functions() {
    assertEquals(item("a", n(1)), apply(item("a", n(1)), "SET a = if_not_exists(a, :v)", ":v", n(9)));
    assertEquals(item("a", n(9)), apply(null, "SET a = if_not_exists(a, :v)", ":v", n(9)));
    assertEquals(item("l", l(n(1), n(2), n(3))), apply(item("l", l(n(1))), "SET l = list_append(l, :v)", ":v", l(n(2), n(3))));
    assertEquals(item("l", l(n(0), n(1))), apply(item("l", l(n(1))), "SET l = list_append(:v, l)", ":v", l(n(0))));
    assertEquals(item("l", l(n(5))),
        apply(null, "SET l = list_append(if_not_exists(l, :e), :v)", ":e", l(), ":v", l(n(5))));
    fails("An operand in the update expression has an incorrect data type",
        () -> apply(item("l", s("x")), "SET l = list_append(l, :v)", ":v", l(n(1))));
    fails("The provided expression refers to an attribute that does not exist in the item",
        () -> apply(null, "SET l = list_append(l, :v)", ":v", l(n(1))));
  }

  @Test
  void nestedSet() {
    Map<String, AttributeValue> old = item("m", m("x", n(1)), "l", l(n(0), m("k", n(1))));
    assertEquals(m("x", n(1), "y", n(2)), apply(old, "SET m.y = :v", ":v", n(2)).get("m"));
    assertEquals(l(n(0), m("k", n(9))), apply(old, "SET l[1].k = :v", ":v", n(9)).get("l"));
    assertEquals(l(n(7), m("k", n(1))), apply(old, "SET l[0] = :v", ":v", n(7)).get("l"));
    // an index past the end appends
    assertEquals(l(n(0), m("k", n(1)), n(7)), apply(old, "SET l[10] = :v", ":v", n(7)).get("l"));
    fails("The document path provided in the update expression is invalid for update",
        () -> apply(old, "SET nope.y = :v", ":v", n(2)));
    fails("The document path provided in the update expression is invalid for update",
        () -> apply(old, "SET m.x.y = :v", ":v", n(2)));
    fails("The document path provided in the update expression is invalid for update",
        () -> apply(old, "SET m[0] = :v", ":v", n(2)));
    fails("The document path provided in the update expression is invalid for update",
        () -> apply(old, "SET l[5].k = :v", ":v", n(2)));
    // the old item is not changed
    assertEquals(m("x", n(1)), old.get("m"));
  }

  @Test
  void remove() {
    Map<String, AttributeValue> old = item("a", n(1), "m", m("x", n(1), "y", n(2)), "l", l(n(0), n(1), n(2), n(3)));
    assertEquals(item("m", m("x", n(1), "y", n(2)), "l", l(n(0), n(1), n(2), n(3))), apply(old, "REMOVE a"));
    assertEquals(m("y", n(2)), apply(old, "REMOVE m.x").get("m"));
    // indexes refer to the list before the update
    assertEquals(l(n(0), n(2)), apply(old, "REMOVE l[1], l[3]").get("l"));
    assertEquals(l(n(0), n(2)), apply(old, "REMOVE l[3], l[1]").get("l"));
    assertEquals(old, apply(old, "REMOVE nope, m.z, l[9]"));
    // a missing or wrongly typed parent is an error, unless the item does not exist at all
    fails(UpdateExpression.INVALID_PATH, () -> apply(old, "REMOVE gone.x"));
    fails(UpdateExpression.INVALID_PATH, () -> apply(old, "REMOVE a.x"));
    fails(UpdateExpression.INVALID_PATH, () -> apply(old, "REMOVE a[0]"));
    fails(UpdateExpression.INVALID_PATH, () -> apply(old, "REMOVE m[0]"));
    fails(UpdateExpression.INVALID_PATH, () -> apply(old, "REMOVE l[9].x"));
    assertEquals(item(), apply(null, "REMOVE gone.x, a[0]"));
    // removing the last member leaves an empty map or list
    assertEquals(item("m", m()), apply(item("m", m("x", n(1))), "REMOVE m.x"));
    assertEquals(item("l", l()), apply(item("l", l(n(1))), "REMOVE l[0]"));
  }

  @Test
  void listIndexesReferToTheOriginalList() {
    Map<String, AttributeValue> old = item("a", l(n(2), n(3), n(4), n(5), n(6), n(7)));
    assertEquals(l(n(2), n(4), n(17), n(6), n(7)), apply(old, "REMOVE a[1] SET a[3] = :v", ":v", n(17)).get("a"));
    assertEquals(l(n(2), n(4), n(17), n(6), n(7)), apply(old, "SET a[3] = :v REMOVE a[1]", ":v", n(17)).get("a"));
    // elements set past the end are appended in index order
    assertEquals(l(s("x"), s("a3"), s("a2"), s("a4"), s("a1")),
        apply(item("a", l(s("x"))), "SET a[84] = :a1, a[37] = :a2, a[17] = :a3, a[50] = :a4",
            ":a1", s("a1"), ":a2", s("a2"), ":a3", s("a3"), ":a4", s("a4")).get("a"));
  }

  @Test
  void add() {
    assertEquals(item("c", n(1)), apply(null, "ADD c :v", ":v", n(1)));
    assertEquals(item("c", n(3)), apply(item("c", n(1)), "ADD c :v", ":v", n(2)));
    assertEquals(item("t", ss("a", "b")), apply(item("t", ss("a")), "ADD t :v", ":v", ss("b", "a")));
    assertEquals(item("t", ns("1", "2")), apply(null, "add t :v", ":v", ns("1", "2")));
    assertEquals(item("m", m("c", n(5))), apply(item("m", m("c", n(4))), "ADD m.c :v", ":v", n(1)));
    fails("An operand in the update expression has an incorrect data type",
        () -> apply(item("t", ss("a")), "ADD t :v", ":v", ns("1")));
    fails("An operand in the update expression has an incorrect data type",
        () -> apply(item("t", s("a")), "ADD t :v", ":v", n(1)));
    fails("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND",
        () -> apply(null, "ADD t :v", ":v", s("x")));
    fails("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST, typeSet: ALLOWED_FOR_ADD_OPERAND",
        () -> apply(null, "ADD t :v", ":v", l(n(1))));
  }

  @Test
  void delete() {
    assertEquals(item("t", ss("b")), apply(item("t", ss("a", "b")), "DELETE t :v", ":v", ss("a", "z")));
    assertEquals(item("k", n(1)), apply(item("k", n(1), "t", ss("a")), "DELETE t :v", ":v", ss("a")));
    assertEquals(item("k", n(1)), apply(item("k", n(1)), "DELETE t :v", ":v", ss("a")));
    assertEquals(item("m", m()), apply(item("m", m("t", ns("1"))), "DELETE m.t :v", ":v", ns("1")));
    fails("An operand in the update expression has an incorrect data type",
        () -> apply(item("t", ss("a")), "DELETE t :v", ":v", ns("1")));
    fails(UpdateExpression.INVALID_PATH, () -> apply(item("k", n(1)), "DELETE m.t :v", ":v", ns("1")));
    fails("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND",
        () -> apply(null, "DELETE t :v", ":v", n(1)));
  }

  @Test
  void allClausesTogether() {
    Map<String, AttributeValue> old = item("a", n(1), "b", n(2), "t", ss("x", "y"), "c", n(5));
    Map<String, AttributeValue> out = apply(old, "SET a = :v REMOVE b ADD c :one DELETE t :x",
        ":v", s("new"), ":one", n(1), ":x", ss("x"));
    assertEquals(item("a", s("new"), "t", ss("y"), "c", n(6)), out);
  }

  @Test
  void parseErrors() {
    fails("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
        () -> apply(null, "SET a = :v SET b = :v", ":v", n(1)));
    fails("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
            + "path one: [a], path two: [a, b]",
        () -> apply(null, "SET a = :v, a.b = :v", ":v", n(1)));
    fails("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
            + "path one: [a, [1]], path two: [a, [1]]",
        () -> apply(null, "SET a[1] = :v REMOVE a[1]", ":v", n(1)));
    fails("Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; "
            + "path one: [a, b], path two: [a, [0]]",
        () -> apply(null, "SET a.b = :v, a[0] = :v", ":v", n(1)));
    fails("Invalid UpdateExpression: Syntax error; token: \"_\", near: \"SET _123\"",
        () -> apply(null, "SET _123 = :v", ":v", n(1)));
    fails("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"SET\"",
        () -> apply(null, "SET"));
    fails("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"+\"",
        () -> apply(null, "SET a = a +"));
    fails("Invalid UpdateExpression: Syntax error; token: \"/\", near: \"a / :v\"",
        () -> apply(null, "SET a = a / :v", ":v", n(1)));
    fails("Invalid UpdateExpression: Syntax error; token: \"a\", near: \"a =\"",
        () -> apply(null, "a = :v", ":v", n(1)));
    fails("Invalid UpdateExpression: Syntax error; token: \"b\", near: \":v b =\"",
        () -> apply(null, "SET a = :v b = :v", ":v", n(1)));
    fails("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status",
        () -> apply(null, "SET status = :v", ":v", n(1)));
    fails("Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: list_append",
        () -> apply(null, "SET a = list_append(list_append(:v, :v), :v)", ":v", l(n(1))));
    fails("Invalid UpdateExpression: Syntax error; token: \"+\", near: \":v + :v\"",
        () -> apply(null, "SET c = if_not_exists(c, :v + :v)", ":v", n(1)));
    assertEquals(item("b", n(5)), apply(null, "SET b = if_not_exists(b, :v)+:w", ":v", n(2), ":w", n(3)));
    fails("Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: size",
        () -> apply(null, "SET a = size(b)"));
    fails("Invalid UpdateExpression: Invalid function name; function: f",
        () -> apply(null, "SET a = f(b, c, d)"));
    fails("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S",
        () -> apply(null, "SET a = list_append(a, :v)", ":v", s("x")));
    fails("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S",
        () -> apply(null, "SET a = a + :v", ":v", s("x")));
    fails("Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists",
        () -> apply(null, "SET a = if_not_exists(:v, :v)", ":v", n(1)));
    fails("Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1",
        () -> apply(null, "SET a = list_append(a)"));
    fails("Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :nope",
        () -> apply(null, "SET a = :nope"));
    fails("Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #n",
        () -> apply(null, "REMOVE #n"));
    fails("Invalid UpdateExpression: The expression can not be empty;", () -> apply(null, ""));
  }

  @Test
  void updatedPathsForReturnValues() {
    ExpressionContext ctx = values(":v", n(1));
    UpdateExpression u = UpdateExpression.parse("SET m.x = :v, top = :v REMOVE l[0]", ctx);
    assertEquals(List.of(Path.of("m", "x"), Path.of("top"), Path.of("l", 0)), u.updatedPaths());
    assertEquals(Set.of("m", "top", "l"), u.updatedAttributes());
    Map<String, AttributeValue> old = item("m", m("x", n(0), "y", n(9)), "l", l(n(5), n(6)), "extra", n(3));
    Map<String, AttributeValue> now = u.apply(old);
    assertEquals(item("m", m("x", n(0)), "l", l(n(5))), u.projectUpdated(old));
    assertEquals(item("m", m("x", n(1)), "top", n(1), "l", l(n(6))), u.projectUpdated(now));
    assertFalse(u.projectUpdated(now).containsKey("extra"));
  }
}
