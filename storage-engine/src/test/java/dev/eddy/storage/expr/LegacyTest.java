package dev.eddy.storage.expr;

import static dev.eddy.storage.expr.V.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.AttributeValue;
import dev.eddy.storage.expr.Legacy.AttributeUpdate;
import dev.eddy.storage.expr.Legacy.Condition;
import dev.eddy.storage.expr.Legacy.ExpectedAttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyTest {
  private static final Map<String, AttributeValue> ITEM = item("a", n(5), "s", s("hello"), "t", ss("x", "y"));

  private static ExpectedAttributeValue value(AttributeValue v) {
    return new ExpectedAttributeValue(v, null, null, null);
  }

  private static ExpectedAttributeValue op(String op, AttributeValue... list) {
    return new ExpectedAttributeValue(null, null, op, List.of(list));
  }

  @Test
  void expectedValueAndExists() {
    assertTrue(Legacy.expected(map("a", value(n(5))), null).test(ITEM));
    assertFalse(Legacy.expected(map("a", value(n(6))), null).test(ITEM));
    assertTrue(Legacy.expected(map("zz", new ExpectedAttributeValue(null, false, null, null)), null).test(ITEM));
    assertFalse(Legacy.expected(map("a", new ExpectedAttributeValue(null, false, null, null)), null).test(ITEM));
    assertTrue(Legacy.expected(null, null).test(ITEM));
  }

  @Test
  void expectedComparisonOperators() {
    assertTrue(Legacy.expected(map("a", op("GT", n(4)), "s", op("BEGINS_WITH", s("he"))), null).test(ITEM));
    assertFalse(Legacy.expected(map("a", op("GT", n(5)), "s", op("BEGINS_WITH", s("he"))), null).test(ITEM));
    assertTrue(Legacy.expected(map("a", op("GT", n(5)), "s", op("BEGINS_WITH", s("he"))), "OR").test(ITEM));
    assertTrue(Legacy.expected(map("a", op("BETWEEN", n(1), n(5))), null).test(ITEM));
    assertTrue(Legacy.expected(map("a", op("IN", n(1), n(5))), null).test(ITEM));
    assertTrue(Legacy.expected(map("t", op("CONTAINS", s("x"))), null).test(ITEM));
    assertTrue(Legacy.expected(map("t", op("NOT_CONTAINS", s("q"))), null).test(ITEM));
    assertFalse(Legacy.expected(map("t", op("NOT_CONTAINS", s("x"))), null).test(ITEM));
    assertTrue(Legacy.expected(map("s", op("NOT_CONTAINS", n(1))), null).test(ITEM));
    // a missing attribute fails both CONTAINS and NOT_CONTAINS
    assertFalse(Legacy.expected(map("zz", op("NOT_CONTAINS", s("q"))), null).test(ITEM));
    assertFalse(Legacy.expected(map("zz", op("CONTAINS", s("q"))), null).test(ITEM));
    assertTrue(Legacy.expected(map("a", op("NOT_NULL")), null).test(ITEM));
    assertTrue(Legacy.expected(map("zz", op("NULL")), null).test(ITEM));
    assertTrue(Legacy.expected(map("zz", op("NE", n(1))), null).test(ITEM));
    assertTrue(Legacy.expected(map("a", new ExpectedAttributeValue(n(5), null, "EQ", null)), null).test(ITEM));
    // EQ and NE take every type, BOOL, NULL, lists and maps included (API reference, Condition)
    Map<String, AttributeValue> flagged = item("f", bool(true), "l", l(n(1)), "m", m("k", s("v")));
    assertTrue(Legacy.expected(map("f", op("EQ", bool(true))), null).test(flagged));
    assertFalse(Legacy.expected(map("f", op("EQ", bool(false))), null).test(flagged));
    assertTrue(Legacy.expected(map("f", op("NE", nul())), null).test(flagged));
    assertTrue(Legacy.expected(map("l", op("EQ", l(n(1))), "m", op("EQ", m("k", s("v")))), null).test(flagged));
  }

  @Test
  void expectedValidation() {
    fails("One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator",
        () -> Legacy.expected(map("a", op("EQ", n(1), n(2))), null));
    fails("One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator",
        () -> Legacy.expected(map("a", op("NULL", n(1))), null));
    fails("One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together for Attribute: a",
        () -> Legacy.expected(map("a", new ExpectedAttributeValue(null, true, "EQ", List.of(n(1)))), null));
    fails("One or more parameter values were invalid: Value and AttributeValueList cannot be used together for Attribute: a",
        () -> Legacy.expected(map("a", new ExpectedAttributeValue(n(1), null, "EQ", List.of(n(1)))), null));
    fails("One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: a",
        () -> Legacy.expected(map("a", new ExpectedAttributeValue(null, null, null, null)), null));
    fails("One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a",
        () -> Legacy.expected(map("a", new ExpectedAttributeValue(null, true, null, null)), null));
    fails("One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: a",
        () -> Legacy.expected(map("a", new ExpectedAttributeValue(n(1), false, null, null)), null));
    fails("One or more parameter values were invalid: AttributeValueList can only be used with a ComparisonOperator for Attribute: a",
        () -> Legacy.expected(map("a", new ExpectedAttributeValue(null, null, null, List.of(n(1)))), null));
    fails("One or more parameter values were invalid: Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a",
        () -> Legacy.expected(map("a", new ExpectedAttributeValue(null, null, "EQ", null)), null));
    fails("One or more parameter values were invalid: ComparisonOperator LT is not valid for SS AttributeValue type",
        () -> Legacy.expected(map("a", op("LT", ss("x"))), null));
    fails("One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type",
        () -> Legacy.expected(map("a", op("IN", n(1), s("x"))), null));
    fails("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
        () -> Legacy.expected(map("a", op("BETWEEN", n(5), n(1))), null));
    fails("ConditionalOperator can only be used when Filter or Expected has two or more elements",
        () -> Legacy.expected(map("a", value(n(1))), "AND"));
    fails("ConditionalOperator cannot be used without Filter or Expected", () -> Legacy.expected(null, "OR"));
    fails("ConditionalOperator cannot be used without Filter or Expected", () -> Legacy.filter(map(), "AND", "ScanFilter"));
  }

  @Test
  void filters() {
    ConditionExpression f = Legacy.filter(map("a", new Condition("LE", List.of(n(5))), "s", new Condition("NOT_NULL", null)),
        null, "ScanFilter");
    assertTrue(f.test(ITEM));
    assertFalse(f.test(item("a", n(5))));
    fails("1 validation error detected: Value 'XX' at 'queryFilter.a.member.comparisonOperator' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]",
        () -> Legacy.filter(map("a", new Condition("XX", List.of(n(5)))), null, "QueryFilter"));
    fails("One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type",
        () -> Legacy.filter(map("a", new Condition("BEGINS_WITH", List.of(n(5)))), null, "QueryFilter"));
  }

  @Test
  void keyConditions() {
    KeyCondition k = Legacy.keyConditions(map("pk", new Condition("EQ", List.of(s("p"))),
        "sk", new Condition("BETWEEN", List.of(n(1), n(3)))), "pk", "sk");
    assertEquals(s("p"), k.partitionValues().get(0));
    assertEquals(KeyCondition.Operator.BETWEEN, k.sortKeyCondition().operator());
    assertNull(Legacy.keyConditions(map("pk", new Condition("EQ", List.of(s("p")))), "pk", "sk").sortKeyCondition());
    fails("Query condition missed key schema element: pk",
        () -> Legacy.keyConditions(map("sk", new Condition("EQ", List.of(s("p")))), "pk", "sk"));
    fails("Query key condition not supported",
        () -> Legacy.keyConditions(map("pk", new Condition("EQ", List.of(s("p"))), "sk", new Condition("NOT_NULL", null)), "pk", "sk"));
    fails("The attempted filter operation is not supported for the provided filter argument count",
        () -> Legacy.keyConditions(map("pk", new Condition("EQ", List.of())), "pk", "sk"));
    fails("Conditions can be of length 1 or 2 only",
        () -> Legacy.keyConditions(map("pk", new Condition("EQ", List.of(s("p"))), "sk", new Condition("EQ", List.of(s("p"))),
            "x", new Condition("EQ", List.of(s("p")))), "pk", "sk"));
  }

  @Test
  void attributeUpdates() {
    Map<String, AttributeValue> old = item("a", n(5), "t", ss("x", "y"), "l", l(n(1)), "gone", s("x"));
    UpdateExpression u = Legacy.attributeUpdates(map(
        "a", new AttributeUpdate(n(2), "ADD"),
        "t", new AttributeUpdate(ss("x"), "DELETE"),
        "l", new AttributeUpdate(l(n(2)), "ADD"),
        "gone", new AttributeUpdate(null, "DELETE"),
        "new", new AttributeUpdate(s("v"), null)));
    assertEquals(item("a", n(7), "t", ss("y"), "l", l(n(1), n(2)), "new", s("v")), u.apply(old));
    assertEquals(item("n", n(1)), Legacy.attributeUpdates(map("n", new AttributeUpdate(n(1), "ADD"))).apply(null));
    fails("One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified",
        () -> Legacy.attributeUpdates(map("a", new AttributeUpdate(null, "PUT"))));
    fails("One or more parameter values were invalid: ADD action is not supported for the type S",
        () -> Legacy.attributeUpdates(map("a", new AttributeUpdate(s("x"), "ADD"))));
    fails("Type mismatch for attribute to update",
        () -> Legacy.attributeUpdates(map("a", new AttributeUpdate(n(1), "ADD"))).apply(item("a", s("x"))));
    fails("Type mismatch for attribute to update",
        () -> Legacy.attributeUpdates(map("t", new AttributeUpdate(ns("1"), "DELETE"))).apply(item("t", ss("1"))));
    fails("One or more parameter values were invalid: DELETE action with value is not supported for the type N",
        () -> Legacy.attributeUpdates(map("t", new AttributeUpdate(n(1), "DELETE"))));
  }

  @Test
  void attributesToGet() {
    ProjectionExpression p = Legacy.attributesToGet(List.of("status", "a.b"));
    assertEquals(item("status", n(1), "a.b", n(2)), p.project(item("status", n(1), "a.b", n(2), "a", m("b", n(3)))));
    fails("One or more parameter values were invalid: Duplicate value in attribute name: x",
        () -> Legacy.attributesToGet(List.of("x", "x")));
  }
}
