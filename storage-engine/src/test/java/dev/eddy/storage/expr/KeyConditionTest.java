package dev.eddy.storage.expr;

import static dev.eddy.storage.expr.V.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.storage.expr.KeyCondition.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyConditionTest {
  private static KeyCondition parse(String expr) {
    return KeyCondition.parse(expr, values(":p", s("p"), ":a", s("a"), ":b", s("b"), ":n", n(1)), "pk", "sk");
  }

  @Test
  void partitionKeyOnly() {
    KeyCondition k = KeyCondition.parse("pk = :p", values(":p", s("p")), "pk", "sk");
        assertEquals(s("p"), k.partitionValues().get(0));
    assertNull(k.sortKeyCondition());
    assertTrue(k.test(item("pk", s("p"), "sk", s("zzz"))));
    assertFalse(k.test(item("pk", s("q"))));
  }

  @Test
  void sortKeyOperators() {
    assertEquals(new KeyCondition.SortKeyCondition("sk", Operator.LT, List.of(s("a"))), parse("pk = :p AND sk < :a").sortKeyCondition());
    assertEquals(Operator.GE, parse("sk >= :a and pk = :p").sortKeyCondition().operator());
    // the attribute on the right flips the operator
    assertEquals(Operator.GT, parse(":a < sk AND :p = pk").sortKeyCondition().operator());
    KeyCondition.SortKeyCondition between = parse("pk = :p AND sk BETWEEN :a AND :b").sortKeyCondition();
    assertEquals(List.of(s("a"), s("b")), between.values());
    assertTrue(between.test(s("aa")));
    assertFalse(between.test(s("c")));
    KeyCondition.SortKeyCondition bw = parse("pk = :p AND begins_with(sk, :a)").sortKeyCondition();
    assertTrue(bw.test(s("abc")));
    assertFalse(bw.test(s("bc")));
    assertTrue(parse("(pk = :p) AND (sk = :a)").test(item("pk", s("p"), "sk", s("a"))));
  }

  @Test
  void schemaErrors() {
    fails("Query condition missed key schema element: pk", () -> parse("sk = :a"));
    fails("Query condition missed key schema element: pk", () -> parse("extra = :a"));
    fails("Query condition missed key schema element: sk", () -> parse("pk = :p AND extra = :a"));
    fails("The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)",
        () -> parse("pk = :p AND sk = :a AND extra = :b"));
    fails("Query key condition not supported",
        () -> KeyCondition.parse("pk = :p AND extra = :a", values(":p", s("p"), ":a", s("a")), "pk", null));
    fails("Query key condition not supported", () -> parse("pk > :p"));
    fails("Query key condition not supported", () -> parse("begins_with(pk, :p)"));
    fails("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key",
        () -> parse("pk = :p AND pk = :a"));
  }

  @Test
  void shapeErrors() {
    fails("Invalid operator used in KeyConditionExpression: OR", () -> parse("pk = :p OR sk = :a"));
    fails("Invalid operator used in KeyConditionExpression: NOT", () -> parse("NOT pk = :p"));
    fails("Invalid operator used in KeyConditionExpression: IN", () -> parse("pk IN (:p)"));
    fails("Invalid operator used in KeyConditionExpression: <>", () -> parse("pk <> :p"));
    fails("Invalid operator used in KeyConditionExpression: attribute_exists", () -> parse("attribute_exists(pk)"));
    fails("Invalid operator used in KeyConditionExpression: contains", () -> parse("contains(pk, :p)"));
    fails("KeyConditionExpressions cannot contain nested operations", () -> parse("pk = :p AND size(sk) > :n"));
    fails("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition", () -> parse("pk = sk"));
    fails("KeyConditionExpressions cannot have conditions on nested attributes", () -> parse("pk.x = :p"));
    fails("Invalid condition in KeyConditionExpression: No key attribute specified", () -> parse(":p = :a"));
    fails("Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand",
        () -> parse("pk = :p AND :a BETWEEN sk AND :b"));
    fails("Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand",
        () -> parse("pk = :p AND begins_with(:a, sk)"));
    fails("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
            + "lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}",
        () -> parse("pk = :p AND sk BETWEEN :b AND :a"));
    fails("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        () -> parse("pk = :p AND begins_with(sk, :n)"));
    fails("Invalid KeyConditionExpression: Syntax error; token: \"4\", near: \"> 4\"", () -> parse("pk > 4"));
  }

  @Test
  void typesAgainstSchema() {
    KeyCondition k = parse("pk = :p AND sk > :n");
    k.checkTypes(Map.of("pk", "S", "sk", "N"));
    fails("One or more parameter values were invalid: Condition parameter type does not match schema type",
        () -> k.checkTypes(Map.of("pk", "S", "sk", "S")));
  }
}
