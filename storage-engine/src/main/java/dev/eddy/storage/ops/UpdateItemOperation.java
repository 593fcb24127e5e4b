package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.storage.KeySchema;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.expr.ExpressionParameters;
import dev.eddy.storage.expr.UpdateExpression;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** UpdateItem: upsert through an UpdateExpression, optionally under a condition. */
public final class UpdateItemOperation implements Operation {
  private final StorageEngine engine;

  public UpdateItemOperation(StorageEngine engine) {
    this.engine = engine;
  }

  /**
   * The member PartiQL's UPDATE marks its UpdateItem request with: DynamoDB does not charge a
   * PartiQL statement as it charges an UpdateExpression (UpdateExpression#statementCharge).
   */
  static final String FROM_PARTIQL = "_EddyPartiQL";

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    WriteParams params = WriteParams.read(req, ExpressionParameters.Operation.UPDATE_ITEM);
    String tableName = params.tableName();
    String returnValues = params.returnValues();
    String capacity = params.capacity();
    Map<String, AttributeValue> key = params.item();
    ActionExpressions expressions = params.expressions();
    UpdateExpression update = expressions.update();
    Predicate<Map<String, AttributeValue>> condition = expressions.conditionTest();

    Table table = engine.catalog().require(tableName);
    KeySchema schema = table.keySchema();
    schema.validateKey(key);
    if (update != null) {
      for (String attr : update.updatedAttributes()) {
        if (schema.isKeyAttribute(attr)) {
          throw ApiException.invalidParameter("Cannot update attribute " + attr + ". This attribute is part of the key");
        }
      }
    }
    if (update != null && req.has("UpdateExpression") && !req.has(FROM_PARTIQL)
        && update.statementCharge() > 400 * 1024) {
      // the statement's own charge, before the condition (not AttributeUpdates, transactions or PartiQL)
      throw ApiException.validation("Item size to update has exceeded the maximum allowed size");
    }
    SingleItemWrite.Result result = SingleItemWrite.apply(engine, table, key, condition, old -> {
      Map<String, AttributeValue> base = old != null ? old : key;
      Map<String, AttributeValue> next = update == null ? new LinkedHashMap<>(base) : update.apply(base);
      if (old == null && update != null && next.equals(key)) {
        return null; // REMOVE/DELETE on a missing item creates nothing
      }
      if (AttributeValues.itemSize(next) > 400 * 1024) {
        throw ApiException.validation("Item size to update has exceeded the maximum allowed size");
      }
      table.validateIndexKeys(next, true);
      return next;
    }, params.returnOldOnFailure());

    ObjectNode response = Json.object();
    Map<String, AttributeValue> attributes = null;
    if (returnValues != null) {
      switch (returnValues) {
        case "ALL_OLD":
          attributes = result.oldItem();
          break;
        case "ALL_NEW":
          attributes = result.newItem();
          break;
        case "UPDATED_OLD":
          attributes = result.oldItem() == null || update == null ? null : update.projectUpdated(result.oldItem());
          break;
        case "UPDATED_NEW":
          attributes = update == null || result.newItem() == null ? null : update.projectUpdated(result.newItem());
          break;
        default:
          break;
      }
    }
    if (attributes != null && !attributes.isEmpty()) {
      response.set("Attributes", AttributeValues.itemToJson(attributes));
    }
    Capacity.add(response, capacity, Capacity.writes(table, result.change()), false);
    params.addCollectionMetrics(response, table, key);
    return response;
  }
}
