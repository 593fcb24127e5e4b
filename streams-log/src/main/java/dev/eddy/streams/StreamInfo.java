package dev.eddy.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A snapshot of one stream for ListStreams and DescribeStream.
 *
 * @param shards retained shards, sorted by shard id (which sorts by creation time)
 */
public record StreamInfo(
    String streamArn,
    String streamLabel,
    String tableName,
    boolean enabled,
    String streamViewType,
    long creationMillis,
    JsonNode keySchema,
    List<ShardInfo> shards) {

  /** One shard: {@code endingSequenceNumber} is null while the shard is open. */
  public record ShardInfo(String shardId, String parentShardId, String startingSequenceNumber,
      String endingSequenceNumber) {}
}
