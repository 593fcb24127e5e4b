package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem: up to 100 keys over several tables. A response stops growing at 16 MB; the keys
 * not read then come back in UnprocessedKeys with their table's read parameters.
 */
public final class BatchGetItemOperation implements Operation {
  static final int MAX_KEYS = 100;
  static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
  static final String MAP_KEYS_CONSTRAINT = "Map keys must satisfy constraint: [Member must have length less than or"
      + " equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression"
      + " pattern: [a-zA-Z0-9_.-]+]";
  private final StorageEngine engine;
  private long maxResponseBytes = MAX_RESPONSE_BYTES;

  public BatchGetItemOperation(StorageEngine engine) {
    this.engine = engine;
  }

  /** For tests: a smaller response limit. */
  BatchGetItemOperation withMaxResponseBytes(long bytes) {
    this.maxResponseBytes = bytes;
    return this;
  }

  /** One table's entry of RequestItems, parsed. */
  private record TableRead(String name, ObjectNode entry, List<Map<String, AttributeValue>> keys,
      ProjectionExpression projection, boolean consistent) {}

  static boolean validTableName(String name) {
    return (name.length() >= 3 && name.length() <= 255 && Validation.isNameChars(name)) || Validation.isTableArn(name);
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String capacity = req.str("ReturnConsumedCapacity");
    ObjectNode requestItems = req.map("RequestItems");
    Validation v = new Validation();
    if (requestItems == null) {
      v.notNull(null, "requestItems");
    } else if (requestItems.isEmpty()) {
      v.addUnechoed("RequestItems", "Member must have length greater than or equal to 1");
    } else {
      validateMembers(requestItems, v);
    }
    Capacity.validate(capacity, v);
    v.throwIfAny();

    List<TableRead> reads = new ArrayList<>();
    boolean anyExpression = false;
    boolean anyLegacy = false;
    int total = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Req entry = Req.element(e.getValue());
      ActionExpressions expressions = ActionExpressions.parse(entry, ExpressionParameters.Operation.BATCH_GET_ITEM,
          ValueLayer.CURRENT);
      boolean expr = entry.has("ProjectionExpression");
      boolean legacy = entry.has("AttributesToGet");
      anyExpression |= expr;
      anyLegacy |= legacy;
      if (anyExpression && anyLegacy) {
        throw mixed();
      }
      ProjectionExpression projection = expressions.projection();
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      for (JsonNode k : entry.list("Keys")) {
        if (!k.isObject()) {
          throw ApiException.serialization("Unexpected value type in payload");
        }
        keys.add(AttributeValues.readItem(k, ValueLayer.CURRENT));
        if (++total > MAX_KEYS) {
          throw ApiException.validation("Too many items requested for the BatchGetItem call");
        }
      }
      Boolean consistent = entry.bool("ConsistentRead");
      reads.add(new TableRead(e.getKey(), entry.node(), keys, projection, consistent != null && consistent));
    }

    List<Table> tables = new ArrayList<>();
    List<List<byte[]>> rowKeys = new ArrayList<>();
    for (TableRead r : reads) {
      tables.add(engine.catalog().require(r.name()));
    }
    for (int t = 0; t < reads.size(); t++) {
      Table table = tables.get(t);
      Set<ByteBuffer> seen = new HashSet<>();
      List<byte[]> rows = new ArrayList<>();
      for (Map<String, AttributeValue> key : reads.get(t).keys()) {
        table.keySchema().validateKey(key);
        byte[] row = table.rowKey(key);
        if (!seen.add(ByteBuffer.wrap(row))) {
          throw ApiException.validation("Provided list of item keys contains duplicates");
        }
        rows.add(row);
      }
      rowKeys.add(rows);
    }

    ObjectNode response = Json.object();
    ObjectNode responses = response.putObject("Responses");
    ObjectNode unprocessed = Json.object();
    Map<String, Double> units = new LinkedHashMap<>();
    long responseBytes = 0;
    boolean full = false;
    for (int t = 0; t < reads.size(); t++) {
      TableRead r = reads.get(t);
      ArrayNode out = responses.putArray(r.name());
      ArrayNode left = null;
      double used = 0;
      for (int i = 0; i < r.keys().size(); i++) {
        if (!full) {
          // Items go out as stored, or with only their projected attributes decoded
          // (Projections.storedItem): no decoding and encoding again of up to 100 items.
          byte[] stored = engine.items().getRaw(rowKeys.get(t).get(i));
          long size = stored == null ? 0 : ItemCodec.size(stored);
          if (stored != null && responseBytes + size > maxResponseBytes) {
            full = true;
          } else {
            responseBytes += size;
            used += Capacity.readUnits(size, r.consistent());
            if (stored != null) {
              out.add(Projections.storedItem(stored, r.projection()));
            }
            continue;
          }
        }
        if (left == null) {
          ObjectNode entry = r.entry().deepCopy();
          left = entry.putArray("Keys");
          unprocessed.set(r.name(), entry);
        }
        left.add(AttributeValues.itemToJson(r.keys().get(i)));
      }
      units.merge(r.name(), used, Double::sum);
    }
    response.set("UnprocessedKeys", unprocessed);
    MultiItem.addCapacities(response, capacity, units, true, false);
    return response;
  }

  private static ApiException mixed() {
    return ApiException.validation("Can not use both expression and non-expression parameters in the same request:"
        + " Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
  }

  private static void validateMembers(ObjectNode requestItems, Validation v) {
    boolean badName = false;
    for (Iterator<String> it = requestItems.fieldNames(); it.hasNext(); ) {
      badName |= !validTableName(it.next());
    }
    if (badName) {
      v.add(requestItems.toString(), "requestItems", MAP_KEYS_CONSTRAINT);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Req entry = Req.element(e.getValue());
      String path = "RequestItems." + e.getKey() + ".member.";
      ArrayNode keys = entry.list("Keys");
      if (keys == null) {
        v.addUnechoed(path + "Keys", "Member must not be null");
      } else if (keys.isEmpty()) {
        v.addUnechoed(path + "Keys", "Member must have length greater than or equal to 1");
      } else if (keys.size() > MAX_KEYS) {
        v.addUnechoed(path + "Keys", "Member must have length less than or equal to " + MAX_KEYS);
      }
      ArrayNode atg = entry.list("AttributesToGet");
      if (atg != null && atg.isEmpty()) {
        v.addUnechoed(path + "AttributesToGet", "Member must have length greater than or equal to 1");
      } else if (atg != null && atg.size() > 255) {
        v.addUnechoed(path + "AttributesToGet", "Member must have length less than or equal to 255");
      }
    }
  }
}
