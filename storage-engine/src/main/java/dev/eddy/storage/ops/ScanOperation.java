package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.KeyCodec;
import dev.eddy.storage.KeyDef;
import dev.eddy.storage.SecondaryIndex;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.expr.ConditionExpression;
import dev.eddy.storage.expr.ExpressionParameters;
import dev.eddy.storage.expr.Legacy;
import dev.eddy.storage.expr.ProjectionExpression;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Scan: a whole table or index in key order, a page at a time from a cursor. A parallel scan
 * (Segment/TotalSegments) reads the items whose partition key hashes into the segment, so every
 * item belongs to exactly one segment.
 */
public final class ScanOperation implements Operation {
  static final long MAX_SEGMENTS = 1_000_000;
  private final StorageEngine engine;

  public ScanOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    Validation v = new Validation();
    ReadRequests.validateCommon(req, v, false);
    Long segment = req.integer("Segment");
    Long total = req.integer("TotalSegments");
    v.range(segment, "segment", 0, MAX_SEGMENTS - 1);
    v.range(total, "totalSegments", 1, MAX_SEGMENTS);
    Map<String, Legacy.Condition> scanFilter = ReadRequests.conditions(req, "ScanFilter", v, ValueLayer.OLDER);
    v.throwIfAny();
    ExpressionParameters.check(ExpressionParameters.Operation.SCAN, QueryOperation.present(request));
    if (segment != null && total == null) {
      throw ApiException.validation(
          "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
    }
    if (total != null && segment == null) {
      throw ApiException.validation(
          "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
    }
    if (total != null && segment >= total) {
      throw ApiException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments:"
          + " Segment: " + segment + " is not less than TotalSegments: " + total);
    }
    Table table = engine.catalog().require(req.str("TableName"));
    SecondaryIndex index = ReadRequests.index(req, table, false);
    ReadExpressions expressions = ReadExpressions.of(req, ValueLayer.OLDER);
    ConditionExpression filter = null;
    if (req.has("FilterExpression")) {
      filter = expressions.filter(req.str("FilterExpression"));
    } else if (scanFilter != null || req.has("ConditionalOperator")) {
      filter = Legacy.filter(scanFilter, req.str("ConditionalOperator"), "ScanFilter");
    }
    ProjectionExpression projection = ReadRequests.projection(req, expressions);
    expressions.checkAllUsed();
    ReadSelection selection =
        ReadSelection.of(req.str("Select"), projection, ReadRequests.projectionParameter(req), index, "");
    Map<String, AttributeValue> startKey = ReadRequests.exclusiveStartKey(req, table, index, false);

    byte[] prefix = index == null ? table.rowPrefix() : index.prefix(table);
    byte[] lower = prefix;
    byte[] upper = KeyBytes.prefixEnd(prefix);
    List<KeyDef> hash = index == null ? table.keySchema().hashKeys() : index.keySchema().hashKeys();
    Predicate<byte[]> inSegment = null;
    if (total != null && total > 1) {
      int seg = segment.intValue();
      int segments = total.intValue();
      inSegment = key -> segmentOf(key, prefix.length, hash, segments) == seg;
    }
    if (startKey != null) {
      byte[] at = index == null ? table.rowKey(startKey) : index.startKey(table, startKey);
      if (inSegment != null && !inSegment.test(at)) {
        throw ApiException.validation("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use"
            + " ExclusiveStartKey with correct Segment. TotalSegments: " + total + " Segment: " + segment);
      }
      lower = KeyBytes.successor(at);
    }
    Boolean consistent = req.bool("ConsistentRead");
    ConditionExpression f = filter;
    PageReader.Page page = new PageReader(engine, table, index, selection)
        .read(lower, upper, true, inSegment, req.integer("Limit"), f == null ? null : f::test);
    ObjectNode response = page.response();
    ReadRequests.addCapacity(response, req.str("ReturnConsumedCapacity"), table, index, page.bytesRead(),
        page.fetchedBlocks(), consistent != null && consistent);
    return response;
  }

  /** The segment of a key: its encoded partition key (every partition key attribute) hashed onto [0, segments). */
  static int segmentOf(byte[] key, int prefixLength, List<KeyDef> hashKeys, int segments) {
    int end = prefixLength;
    for (int i = 0; i < hashKeys.size(); i++) {
      end = KeyCodec.end(hashKeys.get(i).type(), key, end);
    }
    long h = 0xcbf29ce484222325L;
    for (int i = prefixLength; i < end; i++) {
      h ^= key[i] & 0xFF;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    long unsigned32 = (h >>> 32) & 0xFFFFFFFFL;
    return (int) ((unsigned32 * segments) >>> 32);
  }
}
