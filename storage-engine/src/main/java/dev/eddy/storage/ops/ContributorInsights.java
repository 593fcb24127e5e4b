package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.math.BigDecimal;
import java.util.List;

/**
 * Contributor Insights status per table and per global secondary index, kept in the description
 * as "_ContributorInsights" {"" (the table) or index name: {Status, Mode, LastUpdate}}. Eddy
 * collects no metrics; the status follows DynamoDB's: ENABLE answers ENABLING and DISABLE
 * DISABLING, and the change is settled (ENABLED/DISABLED) by the next describe.
 */
final class ContributorInsights {
  static final String FIELD = "_ContributorInsights";
  static final List<String> ACTIONS = List.of("ENABLE", "DISABLE");
  static final List<String> MODES = List.of("ACCESSED_AND_THROTTLED_KEYS", "THROTTLED_KEYS");

  private ContributorInsights() {}

  static Table table(StorageEngine engine, String name) {
    Table table = engine.catalog().get(name);
    if (table == null) {
      throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
    }
    return table;
  }

  static void checkIndexName(String indexName) {
    if (indexName != null && (indexName.length() < 3 || indexName.length() > 255)) {
      throw ApiException.validation("IndexName must be at least 3 characters long and at most 255 characters long");
    }
  }

  /** Global secondary indexes only: an LSI or unknown index is not found. */
  static void requireIndex(Table table, String indexName) {
    if (indexName == null) {
      return;
    }
    for (JsonNode g : table.description().path("GlobalSecondaryIndexes")) {
      if (indexName.equals(g.path("IndexName").asText())) {
        return;
      }
    }
    throw ApiException.resourceNotFound(
        "Requested resource not found: Index: " + indexName + " not found for table: " + table.name());
  }

  static JsonNode state(Table table, String indexName) {
    return table.description().path(FIELD).path(indexName == null ? "" : indexName);
  }

  static ObjectNode describe(Table table, String indexName) {
    ObjectNode out = Json.object();
    out.put("TableName", table.name());
    if (indexName != null) {
      out.put("IndexName", indexName);
    }
    JsonNode s = state(table, indexName);
    String status = s.path("Status").asText("DISABLED");
    out.put("ContributorInsightsStatus", status);
    if (status.equals("ENABLED")) {
      ArrayNode rules = out.putArray("ContributorInsightsRuleList");
      String suffix = (indexName == null ? table.name() : table.name() + "-" + indexName) + "-"
          + s.path("LastUpdate").asLong();
      boolean range = table.keySchema().range() != null;
      rules.add("DynamoDBContributorInsights-PKC-" + suffix);
      rules.add("DynamoDBContributorInsights-PKT-" + suffix);
      if (range) {
        rules.add("DynamoDBContributorInsights-SKC-" + suffix);
        rules.add("DynamoDBContributorInsights-SKT-" + suffix);
      }
    }
    if (s.has("LastUpdate")) {
      out.put("LastUpdateDateTime", BigDecimal.valueOf(s.path("LastUpdate").asLong()).movePointLeft(3));
    }
    if (s.has("Mode")) {
      out.put("ContributorInsightsMode", s.path("Mode").asText());
    }
    return out;
  }
}
