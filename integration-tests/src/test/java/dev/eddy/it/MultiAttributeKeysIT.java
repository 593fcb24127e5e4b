package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eddy.server.EddyServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A GSI keyed on several attributes (two HASH, three RANGE) through the real server and the Java
 * SDK: created and described, written, queried in order, paged, and refused by PartiQL.
 */
class MultiAttributeKeysIT {
  private static EddyServer server;
  private static DynamoDbClient ddb;

  @BeforeAll
  static void start() {
    server = SdkClients.startInMemory();
    ddb = SdkClients.dynamo(server.endpoint());
    ddb.createTable(b -> b.tableName("matches").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("matchId", KeyType.HASH))
        .attributeDefinitions(def("matchId", ScalarAttributeType.S), def("tournament", ScalarAttributeType.S),
            def("area", ScalarAttributeType.S), def("round", ScalarAttributeType.N),
            def("bracket", ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("byTournament")
            .keySchema(key("tournament", KeyType.HASH), key("area", KeyType.HASH), key("round", KeyType.RANGE),
                key("bracket", KeyType.RANGE), key("matchId", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
    String[][] matches = {
        {"m1", "W24", "NA", "2", "UPPER"}, {"m2", "W24", "NA", "1", "UPPER"}, {"m3", "W24", "NA", "10", "LOWER"},
        {"m4", "W24", "NA", "2", "LOWER"}, {"m5", "W24", "EU", "1", "UPPER"}, {"m6", "S25", "NA", "1", "UPPER"}};
    for (String[] m : matches) {
      ddb.putItem(b -> b.tableName("matches").item(Map.of("matchId", s(m[0]), "tournament", s(m[1]), "area", s(m[2]),
          "round", AttributeValue.fromN(m[3]), "bracket", s(m[4]))));
    }
    // no bracket: not in the index
    ddb.putItem(b -> b.tableName("matches").item(Map.of("matchId", s("m7"), "tournament", s("W24"), "area", s("NA"),
        "round", AttributeValue.fromN("3"))));
  }

  @AfterAll
  static void stop() {
    ddb.close();
    server.close();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition def(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static QueryRequest.Builder query(String condition, Map<String, AttributeValue> values) {
    return QueryRequest.builder().tableName("matches").indexName("byTournament").keyConditionExpression(condition)
        .expressionAttributeValues(values);
  }

  private static List<String> ids(QueryResponse r) {
    List<String> out = new ArrayList<>();
    r.items().forEach(i -> out.add(i.get("matchId").s()));
    return out;
  }

  @Test
  void describedAsCreated() {
    List<KeySchemaElement> ks = ddb.describeTable(b -> b.tableName("matches")).table().globalSecondaryIndexes().get(0)
        .keySchema();
    assertEquals(List.of(key("tournament", KeyType.HASH), key("area", KeyType.HASH), key("round", KeyType.RANGE),
        key("bracket", KeyType.RANGE), key("matchId", KeyType.RANGE)), ks);
    assertEquals(6L, ddb.describeTable(b -> b.tableName("matches")).table().globalSecondaryIndexes().get(0).itemCount());
  }

  @Test
  void queriesOrderBySortAttributesInTurn() {
    Map<String, AttributeValue> partition = Map.of(":t", s("W24"), ":r", s("NA"));
    // round is a number: 1, 2, 2, 10; then bracket, then matchId
    assertEquals(List.of("m2", "m4", "m1", "m3"), ids(ddb.query(query("tournament = :t AND area = :r", partition)
        .build())));
    assertEquals(List.of("m3", "m1", "m4", "m2"), ids(ddb.query(query("area = :r AND tournament = :t", partition)
        .scanIndexForward(false).build())));
    Map<String, AttributeValue> values = new java.util.HashMap<>(partition);
    values.put(":round", AttributeValue.fromN("2"));
    values.put(":b", s("UP"));
    assertEquals(List.of("m1"), ids(ddb.query(query("tournament = :t AND area = :r AND round = :round AND"
        + " begins_with(bracket, :b)", values).build())));
  }

  @Test
  void pagesResumeFromLastEvaluatedKey() {
    Map<String, AttributeValue> partition = Map.of(":t", s("W24"), ":r", s("NA"));
    List<String> seen = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse r = ddb.query(query("tournament = :t AND area = :r", partition).limit(3).exclusiveStartKey(start)
          .build());
      seen.addAll(ids(r));
      start = r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null;
      if (start != null) {
        assertEquals(java.util.Set.of("matchId", "tournament", "area", "round", "bracket"), start.keySet());
      }
    } while (start != null);
    assertEquals(List.of("m2", "m4", "m1", "m3"), seen);
  }

  @Test
  void refusalsCarryDynamoDbsTexts() {
    Map<String, AttributeValue> values = Map.of(":t", s("W24"), ":r", s("NA"), ":b", s("UPPER"));
    DynamoDbException gap = assertThrows(DynamoDbException.class,
        () -> ddb.query(query("tournament = :t AND area = :r AND bracket = :b", values).build()));
    assertEquals("RANGE key attributes round must have equality conditions specified in the query because a condition"
        + " is present on key attribute bracket", gap.awsErrorDetails().errorMessage());
    assertEquals("ValidationException", gap.awsErrorDetails().errorCode());
    DynamoDbException partiql = assertThrows(DynamoDbException.class, () -> ddb.executeStatement(b -> b.statement(
        "SELECT * FROM \"matches\".\"byTournament\" WHERE tournament = 'W24' AND area = 'NA'")));
    assertEquals("PartiQL statements cannot be executed on tables with multi-attribute HASH keys or multi-attribute"
        + " RANGE keys.", partiql.awsErrorDetails().errorMessage());
    DynamoDbException five = assertThrows(DynamoDbException.class, () -> ddb.createTable(b -> b.tableName("five")
        .billingMode(BillingMode.PAY_PER_REQUEST).keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("a", ScalarAttributeType.S),
            def("b", ScalarAttributeType.S), def("c", ScalarAttributeType.S), def("d", ScalarAttributeType.S),
            def("e", ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("five").projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
            .keySchema(key("a", KeyType.HASH), key("b", KeyType.HASH), key("c", KeyType.HASH), key("d", KeyType.HASH),
                key("e", KeyType.HASH)))));
    assertEquals("One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of HASH"
        + " key attributes", five.awsErrorDetails().errorMessage());
  }
}
