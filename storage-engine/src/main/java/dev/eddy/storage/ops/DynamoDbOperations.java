package dev.eddy.storage.ops;

import dev.eddy.api.Operation;
import dev.eddy.storage.StorageEngine;
import java.util.LinkedHashMap;
import java.util.Map;

/** The table of contents of the DynamoDB_20120810 operations: name (e.g. "PutItem") to handler. */
public final class DynamoDbOperations {
  private DynamoDbOperations() {}

  public static Map<String, Operation> create(StorageEngine engine) {
    Map<String, Operation> ops = new LinkedHashMap<>();
    ops.put("CreateTable", new CreateTableOperation(engine));
    ops.put("DescribeTable", new DescribeTableOperation(engine));
    ops.put("ListTables", new ListTablesOperation(engine));
    ops.put("DeleteTable", new DeleteTableOperation(engine));
    ops.put("UpdateTable", new UpdateTableOperation(engine));
    ops.put("PutItem", new PutItemOperation(engine));
    ops.put("GetItem", new GetItemOperation(engine));
    ops.put("DeleteItem", new DeleteItemOperation(engine));
    ops.put("UpdateItem", new UpdateItemOperation(engine));
    ops.put("BatchGetItem", new BatchGetItemOperation(engine));
    ops.put("BatchWriteItem", new BatchWriteItemOperation(engine));
    ops.put("TransactWriteItems", new TransactWriteItemsOperation(engine));
    ops.put("TransactGetItems", new TransactGetItemsOperation(engine));
    ops.put("Query", new QueryOperation(engine));
    ops.put("Scan", new ScanOperation(engine));
    ops.put("UpdateTimeToLive", new UpdateTimeToLiveOperation(engine));
    ops.put("DescribeTimeToLive", new DescribeTimeToLiveOperation(engine));
    ops.put("TagResource", new TagResourceOperation(engine));
    ops.put("UntagResource", new UntagResourceOperation(engine));
    ops.put("ListTagsOfResource", new ListTagsOfResourceOperation(engine));
    ops.put("DescribeLimits", new DescribeLimitsOperation());
    ops.put("DescribeEndpoints", new DescribeEndpointsOperation(engine));
    ops.put("DescribeContinuousBackups", new DescribeContinuousBackupsOperation(engine));
    ops.put("UpdateContinuousBackups", new UpdateContinuousBackupsOperation(engine));
    ops.put("DescribeContributorInsights", new DescribeContributorInsightsOperation(engine));
    ops.put("UpdateContributorInsights", new UpdateContributorInsightsOperation(engine));
    ops.put("ListContributorInsights", new ListContributorInsightsOperation(engine));
    ops.put("DescribeKinesisStreamingDestination", new DescribeKinesisStreamingDestinationOperation(engine));
    ops.put("ListBackups", new ListBackupsOperation());
    ops.put("ListGlobalTables", new ListGlobalTablesOperation());
    ops.put("DescribeGlobalTable", new DescribeGlobalTableOperation());
    ops.put("ListExports", new ListExportsOperation());
    ops.put("ListImports", new ListImportsOperation());
    ops.put("GetResourcePolicy", new GetResourcePolicyOperation(engine));
    ops.put("ExecuteStatement", new ExecuteStatementOperation(engine, ops::get));
    ops.put("BatchExecuteStatement", new BatchExecuteStatementOperation(engine, ops::get));
    ops.put("ExecuteTransaction", new ExecuteTransactionOperation(engine, ops::get));
    return Map.copyOf(ops);
  }
}
