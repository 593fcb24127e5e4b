package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.expr.ProjectionExpression;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The projection of a read request (ProjectionExpression or legacy AttributesToGet). */
final class Projections {
  private Projections() {}

  static void validate(Req req, Validation v) {
    ArrayNode atg = req.list("AttributesToGet");
    if (atg != null && atg.isEmpty()) {
      v.add("[]", "attributesToGet", "Member must have length greater than or equal to 1");
    }
  }

  /** The request's projection, or null for whole items. */
  static UnaryOperator<Map<String, AttributeValue>> of(Req req, RequestExpressions expressions) {
    String text = req.str("ProjectionExpression");
    if (text != null) {
      if (req.has("AttributesToGet")) {
        throw ApiException.validation("Can not use both expression and non-expression parameters in the same"
            + " request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
      }
      ProjectionExpression p = expressions.projection(text);
      return p::project;
    }
    ArrayNode atg = req.list("AttributesToGet");
    if (atg == null) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode n : atg) {
      if (!names.add(n.asText())) {
        throw ApiException.validation("One or more parameter values were invalid: Duplicate value in attribute name: "
            + n.asText());
      }
    }
    return item -> {
      Map<String, AttributeValue> out = new LinkedHashMap<>();
      for (String n : names) {
        AttributeValue val = item.get(n);
        if (val != null) {
          out.put(n, val);
        }
      }
      return out;
    };
  }
}
