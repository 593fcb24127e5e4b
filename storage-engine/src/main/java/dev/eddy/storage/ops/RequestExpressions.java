package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Req;
import dev.eddy.storage.expr.ConditionExpression;
import dev.eddy.storage.expr.ExpressionContext;
import dev.eddy.storage.expr.ExpressionKind;
import dev.eddy.storage.expr.ProjectionExpression;
import dev.eddy.storage.expr.UpdateExpression;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expressions of one request, parsed with one {@link ExpressionContext} so that unused or
 * undefined placeholders are caught across all of them, as DynamoDB does.
 */
final class RequestExpressions {
  final ExpressionContext context;
  private final boolean anyExpression;

  private RequestExpressions(ExpressionContext context, boolean anyExpression) {
    this.context = context;
    this.anyExpression = anyExpression;
  }

  /** Reads ExpressionAttributeNames/Values of a request whose expression fields are given. */
  static RequestExpressions of(Req req, String... expressionFields) {
    boolean any = false;
    for (String f : expressionFields) {
      any |= req.raw(f) != null;
    }
    Map<String, String> names = names(req.map("ExpressionAttributeNames"));
    Map<String, AttributeValue> values = req.item("ExpressionAttributeValues");
    if (!any) {
      if (names != null) {
        throw ApiException.validation("ExpressionAttributeNames can only be specified when using expressions");
      }
      if (values != null) {
        throw ApiException.validation("ExpressionAttributeValues can only be specified when using expressions");
      }
    }
    return new RequestExpressions(new ExpressionContext(names, values), any);
  }

  private static Map<String, String> names(ObjectNode node) {
    if (node == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  ConditionExpression condition(String text, ExpressionKind kind) {
    return text == null ? null : ConditionExpression.parse(text, context, kind);
  }

  UpdateExpression update(String text) {
    return text == null ? null : UpdateExpression.parse(text, context);
  }

  ProjectionExpression projection(String text) {
    return text == null ? null : ProjectionExpression.parse(text, context);
  }

  /** After all expressions are parsed: unused placeholders are errors. */
  void checkAllUsed() {
    if (anyExpression) {
      context.checkAllUsed();
    }
  }
}
