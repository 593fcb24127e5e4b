package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;

/** Field constraints of a read request's projection parameters (parsing is ActionExpressions'). */
final class Projections {
  private Projections() {}

  static void validate(Req req, Validation v) {
    ArrayNode atg = req.list("AttributesToGet");
    if (atg != null && atg.isEmpty()) {
      v.add("[]", "attributesToGet", "Member must have length greater than or equal to 1");
    }
  }
}
