package dev.eddy.storage.expr;

/** Which request parameter an expression came from; DynamoDB names it in every error message. */
public enum ExpressionKind {
  CONDITION("ConditionExpression"),
  FILTER("FilterExpression"),
  KEY_CONDITION("KeyConditionExpression"),
  UPDATE("UpdateExpression"),
  PROJECTION("ProjectionExpression"),
  /** SearchVectors' SearchConditionExpression: equalities joined by AND (see {@link SearchCondition}). */
  SEARCH_CONDITION("SearchConditionExpression"),
  /** A PartiQL WHERE clause translated into a condition: DynamoDB's PartiQL messages name no parameter. */
  PARTIQL(null);

  private final String parameter;

  ExpressionKind(String parameter) {
    this.parameter = parameter;
  }

  /** The request parameter name, e.g. "ConditionExpression" (null for PARTIQL). */
  public String parameter() {
    return parameter;
  }

  /** "Invalid ConditionExpression: " and so on ("" for PARTIQL). */
  String prefix() {
    return parameter == null ? "" : "Invalid " + parameter + ": ";
  }
}
