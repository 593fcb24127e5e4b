package dev.eddy.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Requests nested past the point where DynamoDB reads them another way.
 *
 * <p>DynamoDB refuses an attribute value nested more than 32 levels ({@link
 * AttributeValues#MAX_NESTING}), and at up to about 60 levels it does so as it meets the value.
 * A request whose JSON nests {@link #DEPTH} or more levels deep (about 62 levels of attribute
 * nesting) is read on an older path instead: it is still read and refused with the nesting error,
 * never a failure to parse the body, but every other problem of the request comes first, and some
 * enum errors use their older wording. Captured from DynamoDB by nubo-db/dynamodb-conformance
 * ("Deep requests", nestingDepth.test.ts, us-east-1 and eu-west-2, 2026-10): PutItem, UpdateItem
 * and DeleteItem report an unknown ReturnValues (in the older enum order) or ConditionalOperator
 * ahead of a value nested 63 or 100 levels; TransactWriteItems reports a condition syntax error,
 * an oversized expression or an unused value of any action ahead of a key nested 100 levels,
 * while at 40 levels it reports the nesting of an earlier action first. A PutItem item nested 61
 * levels reaches JSON depth 125, one nested 63 levels 129, and a transaction's value nested 61
 * levels 128, which is read the older way: so the line lies at 126 to 128; it is drawn at 128.
 *
 * <p>Operations that read their request this way wrap the reading (values and expressions, all
 * checked before any table is touched) in {@link #nestingLast}.
 */
public final class DeepRequests {
  /** The JSON nesting depth (the request object is level 1) from which a request is read the older way. */
  public static final int DEPTH = 128;

  private static final ThreadLocal<Boolean> NESTING_DEFERRED = new ThreadLocal<>();

  private DeepRequests() {}

  /** Whether {@code request} nests {@link #DEPTH} or more JSON levels deep. */
  public static boolean isDeep(JsonNode request) {
    return reaches(request, DEPTH);
  }

  private static boolean reaches(JsonNode node, int levels) {
    if (!node.isContainerNode()) {
      return false;
    }
    if (levels <= 1) {
      return true;
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      if (reaches(it.next(), levels - 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code reading} (which reads and checks {@code request} and changes nothing). When it
   * fails on a request that {@link #isDeep is deep}, it runs again with values read past the
   * nesting limit, so that any other problem is reported first; if there is none, the first
   * failure (the nesting error) stands. Costs nothing unless the reading fails.
   */
  public static <T> T nestingLast(JsonNode request, Supplier<T> reading) {
    try {
      return reading.get();
    } catch (ApiException first) {
      if (nestingDeferred() || !isDeep(request)) {
        throw first;
      }
      NESTING_DEFERRED.set(Boolean.TRUE);
      try {
        reading.get();
      } finally {
        NESTING_DEFERRED.remove();
      }
      throw first;
    }
  }

  /** Whether values are being read past the nesting limit (inside the second run of {@link #nestingLast}). */
  static boolean nestingDeferred() {
    return NESTING_DEFERRED.get() != null;
  }
}
