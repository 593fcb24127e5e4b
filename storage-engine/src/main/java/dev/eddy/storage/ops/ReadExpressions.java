package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Req;
import dev.eddy.storage.expr.ConditionExpression;
import dev.eddy.storage.expr.ExpressionContext;
import dev.eddy.storage.expr.ExpressionKind;
import dev.eddy.storage.expr.ProjectionExpression;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

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

  static ReadExpressions of(Req req) {
    ObjectNode namesNode = req.map("ExpressionAttributeNames");
    ObjectNode valuesNode = req.map("ExpressionAttributeValues");
    Map<String, String> names = null;
    if (namesNode != null) {
      Req n = new Req(namesNode);
      names = new LinkedHashMap<>();
      for (Iterator<String> it = namesNode.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        names.put(k, n.str(k));
      }
    }
    Map<String, AttributeValue> values = valuesNode == null ? null : AttributeValues.readItem(valuesNode);
    return new ReadExpressions(new ExpressionContext(names, values));
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
