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
    return ops;
  }
}
