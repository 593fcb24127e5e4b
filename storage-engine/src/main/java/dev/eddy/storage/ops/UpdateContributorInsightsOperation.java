package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/**
 * UpdateContributorInsights: ENABLE answers ENABLING (DISABLE: DISABLING) unless the state is
 * already the requested one, which is a no-op echoing it, as DynamoDB does.
 */
public final class UpdateContributorInsightsOperation implements Operation {
  private final StorageEngine engine;

  public UpdateContributorInsightsOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String tableName = req.str("TableName");
    String indexName = req.str("IndexName");
    String action = req.str("ContributorInsightsAction");
    String mode = req.str("ContributorInsightsMode");
    Validation v = new Validation();
    v.tableName(tableName, "tableName");
    v.notNull(action, "contributorInsightsAction");
    v.oneOf(action, "contributorInsightsAction", ContributorInsights.ACTIONS);
    v.oneOf(mode, "contributorInsightsMode", ContributorInsights.MODES);
    v.throwIfAny();
    ContributorInsights.checkIndexName(indexName);
    Table table = ContributorInsights.table(engine, tableName);
    ContributorInsights.requireIndex(table, indexName);
    boolean enable = action.equals("ENABLE");
    String key = indexName == null ? "" : indexName;
    JsonNode current = ContributorInsights.state(table, indexName);
    String status = current.path("Status").asText("DISABLED");
    String newMode = enable ? (mode == null ? "ACCESSED_AND_THROTTLED_KEYS" : mode) : current.path("Mode").asText(null);
    boolean noOp = enable ? status.equals("ENABLED") && newMode.equals(current.path("Mode").asText())
        : status.equals("DISABLED");
    String answer = noOp ? status : enable ? "ENABLING" : "DISABLING";
    if (!noOp) {
      long now = engine.config().clock().millis();
      engine.catalog().update(table.name(), d -> {
        ObjectNode all = d.get(ContributorInsights.FIELD) instanceof ObjectNode o ? o : d.putObject(ContributorInsights.FIELD);
        ObjectNode s = all.putObject(key);
        s.put("Status", enable ? "ENABLED" : "DISABLED");
        if (newMode != null) {
          s.put("Mode", newMode);
        }
        s.put("LastUpdate", now);
        return d;
      });
    }
    ObjectNode response = Json.object();
    response.put("TableName", table.name());
    if (indexName != null) {
      response.put("IndexName", indexName);
    }
    response.put("ContributorInsightsStatus", answer);
    if (newMode != null) {
      response.put("ContributorInsightsMode", newMode);
    }
    return response;
  }
}
