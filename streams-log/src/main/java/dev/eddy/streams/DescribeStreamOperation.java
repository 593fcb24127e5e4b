package dev.eddy.streams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import java.math.BigDecimal;
import java.util.List;

/**
 * DescribeStream: the stream and its retained shards, sorted by shard id, paged with Limit /
 * ExclusiveStartShardId; ShardFilter CHILD_SHARDS returns only the children of one shard.
 */
public final class DescribeStreamOperation implements Operation {
  private final StreamLog log;

  public DescribeStreamOperation(StreamLog log) {
    this.log = log;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req r = new Req(request);
    String arn = r.str("StreamArn");
    Long limit = r.integer("Limit");
    String start = r.str("ExclusiveStartShardId");
    Req filter = r.obj("ShardFilter");
    String filterType = filter == null ? null : filter.str("Type");
    String filterShard = filter == null ? null : filter.str("ShardId");
    Validation v = new Validation();
    v.notNull(arn, "streamArn").length(arn, "streamArn", 37, 1024);
    v.range(limit, "limit", 1, 100);
    v.length(start, "exclusiveStartShardId", 28, 65);
    if (filter != null) {
      v.notNull(filterType, "shardFilter.type").oneOf(filterType, "shardFilter.type", List.of("CHILD_SHARDS"));
      v.length(filterShard, "shardFilter.shardId", 28, 65);
    }
    v.throwIfAny();
    StreamsOperations.requireStreamArnShape(arn);
    int max = limit == null ? 100 : limit.intValue();

    StreamInfo s = log.stream(arn);
    if (s == null) {
      throw StreamLog.streamNotFound(arn);
    }
    ObjectNode out = Json.object();
    ObjectNode d = out.putObject("StreamDescription");
    d.put("StreamArn", s.streamArn());
    d.put("StreamLabel", s.streamLabel());
    d.put("StreamStatus", s.enabled() ? "ENABLED" : "DISABLED");
    d.put("StreamViewType", s.streamViewType());
    d.put("CreationRequestDateTime", BigDecimal.valueOf(s.creationMillis(), 3));
    d.put("TableName", s.tableName());
    d.set("KeySchema", s.keySchema() == null ? Json.NODES.arrayNode() : s.keySchema());
    ArrayNode shards = d.putArray("Shards");
    String last = null;
    boolean more = false;
    for (StreamInfo.ShardInfo sh : s.shards()) {
      if (start != null && sh.shardId().compareTo(start) <= 0) {
        continue;
      }
      if (filter != null && (filterShard == null || !filterShard.equals(sh.parentShardId()))) {
        continue;
      }
      if (shards.size() >= max) {
        more = true;
        break;
      }
      ObjectNode e = shards.addObject();
      e.put("ShardId", sh.shardId());
      if (sh.parentShardId() != null) {
        e.put("ParentShardId", sh.parentShardId());
      }
      ObjectNode range = e.putObject("SequenceNumberRange");
      range.put("StartingSequenceNumber", sh.startingSequenceNumber());
      if (sh.endingSequenceNumber() != null) {
        range.put("EndingSequenceNumber", sh.endingSequenceNumber());
      }
      last = sh.shardId();
    }
    if (more) {
      d.put("LastEvaluatedShardId", last);
    }
    return out;
  }
}
