package dev.eddy.storage.expr;

import dev.eddy.api.ApiException;
import dev.eddy.api.ValueLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Request-level rules that tie expression and legacy parameters together: they cannot be mixed,
 * and ExpressionAttributeNames/Values need an expression that can use them.
 */
public final class ExpressionParameters {
  private ExpressionParameters() {}

  /** Each operation's expression parameters and legacy counterparts, in DynamoDB's reporting order. */
  public enum Operation {
    PUT_ITEM(List.of("ConditionExpression"), List.of("Expected", "ConditionalOperator")),
    DELETE_ITEM(List.of("ConditionExpression"), List.of("Expected", "ConditionalOperator")),
    UPDATE_ITEM(List.of("UpdateExpression", "ConditionExpression"),
        List.of("AttributeUpdates", "Expected", "ConditionalOperator")),
    GET_ITEM(List.of("ProjectionExpression"), List.of("AttributesToGet")),
    /** One table entry of BatchGetItem's RequestItems. */
    BATCH_GET_ITEM(List.of("ProjectionExpression"), List.of("AttributesToGet")),
    QUERY(List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
        List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions")),
    SCAN(List.of("ProjectionExpression", "FilterExpression"),
        List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"));

    final List<String> expressions;
    final List<String> legacy;
    /** The expressions that can use ExpressionAttributeValues (all but ProjectionExpression). */
    final List<String> valueExpressions;

    Operation(List<String> expressions, List<String> legacy) {
      this.expressions = expressions;
      this.legacy = legacy;
      this.valueExpressions = expressions.stream().filter(e -> !e.equals("ProjectionExpression")).toList();
    }
  }

  /**
   * {@link #check(Operation, Set, ValueLayer)} in the older wording, which names the missing
   * expressions. Query and Scan use it (Query's current-layer answer has not been captured).
   */
  public static void check(Operation op, Set<String> present) {
    check(op, present, ValueLayer.OLDER);
  }

  /**
   * Checks which parameters a request carries (names as on the wire, e.g. "Expected",
   * "ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues"). Throws
   * "Can not use both expression and non-expression parameters in the same request: ...",
   * "ExpressionAttributeNames can only be specified when using expressions" and
   * "ExpressionAttributeValues can only be specified when using expressions", to which the older
   * layer adds ": ConditionExpression is null" (naming the expressions that could use them).
   */
  public static void check(Operation op, Set<String> present, ValueLayer layer) {
    List<String> exprs = List.of();
    for (String e : op.expressions) {
      if (present.contains(e)) {
        if (exprs.isEmpty()) {
          exprs = new ArrayList<>(op.expressions.size());
        }
        exprs.add(e);
      }
    }
    if (!exprs.isEmpty()) {
      List<String> legacy = new ArrayList<>();
      for (String l : op.legacy) {
        if (l.equals("KeyConditions") && !present.contains("KeyConditionExpression")) {
          continue;
        }
        if (present.contains(l)) {
          legacy.add(l);
        }
      }
      if (!legacy.isEmpty()) {
        throw ApiException.validation("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {" + String.join(", ", legacy) + "} Expression parameters: {"
            + String.join(", ", exprs) + "}");
      }
    }
    if (present.contains("ExpressionAttributeNames") && exprs.isEmpty()) {
      throw ApiException.validation("ExpressionAttributeNames can only be specified when using expressions");
    }
    List<String> valueExprs = op.valueExpressions;
    if (!valueExprs.isEmpty() && present.contains("ExpressionAttributeValues") && noneIn(valueExprs, present)) {
      String message = "ExpressionAttributeValues can only be specified when using expressions";
      throw ApiException.validation(layer == ValueLayer.CURRENT ? message
          : message + ": " + String.join(" and ", valueExprs) + " " + (valueExprs.size() > 1 ? "are" : "is") + " null");
    }
  }

  private static boolean noneIn(List<String> names, Set<String> present) {
    for (String n : names) {
      if (present.contains(n)) {
        return false;
      }
    }
    return true;
  }
}
