package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Operation;
import dev.eddy.storage.ChangeCapture;
import dev.eddy.storage.EngineConfig;
import dev.eddy.storage.StorageEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryScanTest {
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
    return OpsTestSupport.call(ops.get(op), json);
  }

  private String fail(String op, String json) {
    return assertThrows(ApiException.class, () -> call(op, json)).getMessage();
  }

  private void table(String name, String hashType, String rangeType) {
    String ks = "[{'AttributeName':'pk','KeyType':'HASH'}"
        + (rangeType == null ? "" : ",{'AttributeName':'sk','KeyType':'RANGE'}") + "]";
    String ad = "[{'AttributeName':'pk','AttributeType':'" + hashType + "'}"
        + (rangeType == null ? "" : ",{'AttributeName':'sk','AttributeType':'" + rangeType + "'}") + "]";
    call("CreateTable", "{'TableName':'" + name + "','KeySchema':" + ks + ",'AttributeDefinitions':" + ad
        + ",'BillingMode':'PAY_PER_REQUEST'}");
  }

  private void put(String table, String item) {
    call("PutItem", "{'TableName':'" + table + "','Item':" + item + "}");
  }

  private static List<String> values(JsonNode items, String attr, String type) {
    List<String> out = new ArrayList<>();
    for (JsonNode i : items) {
      out.add(i.path(attr).path(type).asText());
    }
    return out;
  }

  @Test
  void queryOrdersNumbersStringsAndBinaries() {
    table("nums", "S", "N");
    for (String n : List.of("10", "-5", "2.5", "0", "-100", "1e3", "-0.001")) {
      put("nums", "{'pk':{'S':'a'},'sk':{'N':'" + n + "'}}");
    }
    put("nums", "{'pk':{'S':'b'},'sk':{'N':'1'}}");
    JsonNode r = call("Query", "{'TableName':'nums','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'a'}}}");
    assertEquals(List.of("-100", "-5", "-0.001", "0", "2.5", "10", "1000"), values(r.get("Items"), "sk", "N"));
    assertEquals(7, r.get("Count").asInt());
    r = call("Query", "{'TableName':'nums','ScanIndexForward':false,'KeyConditionExpression':'pk = :p AND sk BETWEEN :a AND :b',"
        + "'ExpressionAttributeValues':{':p':{'S':'a'},':a':{'N':'-5'},':b':{'N':'10'}}}");
    assertEquals(List.of("10", "2.5", "0", "-0.001", "-5"), values(r.get("Items"), "sk", "N"));

    table("strs", "S", "S");
    for (String s : List.of("b", "a", "ab", "B", "\u00e9", "aa", "a\u0000b", "z")) {
      put("strs", "{'pk':{'S':'p'},'sk':{'S':'" + s.replace("\u0000", "\\u0000") + "'}}");
    }
    r = call("Query", "{'TableName':'strs','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'p'}}}");
    assertEquals(List.of("B", "a", "a\u0000b", "aa", "ab", "b", "z", "\u00e9"), values(r.get("Items"), "sk", "S"));
    r = call("Query", "{'TableName':'strs','KeyConditionExpression':'pk = :p AND begins_with(sk, :a)',"
        + "'ExpressionAttributeValues':{':p':{'S':'p'},':a':{'S':'a'}}}");
    assertEquals(List.of("a", "a\u0000b", "aa", "ab"), values(r.get("Items"), "sk", "S"));
    r = call("Query", "{'TableName':'strs','KeyConditionExpression':'pk = :p AND sk > :a',"
        + "'ExpressionAttributeValues':{':p':{'S':'p'},':a':{'S':'a'}}}");
    assertEquals(List.of("a\u0000b", "aa", "ab", "b", "z", "\u00e9"), values(r.get("Items"), "sk", "S"));
    r = call("Query", "{'TableName':'strs','KeyConditionExpression':'pk = :p AND sk <= :a',"
        + "'ExpressionAttributeValues':{':p':{'S':'p'},':a':{'S':'aa'}}}");
    assertEquals(List.of("B", "a", "a\u0000b", "aa"), values(r.get("Items"), "sk", "S"));

    table("bins", "S", "B");
    for (String b : List.of("AQ==", "/w==", "AA==", "AQI=")) {
      put("bins", "{'pk':{'S':'p'},'sk':{'B':'" + b + "'}}");
    }
    r = call("Query", "{'TableName':'bins','KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'p'}]},"
        + "'sk':{'ComparisonOperator':'GE','AttributeValueList':[{'B':'AQ=='}]}}}");
    assertEquals(List.of("AQ==", "AQI=", "/w=="), values(r.get("Items"), "sk", "B"));
  }

  @Test
  void queryPagesForwardAndBackwardWithLimitAndFilter() {
    table("tab", "S", "N");
    for (int i = 0; i < 25; i++) {
      put("tab", "{'pk':{'S':'a'},'sk':{'N':'" + i + "'},'even':{'BOOL':" + (i % 2 == 0) + "}}");
    }
    for (boolean forward : List.of(true, false)) {
      List<String> seen = new ArrayList<>();
      String esk = "";
      int pages = 0;
      while (true) {
        JsonNode r = call("Query", "{'TableName':'tab','Limit':4,'ScanIndexForward':" + forward
            + ",'KeyConditionExpression':'pk = :p','FilterExpression':'even = :t',"
            + "'ExpressionAttributeValues':{':p':{'S':'a'},':t':{'BOOL':true}}" + esk + "}");
        pages++;
        assertTrue(r.get("ScannedCount").asInt() <= 4);
        seen.addAll(values(r.get("Items"), "sk", "N"));
        if (!r.has("LastEvaluatedKey")) {
          break;
        }
        assertEquals(Set.of("pk", "sk"), fieldNames(r.get("LastEvaluatedKey")));
        esk = ",'ExclusiveStartKey':" + r.get("LastEvaluatedKey");
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 25; i += 2) {
        expected.add(Integer.toString(forward ? i : 24 - i));
      }
      assertEquals(expected, seen);
      assertEquals(7, pages); // 25 items, 4 per page: the 7th page ends the range
    }
    JsonNode r = call("Query", "{'TableName':'tab','Limit':3,'KeyConditionExpression':'pk = :p','FilterExpression':'even = :t',"
        + "'ExpressionAttributeValues':{':p':{'S':'a'},':t':{'BOOL':false}}}");
    assertEquals(3, r.get("ScannedCount").asInt());
    assertEquals(1, r.get("Count").asInt());
    assertEquals("2", r.at("/LastEvaluatedKey/sk/N").asText());
    r = call("Query", "{'TableName':'tab','Select':'COUNT','KeyConditionExpression':'pk = :p',"
        + "'ExpressionAttributeValues':{':p':{'S':'a'}}}");
    assertFalse(r.has("Items"));
    assertEquals(25, r.get("Count").asInt());
  }

  private static Set<String> fieldNames(JsonNode n) {
    Set<String> out = new HashSet<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void queryValidation() {
    table("tab", "S", "N");
    assertEquals("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
        fail("Query", "{'TableName':'tab'}"));
    assertEquals("Query condition missed key schema element: pk",
        fail("Query", "{'TableName':'tab','KeyConditionExpression':'sk = :p','ExpressionAttributeValues':{':p':{'N':'1'}}}"));
    assertEquals("One or more parameter values were invalid: Condition parameter type does not match schema type",
        fail("Query", "{'TableName':'tab','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'N':'1'}}}"));
    assertEquals("The table does not have the specified index: nope",
        fail("Query", "{'TableName':'tab','IndexName':'nope','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'1'}}}"));
    assertEquals("1 validation error detected: "
        + "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
        fail("Query", "{'TableName':'tab','Select':'ALL_PROJECTED_ATTRIBUTES','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'1'}}}"));
    assertEquals("1 validation error detected: "
        + "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES",
        fail("Query", "{'TableName':'tab','Select':'SPECIFIC_ATTRIBUTES','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'1'}}}"));
    assertEquals("1 validation error detected: "
        + "Cannot specify the ProjectionExpression when choosing to get only the Count",
        fail("Query", "{'TableName':'tab','Select':'COUNT','ProjectionExpression':'a','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'1'}}}"));
    assertEquals("1 validation error detected: "
        + "Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES",
        fail("Query", "{'TableName':'tab','Select':'ALL_ATTRIBUTES','ProjectionExpression':'a','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'1'}}}"));
    assertEquals("1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
        fail("Query", "{'TableName':'tab','Limit':0,'KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'1'}}}"));
    assertEquals("The provided starting key is invalid",
        fail("Query", "{'TableName':'tab','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'1'}},"
            + "'ExclusiveStartKey':{'pk':{'S':'1'},'sk':{'S':'x'}}}"));
    assertEquals("The provided starting key is invalid",
        fail("Query", "{'TableName':'tab','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'1'}},"
            + "'ExclusiveStartKey':{'pk':{'S':'1'}}}"));
    assertEquals("The provided starting key is outside query boundaries based on provided conditions",
        fail("Query", "{'TableName':'tab','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'1'}},"
            + "'ExclusiveStartKey':{'pk':{'S':'2'},'sk':{'N':'1'}}}"));
    assertEquals("The provided starting key does not match the range key predicate",
        fail("Query", "{'TableName':'tab','KeyConditionExpression':'pk = :p AND sk > :s','ExpressionAttributeValues':{':p':{'S':'1'},':s':{'N':'5'}},"
            + "'ExclusiveStartKey':{'pk':{'S':'1'},'sk':{'N':'1'}}}"));
    assertEquals("QueryFilter can only contain non-primary key attributes: Primary key attribute: sk",
        fail("Query", "{'TableName':'tab','KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'1'}]}},"
            + "'QueryFilter':{'sk':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'}]}}}"));
    assertEquals("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
        fail("Query", "{'TableName':'tab','KeyConditionExpression':'pk = :p','FilterExpression':'#s > :p',"
            + "'ExpressionAttributeNames':{'#s':'sk'},'ExpressionAttributeValues':{':p':{'S':'1'}}}"));
    assertTrue(fail("Query", "{'TableName':'tab','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'1'},':x':{'S':'1'}}}")
        .startsWith("Value provided in ExpressionAttributeValues unused in expressions"));
  }

  @Test
  void queryLegacyParametersAndProjection() {
    table("tab", "S", "N");
    put("tab", "{'pk':{'S':'a'},'sk':{'N':'1'},'x':{'S':'one'},'y':{'N':'1'}}");
    put("tab", "{'pk':{'S':'a'},'sk':{'N':'2'},'x':{'S':'two'},'y':{'N':'2'}}");
    JsonNode r = call("Query", "{'TableName':'tab','AttributesToGet':['x'],"
        + "'KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]}},"
        + "'QueryFilter':{'y':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'1'}]}}}");
    assertEquals("[{\"x\":{\"S\":\"two\"}}]", r.get("Items").toString());
    assertEquals(2, r.get("ScannedCount").asInt());
    r = call("Query", "{'TableName':'tab','ProjectionExpression':'#x','ExpressionAttributeNames':{'#x':'x'},"
        + "'KeyConditionExpression':'pk = :p and sk < :s','ExpressionAttributeValues':{':p':{'S':'a'},':s':{'N':'2'}},"
        + "'ReturnConsumedCapacity':'TOTAL'}");
    assertEquals("[{\"x\":{\"S\":\"one\"}}]", r.get("Items").toString());
    assertEquals(0.5, r.at("/ConsumedCapacity/CapacityUnits").asDouble());
  }

  @Test
  void scanPagesAndOneMegabyteLimit() {
    table("big", "S", null);
    String blob = "x".repeat(100 * 1024);
    for (int i = 0; i < 25; i++) {
      put("big", "{'pk':{'S':'k" + i + "'},'b':{'S':'" + blob + "'}}");
    }
    Set<String> seen = new HashSet<>();
    String esk = "";
    int pages = 0;
    while (true) {
      JsonNode r = call("Scan", "{'TableName':'big','ProjectionExpression':'pk'" + esk + "}");
      pages++;
      int n = r.get("Count").asInt();
      assertTrue(n <= 11, "page of " + n);
      seen.addAll(values(r.get("Items"), "pk", "S"));
      if (!r.has("LastEvaluatedKey")) {
        break;
      }
      esk = ",'ExclusiveStartKey':" + r.get("LastEvaluatedKey");
    }
    assertEquals(25, seen.size());
    assertEquals(3, pages);
    JsonNode r = call("Scan", "{'TableName':'big','Select':'COUNT','ReturnConsumedCapacity':'TOTAL'}");
    assertEquals(11, r.get("Count").asInt()); // 11 x 100 KB crosses 1 MB
    assertTrue(r.has("LastEvaluatedKey"));
    assertEquals(138.0, r.at("/ConsumedCapacity/CapacityUnits").asDouble()); // ceil(11 x 102403 B / 4 KB) / 2
  }

  @Test
  void parallelScanCoversEveryItemOnce() {
    table("par", "N", "S");
    for (int i = 0; i < 200; i++) {
      put("par", "{'pk':{'N':'" + (i % 50) + "'},'sk':{'S':'s" + i + "'}}");
    }
    List<String> all = new ArrayList<>();
    for (int seg = 0; seg < 7; seg++) {
      String esk = "";
      Set<String> partitions = new HashSet<>();
      while (true) {
        JsonNode r = call("Scan", "{'TableName':'par','Segment':" + seg + ",'TotalSegments':7,'Limit':9" + esk + "}");
        for (JsonNode i : r.get("Items")) {
          all.add(i.at("/sk/S").asText());
          partitions.add(i.at("/pk/N").asText());
        }
        if (!r.has("LastEvaluatedKey")) {
          break;
        }
        esk = ",'ExclusiveStartKey':" + r.get("LastEvaluatedKey");
      }
      assertTrue(partitions.size() < 50);
    }
    assertEquals(200, all.size());
    assertEquals(200, new HashSet<>(all).size());
  }

  @Test
  void scanValidationAndFilters() {
    table("tab", "S", null);
    put("tab", "{'pk':{'S':'a'},'n':{'N':'1'}}");
    put("tab", "{'pk':{'S':'b'},'n':{'N':'2'}}");
    put("tab", "{'pk':{'S':'c'}}");
    JsonNode r = call("Scan", "{'TableName':'tab','ScanFilter':{'n':{'ComparisonOperator':'NOT_NULL'}}}");
    assertEquals(2, r.get("Count").asInt());
    assertEquals(3, r.get("ScannedCount").asInt());
    r = call("Scan", "{'TableName':'tab','FilterExpression':'n > :v','ExpressionAttributeValues':{':v':{'N':'1'}}}");
    assertEquals(List.of("b"), values(r.get("Items"), "pk", "S"));
    assertEquals("The Segment parameter is required but was not present in the request when parameter TotalSegments is present",
        fail("Scan", "{'TableName':'tab','TotalSegments':2}"));
    assertEquals("The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
        fail("Scan", "{'TableName':'tab','Segment':1}"));
    assertEquals("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less than TotalSegments: 2",
        fail("Scan", "{'TableName':'tab','Segment':2,'TotalSegments':2}"));
    assertEquals("1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000",
        fail("Scan", "{'TableName':'tab','Segment':0,'TotalSegments':1000001}"));
    assertTrue(fail("Scan", "{'TableName':'tab','FilterExpression':'n > :v','ScanFilter':{'n':{'ComparisonOperator':'NOT_NULL'}},"
        + "'ExpressionAttributeValues':{':v':{'N':'1'}}}").startsWith("Can not use both expression and non-expression parameters"));
    assertEquals("The provided starting key is invalid: The provided key element does not match the schema",
        fail("Scan", "{'TableName':'tab','ExclusiveStartKey':{'pk':{'N':'1'}}}"));
    r = call("Scan", "{'TableName':'tab','ExclusiveStartKey':{'pk':{'S':'a'}}}");
    assertEquals(List.of("b", "c"), values(r.get("Items"), "pk", "S"));
  }
}
