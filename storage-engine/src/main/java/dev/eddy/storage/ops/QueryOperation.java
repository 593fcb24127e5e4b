package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.KeySchema;
import dev.eddy.storage.SecondaryIndex;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.expr.ConditionExpression;
import dev.eddy.storage.expr.ExpressionParameters;
import dev.eddy.storage.expr.KeyCondition;
import dev.eddy.storage.expr.Legacy;
import dev.eddy.storage.expr.ProjectionExpression;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Query: one partition of a table or index, in sort key order (or reversed), one page at a time
 * straight from a cursor positioned at the start of the key range.
 */
public final class QueryOperation implements Operation {
  private final StorageEngine engine;

  public QueryOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    Validation v = new Validation();
    ReadRequests.validateCommon(req, v, true);
    Map<String, Legacy.Condition> keyConditions = ReadRequests.conditions(req, "KeyConditions", v, ValueLayer.CURRENT);
    Map<String, Legacy.Condition> queryFilter = ReadRequests.conditions(req, "QueryFilter", v, ValueLayer.CURRENT);
    v.throwIfAny();
    ExpressionParameters.check(ExpressionParameters.Operation.QUERY, present(request));
    if (!req.has("KeyConditions") && !req.has("KeyConditionExpression")) {
      throw ApiException.validation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    ReadExpressions expressions = ReadExpressions.of(req, ValueLayer.CURRENT);
    // DynamoDB parses every expression and checks for unused placeholders before it looks for the
    // table and at what the key condition and the filter say.
    ConditionExpression keyExpression = req.has("KeyConditionExpression")
        ? expressions.keyCondition(req.str("KeyConditionExpression")) : null;
    ConditionExpression filter = req.has("FilterExpression") ? expressions.filter(req.str("FilterExpression")) : null;
    ProjectionExpression projection = ReadRequests.projection(req, expressions);
    expressions.checkAllUsed();
    Table table = engine.catalog().require(req.str("TableName"));
    SecondaryIndex index = ReadRequests.index(req, table, true);
    KeySchema keys = index == null ? table.keySchema() : index.keySchema();
    KeyCondition condition = keyCondition(keys, keyExpression, keyConditions);
    if (filter != null) {
      for (String attr : filter.topLevelAttributes()) {
        if (keys.isKeyAttribute(attr)) {
          throw ApiException.validation(
              "Filter Expression can only contain non-primary key attributes: Primary key attribute: " + attr);
        }
      }
    } else if (queryFilter != null || req.has("ConditionalOperator")) {
      if (queryFilter != null) {
        for (String attr : queryFilter.keySet()) {
          if (keys.isKeyAttribute(attr)) {
            throw ApiException.validation(
                "QueryFilter can only contain non-primary key attributes: Primary key attribute: " + attr);
          }
        }
      }
      filter = Legacy.filter(queryFilter, req.str("ConditionalOperator"), "QueryFilter");
    }
    ReadSelection selection = ReadSelection.of(req.str("Select"), projection, ReadRequests.projectionParameter(req),
        index, ReadSelection.QUERY_PREFIX);
    Map<String, AttributeValue> startKey = ReadRequests.exclusiveStartKey(req, table, index, true);

    byte[] prefix = index == null ? table.rowPrefix() : index.prefix(table);
    byte[][] range = KeyBytes.range(
        KeyBytes.encodeAll(prefix, condition.partitionValues(), condition.sortPrefixValues()), condition.sortKeyCondition());
    byte[] lower = range[0];
    byte[] upper = range[1];
    Boolean scanForward = req.bool("ScanIndexForward");
    boolean forward = scanForward == null || scanForward;
    if (startKey != null) {
      if (!condition.inPartition(startKey)) {
        throw ApiException.validation(
            "The provided starting key is outside query boundaries based on provided conditions");
      }
      if (!condition.matchesSort(startKey)) {
        throw ApiException.validation("The provided starting key does not match the range key predicate");
      }
      byte[] at = index == null ? table.rowKey(startKey) : index.startKey(table, startKey);
      if (forward) {
        byte[] after = KeyBytes.successor(at);
        if (KeyBytes.compare(after, lower) > 0) {
          lower = after;
        }
      } else if (KeyBytes.compare(at, upper) < 0) {
        upper = at;
      }
    }
    Boolean consistent = req.bool("ConsistentRead");
    ConditionExpression f = filter;
    PageReader.Page page = new PageReader(engine, table, index, selection)
        .read(lower, upper, forward, null, req.integer("Limit"), f == null ? null : f::test);
    ObjectNode response = page.response();
    ReadRequests.addCapacity(response, req.str("ReturnConsumedCapacity"), table, index, page.bytesRead(),
        page.fetchedBlocks(), consistent != null && consistent);
    return response;
  }

  /**
   * The key condition of a Query on a table or index key, from KeyConditionExpression or legacy
   * KeyConditions, with its values checked against the key's types and for emptiness.
   */
  private static KeyCondition keyCondition(KeySchema keys, ConditionExpression expression,
      Map<String, Legacy.Condition> legacy) {
    KeyCondition condition = expression != null
        ? KeyCondition.of(expression, keys.hashNames(), keys.rangeNames())
        : Legacy.keyConditions(legacy, keys.hashNames(), keys.rangeNames());
    condition.checkTypes(keys.types());
    // values that name a key value (every partition value, sort values compared for equality) may not be empty
    for (int i = 0; i < keys.hashKeys().size(); i++) {
      KeySchema.checkConditionValue(keys.hashKeys().get(i), condition.partitionValues().get(i));
    }
    for (int i = 0; i < condition.sortPrefixValues().size(); i++) {
      KeySchema.checkConditionValue(keys.rangeKeys().get(i), condition.sortPrefixValues().get(i));
    }
    KeyCondition.SortKeyCondition sort = condition.sortKeyCondition();
    if (sort != null && sort.operator() == KeyCondition.Operator.EQ) {
      KeySchema.checkConditionValue(keys.rangeKeys().get(condition.sortPrefixValues().size()), sort.values().get(0));
    }
    return condition;
  }

  static Set<String> present(ObjectNode request) {
    Set<String> out = new HashSet<>();
    for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = request.fields(); it.hasNext(); ) {
      Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
      if (!e.getValue().isNull()) {
        out.add(e.getKey());
      }
    }
    return out;
  }
}
