package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.server.EddyServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * DynamoDB vector search through the real server. The Java SDK this build pins predates the
 * feature, so the vector members and SearchVectors go as raw JSON over HTTP, while the items are
 * written by the SDK: what the SDK writes is what the index finds.
 */
class VectorSearchIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EddyServer server;
  private static DynamoDbClient ddb;
  private static RawHttp http;

  @BeforeAll
  static void start() throws Exception {
    server = SdkClients.startInMemory();
    ddb = SdkClients.dynamo(server.endpoint());
    http = new RawHttp(server.port());
    JsonNode created = call("CreateTable", """
        {"TableName":"docs","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST",
         "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"tenant","AttributeType":"S"}],
         "VectorIndexes":[{"IndexName":"byMeaning","VectorAttribute":{"AttributeName":"embedding"},"Dimensions":3,
           "DistanceFunction":"COSINE","Projection":{"ProjectionType":"ALL"},
           "SearchSchema":[{"AttributeName":"tenant","SearchSchemaElementType":"HASH"}]}]}""");
    assertEquals("byMeaning", created.at("/TableDescription/VectorIndexes/0/IndexName").asText());
    put("a", "t1", 1, 0, 0);
    put("b", "t1", 0, 1, 0);
    put("c", "t1", -1, 0, 0);
    put("d", "t1", 0.6, 0.8, 0);
    put("e", "t2", 1, 0, 0);
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
    ddb.close();
    server.close();
  }

  private static void put(String pk, String tenant, double x, double y, double z) {
    ddb.putItem(b -> b.tableName("docs").item(Map.of("pk", AttributeValue.fromS(pk), "tenant", AttributeValue.fromS(tenant),
        "embedding", AttributeValue.fromL(List.of(n(x), n(y), n(z))))));
  }

  private static AttributeValue n(double v) {
    return AttributeValue.fromN(Double.toString(v));
  }

  private static JsonNode call(String operation, String body) throws Exception {
    RawHttp.Response r = http.exchange(RawHttp.post("DynamoDB_20120810." + operation, body));
    JsonNode json = JSON.readTree(r.text());
    assertEquals(200, r.status(), r.text());
    return json;
  }

  private static JsonNode error(String operation, String body) throws Exception {
    RawHttp.Response r = http.exchange(RawHttp.post("DynamoDB_20120810." + operation, body));
    assertEquals(400, r.status(), r.text());
    return JSON.readTree(r.text());
  }

  private static String search(String tenant, String vector, int topK) {
    return "{\"TableName\":\"docs\",\"IndexName\":\"byMeaning\",\"SearchVector\":" + vector + ",\"TopK\":" + topK
        + ",\"SearchConditionExpression\":\"tenant = :t\",\"ExpressionAttributeValues\":{\":t\":{\"S\":\"" + tenant
        + "\"}},\"ReturnConsumedCapacity\":\"TOTAL\"}";
  }

  @Test
  void searchRanksTheTenantsItemsByCosineDistance() throws Exception {
    JsonNode r = call("SearchVectors", search("t1", "[{\"N\":\"1\"},{\"N\":\"0\"},{\"N\":\"0\"}]", 3));
    JsonNode results = r.get("SearchResults");
    assertEquals(3, results.size());
    assertEquals("a", results.at("/0/Item/pk/S").asText());
    assertEquals(0.0, results.at("/0/Score").asDouble(), 1e-6);
    assertEquals("d", results.at("/1/Item/pk/S").asText());
    assertEquals(0.4, results.at("/1/Score").asDouble(), 1e-6);
    assertEquals("b", results.at("/2/Item/pk/S").asText());
    assertFalse(results.at("/0/Item").has("embedding"), "the vector is left out unless projected");
    assertTrue(r.at("/ConsumedCapacity/VectorSearchRequestBytes").asDouble() > 0);
    assertEquals("e", call("SearchVectors", search("t2", "[{\"N\":\"0\"},{\"N\":\"1\"},{\"N\":\"0\"}]", 5))
        .at("/SearchResults/0/Item/pk/S").asText());
    assertEquals("ACTIVE", call("DescribeTable", "{\"TableName\":\"docs\"}").at("/Table/VectorIndexes/0/IndexStatus")
        .asText());
  }

  @Test
  void writesAndSearchesAreCheckedWithDynamoDbsTexts() throws Exception {
    DynamoDbException e = assertThrows(DynamoDbException.class, () -> ddb.putItem(b -> b.tableName("docs")
        .item(Map.of("pk", AttributeValue.fromS("x"), "embedding", AttributeValue.fromL(List.of(n(1), n(2)))))));
    assertEquals("One or more parameter values were invalid. Invalid size for parameter embedding, Expected: 3,"
        + " Actual: 2 IndexName: byMeaning", e.awsErrorDetails().errorMessage());
    JsonNode wrongSize = error("SearchVectors", search("t1", "[{\"N\":\"1\"},{\"N\":\"0\"}]", 3));
    assertEquals("com.amazon.coral.validate#ValidationException", wrongSize.get("__type").asText());
    assertEquals("Input search vector dimension 2 does not match vector index dimension 3",
        wrongSize.get("message").asText());
    assertEquals("Provided TopK value '101' is out of valid range. The value must be between 1 and 100 inclusive",
        error("SearchVectors", search("t1", "[{\"N\":\"1\"},{\"N\":\"0\"},{\"N\":\"0\"}]", 101)).get("message").asText());
  }

  @Test
  void sdkWritesReportVectorWriteBytesUnderIndexes() throws Exception {
    // the SDK drops the VectorIndexes member it does not know; the wire carries it
    assertEquals(1.0, ddb.putItem(b -> b.tableName("docs").returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
        .item(Map.of("pk", AttributeValue.fromS("f"), "tenant", AttributeValue.fromS("t3"),
            "embedding", AttributeValue.fromL(List.of(n(0), n(0), n(1)))))).consumedCapacity().capacityUnits());
    JsonNode raw = call("PutItem", "{\"TableName\":\"docs\",\"ReturnConsumedCapacity\":\"INDEXES\",\"Item\":{\"pk\":"
        + "{\"S\":\"g\"},\"tenant\":{\"S\":\"t3\"},\"embedding\":{\"L\":[{\"N\":\"0\"},{\"N\":\"1\"},{\"N\":\"1\"}]}}}");
    assertEquals(1024.0, raw.at("/ConsumedCapacity/VectorIndexes/byMeaning/VectorWriteRequestBytes").asDouble());
  }
}
