package dev.eddy.storage.ops;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Req;
import dev.eddy.storage.expr.ConditionExpression;
import dev.eddy.storage.expr.ExpressionKind;
import java.util.Map;
import java.util.function.Predicate;

/** The condition of a write request (ConditionExpression or legacy Expected). */
final class Conditions {
  private Conditions() {}

  /** The request's condition over the old image, or null when it has none. */
  static Predicate<Map<String, AttributeValue>> forWrite(Req req, RequestExpressions expressions) {
    if (req.has("Expected")) {
      throw ApiException.validation("The legacy Expected parameter is not supported by this build yet");
    }
    ConditionExpression c = expressions.condition(req.str("ConditionExpression"), ExpressionKind.CONDITION);
    return c == null ? null : c::test;
  }
}
