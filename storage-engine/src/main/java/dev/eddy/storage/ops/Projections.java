package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.ItemCodec;
import dev.eddy.storage.expr.ProjectionExpression;
import java.util.Map;

/**
 * Field constraints of a read request's projection parameters (parsing is ActionExpressions'),
 * and a stored item as a point read (GetItem, BatchGetItem, TransactGetItems) answers it.
 */
final class Projections {
  private Projections() {}

  static void validate(Req req, Validation v) {
    ArrayNode atg = req.list("AttributesToGet");
    if (atg != null && atg.isEmpty()) {
      v.add("[]", "attributesToGet", "Member must have length greater than or equal to 1");
    }
  }

  /**
   * A stored item (an {@link ItemCodec} row) as a response's item: without a projection the
   * stored JSON as it is (never decoded); with one, only the projected top-level attributes
   * decoded, then projected. The read's capacity counts the whole item: {@link ItemCodec#size}.
   */
  static JsonNode storedItem(byte[] stored, ProjectionExpression projection) {
    if (projection == null) {
      return Json.NODES.rawValueNode(ItemCodec.json(stored));
    }
    Map<String, AttributeValue> item = ItemCodec.decode(stored, projection.topLevelAttributeSet());
    return AttributeValues.itemToJson(projection.project(item));
  }
}
