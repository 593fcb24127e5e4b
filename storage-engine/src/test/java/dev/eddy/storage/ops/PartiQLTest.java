package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.storage.ItemChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartiQLTest {
  private final MiscOpsFixture t = new MiscOpsFixture();

  @BeforeEach
  void tables() {
    t.createTable("hash", false);
    t.createTable("comp", true);
  }

  @AfterEach
  void close() {
    t.close();
  }

  /** ExecuteStatement with the statement given as is (quotes kept). */
  private ObjectNode stmt(String statement, String... extra) {
    ObjectNode req = Json.object();
    req.put("Statement", statement);
    for (int i = 0; i + 1 < extra.length; i += 2) {
      try {
        req.set(extra[i], Json.mapper().readTree(extra[i + 1].replace('\'', '"')));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    ObjectNode r = t.ops.get("ExecuteStatement").handle(req);
    try {
      return (ObjectNode) Json.mapper().readTree(Json.toBytes(r));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private ApiException stmtFails(String statement, String... extra) {
    try {
      stmt(statement, extra);
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("statement did not fail: " + statement);
  }

  private JsonNode get(String table, String keyJson) {
    return t.call("GetItem", "{'TableName':'" + table + "','Key':" + keyJson + "}").get("Item");
  }

  @Test
  void insertIsPutItemAndDuplicatesFail() {
    stmt("INSERT INTO \"hash\" VALUE {'pk': 'a', 'n': 1.50, 'b': true, 'z': null, 'l': [1, 'x'], 'm': {'k': 'v'},"
        + " 'ss': <<'p', 'q'>>, 'ns': <<1, 2>>}");
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'b'},'n':{'N':'1.5'},'b':{'BOOL':true},'z':{'NULL':true},"
        + "'l':{'L':[{'N':'1'},{'S':'x'}]},'m':{'M':{'k':{'S':'v'}}},'ss':{'SS':['p','q']},'ns':{'NS':['1','2']}}}");
    ObjectNode a = (ObjectNode) get("hash", "{'pk':{'S':'a'}}").deepCopy();
    ObjectNode b = (ObjectNode) get("hash", "{'pk':{'S':'b'}}").deepCopy();
    a.remove("pk");
    b.remove("pk");
    assertEquals(b, a);
    ApiException dup = stmtFails("INSERT INTO hash VALUE {'pk': 'a'}");
    assertEquals(ErrorCode.DUPLICATE_ITEM, dup.code());
    assertEquals("Duplicate primary key exists in table", dup.getMessage());
    ApiException missingKey = stmtFails("INSERT INTO hash VALUE {'x': 'a'}");
    assertEquals("One or more parameter values were invalid: Missing the key pk in the item", missingKey.getMessage());
  }

  @Test
  void parametersBindInOrder() {
    stmt("INSERT INTO comp VALUE {'pk': ?, 'sk': ?, 'v': ?}", "Parameters", "[{'S':'p'},{'N':'7'},{'M':{'x':{'S':'y'}}}]");
    assertEquals("{\"x\":{\"S\":\"y\"}}", get("comp", "{'pk':{'S':'p'},'sk':{'N':'7'}}").at("/v/M").toString());
    ObjectNode r = stmt("SELECT v.x FROM comp WHERE pk = ? AND sk = ?", "Parameters", "[{'S':'p'},{'N':'7'}]");
    assertEquals("[{\"x\":{\"S\":\"y\"}}]", r.get("Items").toString());
    assertEquals("Number of parameters in request and statement don't match.",
        stmtFails("SELECT * FROM comp WHERE pk = ?").getMessage());
  }

  @Test
  void selectByKeyFiltersAndProjects() {
    t.call("PutItem", "{'TableName':'comp','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'name':{'S':'alpha'},"
        + "'profile':{'M':{'sub':{'S':'deep'},'sib':{'S':'keep'}}},'tags':{'L':[{'S':'a'},{'S':'b'}]}}}");
    ObjectNode all = stmt("SELECT * FROM \"comp\" WHERE pk = 'a' AND sk = 1", "ConsistentRead", "true");
    assertEquals(get("comp", "{'pk':{'S':'a'},'sk':{'N':'1'}}"), all.get("Items").get(0));
    assertFalse(all.has("NextToken"));
    assertEquals("[{\"sub\":{\"S\":\"deep\"},\"tags[1]\":{\"S\":\"b\"}}]",
        stmt("SELECT profile.sub, tags[1] FROM comp WHERE pk = 'a' AND sk = 1").get("Items").toString());
    assertEquals(1, stmt("SELECT pk FROM comp WHERE pk = 'a' AND sk = 1 AND \"name\" = 'alpha' AND begins_with(\"name\","
        + " 'al') AND size(tags) = 2 AND profile.sub IS NOT MISSING AND nothing IS MISSING").get("Items").size());
    assertEquals(0, stmt("SELECT pk FROM comp WHERE pk = 'a' AND sk = 1 AND NOT contains(tags, 'a')")
        .get("Items").size());
    assertEquals(0, stmt("SELECT * FROM comp WHERE pk = 'nope' AND sk = 1").get("Items").size());
    assertEquals(0, stmt("SELECT * FROM comp WHERE pk = 1 AND sk = 1").get("Items").size(), "wrong key type matches nothing");
  }

  @Test
  void isNullIsMissingAndTypes() {
    stmt("INSERT INTO hash VALUE {'pk': 'n', 'z': null, 's': 'x'}");
    stmt("INSERT INTO hash VALUE {'pk': 'm'}");
    assertEquals(1, stmt("SELECT pk FROM hash WHERE pk = 'n' AND z IS NULL AND s IS STRING AND s IS NOT NUMBER")
        .get("Items").size());
    assertEquals(0, stmt("SELECT pk FROM hash WHERE pk = 'm' AND z IS NULL").get("Items").size());
    assertEquals(1, stmt("SELECT pk FROM hash WHERE pk = 'm' AND z IS NOT NULL AND z IS MISSING").get("Items").size());
    assertEquals(0, stmt("SELECT pk FROM hash WHERE pk = 'n' AND z IS MISSING").get("Items").size());
    assertEquals(1, stmt("SELECT pk FROM hash WHERE pk = 'n' AND attribute_type(s, 'S')").get("Items").size());
  }

  @Test
  void selectInListPagesWithLimitAndNextToken() {
    for (String k : List.of("a", "b", "c", "d")) {
      stmt("INSERT INTO hash VALUE {'pk': '" + k + "', 'kind': '" + (k.equals("b") ? "beta" : "other") + "'}");
    }
    ObjectNode r = stmt("SELECT pk FROM hash WHERE pk IN ['a', 'b', 'zz'] AND NOT begins_with(kind, 'be')");
    assertEquals("[{\"pk\":{\"S\":\"a\"}}]", r.get("Items").toString());
    r = stmt("SELECT pk FROM hash WHERE pk = 'a' OR pk = 'c'");
    assertEquals(2, r.get("Items").size());

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ObjectNode page = token == null ? stmt("SELECT pk FROM hash WHERE pk IN ['a','b','c','d']", "Limit", "3")
          : stmt("SELECT pk FROM hash WHERE pk IN ['a','b','c','d']", "Limit", "3", "NextToken", "'" + token + "'");
      page.get("Items").forEach(i -> seen.add(i.at("/pk/S").asText()));
      token = page.has("NextToken") ? page.get("NextToken").asText() : null;
      pages++;
    } while (token != null);
    assertEquals(List.of("a", "b", "c", "d"), seen);
    assertEquals(2, pages);
    assertEquals("Invalid NextToken", stmtFails("SELECT pk FROM hash WHERE pk = 'a'", "NextToken", "'garbage'").getMessage());
  }

  @Test
  void updateMatchesUpdateItem() {
    String base = "'n':{'N':'5'},'l':{'L':[{'S':'x'}]},'ss':{'SS':['a','b']},'gone':{'S':'soon'},"
        + "'profile':{'M':{'sub':{'S':'old'}}}";
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'q'}," + base + "}}");
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'j'}," + base + "}}");
    ObjectNode r = stmt("UPDATE hash SET n = n + 1 SET l = list_append(l, ['y']), profile.sub = 'new'"
        + " SET ss = set_add(ss, <<'c'>>) REMOVE gone WHERE pk = 'q' RETURNING MODIFIED NEW *");
    ObjectNode j = t.call("UpdateItem", "{'TableName':'hash','Key':{'pk':{'S':'j'}},"
        + "'UpdateExpression':'SET n = n + :one, l = list_append(l, :y), profile.#s = :new ADD ss :c REMOVE gone','ExpressionAttributeNames':{'#s':'sub'},"
        + "'ExpressionAttributeValues':{':one':{'N':'1'},':y':{'L':[{'S':'y'}]},':new':{'S':'new'},':c':{'SS':['c']}},"
        + "'ReturnValues':'UPDATED_NEW'}");
    assertEquals(j.get("Attributes"), r.get("Items").get(0));
    ObjectNode q = (ObjectNode) get("hash", "{'pk':{'S':'q'}}").deepCopy();
    ObjectNode jj = (ObjectNode) get("hash", "{'pk':{'S':'j'}}").deepCopy();
    q.remove("pk");
    jj.remove("pk");
    assertEquals(jj, q);

    stmt("UPDATE hash SET ss = set_delete(ss, <<'a'>>) WHERE pk = 'q'");
    assertEquals("[\"b\",\"c\"]", get("hash", "{'pk':{'S':'q'}}").at("/ss/SS").toString());
    assertEquals("[{\"n\":{\"N\":\"6\"}}]",
        stmt("UPDATE hash SET n = n - 2 WHERE pk = 'q' RETURNING MODIFIED OLD *").get("Items").toString());
    assertEquals("4", stmt("UPDATE hash SET x = 'y' WHERE pk = 'q' RETURNING ALL NEW *").at("/Items/0/n/N").asText());
    assertEquals(0, stmt("UPDATE hash SET x = 'z' WHERE pk = 'q'").get("Items").size());
  }

  @Test
  void updateAndDeleteConditions() {
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'w'},'name':{'S':'alpha'},'n':{'N':'5'}}}");
    assertEquals(ErrorCode.CONDITIONAL_CHECK_FAILED, stmtFails("UPDATE hash SET data = 'new' WHERE pk = 'ghost'").code());
    assertEquals(null, get("hash", "{'pk':{'S':'ghost'}}"));
    assertEquals(ErrorCode.CONDITIONAL_CHECK_FAILED,
        stmtFails("UPDATE hash SET n = 9 WHERE pk = 'w' AND \"name\" = 'beta'").code());
    assertEquals(ErrorCode.CONDITIONAL_CHECK_FAILED,
        stmtFails("DELETE FROM hash WHERE pk = 'w' AND \"name\" = 'beta'").code());
    assertEquals("5", get("hash", "{'pk':{'S':'w'}}").at("/n/N").asText());
    stmt("DELETE FROM hash WHERE pk = 'absent' AND \"name\" = 'x'");
    ApiException e = stmtFails("DELETE FROM hash WHERE \"name\" = 'alpha'");
    assertEquals("Where clause does not contain a mandatory equality on all key attributes", e.getMessage());
    assertEquals("Where clause does not contain a mandatory equality on all key attributes",
        stmtFails("UPDATE comp SET a = 1 WHERE pk = 'x'").getMessage());
    assertEquals("Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in DELETE"
        + " statements.", stmtFails("DELETE FROM hash WHERE pk = 'w' RETURNING MODIFIED OLD *").getMessage());
    assertEquals("alpha", stmt("DELETE FROM hash WHERE pk = 'w' AND n = 5 RETURNING ALL OLD *")
        .at("/Items/0/name/S").asText());
    assertEquals(null, get("hash", "{'pk':{'S':'w'}}"));
    assertEquals(0, stmt("DELETE FROM hash WHERE pk = 'w' RETURNING ALL OLD *").get("Items").size());
    assertEquals("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
        stmtFails("UPDATE hash SET pk = 'x' WHERE pk = 'w'").getMessage());
  }

  /** FROM t WHERE ... SET/REMOVE ... is UPDATE t SET/REMOVE ... WHERE ... (a third-party suite, recorded 2026-10). */
  @Test
  void fromFirstUpdateIsAnUpdate() {
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'ff'},'a':{'N':'1'},'b':{'S':'bee'}}}");
    stmt("FROM \"hash\" WHERE pk = 'ff' SET c = 1");
    assertEquals("1", get("hash", "{'pk':{'S':'ff'}}").at("/c/N").asText());
    stmt("from hash where pk = ? set c = ? remove b set d = 2", "Parameters", "[{'S':'ff'},{'N':'7'}]");
    JsonNode item = get("hash", "{'pk':{'S':'ff'}}");
    assertEquals("7", item.at("/c/N").asText());
    assertFalse(item.has("b"));
    assertEquals("2", item.at("/d/N").asText());
    assertEquals("{\"pk\":{\"S\":\"ff\"},\"a\":{\"N\":\"1\"},\"c\":{\"N\":\"7\"},\"d\":{\"N\":\"3\"}}",
        stmt("FROM hash WHERE pk = 'ff' AND a = 1 SET d = 3 RETURNING ALL NEW *").get("Items").get(0).toString());
    assertEquals(ErrorCode.CONDITIONAL_CHECK_FAILED, stmtFails("FROM hash WHERE pk = 'ff' AND a = 2 SET c = 5").code());
    assertEquals(ErrorCode.CONDITIONAL_CHECK_FAILED, stmtFails("FROM hash WHERE pk = 'ghost' SET c = 1").code());
    assertEquals(null, get("hash", "{'pk':{'S':'ghost'}}"));
    assertEquals("Where clause does not contain a mandatory equality on all key attributes",
        stmtFails("FROM comp WHERE pk = 'x' SET a = 1").getMessage());
    t.call("ExecuteTransaction", "{'TransactStatements':[{'Statement':'FROM hash WHERE pk = ? SET e = 4',"
        + "'Parameters':[{'S':'ff'}]}]}");
    assertEquals("4", get("hash", "{'pk':{'S':'ff'}}").at("/e/N").asText());
  }

  @Test
  void writesReachTheChangeCapture() {
    t.captured.clear();
    stmt("INSERT INTO hash VALUE {'pk': 's', 'v': 1}");
    stmt("UPDATE hash SET v = 2 WHERE pk = 's'");
    stmt("DELETE FROM hash WHERE pk = 's'");
    assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), t.captured.stream().map(ItemChange::eventName).toList());
    assertTrue(t.captured.stream().allMatch(c -> c.origin() == ItemChange.Origin.USER));
  }

  /** The keys a SELECT of item 'f' returns with the condition added: ["f"] when it holds, [] when not. */
  private List<String> keysWhere(String condition) {
    List<String> out = new ArrayList<>();
    stmt("SELECT * FROM hash WHERE pk = 'f' AND " + condition).get("Items").forEach(i -> out.add(i.at("/pk/S").asText()));
    return out;
  }

  /**
   * attribute_exists and attribute_not_exists in a WHERE, as DynamoDB runs them: a filter of a
   * SELECT, the condition of an UPDATE or DELETE (false: ConditionalCheckFailed), also in a
   * transaction (third-party suite, whereFunctions, captured against DynamoDB).
   */
  @Test
  void conditionFunctionsInWhere() {
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'f'},'ss':{'SS':['a','b']},'s':{'S':'str'},"
        + "'m':{'M':{'sub':{'S':'x'}}},'marker':{'S':'here'}}}");
    assertEquals(List.of("f"), keysWhere("attribute_exists(ss)"));
    assertEquals(List.of(), keysWhere("attribute_exists(nope)"));
    assertEquals(List.of("f"), keysWhere("attribute_not_exists(nope)"));
    assertEquals(List.of(), keysWhere("attribute_not_exists(ss)"));
    assertEquals(List.of("f"), keysWhere("NOT attribute_exists(nope)"));
    assertEquals(List.of("f"), keysWhere("ATTRIBUTE_EXISTS(ss)"));
    assertEquals(List.of("f"), keysWhere("(attribute_exists(nope) OR attribute_exists(ss))"));
    assertEquals(List.of("f"), keysWhere("attribute_exists(ss) = true"));
    assertEquals(List.of(), keysWhere("attribute_exists(ss) = false"));
    assertEquals(List.of("f"), keysWhere("attribute_exists(ss) <> false"));
    assertEquals(List.of("f"), keysWhere("attribute_exists(\"ss\")"));
    assertEquals(List.of("f"), keysWhere("attribute_exists(m.sub)"));
    assertEquals(List.of(), keysWhere("attribute_exists(m.nope)"));
    assertEquals(List.of("f"), keysWhere("size(s) = 3 AND attribute_type(ss, 'SS')"));
    assertEquals("[{\"pk\":{\"S\":\"f\"}}]", stmt("SELECT pk FROM hash WHERE attribute_exists(marker)").get("Items").toString());

    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'w'},'a':{'N':'5'}}}");
    stmt("UPDATE hash SET z = 1 WHERE pk = 'w' AND attribute_exists(a)");
    assertEquals("1", get("hash", "{'pk':{'S':'w'}}").at("/z/N").asText());
    assertEquals(ErrorCode.CONDITIONAL_CHECK_FAILED, stmtFails("UPDATE hash SET z = 2 WHERE pk = 'w' AND attribute_not_exists(z)").code());
    assertEquals(ErrorCode.CONDITIONAL_CHECK_FAILED, stmtFails("DELETE FROM hash WHERE pk = 'w' AND attribute_exists(nope)").code());
    assertEquals(ErrorCode.CONDITIONAL_CHECK_FAILED, stmtFails("UPDATE hash SET z = 1 WHERE pk = 'absent' AND attribute_not_exists(pk)").code());
    assertEquals(null, get("hash", "{'pk':{'S':'absent'}}"));
    ObjectNode tx = Json.object();
    tx.putArray("TransactStatements").addObject().put("Statement", "UPDATE hash SET y = 1 WHERE pk = 'w' AND attribute_exists(a)");
    t.ops.get("ExecuteTransaction").handle(tx);
    assertEquals("1", get("hash", "{'pk':{'S':'w'}}").at("/y/N").asText());
    stmt("DELETE FROM hash WHERE pk = 'w' AND attribute_not_exists(nope)");
    assertEquals(null, get("hash", "{'pk':{'S':'w'}}"));
  }

  /**
   * The messages of the WHERE clause are the expression library's without the "Invalid
   * FilterExpression: " prefix, and they answer before the table is looked up; unknown functions
   * and misplaced ones carry the position DynamoDB gives (partiqlFunctions, comparison and
   * validation-ordering/partiql in the third-party suite, captured).
   */
  @Test
  void functionAndOperandMessages() {
    String where = "SELECT * FROM hash WHERE pk = 'f' AND ";
    assertEquals("Operator or function requires a document path; operator or function: attribute_exists",
        stmtFails(where + "attribute_exists('ss')").getMessage());
    assertEquals("Operator or function requires a document path; operator or function: attribute_exists",
        stmtFails(where + "attribute_exists(?)", "Parameters", "[{'S':'ss'}]").getMessage());
    assertEquals("Incorrect number of operands for operator or function; operator or function: attribute_exists,"
        + " number of operands: 0", stmtFails(where + "attribute_exists()").getMessage());
    assertEquals("Incorrect number of operands for operator or function; operator or function: attribute_exists,"
        + " number of operands: 2", stmtFails(where + "attribute_exists(ss, ns)").getMessage());
    assertEquals("Unexpected path component at 1:8:16",
        stmtFails("SELECT attribute_exists(ss) FROM hash WHERE pk = 'f'").getMessage());
    assertEquals("Unrecognized function: exists at 1:" + (where.length() + 1) + ":6",
        stmtFails(where + "EXISTS(ss)").getMessage());
    assertEquals("Unrecognized function: set_add at 1:" + (where.length() + 1) + ":7",
        stmtFails(where + "set_add(ss, <<'x'>>) = ss").getMessage());
    assertEquals("Unrecognized function: set_add at 3:5:7", stmtFails("SELECT *\nFROM hash WHERE pk = 'f' AND\n    "
        + "set_add(ss, <<'x'>>) = ss").getMessage(), "lines and columns count from 1");
    assertEquals("Statement wasn't well formed, can't be processed: Invalid path dot component",
        stmtFails(where + "attribute_exists(m.inner)").getMessage());
    assertEquals("Incorrect operand type for operator or function; operator or function: <, operand type: BOOL",
        stmtFails(where + "val < ?", "Parameters", "[{'BOOL':true}]").getMessage());
    ApiException first = stmtFails("SELECT pk FROM nope WHERE pk = ? AND val >= ?", "Parameters", "[{'S':'x'},{'BOOL':true}]");
    assertEquals(ErrorCode.VALIDATION, first.code(), "the operand check comes before the table lookup");
    assertEquals("Incorrect operand type for operator or function; operator or function: >=, operand type: BOOL",
        first.getMessage());
    assertTrue(stmtFails("SELECT pk FROM hash WHERE pk = 'f' AND val BETWEEN ? AND ?", "Parameters",
        "[{'BOOL':true},{'BOOL':false}]").getMessage().contains("operator or function: BETWEEN"));
  }

  /**
   * SET_ADD and SET_DELETE, and bag literals, with DynamoDB's messages (partiqlFunctions in the
   * third-party suite, captured; positions are line:column:length).
   */
  @Test
  void setFunctionAndBagMessages() {
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'f'},'ss':{'SS':['a','b']},'s':{'S':'str'}}}");
    String update = "UPDATE hash SET ";
    String tail = " WHERE pk = 'f'";
    assertEquals("The first argument to SET_ADD must equal the assignment value at 1:" + (update.length() + 5) + ":7",
        stmtFails(update + "t = set_add(ss, <<'x'>>)" + tail).getMessage());
    assertEquals("The first argument to SET_ADD must equal the assignment value at 1:" + (update.length() + 6) + ":7",
        stmtFails(update + "ss = set_add(<<'a'>>, <<'b'>>)" + tail).getMessage());
    assertEquals("The second argument to SET_ADD must be a value with type SET at 1:" + (update.length() + 14) + ":2",
        stmtFails(update + "ss = set_add(ss, 'x')" + tail).getMessage());
    assertEquals("The second argument to SET_DELETE must be a value with type SET at 1:" + (update.length() + 17) + ":2",
        stmtFails(update + "ss = set_delete(ss, ['x'])" + tail).getMessage());
    assertEquals("SET_ADD must have exactly two arguments at 1:" + (update.length() + 6) + ":7",
        stmtFails(update + "ss = set_add(ss)" + tail).getMessage());
    assertEquals("An operand in the update expression has an incorrect data type",
        stmtFails(update + "ss = set_add(ss, <<1>>)" + tail).getMessage());
    assertEquals("One or more parameter values were invalid: Input collection [x, x] contains duplicates.",
        stmtFails(update + "ss = set_add(ss, <<'x', 'x'>>)" + tail).getMessage());
    assertEquals("Empty bags are not supported", stmtFails(update + "ss = set_add(ss, <<>>)" + tail).getMessage());
    assertEquals("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags",
        stmtFails("INSERT INTO hash VALUE {'pk': 'g', 's': <<1, 'a'>>}").getMessage());
    String insert = "INSERT INTO hash VALUE {'pk': 'g', 'ss': set_add(<<'a'>>, <<'b'>>)}";
    assertEquals("Unsupported data type: set_add under key root at 1:" + (insert.indexOf("set_add") + 1) + ":7",
        stmtFails(insert).getMessage());
    stmt(update + "ss = set_add(ss, ?)" + tail, "Parameters", "[{'SS':['c']}]");
    assertEquals("[\"a\",\"b\",\"c\"]", get("hash", "{'pk':{'S':'f'}}").at("/ss/SS").toString());
  }

  @Test
  void errorsAsDynamoDb() {
    String nwf = "Statement wasn't well formed, can't be processed: ";
    assertEquals(nwf + "Expected data manipulation", stmtFails("SLECT * FROM hash WHERE pk = 'a'").getMessage());
    assertEquals(nwf + "Unexpected token after expression", stmtFails("SELECT * FROM hash WHERE pk = 'a' foo").getMessage());
    assertEquals(nwf + "Unexpected token after expression", stmtFails("SELECT * FROM hash WHERE pk = 1)").getMessage());
    assertEquals(nwf + "Unexpected term", stmtFails("SELECT * FROM hash WHERE").getMessage());
    assertEquals(nwf + "Unexpected term", stmtFails("SELECT * FROM").getMessage());
    assertEquals(nwf + "Unexpected keyword", stmtFails("SELECT * FROM hash WHERE ORDER BY pk").getMessage());
    assertEquals(nwf + "Unexpected operator", stmtFails("SELECT * FROM hash WHERE IS NULL").getMessage());
    assertEquals(nwf + "Missing right-hand side expression of infix operator",
        stmtFails("SELECT * FROM hash WHERE pk = 'p1' AND").getMessage());
    assertEquals(nwf + "Expected identifier for simple path", stmtFails("DELETE FROM;").getMessage());
    assertEquals(nwf, stmtFails("SELECT * FROM hash WHERE pk = 1 # note").getMessage());
    assertEquals(nwf + "Expected type name", stmtFails("SELECT * FROM hash WHERE pk = 'a' AND x IS FOO").getMessage());
    // any expression parses as a statement, and a type test is then refused as such (partiqlGrammar, captured)
    for (String type : List.of("INT4", "INT8", "DOUBLE PRECISION", "CHARACTER VARYING")) {
      assertEquals("Unsupported operation: IsType", stmtFails("x IS " + type).getMessage());
    }
    assertEquals("Unsupported operation: IsType", stmtFails("SELECT * FROM hash WHERE pk = 'a' AND x IS INT4").getMessage());
    assertEquals("Aliasing is not supported", stmtFails("SELECT * FROM hash t WHERE pk = 'x'").getMessage());
    // an INSERT's attribute value is "root", its map keys and list indexes follow (partiqlGrammar, captured)
    String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range under ";
    for (String[] c : new String[][] {{"root", "INSERT INTO hash VALUE {'pk': 'n', 'x': 1e126}"},
        {"root.x", "INSERT INTO hash VALUE {'pk': 'n', 'm': {'x': 1e126}}"},
        {"root[1]", "INSERT INTO hash VALUE {'pk': 'n', 'l': [1, 1e126]}"},
        {"root", "UPDATE hash SET a = 1e126 WHERE pk = 'n'"}}) {
      assertEquals(overflow + c[0], stmtFails(c[1]).getMessage(), c[1]);
    }
    assertEquals("FROM clause may only contain a single table name",
        stmtFails("INSERT INTO \"hash\".\"idx\" VALUE {'pk': 'q'}").getMessage());
    assertEquals("This operation is not supported on an index",
        stmtFails("DELETE FROM \"hash\".\"idx\" WHERE pk = 'q'").getMessage());
    assertEquals("A path may contain at most 2 components in the FROM clause",
        stmtFails("SELECT * FROM \"hash\".\"a\".\"b\" WHERE pk = 'x'").getMessage());
    ApiException nf = stmtFails("SELECT * FROM nope WHERE pk = 'x'");
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, nf.code());
    assertEquals("Requested resource not found", nf.getMessage());
    assertTrue(stmtFails("x".repeat(8193)).getMessage().contains("Member must have length less than or equal to 8192"));
  }
}
