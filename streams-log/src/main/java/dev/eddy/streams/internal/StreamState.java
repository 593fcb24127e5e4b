package dev.eddy.streams.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One stream (enabled or disabled) and its shards. Everything mutable is guarded by
 * {@link #lock}, which writers also hold from sequence assignment until their batch is written,
 * so sequence numbers become visible in order.
 */
public final class StreamState {
  public final long id;
  public final String arn;
  public final String label;
  public final String tableName;
  public final String viewType;
  public final long createdMillis;
  public final JsonNode keySchema;
  public final int slots;
  public final ReentrantLock lock = new ReentrantLock();

  public Long disabledMillis;
  public long nextSeq;
  public int nextShardNo;
  /** All shards still retained, in creation order. */
  public final List<ShardState> shards = new ArrayList<>();
  /** The open shard of each slot (all null once disabled). */
  public final ShardState[] open;
  /** Clock time of the last trim pass (not persisted). */
  public long lastTrimMillis = Long.MIN_VALUE;

  public StreamState(long id, String arn, String label, String tableName, String viewType, long createdMillis,
      JsonNode keySchema, int slots) {
    this.id = id;
    this.arn = arn;
    this.label = label;
    this.tableName = tableName;
    this.viewType = viewType;
    this.createdMillis = createdMillis;
    this.keySchema = keySchema;
    this.slots = slots;
    this.open = new ShardState[slots];
  }

  public boolean isEnabled() {
    return disabledMillis == null;
  }

  public ShardState shard(String shardId) {
    for (ShardState s : shards) {
      if (s.shardId.equals(shardId)) {
        return s;
      }
    }
    return null;
  }

  public byte[] toJsonBytes() {
    ObjectNode o = Json.object();
    o.put("v", 1);
    o.put("id", id);
    o.put("arn", arn);
    o.put("label", label);
    o.put("table", tableName);
    o.put("viewType", viewType);
    o.put("created", createdMillis);
    if (disabledMillis != null) {
      o.put("disabled", disabledMillis);
    }
    o.set("keySchema", keySchema);
    o.put("slots", slots);
    o.put("nextSeq", nextSeq);
    o.put("nextShardNo", nextShardNo);
    ArrayNode arr = o.putArray("shards");
    for (ShardState s : shards) {
      arr.add(s.toJson());
    }
    return Json.toBytes(o);
  }

  public static StreamState fromJson(JsonNode o) {
    StreamState st = new StreamState(o.path("id").asLong(), o.path("arn").asText(), o.path("label").asText(),
        o.path("table").asText(), o.path("viewType").asText(), o.path("created").asLong(),
        o.path("keySchema"), Math.max(1, o.path("slots").asInt(1)));
    if (o.hasNonNull("disabled")) {
      st.disabledMillis = o.path("disabled").asLong();
    }
    st.nextSeq = o.path("nextSeq").asLong();
    st.nextShardNo = o.path("nextShardNo").asInt();
    for (JsonNode s : o.path("shards")) {
      ShardState shard = ShardState.fromJson(s);
      st.shards.add(shard);
      if (shard.isOpen() && st.isEnabled() && shard.slot < st.slots) {
        st.open[shard.slot] = shard;
      }
    }
    return st;
  }
}
