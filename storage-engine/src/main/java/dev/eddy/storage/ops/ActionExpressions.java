package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Req;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.expr.ConditionExpression;
import dev.eddy.storage.expr.ExpressionContext;
import dev.eddy.storage.expr.ExpressionParameters;
import dev.eddy.storage.expr.Legacy;
import dev.eddy.storage.expr.ProjectionExpression;
import dev.eddy.storage.expr.UpdateExpression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The expressions of one request structure (a whole request, or one action of a transaction, or
 * one table's entry of a BatchGetItem): ConditionExpression, UpdateExpression and
 * ProjectionExpression parsed against the structure's own ExpressionAttributeNames/Values, with
 * DynamoDB's checks for placeholders that are unused or sent without any expression; or their
 * legacy counterparts (Expected, AttributeUpdates, AttributesToGet) converted onto the same
 * evaluators.
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
   * values come with an expression; values are read in the operation's {@code layer}. Throws
   * ValidationException.
   */
  static ActionExpressions parse(Req req, ExpressionParameters.Operation op, ValueLayer layer) {
    Set<String> present = new HashSet<>();
    for (Iterator<String> it = req.node().fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (req.has(f)) {
        present.add(f);
      }
    }
    ExpressionParameters.check(op, present, layer);
    String cond = req.str("ConditionExpression");
    String upd = req.str("UpdateExpression");
    String proj = req.str("ProjectionExpression");
    if (cond == null && upd == null && proj == null) {
      return legacy(req, layer);
    }
    ExpressionContext ctx = contextOf(req, layer);
    UpdateExpression u = upd == null ? null : UpdateExpression.parse(upd, ctx);
    ConditionExpression c = cond == null ? null : ConditionExpression.parse(cond, ctx);
    ProjectionExpression p = proj == null ? null : ProjectionExpression.parse(proj, ctx);
    ctx.checkAllUsed();
    return new ActionExpressions(c, u, p);
  }

  /** The ExpressionAttributeNames/Values of a request structure as one context, values read in {@code layer}. */
  static ExpressionContext contextOf(Req req, ValueLayer layer) {
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
    Map<String, AttributeValue> values = valuesNode == null ? null : readValues(valuesNode, layer);
    return new ExpressionContext(names, values);
  }

  /**
   * ExpressionAttributeValues, each value checked as an attribute value. The current layer reports
   * a bad value with its own message; the older one names the offending placeholder:
   * "ExpressionAttributeValues contains invalid value: ... for key :v".
   */
  private static Map<String, AttributeValue> readValues(ObjectNode valuesNode, ValueLayer layer) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = valuesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        values.put(e.getKey(), AttributeValues.read(e.getValue(), layer));
      } catch (ApiException ex) {
        if (ex.code() != ErrorCode.VALIDATION || layer == ValueLayer.CURRENT) {
          throw ex;
        }
        throw ApiException.validation("ExpressionAttributeValues contains invalid value: " + ex.getMessage()
            + " for key " + e.getKey());
      }
    }
    return values;
  }

  /** Expected (+ ConditionalOperator), AttributeUpdates and AttributesToGet onto the same evaluators. */
  private static ActionExpressions legacy(Req req, ValueLayer layer) {
    ConditionExpression c = null;
    ObjectNode expected = req.map("Expected");
    if (expected != null) {
      Map<String, Legacy.ExpectedAttributeValue> entries = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Req entry = Req.element(e.getValue());
        entries.put(e.getKey(), new Legacy.ExpectedAttributeValue(value(entry, "Value", layer), entry.bool("Exists"),
            entry.str("ComparisonOperator"), values(entry, "AttributeValueList", layer)));
      }
      c = Legacy.expected(entries, req.str("ConditionalOperator"));
    }
    UpdateExpression u = null;
    ObjectNode updates = req.map("AttributeUpdates");
    if (updates != null) {
      Map<String, Legacy.AttributeUpdate> entries = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = updates.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Req entry = Req.element(e.getValue());
        entries.put(e.getKey(), new Legacy.AttributeUpdate(value(entry, "Value", layer), entry.str("Action")));
      }
      u = Legacy.attributeUpdates(entries);
    }
    ProjectionExpression p = null;
    ArrayNode toGet = req.list("AttributesToGet");
    if (toGet != null) {
      List<String> names = new ArrayList<>();
      for (JsonNode n : toGet) {
        names.add(n.asText());
      }
      p = Legacy.attributesToGet(names);
    }
    return new ActionExpressions(c, u, p);
  }

  private static AttributeValue value(Req entry, String field, ValueLayer layer) {
    JsonNode v = entry.raw(field);
    return v == null ? null : AttributeValues.read(v, layer);
  }

  private static List<AttributeValue> values(Req entry, String field, ValueLayer layer) {
    ArrayNode list = entry.list(field);
    if (list == null) {
      return null;
    }
    List<AttributeValue> out = new ArrayList<>(list.size());
    for (JsonNode v : list) {
      out.add(AttributeValues.read(v, layer));
    }
    return out;
  }

  /** The ConditionExpression, or null. */
  ConditionExpression condition() {
    return condition;
  }

  /** The condition as a test of the old image (null when the item is absent), or null for none. */
  java.util.function.Predicate<Map<String, AttributeValue>> conditionTest() {
    return condition == null ? null : condition::test;
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
