package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Req;
import dev.eddy.storage.expr.ConditionExpression;
import dev.eddy.storage.expr.ExpressionContext;
import dev.eddy.storage.expr.ExpressionParameters;
import dev.eddy.storage.expr.ProjectionExpression;
import dev.eddy.storage.expr.UpdateExpression;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The expressions of one request structure (a whole request, or one action of a transaction, or
 * one table's entry of a BatchGetItem): ConditionExpression, UpdateExpression and
 * ProjectionExpression parsed against the structure's own ExpressionAttributeNames/Values, with
 * DynamoDB's checks for placeholders that are unused or sent without any expression.
 */
final class ActionExpressions {
  private final ConditionExpression condition;
  private final UpdateExpression update;
  private final ProjectionExpression projection;

  private ActionExpressions(ConditionExpression condition, UpdateExpression update, ProjectionExpression projection) {
    this.condition = condition;
    this.update = update;
    this.projection = projection;
  }

  /**
   * Parses the expressions of {@code req} (any may be absent) after checking, with the parameter
   * rules of {@code op}, that expression and legacy parameters are not mixed and that names and
   * values come with an expression; throws ValidationException.
   */
  static ActionExpressions parse(Req req, ExpressionParameters.Operation op) {
    Set<String> present = new HashSet<>();
    for (Iterator<String> it = req.node().fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (req.has(f)) {
        present.add(f);
      }
    }
    ExpressionParameters.check(op, present);
    String cond = req.str("ConditionExpression");
    String upd = req.str("UpdateExpression");
    String proj = req.str("ProjectionExpression");
    ObjectNode namesNode = req.map("ExpressionAttributeNames");
    ObjectNode valuesNode = req.map("ExpressionAttributeValues");
    if (cond == null && upd == null && proj == null) {
      return new ActionExpressions(null, null, null);
    }
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
    ExpressionContext ctx = new ExpressionContext(names, values);
    UpdateExpression u = upd == null ? null : UpdateExpression.parse(upd, ctx);
    ConditionExpression c = cond == null ? null : ConditionExpression.parse(cond, ctx);
    ProjectionExpression p = proj == null ? null : ProjectionExpression.parse(proj, ctx);
    ctx.checkAllUsed();
    return new ActionExpressions(c, u, p);
  }

  /** The ConditionExpression, or null. */
  ConditionExpression condition() {
    return condition;
  }

  /** The UpdateExpression, or null. */
  UpdateExpression update() {
    return update;
  }

  /** The ProjectionExpression, or null. */
  ProjectionExpression projection() {
    return projection;
  }
}
