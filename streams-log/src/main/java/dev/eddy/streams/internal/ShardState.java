package dev.eddy.streams.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;

/** One shard of a stream; guarded by its stream's lock. */
public final class ShardState {
  public final int no;
  public final String shardId;
  public final String parentShardId;
  public final int slot;
  public final long createdMillis;
  /** The counter reserved at creation: every record of the shard has a larger one. */
  public final long startSeq;
  /** Set when closed: the last record's counter, or startSeq for a shard closed empty. */
  public Long endSeq;
  public Long closedMillis;
  /** Records below this counter are gone (trimmed); the TRIM_HORIZON position. */
  public long trimHorizon;
  /** The last counter assigned in this shard, or -1 (not persisted: recovered from the keys). */
  public long lastSeq = -1;

  public ShardState(int no, String shardId, String parentShardId, int slot, long createdMillis, long startSeq) {
    this.no = no;
    this.shardId = shardId;
    this.parentShardId = parentShardId;
    this.slot = slot;
    this.createdMillis = createdMillis;
    this.startSeq = startSeq;
    this.trimHorizon = startSeq;
  }

  public boolean isOpen() {
    return endSeq == null;
  }

  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("no", no);
    o.put("id", shardId);
    if (parentShardId != null) {
      o.put("parent", parentShardId);
    }
    o.put("slot", slot);
    o.put("created", createdMillis);
    o.put("start", startSeq);
    if (endSeq != null) {
      o.put("end", endSeq);
      o.put("closed", closedMillis);
    }
    o.put("trim", trimHorizon);
    return o;
  }

  public static ShardState fromJson(JsonNode o) {
    ShardState s = new ShardState(o.path("no").asInt(), o.path("id").asText(),
        o.hasNonNull("parent") ? o.path("parent").asText() : null, o.path("slot").asInt(),
        o.path("created").asLong(), o.path("start").asLong());
    if (o.hasNonNull("end")) {
      s.endSeq = o.path("end").asLong();
      s.closedMillis = o.path("closed").asLong();
    }
    s.trimHorizon = o.path("trim").asLong(s.startSeq);
    return s;
  }
}
