package dev.eddy.storage.expr;

/** Which request parameter an expression came from; DynamoDB names it in every error message. */
public enum ExpressionKind {
  CONDITION("ConditionExpression"),
  FILTER("FilterExpression"),
  KEY_CONDITION("KeyConditionExpression"),
  UPDATE("UpdateExpression"),
  PROJECTION("ProjectionExpression");

  private final String parameter;

  ExpressionKind(String parameter) {
    this.parameter = parameter;
  }

  /** The request parameter name, e.g. "ConditionExpression". */
  public String parameter() {
    return parameter;
  }

  /** "Invalid ConditionExpression: " and so on. */
  String prefix() {
    return "Invalid " + parameter + ": ";
  }
}
