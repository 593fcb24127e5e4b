package dev.eddy.streams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.Catalog;
import java.util.List;

/** ListStreams: the retained streams (newest label last within a table), sorted by ARN, paged. */
public final class ListStreamsOperation implements Operation {
  private final StreamLog log;
  private final Catalog catalog;

  public ListStreamsOperation(StreamLog log, Catalog catalog) {
    this.log = log;
    this.catalog = catalog;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req r = new Req(request);
    String tableName = r.str("TableName");
    Long limit = r.integer("Limit");
    String start = r.str("ExclusiveStartStreamArn");
    Validation v = new Validation();
    v.name(tableName, "tableName");
    v.range(limit, "limit", 1, 100);
    v.length(start, "exclusiveStartStreamArn", 37, 1024);
    v.throwIfAny();
    StreamsOperations.requireStreamArnShape(start);
    int max = limit == null ? 100 : limit.intValue();

    List<StreamInfo> all = log.streams();
    if (tableName != null && catalog.get(tableName) == null
        && all.stream().noneMatch(s -> s.tableName().equals(tableName))) {
      throw ApiException.resourceNotFound("Requested resource not found: Table: " + tableName + " not found");
    }
    ObjectNode out = Json.object();
    ArrayNode streams = out.putArray("Streams");
    String last = null;
    boolean more = false;
    for (StreamInfo s : all) {
      if (tableName != null && !s.tableName().equals(tableName)) {
        continue;
      }
      if (start != null && s.streamArn().compareTo(start) <= 0) {
        continue;
      }
      if (streams.size() >= max) {
        more = true;
        break;
      }
      ObjectNode e = streams.addObject();
      e.put("StreamArn", s.streamArn());
      e.put("TableName", s.tableName());
      e.put("StreamLabel", s.streamLabel());
      last = s.streamArn();
    }
    if (more) {
      out.put("LastEvaluatedStreamArn", last);
    }
    return out;
  }
}
