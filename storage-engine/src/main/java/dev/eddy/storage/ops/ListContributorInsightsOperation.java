package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** ListContributorInsights: entries that are not DISABLED, table before its indexes (one page). */
public final class ListContributorInsightsOperation implements Operation {
  private final StorageEngine engine;

  public ListContributorInsightsOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String tableName = req.str("TableName");
    Long max = req.integer("MaxResults");
    Validation v = new Validation();
    if (tableName != null) {
      v.tableName(tableName, "tableName");
    }
    v.range(max, "maxResults", 0, 100);
    v.throwIfAny();
    List<Table> tables = tableName == null ? engine.catalog().list()
        : List.of(ContributorInsights.table(engine, tableName));
    ObjectNode response = Json.object();
    ArrayNode out = response.putArray("ContributorInsightsSummaries");
    for (Table t : tables) {
      JsonNode all = t.description().path(ContributorInsights.FIELD);
      int tableSlot = out.size();
      for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String status = e.getValue().path("Status").asText("DISABLED");
        if (status.equals("DISABLED")) {
          continue;
        }
        ObjectNode s = Json.object();
        s.put("TableName", t.name());
        if (!e.getKey().isEmpty()) {
          s.put("IndexName", e.getKey());
        }
        s.put("ContributorInsightsStatus", status);
        if (e.getValue().has("Mode")) {
          s.put("ContributorInsightsMode", e.getValue().path("Mode").asText());
        }
        if (e.getKey().isEmpty()) {
          out.insert(tableSlot, s);
        } else {
          out.add(s);
        }
      }
    }
    return response;
  }
}
