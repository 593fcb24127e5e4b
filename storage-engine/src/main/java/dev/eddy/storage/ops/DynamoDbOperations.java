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
    ops.put("Query", new QueryOperation(engine));
    ops.put("Scan", new ScanOperation(engine));
    ops.put("BatchGetItem", new BatchGetItemOperation(engine));
    ops.put("BatchWriteItem", new BatchWriteItemOperation(engine));
    ops.put("TransactWriteItems", new TransactWriteItemsOperation(engine));
    ops.put("TransactGetItems", new TransactGetItemsOperation(engine));
    return Map.copyOf(ops);
  }
}
