package dev.eddy.storage.ops;

import dev.eddy.api.Req;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.expr.ConditionExpression;
import dev.eddy.storage.expr.ExpressionContext;
import dev.eddy.storage.expr.ExpressionKind;
import dev.eddy.storage.expr.ProjectionExpression;

/**
 * The ExpressionAttributeNames/Values of a Query or Scan and the expressions parsed against them
 * (KeyConditionExpression, FilterExpression, ProjectionExpression), so that unused placeholders
 * are caught across all of them. Parameter mixing rules are checked before (ExpressionParameters).
 */
final class ReadExpressions {
  final ExpressionContext context;

  private ReadExpressions(ExpressionContext context) {
    this.context = context;
  }

  /** The placeholders of a Query (values read in the current layer) or a Scan (the older one). */
  static ReadExpressions of(Req req, ValueLayer layer) {
    return new ReadExpressions(ActionExpressions.contextOf(req, layer));
  }

  ConditionExpression keyCondition(String text) {
    return ConditionExpression.parse(text, context, ExpressionKind.KEY_CONDITION);
  }

  ConditionExpression filter(String text) {
    return ConditionExpression.parse(text, context, ExpressionKind.FILTER);
  }

  ProjectionExpression projection(String text) {
    return ProjectionExpression.parse(text, context);
  }

  /** After all expressions are parsed: unused placeholders are errors. */
  void checkAllUsed() {
    context.checkAllUsed();
  }
}
