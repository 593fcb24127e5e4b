package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartiQLReadsAndBatchesTest {
  private final MiscOpsFixture t = new MiscOpsFixture();

  @BeforeEach
  void data() {
    t.call("CreateTable", "{'TableName':'comp','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
        + "{'AttributeName':'sk','KeyType':'RANGE'}],'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
        + "{'AttributeName':'sk','AttributeType':'N'},{'AttributeName':'g','AttributeType':'S'}],"
        + "'BillingMode':'PAY_PER_REQUEST','GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':"
        + "[{'AttributeName':'g','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
        + "'Projection':{'ProjectionType':'ALL'}}]}");
    for (String pk : List.of("a", "b")) {
      for (int sk = 1; sk <= 5; sk++) {
        t.call("PutItem", "{'TableName':'comp','Item':{'pk':{'S':'" + pk + "'},'sk':{'N':'" + sk + "'},"
            + "'g':{'S':'" + (sk % 2 == 0 ? "even" : "odd") + "'},'v':{'N':'" + (sk * 10) + "'}}}");
      }
    }
  }

  @AfterEach
  void close() {
    t.close();
  }

  private ObjectNode call(String op, String json) {
    return OpsTestSupport.callJson(t.ops.get(op), json);
  }

  private ObjectNode stmt(String statement, String extra) {
    ObjectNode req = Json.object();
    req.put("Statement", statement);
    String json = Json.toBytes(req).length > 0 ? new String(Json.toBytes(req), java.nio.charset.StandardCharsets.UTF_8) : "";
    if (extra != null) {
      json = json.substring(0, json.length() - 1) + "," + extra.replace('\'', '"') + "}";
    }
    return call("ExecuteStatement", json);
  }

  private List<String> keys(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.at("/pk/S").asText() + i.at("/sk/N").asText()));
    return out;
  }

  @Test
  void partitionSelectMatchesQuery() {
    ObjectNode q = call("Query", "{\"TableName\":\"comp\",\"KeyConditionExpression\":\"pk = :p\","
        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"}}}");
    ObjectNode s = stmt("SELECT * FROM comp WHERE pk = 'a'", null);
    assertEquals(q.get("Items"), s.get("Items"));
    assertEquals(List.of("a4", "a3"), keys(stmt("SELECT pk, sk FROM comp WHERE pk = 'a' AND sk BETWEEN 3 AND 4"
        + " ORDER BY sk DESC", null).get("Items")));
    assertEquals(List.of("a2", "a4"), keys(stmt("SELECT pk, sk FROM comp WHERE pk = 'a' AND g = 'even'", null)
        .get("Items")));
    assertEquals(List.of("a5", "b5"), keys(stmt("SELECT pk, sk FROM comp WHERE pk IN ['a', 'b'] AND v > 40", null)
        .get("Items")));
  }

  /**
   * OR branches of one partition whose sort key ranges meet are refused; a branch with a negated
   * or <> sort key condition is not compared (third-party suite: partiqlGrammar and whereOverlap,
   * captured against DynamoDB).
   */
  @Test
  void overlappingBranchesAreRefused() {
    String overlapping = "Overlapping conditions with range keys are not supported in where clause";
    for (String where : List.of("pk = 'a' AND v = 10 OR pk = 'a' AND sk = 2", "pk = 'a' AND v <> 10 OR pk = 'a' AND sk = 2",
        "pk IN ['a', 'a']", "pk = 'a' AND (sk > 0 OR sk < 5)", "pk = 'a' AND (sk = 1 OR g = 'odd')",
        "pk = 'a' AND sk BETWEEN 1 AND 3 OR pk = 'a' AND sk >= 3", "pk = 'a' AND sk = 1 OR sk = 1 AND pk = 'a'")) {
      ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
          () -> stmt("SELECT pk, sk FROM comp WHERE " + where, null), where);
      assertEquals(overlapping, e.getMessage(), where);
    }
    assertEquals(List.of("a2", "a3", "a4", "a5"),
        keys(stmt("SELECT pk, sk FROM comp WHERE pk = 'a' AND NOT sk = 1 OR pk = 'a' AND sk = 2", null).get("Items")));
    assertEquals(List.of("a2", "a3", "a4", "a5"),
        keys(stmt("SELECT pk, sk FROM comp WHERE pk = 'a' AND sk <> 1 OR pk = 'a' AND sk = 2", null).get("Items")));
    assertEquals(5, stmt("SELECT pk, sk FROM comp WHERE pk = 'a' OR pk = 'a' AND NOT sk = 1", null).get("Items").size());
    assertEquals(List.of("a1", "a2"),
        keys(stmt("SELECT pk, sk FROM comp WHERE pk = 'a' AND sk = 1 OR pk = 'a' AND sk = 2", null).get("Items")));
    assertEquals(5, stmt("SELECT pk, sk FROM comp WHERE pk = 'a' AND sk < 3 OR pk = 'a' AND sk >= 3", null)
        .get("Items").size());
    assertEquals(10, stmt("SELECT pk, sk FROM comp WHERE pk = 'a' OR pk = 'b'", null).get("Items").size());
    assertEquals(7, stmt("SELECT pk, sk FROM comp WHERE g = 'odd' OR pk = 'a' AND sk = 2", null).get("Items").size(),
        "a branch without a partition scans: nothing to compare");
  }

  @Test
  void scanSelectMatchesScanAndPages() {
    ObjectNode scan = call("Scan", "{\"TableName\":\"comp\"}");
    assertEquals(scan.get("Items"), stmt("SELECT * FROM comp", null).get("Items"));
    List<String> odd = keys(stmt("SELECT * FROM comp WHERE g = 'odd' AND v >= 30", null).get("Items"));
    assertEquals(4, odd.size());
    assertTrue(odd.containsAll(List.of("a3", "a5", "b3", "b5")));

    List<String> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ObjectNode page = stmt("SELECT pk, sk FROM comp", "'Limit':4" + (token == null ? "" : ",'NextToken':'" + token + "'"));
      assertTrue(page.get("Items").size() <= 4);
      all.addAll(keys(page.get("Items")));
      token = page.has("NextToken") ? page.get("NextToken").asText() : null;
      pages++;
    } while (token != null && pages < 10);
    assertEquals(keys(scan.get("Items")), all);
    assertEquals(3, pages);
  }

  @Test
  void indexSelect() {
    assertEquals(List.of("a1", "b1", "a3", "b3", "a5", "b5").size(),
        stmt("SELECT * FROM \"comp\".\"byG\" WHERE g = 'odd'", null).get("Items").size());
    assertEquals(List.of("a4", "b4", "a2", "b2").size(),
        stmt("SELECT * FROM \"comp\".\"byG\" WHERE g = 'even' ORDER BY sk DESC", null).get("Items").size());
    JsonNode desc = stmt("SELECT sk FROM \"comp\".\"byG\" WHERE g = 'even' ORDER BY sk DESC", null).get("Items");
    assertEquals("4", desc.get(0).at("/sk/N").asText());
    assertEquals("2", desc.get(desc.size() - 1).at("/sk/N").asText());
  }

  @Test
  void batchExecuteStatement() {
    ObjectNode r = call("BatchExecuteStatement", ("{'Statements':["
        + "{'Statement':'SELECT * FROM comp WHERE pk = ? AND sk = ?','Parameters':[{'S':'a'},{'N':'1'}]},"
        + "{'Statement':'SELECT v FROM comp WHERE pk = \\'zz\\' AND sk = 1'},"
        + "{'Statement':'SLECT * FROM comp'},"
        + "{'Statement':'SELECT * FROM comp WHERE pk = \\'a\\''}]}").replace('\'', '"').replace("\\\"", "'"));
    JsonNode rs = r.get("Responses");
    assertEquals(4, rs.size());
    assertEquals("comp", rs.get(0).get("TableName").asText());
    assertEquals("10", rs.get(0).at("/Item/v/N").asText());
    assertFalse(rs.get(1).has("Item"));
    assertFalse(rs.get(1).has("Error"));
    assertEquals("ValidationError", rs.get(2).at("/Error/Code").asText());
    assertEquals("Statement wasn't well formed, can't be processed: Expected data manipulation",
        rs.get(2).at("/Error/Message").asText());
    assertEquals("ValidationError", rs.get(3).at("/Error/Code").asText());
    // refused before it ran: no TableName (third-party suite, batchExecuteStatement, captured)
    assertEquals("Select statements within BatchExecuteStatement must specify the primary key in the where clause.",
        rs.get(3).at("/Error/Message").asText());
    assertFalse(rs.get(3).has("TableName"));

    r = call("BatchExecuteStatement", ("{'Statements':["
        + "{'Statement':'INSERT INTO comp VALUE {\\'pk\\': \\'n\\', \\'sk\\': 1}'},"
        + "{'Statement':'INSERT INTO comp VALUE {\\'pk\\': \\'a\\', \\'sk\\': 1}'},"
        + "{'Statement':'UPDATE comp SET touched = 1 WHERE pk = \\'a\\' AND sk = 2 AND v = 0',"
        + "'ReturnValuesOnConditionCheckFailure':'ALL_OLD'},"
        + "{'Statement':'DELETE FROM comp WHERE pk = \\'b\\' AND sk = 5'}]}").replace('\'', '"').replace("\\\"", "'"));
    rs = r.get("Responses");
    assertFalse(rs.get(0).has("Error"));
    assertEquals("DuplicateItem", rs.get(1).at("/Error/Code").asText());
    assertEquals("ConditionalCheckFailed", rs.get(2).at("/Error/Code").asText());
    assertEquals("20", rs.get(2).at("/Error/Item/v/N").asText());
    assertFalse(rs.get(3).has("Error"));
    assertTrue(t.call("GetItem", "{'TableName':'comp','Key':{'pk':{'S':'n'},'sk':{'N':'1'}}}").has("Item"));
    assertFalse(t.call("GetItem", "{'TableName':'comp','Key':{'pk':{'S':'b'},'sk':{'N':'5'}}}").has("Item"));

    ApiException mixed = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> call(
        "BatchExecuteStatement", "{\"Statements\":[{\"Statement\":\"SELECT * FROM comp WHERE pk = 'a' AND sk = 1\"},"
            + "{\"Statement\":\"DELETE FROM comp WHERE pk = 'a' AND sk = 1\"}]}"));
    assertEquals(ErrorCode.VALIDATION, mixed.code());
  }

  /** A request of PartiQL statements, each with its parameters (JSON) or none. */
  private ObjectNode statements(String op, String field, String... statementsAndParams) {
    ObjectNode req = Json.object();
    com.fasterxml.jackson.databind.node.ArrayNode list = req.putArray(field);
    for (int i = 0; i < statementsAndParams.length; i += 2) {
      ObjectNode s = list.addObject().put("Statement", statementsAndParams[i]);
      if (statementsAndParams[i + 1] != null) {
        try {
          s.set("Parameters", Json.mapper().readTree(statementsAndParams[i + 1]));
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return OpsTestSupport.callJson(t.ops.get(op), new String(Json.toBytes(req), java.nio.charset.StandardCharsets.UTF_8));
  }

  private String transactionFails(String... statementsAndParams) {
    return org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
        () -> statements("ExecuteTransaction", "TransactStatements", statementsAndParams)).getMessage();
  }

  /**
   * A batch member's RETURNING clause gives its Item; a read in a batch or a transaction is one
   * item read by its key and says nothing else; EXISTS is that read plus a condition (third-party
   * suite: batchExecuteStatement, partiqlFunctions, captured against DynamoDB).
   */
  @Test
  void batchAndTransactionReadsAndReturning() {
    JsonNode rs = statements("BatchExecuteStatement", "Statements",
        "DELETE FROM comp WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *", null,
        "UPDATE comp SET v = 21 WHERE pk = 'a' AND sk = 2 RETURNING MODIFIED NEW *", null,
        "UPDATE comp SET w = 1 WHERE pk = 'a' AND sk = 3 RETURNING ALL NEW *", null,
        "UPDATE comp REMOVE nothing WHERE pk = 'a' AND sk = 4 RETURNING MODIFIED NEW *", null,
        "UPDATE comp SET w = 2 WHERE pk = 'a' AND sk = 5", null).get("Responses");
    assertEquals("10", rs.get(0).at("/Item/v/N").asText());
    assertEquals("{\"v\":{\"N\":\"21\"}}", rs.get(1).get("Item").toString());
    assertEquals("1", rs.get(2).at("/Item/w/N").asText());
    assertEquals("30", rs.get(2).at("/Item/v/N").asText());
    assertFalse(rs.get(3).has("Item"), "an empty MODIFIED projection gives no Item");
    assertEquals("comp", rs.get(3).get("TableName").asText());
    assertFalse(rs.get(4).has("Item"));

    String batchKey = "Select statements within BatchExecuteStatement must specify the primary key in the where clause.";
    rs = statements("BatchExecuteStatement", "Statements",
        "SELECT * FROM comp WHERE pk = 'b' AND sk = 1 AND attribute_exists(v)", null,
        "SELECT * FROM \"comp\".\"byG\" WHERE g = 'odd' AND pk = 'b' AND sk = 1", null,
        "SELECT * FROM comp WHERE pk = 'b' AND sk = 1 AND pk = 'c'", null,
        "SELECT v FROM comp WHERE sk = 1 AND pk = 'b' AND pk = 'b'", null).get("Responses");
    for (int i = 0; i < 3; i++) {
      assertEquals(batchKey, rs.get(i).at("/Error/Message").asText());
      assertFalse(rs.get(i).has("TableName"));
    }
    assertEquals("{\"v\":{\"N\":\"10\"}}", rs.get(3).get("Item").toString());

    String txKey = "Validation failed in TransactStatements[0]: Select statements within ExecuteTransaction must specify the"
        + " primary key in the where clause.";
    assertEquals(txKey, transactionFails("SELECT * FROM comp WHERE pk = 'b' AND sk = 1 AND attribute_exists(v)", null));
    assertEquals(txKey, transactionFails("SELECT * FROM comp WHERE pk = 'b'", null));
    assertEquals("Validation failed in TransactStatements[0]: EXISTS() must contain a single item read with additional"
        + " condition", transactionFails("EXISTS(SELECT * FROM comp WHERE pk = 'b' AND sk = 1)", null,
        "UPDATE comp SET v = 0 WHERE pk = 'b' AND sk = 2", null));
    assertEquals("20", t.call("GetItem", "{'TableName':'comp','Key':{'pk':{'S':'b'},'sk':{'N':'2'}}}").at("/Item/v/N").asText());
    // a parameter is a value of the request: its error names no statement (partiqlParameterNumbers, captured)
    assertEquals("The parameter cannot be converted to a numeric value: 1e99999999999",
        transactionFails("UPDATE comp SET v = ? WHERE pk = 'b' AND sk = 2", "[{\"N\":\"1e99999999999\"}]"));
  }

  @Test
  void executeTransactionAllOrNothing() {
    ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> call("ExecuteTransaction",
        "{\"TransactStatements\":[{\"Statement\":\"UPDATE comp SET v = 0 WHERE pk = 'a' AND sk = 1\"},"
            + "{\"Statement\":\"INSERT INTO comp VALUE {'pk': 'b', 'sk': 2}\"}]}"));
    assertEquals(ErrorCode.TRANSACTION_CANCELED, e.code());
    assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [None, DuplicateItem]",
        e.getMessage());
    assertEquals("10", t.call("GetItem", "{'TableName':'comp','Key':{'pk':{'S':'a'},'sk':{'N':'1'}}}")
        .at("/Item/v/N").asText(), "nothing written");

    ObjectNode writes = call("ExecuteTransaction", "{\"ClientRequestToken\":\"tok-1\",\"TransactStatements\":["
        + "{\"Statement\":\"UPDATE comp SET v = v + 1 WHERE pk = 'a' AND sk = 1\"},"
        + "{\"Statement\":\"EXISTS(SELECT * FROM comp WHERE pk = 'b' AND sk = 2 AND v = 20)\"},"
        + "{\"Statement\":\"DELETE FROM comp WHERE pk = 'b' AND sk = 3\"},"
        + "{\"Statement\":\"INSERT INTO comp VALUE {'pk': 'c', 'sk': 9}\"}]}");
    assertEquals("{\"Responses\":[]}", writes.toString(), "DynamoDB answers a transaction of writes with Responses: []");
    call("ExecuteTransaction", "{\"ClientRequestToken\":\"tok-1\",\"TransactStatements\":["
        + "{\"Statement\":\"UPDATE comp SET v = v + 1 WHERE pk = 'a' AND sk = 1\"},"
        + "{\"Statement\":\"EXISTS(SELECT * FROM comp WHERE pk = 'b' AND sk = 2 AND v = 20)\"},"
        + "{\"Statement\":\"DELETE FROM comp WHERE pk = 'b' AND sk = 3\"},"
        + "{\"Statement\":\"INSERT INTO comp VALUE {'pk': 'c', 'sk': 9}\"}]}");
    assertEquals("11", t.call("GetItem", "{'TableName':'comp','Key':{'pk':{'S':'a'},'sk':{'N':'1'}}}")
        .at("/Item/v/N").asText(), "the replayed token applied once");
    assertFalse(t.call("GetItem", "{'TableName':'comp','Key':{'pk':{'S':'b'},'sk':{'N':'3'}}}").has("Item"));

    ObjectNode reads = call("ExecuteTransaction", "{\"TransactStatements\":["
        + "{\"Statement\":\"SELECT v FROM comp WHERE pk = 'a' AND sk = 1\"},"
        + "{\"Statement\":\"SELECT * FROM comp WHERE pk = 'zz' AND sk = 1\"}]}");
    assertEquals("[{\"Item\":{\"v\":{\"N\":\"11\"}}},{}]", reads.get("Responses").toString());

    e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> call("ExecuteTransaction",
        "{\"TransactStatements\":[{\"Statement\":\"UPDATE comp SET v = 1 WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW *\"}]}"));
    assertEquals("Validation failed in TransactStatements[0]: RETURNING clause is not supported in ExecuteTransaction.",
        e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> call("ExecuteTransaction",
        "{\"TransactStatements\":[{\"Statement\":\"SELECT * FROM \\\"comp\\\".\\\"byG\\\" WHERE g = 'odd'\"}]}"));
    assertEquals("Validation failed in TransactStatements[0]: Reads on indices are not supported within transactions.",
        e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> call("ExecuteTransaction",
        "{\"TransactStatements\":[{\"Statement\":\"SELECT * FROM comp WHERE\"}]}"));
    assertEquals("Validation failed in TransactStatements[0]: Statement wasn't well formed, can't be processed:"
        + " Unexpected term", e.getMessage());
  }
}
