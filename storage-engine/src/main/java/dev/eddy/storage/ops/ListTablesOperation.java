package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.util.List;

/** ListTables: names in order, Limit 1..100, ExclusiveStartTableName / LastEvaluatedTableName. */
public final class ListTablesOperation implements Operation {
  private final StorageEngine engine;

  public ListTablesOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String start = req.str("ExclusiveStartTableName");
    Long limit = req.integer("Limit");
    Validation v = new Validation();
    v.nameChars(start, "exclusiveStartTableName");
    v.length(start, "exclusiveStartTableName", 3, 255);
    v.range(limit, "limit", 1, 100);
    v.throwIfAny();
    int max = limit == null ? 100 : limit.intValue();
    List<Table> tables = engine.catalog().list();
    ObjectNode response = Json.object();
    ArrayNode names = response.putArray("TableNames");
    String last = null;
    boolean more = false;
    for (Table t : tables) {
      if (start != null && t.name().compareTo(start) <= 0) {
        continue;
      }
      if (names.size() == max) {
        more = true;
        break;
      }
      names.add(t.name());
      last = t.name();
    }
    if (more) {
      response.put("LastEvaluatedTableName", last);
    }
    return response;
  }
}
