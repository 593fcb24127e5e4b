package dev.eddy.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.streams.internal.SequenceNumbers;
import java.util.List;

/** GetShardIterator: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER. */
public final class GetShardIteratorOperation implements Operation {
  static final List<String> TYPES = List.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");
  private final StreamLog log;

  public GetShardIteratorOperation(StreamLog log) {
    this.log = log;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req r = new Req(request);
    String arn = r.str("StreamArn");
    String shardId = r.str("ShardId");
    String type = r.str("ShardIteratorType");
    String seq = r.str("SequenceNumber");
    Validation v = new Validation();
    v.notNull(arn, "streamArn").length(arn, "streamArn", 37, 1024);
    v.notNull(shardId, "shardId").length(shardId, "shardId", 28, 65);
    v.notNull(type, "shardIteratorType").oneOf(type, "shardIteratorType", TYPES);
    v.length(seq, "sequenceNumber", 21, 40);
    v.throwIfAny();
    StreamsOperations.requireStreamArnShape(arn);
    boolean needsSeq = type.endsWith("_SEQUENCE_NUMBER");
    if (needsSeq && seq == null) {
      throw ApiException.validation("SequenceNumber must be provided for ShardIteratorType " + type);
    }
    if (!needsSeq && seq != null) {
      throw ApiException.validation("SequenceNumber must not be provided for ShardIteratorType " + type);
    }
    if (seq != null && !SequenceNumbers.isDecimal(seq)) {
      throw ApiException.validation("Invalid SequenceNumber: " + seq);
    }
    ObjectNode out = Json.object();
    out.put("ShardIterator", log.shardIterator(arn, shardId, type, seq));
    return out;
  }
}
