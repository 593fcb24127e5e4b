package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Operation;
import dev.eddy.storage.StorageEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The table of contents of the DynamoDB_20120810 operations: name (e.g. "PutItem") to handler. */
public final class DynamoDbOperations {
  private DynamoDbOperations() {}

  /** The operations served. */
  private static final List<String> NAMES = List.of(
      "CreateTable",
      "DescribeTable",
      "ListTables",
      "DeleteTable",
      "UpdateTable",
      "PutItem",
      "GetItem",
      "DeleteItem",
      "UpdateItem",
      "BatchGetItem",
      "BatchWriteItem",
      "TransactWriteItems",
      "TransactGetItems",
      "Query",
      "Scan",
      "UpdateTimeToLive",
      "DescribeTimeToLive",
      "TagResource",
      "UntagResource",
      "ListTagsOfResource",
      "DescribeLimits",
      "DescribeEndpoints",
      "DescribeContinuousBackups",
      "UpdateContinuousBackups",
      "DescribeContributorInsights",
      "UpdateContributorInsights",
      "ListContributorInsights",
      "DescribeKinesisStreamingDestination",
      "ListBackups",
      "ListGlobalTables",
      "DescribeGlobalTable",
      "ListExports",
      "ListImports",
      "GetResourcePolicy",
      "PutResourcePolicy",
      "DeleteResourcePolicy",
      "ExecuteStatement",
      "BatchExecuteStatement",
      "ExecuteTransaction",
      "SearchVectors",
      "CreateBackup",
      "DescribeBackup",
      "DeleteBackup",
      "RestoreTableFromBackup",
      "RestoreTableToPointInTime");

  /**
   * Name to handler. Each handler is made on its operation's first call, so a start loads only
   * the classes of the operations that are used (~20 ms of CPU less until the first answer).
   */
  public static Map<String, Operation> create(StorageEngine engine) {
    Map<String, Operation> all = new HashMap<>();
    for (String name : NAMES) {
      all.put(name, new Deferred(name, engine, all));
    }
    return Map.copyOf(all);
  }

  private static Operation make(String name, StorageEngine engine, Map<String, Operation> all) {
    return switch (name) {
      case "CreateTable" -> new CreateTableOperation(engine);
      case "DescribeTable" -> new DescribeTableOperation(engine);
      case "ListTables" -> new ListTablesOperation(engine);
      case "DeleteTable" -> new DeleteTableOperation(engine);
      case "UpdateTable" -> new UpdateTableOperation(engine);
      case "PutItem" -> new PutItemOperation(engine);
      case "GetItem" -> new GetItemOperation(engine);
      case "DeleteItem" -> new DeleteItemOperation(engine);
      case "UpdateItem" -> new UpdateItemOperation(engine);
      case "BatchGetItem" -> new BatchGetItemOperation(engine);
      case "BatchWriteItem" -> new BatchWriteItemOperation(engine);
      case "TransactWriteItems" -> new TransactWriteItemsOperation(engine);
      case "TransactGetItems" -> new TransactGetItemsOperation(engine);
      case "Query" -> new QueryOperation(engine);
      case "Scan" -> new ScanOperation(engine);
      case "UpdateTimeToLive" -> new UpdateTimeToLiveOperation(engine);
      case "DescribeTimeToLive" -> new DescribeTimeToLiveOperation(engine);
      case "TagResource" -> new TagResourceOperation(engine);
      case "UntagResource" -> new UntagResourceOperation(engine);
      case "ListTagsOfResource" -> new ListTagsOfResourceOperation(engine);
      case "DescribeLimits" -> new DescribeLimitsOperation();
      case "DescribeEndpoints" -> new DescribeEndpointsOperation(engine);
      case "DescribeContinuousBackups" -> new DescribeContinuousBackupsOperation(engine);
      case "UpdateContinuousBackups" -> new UpdateContinuousBackupsOperation(engine);
      case "DescribeContributorInsights" -> new DescribeContributorInsightsOperation(engine);
      case "UpdateContributorInsights" -> new UpdateContributorInsightsOperation(engine);
      case "ListContributorInsights" -> new ListContributorInsightsOperation(engine);
      case "DescribeKinesisStreamingDestination" -> new DescribeKinesisStreamingDestinationOperation(engine);
      case "ListBackups" -> new ListBackupsOperation(engine);
      case "ListGlobalTables" -> new ListGlobalTablesOperation();
      case "DescribeGlobalTable" -> new DescribeGlobalTableOperation();
      case "ListExports" -> new ListExportsOperation();
      case "ListImports" -> new ListImportsOperation();
      case "GetResourcePolicy" -> new GetResourcePolicyOperation(engine);
      case "PutResourcePolicy" -> new PutResourcePolicyOperation(engine);
      case "DeleteResourcePolicy" -> new DeleteResourcePolicyOperation(engine);
      case "ExecuteStatement" -> new ExecuteStatementOperation(engine, all::get);
      case "BatchExecuteStatement" -> new BatchExecuteStatementOperation(engine, all::get);
      case "ExecuteTransaction" -> new ExecuteTransactionOperation(engine, all::get);
      case "SearchVectors" -> new SearchVectorsOperation(engine);
      case "CreateBackup" -> new CreateBackupOperation(engine);
      case "DescribeBackup" -> new DescribeBackupOperation(engine);
      case "DeleteBackup" -> new DeleteBackupOperation(engine);
      case "RestoreTableFromBackup" -> new RestoreTableFromBackupOperation(engine);
      case "RestoreTableToPointInTime" -> new RestoreTableToPointInTimeOperation(engine);
      default -> throw new IllegalArgumentException("no operation " + name);
    };
  }

  /** An operation whose handler is made (once) on its first call. */
  private static final class Deferred implements Operation {
    private final String name;
    private final StorageEngine engine;
    private final Map<String, Operation> all;
    private volatile Operation operation;

    Deferred(String name, StorageEngine engine, Map<String, Operation> all) {
      this.name = name;
      this.engine = engine;
      this.all = all;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
      Operation op = operation;
      if (op == null) {
        synchronized (this) {
          op = operation;
          if (op == null) {
            op = make(name, engine, all);
            operation = op;
          }
        }
      }
      return op.handle(request);
    }
  }
}
