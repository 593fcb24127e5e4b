package dev.eddy.storage.ops;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Req;
import java.util.Map;
import java.util.function.Predicate;

/** The condition of a write request (ConditionExpression or legacy Expected). */
final class Conditions {
  private Conditions() {}

  /** The request's condition over the old image, or null when it has none. */
  static Predicate<Map<String, AttributeValue>> forWrite(Req req) {
    if (req.has("ConditionExpression") || req.has("Expected")) {
      throw ApiException.validation("Conditional writes are not supported by this build yet");
    }
    return null;
  }
}
