package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GSI keys of several attributes (up to 4 HASH and 4 RANGE, DynamoDB since November 2025). The
 * expected orders and texts are those a third-party suite recorded on DynamoDB in 2026.
 */
class MultiAttributeKeysTest {
  private final MiscOpsFixture t = new MiscOpsFixture();

  @AfterEach
  void close() {
    t.close();
  }

  private ObjectNode call(String op, String json) {
    return t.call(op, json);
  }

  private String fail(String op, String json) {
    return t.fail(op, json).getMessage();
  }

  private static String key(String name, String type) {
    return "{'AttributeName':'" + name + "','KeyType':'" + type + "'}";
  }

  private static String def(String name, String type) {
    return "{'AttributeName':'" + name + "','AttributeType':'" + type + "'}";
  }

  private static String gsi(String name, String... keys) {
    return "{'IndexName':'" + name + "','KeySchema':[" + String.join(",", keys) + "],'Projection':{'ProjectionType':'ALL'}}";
  }

  private String createTable(String defs, String gsis) {
    return "{'TableName':'tab','KeySchema':[" + key("pk", "HASH") + "],'BillingMode':'PAY_PER_REQUEST',"
        + "'AttributeDefinitions':[" + def("pk", "S") + (defs.isEmpty() ? "" : "," + defs) + "],"
        + "'GlobalSecondaryIndexes':[" + gsis + "]}";
  }

  /** Table tab (pk S) with gsi (h HASH; a, b, c, d RANGE, all S) and the five items of the recorded test. */
  private void createRecordedTable() {
    call("CreateTable", createTable(def("h", "S") + "," + def("a", "S") + "," + def("b", "S") + "," + def("c", "S") + ","
        + def("d", "S"), gsi("gsi", key("h", "HASH"), key("a", "RANGE"), key("b", "RANGE"), key("c", "RANGE"),
        key("d", "RANGE")) + "," + gsi("single", key("a", "HASH"))));
    put("p1", "T", "live", "b", "r1");
    put("p2", "T", "live", "a", "r2");
    put("p3", "T", "live", "a", "r1");
    put("p4", "T", "draft", "c", "r1");
    put("p5", "F", "live", "a", "r0");
    call("PutItem", "{'TableName':'tab','Item':{'pk':{'S':'p6'},'h':{'S':'H'},'a':{'S':'T'},'b':{'S':'live'},'d':{'S':'r'}}}");
  }

  private void put(String pk, String a, String b, String c, String d) {
    call("PutItem", "{'TableName':'tab','Item':{'pk':{'S':'" + pk + "'},'h':{'S':'H'},'a':{'S':'" + a + "'},'b':{'S':'" + b
        + "'},'c':{'S':'" + c + "'},'d':{'S':'" + d + "'}}}");
  }

  private ObjectNode query(String condition, String values, String extra) {
    return call("Query", "{'TableName':'tab','IndexName':'gsi','KeyConditionExpression':'" + condition
        + "','ExpressionAttributeValues':{':h':{'S':'H'}" + values + "}" + extra + "}");
  }

  private static List<String> pks(JsonNode response) {
    List<String> out = new ArrayList<>();
    for (JsonNode i : response.get("Items")) {
      out.add(i.at("/pk/S").asText());
    }
    return out;
  }

  @Test
  void createTableAcceptsUpToFourHashAndFourRangeAttributesAndDescribesThemInOrder() {
    String defs = String.join(",", def("h1", "S"), def("h2", "N"), def("h3", "B"), def("h4", "S"), def("r1", "N"),
        def("r2", "S"), def("r3", "S"), def("r4", "B"));
    JsonNode d = call("CreateTable", createTable(defs, gsi("big", key("h1", "HASH"), key("h2", "HASH"),
        key("h3", "HASH"), key("h4", "HASH"), key("r1", "RANGE"), key("r2", "RANGE"), key("r3", "RANGE"),
        key("r4", "RANGE")))).get("TableDescription");
    JsonNode ks = d.at("/GlobalSecondaryIndexes/0/KeySchema");
    assertEquals(8, ks.size());
    assertEquals("h1,h2,h3,h4,r1,r2,r3,r4", names(ks));
    assertEquals("HASH", ks.get(3).path("KeyType").asText());
    assertEquals("RANGE", ks.get(4).path("KeyType").asText());
    assertEquals(names(ks), names(call("DescribeTable", "{'TableName':'tab'}").at("/Table/GlobalSecondaryIndexes/0/KeySchema")));
    call("CreateTable", createTable(def("x", "S") + "," + def("y", "N"), gsi("two", key("x", "HASH"), key("y", "HASH")))
        .replace("'tab'", "'tab2'"));
  }

  private static String names(JsonNode keySchema) {
    List<String> out = new ArrayList<>();
    keySchema.forEach(k -> out.add(k.path("AttributeName").asText()));
    return String.join(",", out);
  }

  @Test
  void createTableRefusesWhatDynamoDbRefuses() {
    String defs = String.join(",", def("a", "S"), def("b", "S"), def("c", "S"), def("d", "S"), def("e", "S"));
    assertEquals("One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of HASH"
        + " key attributes", fail("CreateTable", createTable(defs, gsi("gsi5", key("a", "HASH"), key("b", "HASH"),
        key("c", "HASH"), key("d", "HASH"), key("e", "HASH")))));
    assertEquals("One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of RANGE"
        + " key attributes", fail("CreateTable", createTable(defs + "," + def("f", "S"), gsi("gsi5", key("f", "HASH"),
        key("a", "RANGE"), key("b", "RANGE"), key("c", "RANGE"), key("d", "RANGE"), key("e", "RANGE")))));
    assertEquals("One or more parameter values were invalid: All HASH key attributes must precede RANGE key attributes"
        + " in the KeySchema", fail("CreateTable", createTable(def("a", "S") + "," + def("b", "S") + "," + def("c", "S"),
        gsi("ggg", key("a", "HASH"), key("b", "RANGE"), key("c", "HASH")))));
    assertEquals("Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
        fail("CreateTable", createTable(def("a", "S") + "," + def("b", "S"), gsi("ggg", key("b", "RANGE"), key("a", "HASH")))));
    assertEquals("The KeySchema contains multiple key attributes with the same name",
        fail("CreateTable", createTable(def("a", "S") + "," + def("b", "S"),
            gsi("ggg", key("a", "HASH"), key("b", "RANGE"), key("a", "RANGE")))));
    // the table's key and an LSI's stay at one HASH and at most one RANGE
    assertTrue(fail("CreateTable", "{'TableName':'tab','KeySchema':[" + key("pk", "HASH") + "," + key("sk", "RANGE") + ","
        + key("x", "RANGE") + "],'BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[" + def("pk", "S") + ","
        + def("sk", "S") + "," + def("x", "S") + "]}")
        .endsWith("at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2"));
    assertTrue(fail("CreateTable", "{'TableName':'tab','KeySchema':[" + key("pk", "HASH") + "," + key("sk", "RANGE")
        + "],'BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[" + def("pk", "S") + "," + def("sk", "S") + ","
        + def("x", "S") + "],'LocalSecondaryIndexes':[{'IndexName':'lsi1','KeySchema':[" + key("pk", "HASH") + ","
        + key("sk", "RANGE") + "," + key("x", "RANGE") + "],'Projection':{'ProjectionType':'ALL'}}]}")
        .endsWith("at 'localSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member must have length"
            + " less than or equal to 2"));
    // UpdateTable's Create has the same limits
    call("CreateTable", createTable("", "").replace(",'GlobalSecondaryIndexes':[]", ""));
    assertEquals("One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of HASH"
        + " key attributes", fail("UpdateTable", "{'TableName':'tab','AttributeDefinitions':[" + defs + "],"
        + "'GlobalSecondaryIndexUpdates':[{'Create':" + gsi("gsi5", key("a", "HASH"), key("b", "HASH"), key("c", "HASH"),
        key("d", "HASH"), key("e", "HASH")) + "}]}"));
  }

  @Test
  void queryOrdersBySortAttributesInTurnAndSkipsItemsMissingAnyKeyAttribute() {
    createRecordedTable();
    assertEquals(List.of("p5", "p4", "p3", "p2", "p1"), pks(query("h = :h", "", "")));
    assertEquals(List.of("p4", "p3", "p2", "p1"), pks(query("a = :a AND h = :h", ",':a':{'S':'T'}", "")));
    assertEquals(List.of("p1", "p2", "p3", "p4"),
        pks(query("h = :h AND a = :a", ",':a':{'S':'T'}", ",'ScanIndexForward':false")));
    assertEquals(List.of("p3", "p2"), pks(query("h = :h AND a = :a AND b = :b AND c = :c",
        ",':a':{'S':'T'},':b':{'S':'live'},':c':{'S':'a'}", "")));
    assertEquals(List.of("p2"), pks(query("h = :h AND a = :a AND b = :b AND c = :c AND d > :d",
        ",':a':{'S':'T'},':b':{'S':'live'},':c':{'S':'a'},':d':{'S':'r1'}", "")));
    assertEquals(List.of("p3", "p2", "p1"), pks(query("h = :h AND a = :a AND begins_with(b, :b)",
        ",':a':{'S':'T'},':b':{'S':'li'}", "")));
    assertEquals(List.of("p4", "p3", "p2"), pks(query("h = :h AND a = :a AND b BETWEEN :lo AND :hi",
        ",':a':{'S':'T'},':lo':{'S':'draft'},':hi':{'S':'live'}", ",'Limit':3")));
    // legacy KeyConditions follow the same rules
    ObjectNode legacy = call("Query", "{'TableName':'tab','IndexName':'gsi','KeyConditions':{'h':{'ComparisonOperator':'EQ',"
        + "'AttributeValueList':[{'S':'H'}]},'a':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'T'}]},"
        + "'b':{'ComparisonOperator':'LT','AttributeValueList':[{'S':'live'}]}}}");
    assertEquals(List.of("p4"), pks(legacy));
    assertEquals(5, call("DescribeTable", "{'TableName':'tab'}").at("/Table/GlobalSecondaryIndexes/0/ItemCount").asInt());
  }

  @Test
  void queryRefusesConditionsThatAreNotALeadingRunOfSortAttributes() {
    createRecordedTable();
    String recorded = "RANGE key attributes %s must have equality conditions specified in the query because a"
        + " condition is present on key attribute %s";
    assertEquals(String.format(recorded, "b", "c"),
        fail("Query", queryJson("h = :h AND a = :a AND c = :c", ",':a':{'S':'T'},':c':{'S':'a'}")));
    assertEquals(String.format(recorded, "b", "c"), fail("Query",
        queryJson("h = :h AND a = :a AND b > :b AND c = :c", ",':a':{'S':'T'},':b':{'S':'a'},':c':{'S':'a'}")));
    assertEquals(String.format(recorded, "a", "b"), fail("Query", queryJson("h = :h AND b = :b", ",':b':{'S':'live'}")));
    assertEquals("Query key condition not supported", fail("Query", queryJson("h > :h", "")));
    assertEquals("One or more parameter values were invalid: Condition parameter type does not match schema type",
        fail("Query", queryJson("h = :h AND a = :a AND b = :b", ",':a':{'S':'T'},':b':{'N':'1'}")));
    assertEquals(String.format(recorded, "a", "b"), fail("Query", "{'TableName':'tab','IndexName':'gsi','KeyConditions':"
        + "{'h':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'H'}]},'b':{'ComparisonOperator':'EQ',"
        + "'AttributeValueList':[{'S':'x'}]}}}"));
  }

  private static String queryJson(String condition, String values) {
    return "{'TableName':'tab','IndexName':'gsi','KeyConditionExpression':'" + condition
        + "','ExpressionAttributeValues':{':h':{'S':'H'}" + values + "}}";
  }

  @Test
  void everyPartitionAttributeIsNeededAndItsValueComparedByType() {
    call("CreateTable", createTable(def("t", "S") + "," + def("n", "N") + "," + def("s", "N"),
        gsi("gsi", key("t", "HASH"), key("n", "HASH"), key("s", "RANGE"))));
    for (int i = 0; i < 6; i++) {
      call("PutItem", "{'TableName':'tab','Item':{'pk':{'S':'p" + i + "'},'t':{'S':'T'},'n':{'N':'" + (i % 2) + "'},"
          + "'s':{'N':'" + (10 - i) + "'}}}");
    }
    assertEquals("Query condition missed key schema element: n", fail("Query", "{'TableName':'tab','IndexName':'gsi',"
        + "'KeyConditionExpression':'t = :t','ExpressionAttributeValues':{':t':{'S':'T'}}}"));
    ObjectNode r = call("Query", "{'TableName':'tab','IndexName':'gsi','KeyConditionExpression':'n = :n AND t = :t',"
        + "'ExpressionAttributeValues':{':t':{'S':'T'},':n':{'N':'1.0'}}}");
    assertEquals(List.of("p5", "p3", "p1"), pks(r));
    assertEquals("Type mismatch for Index Key n Expected: N Actual: S IndexName: gsi", fail("PutItem",
        "{'TableName':'tab','Item':{'pk':{'S':'x'},'t':{'S':'T'},'n':{'S':'1'}}}")
        .replace("One or more parameter values were invalid: ", ""));
  }

  @Test
  void pagesCarryEveryIndexKeyAttributeAndResumeWithoutRepeats() {
    createRecordedTable();
    List<String> seen = new ArrayList<>();
    String start = "";
    for (int page = 0; page < 10; page++) {
      ObjectNode r = query("h = :h", "", ",'Limit':2" + start);
      seen.addAll(pks(r));
      JsonNode lek = r.get("LastEvaluatedKey");
      if (lek == null) {
        break;
      }
      Set<String> names = new HashSet<>();
      lek.fieldNames().forEachRemaining(names::add);
      assertEquals(Set.of("pk", "h", "a", "b", "c", "d"), names);
      start = ",'ExclusiveStartKey':" + lek.toString().replace('"', '\'');
    }
    assertEquals(List.of("p5", "p4", "p3", "p2", "p1"), seen);
    assertEquals("The provided starting key is outside query boundaries based on provided conditions", fail("Query",
        queryJson("h = :h AND a = :a", ",':a':{'S':'F'}") .replace("}}", "}},'ExclusiveStartKey':{'pk':{'S':'p1'},"
        + "'h':{'S':'G'},'a':{'S':'T'},'b':{'S':'live'},'c':{'S':'b'},'d':{'S':'r1'}}")));
    assertEquals("The provided starting key does not match the range key predicate", fail("Query",
        queryJson("h = :h AND a = :a", ",':a':{'S':'F'}").replace("}}", "}},'ExclusiveStartKey':{'pk':{'S':'p1'},"
        + "'h':{'S':'H'},'a':{'S':'T'},'b':{'S':'live'},'c':{'S':'b'},'d':{'S':'r1'}}")));
  }

  @Test
  void anIndexAddedByUpdateTableIsBackfilledOnEveryAttribute() throws Exception {
    call("CreateTable", createTable("", "").replace(",'GlobalSecondaryIndexes':[]", ""));
    for (int i = 0; i < 30; i++) {
      call("PutItem", "{'TableName':'tab','Item':{'pk':{'S':'p" + i + "'},'t':{'S':'T" + (i % 2) + "'},'n':{'N':'"
          + (i % 3) + "'},'s':{'N':'" + i + "'}}}");
    }
    call("UpdateTable", "{'TableName':'tab','AttributeDefinitions':[" + def("t", "S") + "," + def("n", "N") + ","
        + def("s", "N") + "],'GlobalSecondaryIndexUpdates':[{'Create':" + gsi("late", key("t", "HASH"), key("n", "HASH"),
        key("s", "RANGE")) + "}]}");
    for (int i = 0; i < 200 && !"ACTIVE".equals(call("DescribeTable", "{'TableName':'tab'}")
        .at("/Table/GlobalSecondaryIndexes/0/IndexStatus").asText()); i++) {
      Thread.sleep(20);
    }
    ObjectNode r = call("Query", "{'TableName':'tab','IndexName':'late','KeyConditionExpression':"
        + "'t = :t AND n = :n AND s > :s','ExpressionAttributeValues':{':t':{'S':'T1'},':n':{'N':'2'},':s':{'N':'5'}}}");
    // i odd and i % 3 == 2, above 5: 11, 17, 23, 29
    assertEquals(List.of("p11", "p17", "p23", "p29"), pks(r));
    assertEquals(30, call("DescribeTable", "{'TableName':'tab'}").at("/Table/GlobalSecondaryIndexes/0/ItemCount").asInt());
  }

  @Test
  void parallelScanOfAnIndexWithSeveralPartitionAttributesSeesEveryItemOnce() {
    call("CreateTable", createTable(def("x", "S") + "," + def("y", "N"), gsi("gsi", key("x", "HASH"), key("y", "HASH"))));
    for (int i = 0; i < 40; i++) {
      call("PutItem", "{'TableName':'tab','Item':{'pk':{'S':'p" + i + "'},'x':{'S':'X" + (i % 3) + "'},'y':{'N':'" + i
          + "'}}}");
    }
    List<String> all = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      all.addAll(pks(call("Scan", "{'TableName':'tab','IndexName':'gsi','Segment':" + s + ",'TotalSegments':4}")));
    }
    assertEquals(40, all.size());
    assertEquals(40, new HashSet<>(all).size());
  }

  @Test
  void partiqlRefusesReadsOfSuchAnIndexOnly() {
    createRecordedTable();
    String refusal = "PartiQL statements cannot be executed on tables with multi-attribute HASH keys or multi-attribute"
        + " RANGE keys.";
    assertEquals(refusal, fail("ExecuteStatement", "{'Statement':'SELECT * FROM \\\"tab\\\".\\\"gsi\\\" WHERE h = ?',"
        + "'Parameters':[{'S':'H'}]}"));
    // COUNT(*) is refused only after the index (captured): the index's refusal comes first
    assertEquals(refusal, fail("ExecuteStatement", "{'Statement':'SELECT COUNT(*) FROM \\\"tab\\\".\\\"gsi\\\"'}"));
    assertEquals("Statement wasn't well formed, can't be processed: Unexpected operator",
        fail("ExecuteStatement", "{'Statement':'SELECT COUNT(*) FROM \\\"tab\\\"'}"));
    assertEquals(1, call("ExecuteStatement", "{'Statement':'SELECT * FROM \\\"tab\\\" WHERE pk = ?','Parameters':[{'S':'p1'}]}")
        .get("Items").size());
    assertEquals(5, call("ExecuteStatement", "{'Statement':'SELECT * FROM \\\"tab\\\".\\\"single\\\" WHERE a = ?',"
        + "'Parameters':[{'S':'T'}]}").get("Items").size());
    call("ExecuteStatement", "{'Statement':'UPDATE \\\"tab\\\" SET h = ? WHERE pk = ?','Parameters':[{'S':'G'},{'S':'p1'}]}");
    assertEquals(List.of("p5", "p4", "p3", "p2"), pks(query("h = :h", "", "")));
    JsonNode batch = call("BatchExecuteStatement", "{'Statements':[{'Statement':'SELECT * FROM \\\"tab\\\".\\\"gsi\\\" WHERE h = ?',"
        + "'Parameters':[{'S':'H'}]},{'Statement':'SELECT * FROM \\\"tab\\\" WHERE pk = ?','Parameters':[{'S':'p2'}]}]}")
        .get("Responses");
    assertEquals("ValidationError", batch.at("/0/Error/Code").asText());
    assertEquals(refusal, batch.at("/0/Error/Message").asText());
    assertEquals("p2", batch.at("/1/Item/pk/S").asText());
    assertFalse(batch.get(1).has("Error"));
  }
}
