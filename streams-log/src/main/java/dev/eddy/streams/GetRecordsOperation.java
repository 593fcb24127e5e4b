package dev.eddy.streams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.RawJson;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;

/** GetRecords: up to Limit (1..1000, default 1000) records and 1 MB from a shard iterator. */
public final class GetRecordsOperation implements Operation {
  private final StreamLog log;

  public GetRecordsOperation(StreamLog log) {
    this.log = log;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req r = new Req(request);
    String iterator = r.str("ShardIterator");
    Long limit = r.integer("Limit");
    Validation v = new Validation();
    v.notNull(iterator, "shardIterator").length(iterator, "shardIterator", 1, 2048);
    v.range(limit, "limit", 1, 1000);
    v.throwIfAny();
    RecordsPage page = log.records(iterator, limit == null ? 1000 : limit.intValue());
    ObjectNode out = Json.object();
    ArrayNode records = out.putArray("Records");
    for (byte[] record : page.records()) {
      records.addRawValue(RawJson.of(record, 0, record.length)); // written as they are, not parsed
    }
    if (page.nextShardIterator() != null) {
      out.put("NextShardIterator", page.nextShardIterator());
    }
    return out;
  }
}
