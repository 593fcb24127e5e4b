package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB vector search: vector indexes on CreateTable and UpdateTable, SearchVectors, and the
 * checks writes get. Expected scores, orders and texts are those a third-party suite recorded on
 * DynamoDB in 2026. The clock stands still, so the lifecycle phases move only when advanced.
 */
class VectorSearchTest {
  private final MiscOpsFixture t = new MiscOpsFixture(Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));

  @AfterEach
  void close() {
    t.close();
  }

  private static String vix(String name, String attr, int dims, String distance, String extra) {
    return "{'IndexName':'" + name + "','VectorAttribute':{'AttributeName':'" + attr + "'},'Dimensions':" + dims
        + ",'DistanceFunction':'" + distance + "','Projection':{'ProjectionType':'ALL'}" + extra + "}";
  }

  private String create(String table, String defs, String indexes) {
    return "{'TableName':'" + table + "','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}" + defs
        + "],'VectorIndexes':[" + indexes + "]}";
  }

  private String fail(String op, String json) {
    return t.fail(op, json).getMessage();
  }

  private void put(String table, String pk, String vector, String extra) {
    t.call("PutItem", "{'TableName':'" + table + "','Item':{'pk':{'S':'" + pk + "'},'embedding':{'L':[" + vector + "]}"
        + extra + "}}");
  }

  private static String vec(String... numbers) {
    List<String> out = new ArrayList<>();
    for (String n : numbers) {
      out.add("{'N':'" + n + "'}");
    }
    return String.join(",", out);
  }

  /** Table vt with cos, euc and dot indexes on 3-dimension 'embedding' and the suite's four items. */
  private void fixture() {
    t.call("CreateTable", create("vtab", "", vix("cos", "embedding", 3, "COSINE", "") + ","
        + vix("euc", "embedding", 3, "EUCLIDEAN", "") + "," + vix("dot", "embedding", 3, "DOT_PRODUCT", "")));
    put("vtab", "a", vec("1", "0", "0"), ",'label':{'S':'same'}");
    put("vtab", "b", vec("0", "1", "0"), "");
    put("vtab", "c", vec("-1", "0", "0"), "");
    put("vtab", "d", vec("0.6", "0.8", "0"), "");
  }

  private JsonNode search(String table, String index, String vector, int topK, String extra) {
    return t.call("SearchVectors", "{'TableName':'" + table + "','IndexName':'" + index + "','SearchVector':[" + vector
        + "],'TopK':" + topK + extra + "}");
  }

  /** The results' keys and scores, as "a=0 d=0.4 ..."; scores within a 32-bit float's precision. */
  private static void assertScores(String expected, JsonNode response) {
    String[] want = expected.split(" ");
    JsonNode results = response.get("SearchResults");
    assertEquals(want.length, results.size(), response.toString());
    for (int i = 0; i < want.length; i++) {
      String[] kv = want[i].split("=");
      assertEquals(kv[0], results.get(i).at("/Item/pk/S").asText(), response.toString());
      assertEquals(Double.parseDouble(kv[1]), results.get(i).get("Score").asDouble(), 1e-6, response.toString());
    }
  }

  @Test
  void tablesDescribeTheirVectorIndexes() {
    ObjectNode created = t.call("CreateTable", create("vtab", ",{'AttributeName':'tenant','AttributeType':'S'}",
        vix("vix", "embedding", 4096, "COSINE", ",'SearchSchema':[{'AttributeName':'tenant',"
            + "'SearchSchemaElementType':'HASH'}]")));
    assertEquals("CREATING", created.at("/TableDescription/VectorIndexes/0/IndexStatus").asText());
    JsonNode d = t.call("DescribeTable", "{'TableName':'vtab'}").get("Table");
    JsonNode i = d.at("/VectorIndexes/0");
    assertEquals("ACTIVE", d.get("TableStatus").asText());
    assertEquals("ACTIVE", i.get("IndexStatus").asText());
    assertFalse(i.has("Backfilling"));
    assertEquals(4096, i.get("Dimensions").asInt());
    assertEquals("embedding", i.at("/VectorAttribute/AttributeName").asText());
    assertEquals("[{\"AttributeName\":\"tenant\",\"SearchSchemaElementType\":\"HASH\"}]", i.get("SearchSchema").toString());
    assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/vtab/index/vix", i.get("IndexArn").asText());
    assertEquals(0, i.get("ItemCount").asInt());
    assertFalse(i.has("_CreatedMillis"));
    assertEquals(2, d.get("AttributeDefinitions").size(), "the vector attribute is not an attribute definition");
  }

  @Test
  void createTableRefusesWhatDynamoDbRefuses() {
    String p = "One or more parameter values were invalid: ";
    assertEquals(p + "Vector indexes are only supported for PAY_PER_REQUEST tables", fail("CreateTable",
        create("vtab", "", vix("vix", "embedding", 3, "COSINE", "")).replace("'BillingMode':'PAY_PER_REQUEST'",
            "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}")));
    List<String> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(vix("vix" + i, "embedding", 3, "COSINE", ""));
    }
    assertEquals(p + "VectorIndex count exceeds the per-table limit of 5", fail("CreateTable",
        create("vtab", "", String.join(",", six))));
    assertEquals(p + "Number of dimensions must be between 1 and 4096 inclusive.", fail("CreateTable",
        create("vtab", "", vix("vix", "embedding", 4097, "COSINE", ""))));
    assertEquals("1 validation error detected: Value '0' at 'vectorIndexes.1.member.dimensions' failed to satisfy"
        + " constraint: Member must have value greater than or equal to 1", fail("CreateTable",
        create("vtab", "", vix("vix", "embedding", 0, "COSINE", ""))));
    assertEquals(p + "One element in SearchSchema is not defined in attribute definitions", fail("CreateTable",
        create("vtab", "", vix("vix", "embedding", 3, "COSINE", ",'SearchSchema':[{'AttributeName':'tenant',"
            + "'SearchSchemaElementType':'HASH'}]"))));
    assertEquals(p + "Conflicting attribute definition for 'embedding'. All VectorIndexes on the same vector attribute"
        + " must use the same dimensions.", fail("CreateTable", create("vtab", "", vix("one", "embedding", 3, "COSINE", "")
        + "," + vix("two", "embedding", 4, "COSINE", ""))));
    assertEquals(p + "Conflicting attribute definition for 'embedding'. An attribute cannot be defined in"
        + " AttributeDefinitions when used as a VectorAttribute.", fail("CreateTable",
        create("vtab", ",{'AttributeName':'embedding','AttributeType':'S'}", vix("vix", "embedding", 3, "COSINE", ""))));
  }

  @Test
  void scoresFollowTheDistanceFunction() {
    fixture();
    String q = vec("1", "0", "0");
    assertScores("a=0 d=0.4 b=1 c=2", search("vtab", "cos", q, 10, ""));
    assertScores("a=0 d=" + Math.sqrt(0.8) + " b=" + Math.sqrt(2) + " c=2", search("vtab", "euc", q, 10, ""));
    assertScores("a=1 d=0.6 b=0 c=-1", search("vtab", "dot", q, 10, ""));
    assertScores("a=0", search("vtab", "cos", q, 1, ""));
    JsonNode r = search("vtab", "cos", q, 100, "");
    assertEquals(4, r.get("SearchResults").size());
    assertFalse(r.has("LastEvaluatedKey"));
    // the vector is left out unless projected, and then comes from the index's 32-bit copy
    assertEquals("{\"pk\":{\"S\":\"a\"},\"label\":{\"S\":\"same\"}}", r.at("/SearchResults/0/Item").toString());
    JsonNode projected = search("vtab", "cos", vec("0.6", "0.8", "0"), 1, ",'ProjectionExpression':'pk, embedding'");
    assertEquals("{\"pk\":{\"S\":\"d\"},\"embedding\":{\"L\":[{\"N\":\"0.6\"},{\"N\":\"0.8\"},{\"N\":\"0\"}]}}",
        projected.at("/SearchResults/0/Item").toString());
    put("vtab", "p", vec("0.1", "16777217", "1"), "");
    JsonNode precise = t.call("GetItem", "{'TableName':'vtab','Key':{'pk':{'S':'p'}}}");
    assertEquals("16777217", precise.at("/Item/embedding/L/1/N").asText());
    JsonNode f32 = search("vtab", "dot", vec("0", "1", "0"), 1, ",'ProjectionExpression':'embedding'");
    assertEquals("16777216", f32.at("/SearchResults/0/Item/embedding/L/1/N").asText());
    JsonNode capacity = search("vtab", "cos", q, 1, ",'ReturnConsumedCapacity':'TOTAL'").get("ConsumedCapacity");
    assertTrue(capacity.get("VectorSearchRequestBytes").asDouble() > 0);
    assertFalse(capacity.has("CapacityUnits"));
    assertFalse(search("vtab", "cos", q, 1, ",'ReturnConsumedCapacity':'NONE'").has("ConsumedCapacity"));
  }

  @Test
  void searchRefusesWhatDynamoDbRefuses() {
    fixture();
    String q = vec("1", "0", "0");
    assertEquals("Provided TopK value '101' is out of valid range. The value must be between 1 and 100 inclusive",
        fail("SearchVectors", "{'TableName':'vtab','IndexName':'cos','SearchVector':[" + q + "],'TopK':101}"));
    assertTrue(fail("SearchVectors", "{'TableName':'vtab','IndexName':'cos','SearchVector':[" + q + "],'TopK':0}")
        .endsWith("Member must have value greater than or equal to 1"));
    assertEquals("The table does not have the specified index: nope",
        fail("SearchVectors", "{'TableName':'vtab','IndexName':'nope','SearchVector':[" + q + "],'TopK':1}"));
    assertEquals("Input search vector dimension 2 does not match vector index dimension 3",
        fail("SearchVectors", "{'TableName':'vtab','IndexName':'cos','SearchVector':[" + vec("1", "0") + "],'TopK':1}"));
    assertEquals("Search vector contains invalid values. All values in the search vector must be a 32-bit"
        + " floating-point number attribute", fail("SearchVectors", "{'TableName':'vtab','IndexName':'cos',"
        + "'SearchVector':[{'L':[" + q + "]}],'TopK':1}"));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, t.fail("SearchVectors", "{'TableName':'nosuch','IndexName':'cos',"
        + "'SearchVector':[" + q + "],'TopK':1}").code());
    assertTrue(fail("SearchVectors", "{'IndexName':'cos','SearchVector':[" + q + "],'TopK':1}")
        .startsWith("missing field `TableName` at line 1 column "));
    assertEquals(ErrorCode.SERIALIZATION, t.fail("SearchVectors", "{'TableName':null,'IndexName':'cos',"
        + "'SearchVector':[" + q + "],'TopK':1}").code());
    assertEquals("Scan operation not supported on this index type", t.fail("ExecuteStatement",
        "{'Statement':'SELECT * FROM \\\"vtab\\\".\\\"cos\\\"'}").getMessage());
  }

  @Test
  void searchConditionsAreEqualitiesOnTheSearchSchema() {
    t.call("CreateTable", create("vsch", ",{'AttributeName':'tenant','AttributeType':'S'},{'AttributeName':'kind',"
        + "'AttributeType':'N'}", vix("schema", "embedding", 3, "EUCLIDEAN", ",'SearchSchema':[{'AttributeName':"
        + "'tenant','SearchSchemaElementType':'HASH'},{'AttributeName':'kind','SearchSchemaElementType':"
        + "'INLINE_FILTER'}]") + "," + vix("plain", "embedding", 3, "EUCLIDEAN", "")));
    put("vsch", "a", vec("1", "0", "0"), ",'tenant':{'S':'t1'},'kind':{'N':'1'}");
    put("vsch", "b", vec("0", "1", "0"), ",'tenant':{'S':'t1'},'kind':{'N':'2'}");
    put("vsch", "c", vec("1", "0", "0"), ",'tenant':{'S':'t2'},'kind':{'N':'1'}");
    put("vsch", "d", vec("1", "0", "0"), ""); // no tenant: in 'plain' only
    String q = vec("1", "0", "0");
    String search = "{'TableName':'vsch','IndexName':'schema','SearchVector':[" + q + "],'TopK':10";
    assertEquals("SearchConditionExpression must be provided when SearchSchema has a HASH key",
        fail("SearchVectors", search + "}"));
    assertEquals(List.of("a", "b"), pks(t.call("SearchVectors", search + ",'SearchConditionExpression':'tenant = :t',"
        + "'ExpressionAttributeValues':{':t':{'S':'t1'}}}")));
    assertEquals(List.of("a"), pks(t.call("SearchVectors", search + ",'SearchConditionExpression':"
        + "'tenant = :t AND kind = :k','ExpressionAttributeValues':{':t':{'S':'t1'},':k':{'N':'1.0'}}}")));
    assertEquals(4, pks(search("vsch", "plain", q, 10, "")).size());
    assertEquals("Invalid SearchConditionExpression: Invalid comparator used in SearchConditionExpression",
        fail("SearchVectors", search + ",'SearchConditionExpression':'tenant = :t AND kind > :k',"
            + "'ExpressionAttributeValues':{':t':{'S':'t1'},':k':{'N':'1'}}}"));
    assertEquals("SearchConditionExpression must not contain any attributes that is not in SearchSchema. Invalid"
        + " attribute: shade", fail("SearchVectors", search + ",'SearchConditionExpression':'tenant = :t AND shade = :k',"
        + "'ExpressionAttributeValues':{':t':{'S':'t1'},':k':{'N':'1'}}}"));
    assertEquals("Type of 'tenant' attribute in SearchConditionExpression (N) does not match type in search schema (S)",
        fail("SearchVectors", search + ",'SearchConditionExpression':'tenant = :t','ExpressionAttributeValues':"
            + "{':t':{'N':'1'}}}"));
  }

  private static List<String> pks(JsonNode response) {
    List<String> out = new ArrayList<>();
    response.get("SearchResults").forEach(r -> out.add(r.at("/Item/pk/S").asText()));
    return out;
  }

  @Test
  void writesAreCheckedAgainstEveryVectorIndex() {
    t.call("CreateTable", create("vwri", ",{'AttributeName':'tenant','AttributeType':'S'}",
        vix("plain", "embedding", 3, "COSINE", "") + "," + vix("schema", "embedding", 3, "COSINE",
            ",'SearchSchema':[{'AttributeName':'tenant','SearchSchemaElementType':'HASH'}]")));
    String p = "One or more parameter values were invalid. ";
    assertEquals(p + "Invalid size for parameter embedding, Expected: 3, Actual: 2 IndexName: plain",
        fail("PutItem", "{'TableName':'vwri','Item':{'pk':{'S':'x'},'embedding':{'L':[" + vec("1", "2") + "]}}}"));
    assertEquals(p + "Invalid type for parameter embedding[1], Expected: 32-bit floating point number, Actual: S."
        + " IndexName: plain", fail("PutItem", "{'TableName':'vwri','Item':{'pk':{'S':'x'},'embedding':{'L':"
        + "[{'N':'1'},{'S':'2'},{'N':'3'}]}}}"));
    assertEquals(p + "Invalid type for parameter embedding, Expected: 32-bit floating point number list IndexName:"
        + " plain", fail("PutItem", "{'TableName':'vwri','Item':{'pk':{'S':'x'},'embedding':{'S':'v'}}}"));
    assertEquals("One or more parameter values are not valid. A value specified for a secondary index key is not"
        + " supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: schema,"
        + " IndexKey: tenant", fail("PutItem", "{'TableName':'vwri','Item':{'pk':{'S':'x'},'tenant':{'S':''}}}"));
    assertEquals(ErrorCode.VALIDATION, t.fail("BatchWriteItem", "{'RequestItems':{'vwri':[{'PutRequest':{'Item':"
        + "{'pk':{'S':'x'},'embedding':{'L':[]}}}}]}}").code());
    assertEquals(null, t.call("GetItem", "{'TableName':'vwri','Key':{'pk':{'S':'x'}}}").get("Item"));
    put("vwri", "b", vec("1", "0", "0"), "");
    assertEquals(1, pks(search("vwri", "plain", vec("1", "0", "0"), 5, "")).size());
    t.call("UpdateItem", "{'TableName':'vwri','Key':{'pk':{'S':'b'}},'UpdateExpression':'REMOVE embedding'}");
    assertEquals(0, pks(search("vwri", "plain", vec("1", "0", "0"), 5, "")).size());
  }

  @Test
  void writesReportVectorWriteBytesForTheIndexesTheyChange() {
    t.call("CreateTable", create("vcap", "", vix("vix", "embedding", 3, "COSINE", "") + ","
        + "{'IndexName':'vkeys','VectorAttribute':{'AttributeName':'embedding'},'Dimensions':3,'DistanceFunction':"
        + "'COSINE','Projection':{'ProjectionType':'KEYS_ONLY'}}"));
    String item = "'pk':{'S':'a'},'embedding':{'L':[" + vec("1", "0", "0") + "]}";
    JsonNode first = t.call("PutItem", "{'TableName':'vcap','ReturnConsumedCapacity':'INDEXES','Item':{" + item + "}}")
        .get("ConsumedCapacity");
    assertEquals(1024.0, first.at("/VectorIndexes/vix/VectorWriteRequestBytes").asDouble());
    assertEquals(1.0, first.at("/Table/CapacityUnits").asDouble());
    // the same item again changes neither index; a projected note changes only the ALL one
    assertFalse(t.call("PutItem", "{'TableName':'vcap','ReturnConsumedCapacity':'INDEXES','Item':{" + item + "}}")
        .get("ConsumedCapacity").has("VectorIndexes"));
    JsonNode note = t.call("PutItem", "{'TableName':'vcap','ReturnConsumedCapacity':'INDEXES','Item':{" + item
        + ",'note':{'S':'n'}}}").get("ConsumedCapacity");
    assertTrue(note.at("/VectorIndexes").has("vix"));
    assertFalse(note.at("/VectorIndexes").has("vkeys"));
    assertFalse(t.call("PutItem", "{'TableName':'vcap','ReturnConsumedCapacity':'TOTAL','Item':{" + item + ",'x':"
        + "{'S':'y'}}}").get("ConsumedCapacity").has("VectorIndexes"));
    // an indexed vector is billed at 4 bytes a dimension: 38-digit numbers do not push a 1 KB item over
    String big = "9".repeat(38);
    String filler = "x".repeat(1024 - 2 - 1 - 9 - 12 - 3);
    JsonNode billed = t.call("PutItem", "{'TableName':'vcap','ReturnConsumedCapacity':'TOTAL','Item':{'pk':{'S':'b'},"
        + "'embedding':{'L':[" + vec(big, big, big) + "]},'f':{'S':'" + filler + "'}}}").get("ConsumedCapacity");
    assertEquals(1.0, billed.get("CapacityUnits").asDouble());
  }

  @Test
  void itemsWrittenBeforeTheIndexThatItCouldNotTakeAreLeftOut() {
    t.call("CreateTable", create("vold", "", vix("first", "other", 2, "COSINE", "")));
    put("vold", "ok", vec("1", "0", "0"), "");
    put("vold", "big", vec("1E+39", "0", "0"), ""); // beyond a float: a write with the index would be refused
    put("vold", "short", vec("1", "0"), "");
    put("vold", "text", "{'S':'x'},{'N':'1'},{'N':'1'}", "");
    t.call("UpdateTable", "{'TableName':'vold','VectorIndexUpdates':[{'Create':" + vix("later", "embedding", 3,
        "EUCLIDEAN", "") + "}]}");
    t.clock.advance(Duration.ofMillis(2_000));
    assertEquals(List.of("ok"), pks(search("vold", "later", vec("1", "0", "0"), 10, "")));
  }

  @Test
  void anIndexAddedByUpdateTableAllocatesThenBackfills() {
    t.call("CreateTable", create("vupd", "", vix("first", "embedding", 3, "COSINE", "")));
    put("vupd", "a", vec("1", "0", "0"), "");
    String add = "{'TableName':'vupd','VectorIndexUpdates':[{'Create':" + vix("later", "embedding", 3, "EUCLIDEAN", "")
        + "}]}";
    JsonNode updated = t.call("UpdateTable", add).get("TableDescription");
    assertEquals("UPDATING", updated.get("TableStatus").asText());
    JsonNode d = t.call("DescribeTable", "{'TableName':'vupd'}").get("Table");
    assertEquals("UPDATING", d.get("TableStatus").asText());
    assertEquals("CREATING", d.at("/VectorIndexes/1/IndexStatus").asText());
    assertFalse(d.at("/VectorIndexes/1/Backfilling").asBoolean(true));
    ApiException refused = t.fail("UpdateTable", "{'TableName':'vupd','VectorIndexUpdates':[{'Delete':{'IndexName':"
        + "'later'}}]}");
    assertEquals(ErrorCode.RESOURCE_IN_USE, refused.code());
    assertTrue(refused.getMessage().startsWith("Attempt to change a resource which is still in use: Index creation is"
        + " in resource allocation phase."));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, t.fail("UpdateTable", add.replace("later", "third")).code());
    assertEquals("The table does not have the specified index: later", fail("SearchVectors",
        "{'TableName':'vupd','IndexName':'later','SearchVector':[" + vec("1", "0", "0") + "],'TopK':1}"));
    assertEquals("Attempt to change a resource which is still in use: Cannot delete table while indexes are being"
        + " created, updated, or deleted.", fail("DeleteTable", "{'TableName':'vupd'}"));

    // a GSI counts as an online index action too, and may not take a vector index's name
    String gsi = "{'TableName':'vupd','AttributeDefinitions':[{'AttributeName':'g','AttributeType':'S'}],"
        + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'%s','KeySchema':[{'AttributeName':'g','KeyType':"
        + "'HASH'}],'Projection':{'ProjectionType':'ALL'}}}]}";
    assertEquals(ErrorCode.LIMIT_EXCEEDED, t.fail("UpdateTable", String.format(gsi, "byG")).code());

    t.clock.advance(Duration.ofMillis(1_000));
    d = t.call("DescribeTable", "{'TableName':'vupd'}").get("Table");
    assertEquals("ACTIVE", d.get("TableStatus").asText());
    assertEquals("CREATING", d.at("/VectorIndexes/1/IndexStatus").asText());
    assertTrue(d.at("/VectorIndexes/1/Backfilling").asBoolean());
    assertEquals("Cannot search backfilling vector index: later", fail("SearchVectors",
        "{'TableName':'vupd','IndexName':'later','SearchVector':[" + vec("1", "0", "0") + "],'TopK':1}"));

    t.clock.advance(Duration.ofMillis(1_000));
    d = t.call("DescribeTable", "{'TableName':'vupd'}").get("Table");
    assertEquals("ACTIVE", d.at("/VectorIndexes/1/IndexStatus").asText());
    assertFalse(d.at("/VectorIndexes/1").has("Backfilling"));
    assertEquals(1, pks(search("vupd", "later", vec("1", "0", "0"), 5, "")).size());
    assertEquals("One or more parameter values were invalid: Attempting to create an index which already exists",
        fail("UpdateTable", String.format(gsi, "later")));
    JsonNode deleted = t.call("UpdateTable", "{'TableName':'vupd','VectorIndexUpdates':[{'Delete':{'IndexName':"
        + "'later'}}]}").get("TableDescription");
    assertEquals("DELETING", deleted.at("/VectorIndexes/1/IndexStatus").asText());
    assertEquals(1, t.call("DescribeTable", "{'TableName':'vupd'}").at("/Table/VectorIndexes").size());
  }
}
