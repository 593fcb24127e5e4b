package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Operation;
import dev.eddy.storage.ChangeCapture;
import dev.eddy.storage.EngineConfig;
import dev.eddy.storage.StorageEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableAndItemOperationsTest {
  private StorageEngine engine;
  private Map<String, Operation> ops;

  @BeforeEach
  void open() {
    engine = StorageEngine.open(EngineConfig.defaultsInMemory(), s -> ChangeCapture.NONE);
    ops = DynamoDbOperations.create(engine);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private ObjectNode call(String op, String json) {
    return OpsTestSupport.callJson(ops.get(op), json);
  }

  private ApiException fail(String op, String json) {
    return assertThrows(ApiException.class, () -> call(op, json));
  }

  private void createTable() {
    call("CreateTable", "{\"TableName\":\"tab1\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
        + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
        + "\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
  }

  @Test
  void createDescribeListDelete() {
    createTable();
    JsonNode t = call("DescribeTable", "{\"TableName\":\"tab1\"}").get("Table");
    assertEquals("ACTIVE", t.get("TableStatus").asText());
    assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/tab1", t.get("TableArn").asText());
    assertEquals("PAY_PER_REQUEST", t.at("/BillingModeSummary/BillingMode").asText());
    assertEquals(0, t.get("ItemCount").asInt());
    ApiException dup = fail("CreateTable", "{\"TableName\":\"tab1\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
    assertEquals(ErrorCode.RESOURCE_IN_USE, dup.code());
    assertEquals("[\"tab1\"]", call("ListTables", "{}").get("TableNames").toString());
    assertEquals("DELETING", call("DeleteTable", "{\"TableName\":\"tab1\"}").at("/TableDescription/TableStatus").asText());
    ApiException gone = fail("DescribeTable", "{\"TableName\":\"tab1\"}");
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, gone.code());
    assertEquals("Requested resource not found: Table: tab1 not found", gone.getMessage());
  }

  @Test
  void createTableValidation() {
    ApiException e = fail("CreateTable", "{\"TableName\":\"a\"}");
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertTrue(e.getMessage().startsWith("3 validation errors detected: "), e.getMessage());
    e = fail("CreateTable", "{\"TableName\":\"abc\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"x\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
    assertEquals("One or more parameter values were invalid: Some index key attributes are not defined in"
        + " AttributeDefinitions. Keys: [pk], AttributeDefinitions: [x]", e.getMessage());
    e = fail("CreateTable", "{\"TableName\":\"abc\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");
    assertEquals("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be"
        + " specified when BillingMode is PROVISIONED", e.getMessage());
  }

  @Test
  void countersStayExactPastTheSuccessiveMergeLimit() {
    createTable();
    // hundreds of count and size operands on the same two counters, growing and shrinking, so
    // RocksDB folds them into a value many times (max successive merges) between reads
    long size = 0;
    for (int i = 0; i < 300; i++) {
      String item = "{\"pk\":{\"S\":\"k" + i + "\"},\"sk\":{\"N\":\"1\"},\"v\":{\"S\":\"" + "x".repeat(i % 7) + "\"}}";
      long itemSize = dev.eddy.api.AttributeValues.itemSize(
          dev.eddy.api.AttributeValues.readItem(dev.eddy.api.Json.parseRequest(item.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, item.length())));
      call("PutItem", "{\"TableName\":\"tab1\",\"Item\":" + item + "}");
      size += itemSize;
      if (i % 3 == 0) {
        call("DeleteItem", "{\"TableName\":\"tab1\",\"Key\":{\"pk\":{\"S\":\"k" + i + "\"},\"sk\":{\"N\":\"1\"}}}");
        size -= itemSize;
      }
      if (i % 50 == 49) {
        JsonNode t = call("DescribeTable", "{\"TableName\":\"tab1\"}").get("Table");
        assertEquals(i + 1 - (i / 3 + 1), t.get("ItemCount").asLong(), "after " + (i + 1));
        assertEquals(size, t.get("TableSizeBytes").asLong(), "after " + (i + 1));
      }
    }
  }

  @Test
  void putGetDeleteWithCountersAndReturnValues() {
    createTable();
    call("PutItem", "{\"TableName\":\"tab1\",\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1.50\"},\"v\":{\"SS\":[\"x\",\"y\"]}}}");
    JsonNode got = call("GetItem", "{\"TableName\":\"tab1\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1.5\"}}}");
    assertEquals("1.5", got.at("/Item/sk/N").asText());
    assertEquals("[\"x\",\"y\"]", got.at("/Item/v/SS").toString());
    assertEquals(1, call("DescribeTable", "{\"TableName\":\"tab1\"}").at("/Table/ItemCount").asInt());
    JsonNode put2 = call("PutItem", "{\"TableName\":\"tab1\",\"ReturnValues\":\"ALL_OLD\",\"ReturnConsumedCapacity\":\"TOTAL\","
        + "\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1.5\"}}}");
    assertEquals("[\"x\",\"y\"]", put2.at("/Attributes/v/SS").toString());
    assertEquals(1.0, put2.at("/ConsumedCapacity/CapacityUnits").asDouble());
    JsonNode del = call("DeleteItem", "{\"TableName\":\"tab1\",\"ReturnValues\":\"ALL_OLD\","
        + "\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1.5\"}}}");
    assertEquals("a", del.at("/Attributes/pk/S").asText());
    assertFalse(call("GetItem", "{\"TableName\":\"tab1\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1.5\"}}}").has("Item"));
    assertEquals(0, call("DescribeTable", "{\"TableName\":\"tab1\"}").at("/Table/ItemCount").asInt());
  }

  @Test
  void keyValidationMessages() {
    createTable();
    assertEquals("One or more parameter values were invalid: Missing the key sk in the item",
        fail("PutItem", "{\"TableName\":\"tab1\",\"Item\":{\"pk\":{\"S\":\"a\"}}}").getMessage());
    assertEquals("One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S",
        fail("PutItem", "{\"TableName\":\"tab1\",\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"1\"}}}").getMessage());
    assertEquals("The provided key element does not match the schema",
        fail("GetItem", "{\"TableName\":\"tab1\",\"Key\":{\"pk\":{\"S\":\"a\"}}}").getMessage());
    assertEquals("The provided key element does not match the schema",
        fail("GetItem", "{\"TableName\":\"tab1\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"x\":{\"S\":\"1\"}}}").getMessage());
    assertEquals("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain"
        + " an empty string value. Key: pk",
        fail("PutItem", "{\"TableName\":\"tab1\",\"Item\":{\"pk\":{\"S\":\"\"},\"sk\":{\"N\":\"1\"}}}").getMessage());
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND,
        fail("PutItem", "{\"TableName\":\"nope\",\"Item\":{\"pk\":{\"S\":\"a\"}}}").code());
    String big = "x".repeat(400 * 1024);
    assertEquals("Item size has exceeded the maximum allowed size",
        fail("PutItem", "{\"TableName\":\"tab1\",\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"b\":{\"S\":\"" + big + "\"}}}").getMessage());
    assertEquals("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes",
        fail("PutItem", "{\"TableName\":\"tab1\",\"Item\":{\"pk\":{\"S\":\"" + "k".repeat(2049) + "\"},\"sk\":{\"N\":\"1\"}}}").getMessage());
  }

  @Test
  void updateItemUpsertsAndReturnsValues() {
    createTable();
    String key = "\"Key\":{\"pk\":{\"S\":\"u\"},\"sk\":{\"N\":\"1\"}}";
    JsonNode r = call("UpdateItem", "{\"TableName\":\"tab1\"," + key + ",\"UpdateExpression\":\"SET #a = :a ADD c :one\","
        + "\"ExpressionAttributeNames\":{\"#a\":\"a\"},\"ExpressionAttributeValues\":{\":a\":{\"S\":\"x\"},\":one\":{\"N\":\"1\"}},"
        + "\"ReturnValues\":\"ALL_NEW\"}");
    assertEquals("x", r.at("/Attributes/a/S").asText());
    assertEquals("1", r.at("/Attributes/c/N").asText());
    assertEquals("u", r.at("/Attributes/pk/S").asText());
    r = call("UpdateItem", "{\"TableName\":\"tab1\"," + key + ",\"UpdateExpression\":\"ADD c :one\","
        + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"41\"}},\"ReturnValues\":\"UPDATED_NEW\"}");
    assertEquals("{\"c\":{\"N\":\"42\"}}", r.get("Attributes").toString());
    ApiException e = fail("UpdateItem", "{\"TableName\":\"tab1\"," + key + ",\"UpdateExpression\":\"SET pk = :v\","
        + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"z\"}}}");
    assertEquals("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
        e.getMessage());
    e = fail("UpdateItem", "{\"TableName\":\"tab1\"," + key + ",\"UpdateExpression\":\"SET a = :v\","
        + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"z\"},\":unused\":{\"S\":\"z\"}}}");
    // checked before the table lookup: inside the current layer's envelope (nubo-db/dynamodb-conformance, 2026-10-09)
    assertEquals("1 validation error detected: Value provided in ExpressionAttributeValues unused in expressions:"
        + " keys: {:unused}", e.getMessage());
  }

  @Test
  void conditionalWrites() {
    createTable();
    String item = "\"Item\":{\"pk\":{\"S\":\"c\"},\"sk\":{\"N\":\"1\"},\"v\":{\"N\":\"5\"}}";
    call("PutItem", "{\"TableName\":\"tab1\"," + item + ",\"ConditionExpression\":\"attribute_not_exists(pk)\"}");
    ApiException e = fail("PutItem", "{\"TableName\":\"tab1\"," + item
        + ",\"ConditionExpression\":\"attribute_not_exists(pk)\",\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}");
    assertEquals(ErrorCode.CONDITIONAL_CHECK_FAILED, e.code());
    assertEquals("The conditional request failed", e.getMessage());
    assertEquals("5", e.extra().at("/Item/v/N").asText());
    String key = "\"Key\":{\"pk\":{\"S\":\"c\"},\"sk\":{\"N\":\"1\"}}";
    e = fail("DeleteItem", "{\"TableName\":\"tab1\"," + key + ",\"ConditionExpression\":\"v > :x\","
        + "\"ExpressionAttributeValues\":{\":x\":{\"N\":\"5\"}}}");
    assertEquals(ErrorCode.CONDITIONAL_CHECK_FAILED, e.code());
    assertTrue(e.extra() == null);
    call("DeleteItem", "{\"TableName\":\"tab1\"," + key + ",\"ConditionExpression\":\"v >= :x\","
        + "\"ExpressionAttributeValues\":{\":x\":{\"N\":\"5\"}}}");
    assertFalse(call("GetItem", "{\"TableName\":\"tab1\"," + key + "}").has("Item"));
  }

  @Test
  void getItemProjectionExpression() {
    createTable();
    call("PutItem", "{\"TableName\":\"tab1\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"},"
        + "\"m\":{\"M\":{\"a\":{\"S\":\"1\"},\"b\":{\"L\":[{\"S\":\"x\"},{\"S\":\"y\"}]}}}}}");
    JsonNode r = call("GetItem", "{\"TableName\":\"tab1\",\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}},"
        + "\"ProjectionExpression\":\"#m.b[1]\",\"ExpressionAttributeNames\":{\"#m\":\"m\"}}");
    assertEquals("{\"m\":{\"M\":{\"b\":{\"L\":[{\"S\":\"y\"}]}}}}", r.get("Item").toString());
  }

  @Test
  void legacyParametersUseTheSameEvaluators() {
    createTable();
    String key = "\"Key\":{\"pk\":{\"S\":\"l\"},\"sk\":{\"N\":\"1\"}}";
    JsonNode r = call("UpdateItem", "{\"TableName\":\"tab1\"," + key + ",\"AttributeUpdates\":{"
        + "\"n\":{\"Action\":\"ADD\",\"Value\":{\"N\":\"2\"}},\"s\":{\"Value\":{\"S\":\"v\"}}},"
        + "\"Expected\":{\"n\":{\"Exists\":false}},\"ReturnValues\":\"ALL_NEW\"}");
    assertEquals("2", r.at("/Attributes/n/N").asText());
    assertEquals("v", r.at("/Attributes/s/S").asText());
    ApiException e = fail("PutItem", "{\"TableName\":\"tab1\",\"Item\":{\"pk\":{\"S\":\"l\"},\"sk\":{\"N\":\"1\"}},"
        + "\"Expected\":{\"n\":{\"ComparisonOperator\":\"GT\",\"AttributeValueList\":[{\"N\":\"5\"}]}}}");
    assertEquals(ErrorCode.CONDITIONAL_CHECK_FAILED, e.code());
    e = fail("PutItem", "{\"TableName\":\"tab1\",\"Item\":{\"pk\":{\"S\":\"l\"},\"sk\":{\"N\":\"1\"}},"
        + "\"Expected\":{\"n\":{\"Exists\":false}},\"ConditionExpression\":\"attribute_exists(n)\"}");
    // inside the current layer's envelope (nubo-db/dynamodb-conformance, 2026-10-09)
    assertEquals("1 validation error detected: Can not use both expression and non-expression parameters in the"
        + " same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}",
        e.getMessage());
    JsonNode got = call("GetItem", "{\"TableName\":\"tab1\"," + key + ",\"AttributesToGet\":[\"s\"]}");
    assertEquals("{\"s\":{\"S\":\"v\"}}", got.get("Item").toString());
    // REMOVE on a missing item creates nothing
    call("UpdateItem", "{\"TableName\":\"tab1\",\"Key\":{\"pk\":{\"S\":\"none\"},\"sk\":{\"N\":\"1\"}},"
        + "\"UpdateExpression\":\"REMOVE x\"}");
    assertFalse(call("GetItem", "{\"TableName\":\"tab1\",\"Key\":{\"pk\":{\"S\":\"none\"},\"sk\":{\"N\":\"1\"}}}").has("Item"));
  }

  /** A projection decodes only the attributes it names, but the read costs the whole item. */
  @Test
  void getItemProjectsNestedPathsAndChargesTheWholeItem() {
    createTable();
    call("PutItem", "{\"TableName\":\"tab1\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"},"
        + "\"big\":{\"S\":\"" + "x".repeat(5000) + "\"},\"m\":{\"M\":{\"a\":{\"N\":\"1\"},\"b\":{\"S\":\"2\"}}},"
        + "\"l\":{\"L\":[{\"S\":\"0\"},{\"S\":\"1\"}]},\"s\":{\"S\":\"v\"}}}");
    JsonNode got = call("GetItem", "{\"TableName\":\"tab1\",\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}},"
        + "\"ProjectionExpression\":\"#m.a, l[1], s, nope\",\"ExpressionAttributeNames\":{\"#m\":\"m\"},"
        + "\"ConsistentRead\":true,\"ReturnConsumedCapacity\":\"TOTAL\"}");
    assertEquals("{\"m\":{\"M\":{\"a\":{\"N\":\"1\"}}},\"l\":{\"L\":[{\"S\":\"1\"}]},\"s\":{\"S\":\"v\"}}",
        got.get("Item").toString());
    assertEquals(2.0, got.at("/ConsumedCapacity/CapacityUnits").asDouble()); // ~5 KB, consistent
  }

  @Test
  void tablesAndItemsSurviveRestart(@TempDir Path dir) {
    engine.close();
    EngineConfig cfg = new EngineConfig(dir, "us-east-1", "000000000000", Clock.systemUTC());
    engine = StorageEngine.open(cfg, s -> ChangeCapture.NONE);
    ops = DynamoDbOperations.create(engine);
    createTable();
    call("PutItem", "{\"TableName\":\"tab1\",\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"7\"}}}");
    engine.close();
    engine = StorageEngine.open(cfg, s -> ChangeCapture.NONE);
    ops = DynamoDbOperations.create(engine);
    assertEquals("7", call("GetItem", "{\"TableName\":\"tab1\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"7\"}}}").at("/Item/sk/N").asText());
    assertEquals(1, call("DescribeTable", "{\"TableName\":\"tab1\"}").at("/Table/ItemCount").asInt());
  }
}
