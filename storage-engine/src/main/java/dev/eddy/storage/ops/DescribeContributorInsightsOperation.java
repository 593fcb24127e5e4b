package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/** DescribeContributorInsights of a table or one of its global secondary indexes. */
public final class DescribeContributorInsightsOperation implements Operation {
  private final StorageEngine engine;

  public DescribeContributorInsightsOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String tableName = req.str("TableName");
    String indexName = req.str("IndexName");
    new Validation().tableName(tableName, "tableName").throwIfAny();
    ContributorInsights.checkIndexName(indexName);
    Table table = ContributorInsights.table(engine, tableName);
    ContributorInsights.requireIndex(table, indexName);
    return ContributorInsights.describe(table, indexName);
  }
}
