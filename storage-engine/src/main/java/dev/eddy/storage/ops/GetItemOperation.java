package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.ItemCodec;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.expr.ExpressionParameters;
import dev.eddy.storage.expr.ProjectionExpression;
import java.util.Map;

/** GetItem. A whole item is sent as it is stored, without decoding it. */
public final class GetItemOperation implements Operation {
  private final StorageEngine engine;

  public GetItemOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String tableName = req.str("TableName");
    String capacity = req.str("ReturnConsumedCapacity");
    Boolean consistent = req.bool("ConsistentRead");
    Validation v = new Validation();
    v.tableName(tableName, "tableName");
    v.notNull(req.raw("Key"), "key");
    Capacity.validate(capacity, v);
    Projections.validate(req, v);
    v.throwIfAny();
    Map<String, AttributeValue> key = req.item("Key", ValueLayer.CURRENT);
    ActionExpressions expressions = ActionExpressions.parse(req, ExpressionParameters.Operation.GET_ITEM,
        ValueLayer.CURRENT);
    ProjectionExpression projection = expressions.projection();
    Table table = engine.catalog().require(tableName);
    table.keySchema().validateKey(key);
    byte[] raw = engine.items().getRaw(table.rowKey(key));
    ObjectNode response = Json.object();
    long size = 0;
    if (raw != null) {
      response.set("Item", Projections.storedItem(raw, projection));
      size = ItemCodec.size(raw);
    }
    Capacity.add(response, capacity, tableName,
        Capacity.readUnits(size, consistent != null && consistent), true);
    return response;
  }
}
