package dev.eddy.storage.expr;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Validation;
import dev.eddy.storage.expr.Ast.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts the legacy (pre-expression) request parameters onto the expression evaluators, so
 * there is one evaluator: Expected, QueryFilter/ScanFilter, KeyConditions, AttributeUpdates,
 * AttributesToGet. Validation messages follow DynamoDB.
 */
public final class Legacy {
  private Legacy() {}

  /** One entry of Expected: Value/Exists, or ComparisonOperator with Value or AttributeValueList. */
  public record ExpectedAttributeValue(
      AttributeValue value, Boolean exists, String comparisonOperator, List<AttributeValue> attributeValueList) {}

  /** One entry of QueryFilter, ScanFilter or KeyConditions. */
  public record Condition(String comparisonOperator, List<AttributeValue> attributeValueList) {}

  /** One entry of AttributeUpdates; action null means PUT. */
  public record AttributeUpdate(AttributeValue value, String action) {}

  /** ConditionalOperator, in the order DynamoDB lists it in its enum message. */
  public static final List<String> CONDITIONAL_OPERATORS = List.of("OR", "AND");

  private static final List<String> OPERATORS = List.of("IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT",
      "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS");

  // EQ and NE take any type, lists and maps included (API reference, Condition; DynamoDB accepts
  // a BOOL in a QueryFilter EQ, per a third-party suite run against it)
  private static final Map<String, Set<String>> ALLOWED_TYPES = Map.ofEntries(
      Map.entry("LE", Set.of("S", "N", "B")),
      Map.entry("LT", Set.of("S", "N", "B")),
      Map.entry("GE", Set.of("S", "N", "B")),
      Map.entry("GT", Set.of("S", "N", "B")),
      Map.entry("CONTAINS", Set.of("S", "N", "B")),
      Map.entry("NOT_CONTAINS", Set.of("S", "N", "B")),
      Map.entry("BEGINS_WITH", Set.of("S", "B")),
      Map.entry("IN", Set.of("S", "N", "B")),
      Map.entry("BETWEEN", Set.of("S", "N", "B")));

  /**
   * Expected (+ ConditionalOperator, may be null) as a condition for PutItem/UpdateItem/DeleteItem.
   * Call it whenever either parameter is present: ConditionalOperator without two or more
   * Expected entries is an error. With both null the condition is always true.
   */
  public static ConditionExpression expected(Map<String, ExpectedAttributeValue> expected, String conditionalOperator) {
    boolean or = conditionalOperator(conditionalOperator, expected == null ? 0 : expected.size());
    Cond result = null;
    if (expected != null) {
      for (Map.Entry<String, ExpectedAttributeValue> e : expected.entrySet()) {
        String key = e.getKey();
        ExpectedAttributeValue c = e.getValue();
        Cond cond;
        if (c.attributeValueList() != null && c.value() != null) {
          throw ApiException.invalidParameter("Value and AttributeValueList cannot be used together for Attribute: " + key);
        }
        if (c.comparisonOperator() != null) {
          if (c.exists() != null) {
            throw ApiException.invalidParameter("Exists and ComparisonOperator cannot be used together for Attribute: " + key);
          }
          String op = c.comparisonOperator();
          checkOperatorName(op, "expected." + key + ".member.comparisonOperator");
          if (!op.equals("NULL") && !op.equals("NOT_NULL") && c.attributeValueList() == null && c.value() == null) {
            throw ApiException.invalidParameter(
                "Value or AttributeValueList must be used with ComparisonOperator: " + op + " for Attribute: " + key);
          }
          List<AttributeValue> list = c.attributeValueList() != null ? c.attributeValueList()
              : c.value() != null ? List.of(c.value()) : List.of();
          validate(op, list);
          cond = condition(key, op, list);
        } else if (c.attributeValueList() != null) {
          throw ApiException.invalidParameter(
              "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + key);
        } else {
          boolean exists = c.exists() == null || c.exists();
          if (exists && c.value() == null) {
            throw ApiException.invalidParameter("Value must be provided when Exists is "
                + (c.exists() == null ? "null" : "true") + " for Attribute: " + key);
          }
          if (!exists && c.value() != null) {
            throw ApiException.invalidParameter("Value cannot be used when Exists is false for Attribute: " + key);
          }
          cond = exists ? new Compare("=", path(key), new ValueOp(c.value()))
              : new FuncCond(new FuncOp("attribute_not_exists", List.of(path(key))));
        }
        result = result == null ? cond : or ? new Or(result, cond) : new And(result, cond);
      }
    }
    return new ConditionExpression(result == null ? new True() : result);
  }

  /**
   * QueryFilter or ScanFilter (+ ConditionalOperator) as a condition; parameter is "QueryFilter"
   * or "ScanFilter" (used in enum validation messages). Call it whenever the filter or
   * ConditionalOperator is present; with both null the condition is always true.
   */
  public static ConditionExpression filter(Map<String, Condition> filter, String conditionalOperator, String parameter) {
    boolean or = conditionalOperator(conditionalOperator, filter == null ? 0 : filter.size());
    Cond result = null;
    if (filter != null) {
      String param = Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1);
      for (Map.Entry<String, Condition> e : filter.entrySet()) {
        Condition c = e.getValue();
        checkOperatorName(c.comparisonOperator(), param + "." + e.getKey() + ".member.comparisonOperator");
        List<AttributeValue> list = c.attributeValueList() == null ? List.of() : c.attributeValueList();
        validate(c.comparisonOperator(), list);
        Cond cond = condition(e.getKey(), c.comparisonOperator(), list);
        result = result == null ? cond : or ? new Or(result, cond) : new And(result, cond);
      }
    }
    return new ConditionExpression(result == null ? new True() : result);
  }

  /** KeyConditions as a key condition for the given key schema (rangeKey null for hash-only). */
  public static KeyCondition keyConditions(Map<String, Condition> conditions, String hashKey, String rangeKey) {
    return keyConditions(conditions, List.of(hashKey), rangeKey == null ? List.of() : List.of(rangeKey));
  }

  /** {@link #keyConditions(Map, String, String)} for a key of several partition or sort key attributes. */
  public static KeyCondition keyConditions(Map<String, Condition> conditions, List<String> hashKeys,
      List<String> rangeKeys) {
    if (conditions == null) {
      throw ApiException.validation("Conditions must not be null");
    }
    for (Map.Entry<String, Condition> e : conditions.entrySet()) {
      Condition c = e.getValue();
      checkOperatorName(c.comparisonOperator(), "keyConditions." + e.getKey() + ".member.comparisonOperator");
      List<AttributeValue> list = c.attributeValueList() == null ? List.of() : c.attributeValueList();
      if (list.size() != arity(c.comparisonOperator(), list.size())) {
        throw ApiException.validation("The attempted filter operation is not supported for the provided filter argument count");
      }
      validate(c.comparisonOperator(), list);
    }
    if (conditions.isEmpty() || conditions.size() > Math.max(2, hashKeys.size() + rangeKeys.size())) {
      throw ApiException.validation("Conditions can be of length 1 or 2 only");
    }
    Map<String, KeyCondition.Leaf> leaves = new LinkedHashMap<>();
    for (Map.Entry<String, Condition> e : conditions.entrySet()) {
      KeyCondition.Operator op;
      try {
        op = KeyCondition.Operator.valueOf(e.getValue().comparisonOperator());
      } catch (IllegalArgumentException ex) {
        throw ApiException.validation("Query key condition not supported");
      }
      leaves.put(e.getKey(), new KeyCondition.Leaf(e.getKey(), op,
          e.getValue().attributeValueList() == null ? List.of() : e.getValue().attributeValueList()));
    }
    return KeyCondition.build(leaves, hashKeys, rangeKeys);
  }

  /** AttributeUpdates (Action PUT, ADD or DELETE) as an update. */
  public static UpdateExpression attributeUpdates(Map<String, AttributeUpdate> updates) {
    List<Action> actions = new ArrayList<>();
    if (updates != null) {
      for (Map.Entry<String, AttributeUpdate> e : updates.entrySet()) {
        String action = e.getValue().action() == null ? "PUT" : e.getValue().action();
        AttributeValue v = e.getValue().value();
        PathOp target = path(e.getKey());
        switch (action) {
          case "PUT" -> {
            if (v == null) {
              throw ApiException.invalidParameter("Only DELETE action is allowed when no attribute value is specified");
            }
            actions.add(new Action(ActionType.SET, target, new ValueOp(v), true));
          }
          case "DELETE" -> {
            if (v == null) {
              actions.add(new Action(ActionType.REMOVE, target, null, true));
            } else {
              if (!isSet(v)) {
                throw ApiException.invalidParameter("DELETE action with value is not supported for the type " + v.type());
              }
              actions.add(new Action(ActionType.DELETE, target, new ValueOp(v), true));
            }
          }
          case "ADD" -> {
            if (v == null) {
              throw ApiException.invalidParameter("Only DELETE action is allowed when no attribute value is specified");
            }
            if (!isSet(v) && !(v instanceof AttributeValue.N) && !(v instanceof AttributeValue.L)) {
              throw ApiException.invalidParameter("ADD action is not supported for the type " + v.type());
            }
            actions.add(new Action(ActionType.ADD, target, new ValueOp(v), true));
          }
          default -> throw ApiException.validation("1 validation error detected: Value '" + action + "' at 'attributeUpdates."
              + e.getKey() + ".member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
        }
      }
    }
    return new UpdateExpression(actions);
  }

  /** AttributesToGet as a projection of top-level attributes (names are literal, never parsed). */
  public static ProjectionExpression attributesToGet(List<String> names) {
    Set<String> seen = new HashSet<>();
    List<Path> paths = new ArrayList<>();
    for (String n : names) {
      if (!seen.add(n)) {
        throw ApiException.invalidParameter("Duplicate value in attribute name: " + n);
      }
      paths.add(Path.of(n));
    }
    return new ProjectionExpression(paths);
  }

  // ---- helpers ----

  private static boolean isSet(AttributeValue v) {
    return v instanceof AttributeValue.SS || v instanceof AttributeValue.NS || v instanceof AttributeValue.BS;
  }

  private static boolean conditionalOperator(String op, int conditions) {
    if (op == null) {
      return false;
    }
    new Validation().oneOf(op, "conditionalOperator", CONDITIONAL_OPERATORS).throwIfAny();
    if (conditions == 0) {
      throw ApiException.validation("ConditionalOperator cannot be used without Filter or Expected");
    }
    if (conditions < 2) {
      throw ApiException.validation("ConditionalOperator can only be used when Filter or Expected has two or more elements");
    }
    return op.equals("OR");
  }

  private static void checkOperatorName(String op, String at) {
    if (op == null) {
      throw ApiException.validation("1 validation error detected: Value null at '" + at
          + "' failed to satisfy constraint: Member must not be null");
    }
    if (!OPERATORS.contains(op)) {
      throw ApiException.validation("1 validation error detected: Value '" + op + "' at '" + at
          + "' failed to satisfy constraint: Member must satisfy enum value set: " + OPERATORS.toString());
    }
  }

  /** The number of values the operator takes (IN: whatever was given, at least 1). */
  private static int arity(String op, int given) {
    return switch (op) {
      case "NULL", "NOT_NULL" -> 0;
      case "BETWEEN" -> 2;
      case "IN" -> Math.max(1, given);
      default -> 1;
    };
  }

  private static void validate(String op, List<AttributeValue> list) {
    if (list.size() != arity(op, list.size())) {
      throw ApiException.invalidParameter("Invalid number of argument(s) for the " + op + " ComparisonOperator");
    }
    if (!list.isEmpty()) {
      String type = list.get(0).type();
      for (AttributeValue v : list) {
        if (!v.type().equals(type)) {
          throw ApiException.invalidParameter("AttributeValues inside AttributeValueList must be of same type");
        }
      }
      Set<String> allowed = ALLOWED_TYPES.get(op);
      if (allowed != null) {
        for (AttributeValue v : list) {
          if (!allowed.contains(v.type())) {
            throw ApiException.invalidParameter(
                "ComparisonOperator " + op + " is not valid for " + v.type() + " AttributeValue type");
          }
        }
      }
      if (op.equals("BETWEEN") && Values.compare(list.get(0), list.get(1)) > 0) {
        throw ApiException.validation(
            "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
      }
    }
  }

  private static PathOp path(String name) {
    PathOp p = new PathOp(List.of(new Elem(name, false, -1)));
    p.path = Path.of(name);
    return p;
  }

  private static Cond condition(String attr, String op, List<AttributeValue> list) {
    PathOp p = path(attr);
    return switch (op) {
      case "EQ" -> new Compare("=", p, new ValueOp(list.get(0)));
      case "NE" -> new Compare("<>", p, new ValueOp(list.get(0)));
      case "LT" -> new Compare("<", p, new ValueOp(list.get(0)));
      case "LE" -> new Compare("<=", p, new ValueOp(list.get(0)));
      case "GT" -> new Compare(">", p, new ValueOp(list.get(0)));
      case "GE" -> new Compare(">=", p, new ValueOp(list.get(0)));
      case "NOT_NULL" -> new FuncCond(new FuncOp("attribute_exists", List.of(p)));
      case "NULL" -> new FuncCond(new FuncOp("attribute_not_exists", List.of(p)));
      case "CONTAINS" -> new FuncCond(new FuncOp("contains", List.of(p, new ValueOp(list.get(0)))));
      // unlike NOT contains(), legacy NOT_CONTAINS is false for a missing attribute
      case "NOT_CONTAINS" -> new And(new FuncCond(new FuncOp("attribute_exists", List.of(p))),
          new Not(new FuncCond(new FuncOp("contains", List.of(path(attr), new ValueOp(list.get(0)))))));
      case "BEGINS_WITH" -> new FuncCond(new FuncOp("begins_with", List.of(p, new ValueOp(list.get(0)))));
      case "IN" -> {
        List<Operand> ops = new ArrayList<>();
        for (AttributeValue v : list) {
          ops.add(new ValueOp(v));
        }
        yield new In(p, ops);
      }
      case "BETWEEN" -> new Between(p, new ValueOp(list.get(0)), new ValueOp(list.get(1)));
      default -> throw new IllegalStateException(op);
    };
  }
}
