package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SELECT on a secondary index ("table"."index") as DynamoDB answers it: the index's projection,
 * a GSI's refusals, an LSI's fetch from the table, the filter rule and the capacity per index
 * (third-party suite: indexQualifier, partiqlIndexQualifier, executeStatementIndex, captured
 * against DynamoDB).
 */
class PartiQLIndexTest {
  private final MiscOpsFixture t = new MiscOpsFixture();

  @BeforeEach
  void data() {
    t.call("CreateTable", "{'TableName':'pix','BillingMode':'PAY_PER_REQUEST',"
        + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'S'},"
        + "{'AttributeName':'gsiPk','AttributeType':'S'},{'AttributeName':'gsiPk2','AttributeType':'S'},"
        + "{'AttributeName':'lsiSk','AttributeType':'S'},{'AttributeName':'lsiSk2','AttributeType':'S'}],"
        + "'GlobalSecondaryIndexes':["
        + "{'IndexName':'gsi-all','KeySchema':[{'AttributeName':'gsiPk','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}},"
        + "{'IndexName':'gsi-inc','KeySchema':[{'AttributeName':'gsiPk2','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['projattr']}},"
        + "{'IndexName':'gsi-keys','KeySchema':[{'AttributeName':'gsiPk2','KeyType':'HASH'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}],"
        + "'LocalSecondaryIndexes':["
        + "{'IndexName':'lsi-all','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'lsiSk','KeyType':'RANGE'}],"
        + "'Projection':{'ProjectionType':'ALL'}},"
        + "{'IndexName':'lsi-keys','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'lsiSk2','KeyType':'RANGE'}],"
        + "'Projection':{'ProjectionType':'KEYS_ONLY'}}]}");
    for (int i = 1; i <= 4; i++) {
      String index = i == 3 ? "" : ",'gsiPk':{'S':'" + (i == 2 ? "z" : "x") + "'},'gsiPk2':{'S':'y'},'lsiSk':{'S':'l" + i
          + "'},'lsiSk2':{'S':'k" + i + "'},'projattr':{'S':'proj" + i + "'}";
      t.call("PutItem", "{'TableName':'pix','Item':{'pk':{'S':'p'},'sk':{'S':'s" + i + "'},'nonproj':{'S':'np" + i + "'}"
          + index + "}}");
    }
    t.call("PutItem", "{'TableName':'pix','Item':{'pk':{'S':'q'},'sk':{'S':'s5'},'gsiPk2':{'S':'y2'},"
        + "'projattr':{'S':'proj5'},'nonproj':{'S':'np5'}}}");
  }

  @AfterEach
  void close() {
    t.close();
  }

  private ObjectNode select(String statement, Map<String, Object> extra) {
    ObjectNode req = Json.object();
    req.put("Statement", statement);
    req.put("ReturnConsumedCapacity", "INDEXES");
    extra.forEach((k, v) -> req.set(k, Json.mapper().valueToTree(v)));
    return OpsTestSupport.callJson(t.ops.get("ExecuteStatement"),
        new String(Json.toBytes(req), java.nio.charset.StandardCharsets.UTF_8));
  }

  private ObjectNode select(String statement) {
    return select(statement, Map.of());
  }

  private String refused(String statement, Map<String, Object> extra) {
    return assertThrows(ApiException.class, () -> select(statement, extra)).getMessage();
  }

  private static List<String> sortKeys(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.at("/sk/S").asText()));
    return out;
  }

  private static double arm(ObjectNode r, String path) {
    return r.at("/ConsumedCapacity" + path + "/CapacityUnits").asDouble(0);
  }

  @Test
  void projectionFollowsTheIndex() {
    ObjectNode keys = select("SELECT * FROM \"pix\".\"gsi-keys\" WHERE gsiPk2 = 'y'");
    assertEquals(3, keys.get("Items").size());
    keys.get("Items").forEach(i -> assertEquals("[gsiPk2, pk, sk]", new TreeSet<>(fieldNames(i)).toString()));
    assertEquals(0, arm(keys, "/Table"), "SELECT * reads the index alone");
    assertEquals(arm(keys, ""), arm(keys, "/GlobalSecondaryIndexes/gsi-keys"));

    assertEquals("One or more parameter values were invalid: Global secondary index gsi-inc does not project [nonproj, other]",
        refused("SELECT nonproj, projattr, other FROM \"pix\".\"gsi-inc\" WHERE gsiPk2 = 'y'", Map.of()));
    assertEquals("One or more parameter values were invalid: Global secondary index gsi-inc does not project [nonproj]",
        refused("SELECT nonproj FROM \"pix\".\"gsi-inc\"", Map.of()));

    // an LSI completes its entries with the table items, charged on the table for every row walked
    ObjectNode fetched = select("SELECT nonproj FROM \"pix\".\"lsi-keys\" WHERE pk = 'p'");
    assertEquals("[{\"nonproj\":{\"S\":\"np1\"}},{\"nonproj\":{\"S\":\"np2\"}},{\"nonproj\":{\"S\":\"np4\"}}]",
        fetched.get("Items").toString());
    assertTrue(arm(fetched, "/Table") > 0);
    assertTrue(arm(fetched, "/LocalSecondaryIndexes/lsi-keys") > 0);
    ObjectNode one = select("SELECT nonproj FROM \"pix\".\"lsi-keys\" WHERE pk = 'p'", Map.of("Limit", 1));
    assertEquals(1, one.get("Items").size());
    assertTrue(arm(one, "/Table") < arm(fetched, "/Table"));
    // (a condition on the table's sort key, which this index does not key on, filters what it walks)
    ObjectNode none = select("SELECT nonproj FROM \"pix\".\"lsi-keys\" WHERE pk = 'p' AND sk = 'nothing'");
    assertEquals(0, none.get("Items").size());
    assertEquals(arm(fetched, "/Table"), arm(none, "/Table"), "charged on the rows walked, not the rows kept");
    ObjectNode consistent = select("SELECT nonproj FROM \"pix\".\"lsi-keys\" WHERE pk = 'p'", Map.of("ConsistentRead", true));
    assertEquals(2 * arm(fetched, "/Table"), arm(consistent, "/Table"));
    assertEquals(0, arm(select("SELECT lsiSk2 FROM \"pix\".\"lsi-keys\" WHERE pk = 'p'"), "/Table"));
  }

  @Test
  void filtersOnAttributesTheIndexDoesNotHold() {
    String refusal = "One or more parameter values were invalid: Secondary index %s does not project one or more filter"
        + " attributes: [nonproj]";
    for (String where : List.of("gsiPk2 = 'y' AND nonproj = 'np1'", "gsiPk2 = 'y' AND nonproj IS MISSING",
        "gsiPk2 = 'y' AND begins_with(nonproj, 'np')", "gsiPk2 = 'y' AND NOT nonproj = 'np1'",
        "gsiPk2 IN ['y', 'z'] AND nonproj = 'np1'")) {
      assertEquals(String.format(refusal, "gsi-inc"), refused("SELECT pk FROM \"pix\".\"gsi-inc\" WHERE " + where, Map.of()));
    }
    assertEquals(String.format(refusal, "lsi-keys"),
        refused("SELECT pk FROM \"pix\".\"lsi-keys\" WHERE pk = 'p' AND nonproj = 'np1'", Map.of()));
    // unkeyed, the read scans the index, where the attribute is absent
    assertEquals(0, select("SELECT pk FROM \"pix\".\"gsi-inc\" WHERE nonproj = 'np1'").get("Items").size());
    assertEquals(0, select("SELECT pk FROM \"pix\".\"lsi-keys\" WHERE nonproj = 'np1'").get("Items").size());
    assertEquals(List.of("s1", "s2", "s4", "s5"),
        sortKeys(select("SELECT pk, sk FROM \"pix\".\"gsi-keys\" WHERE NOT nonproj = 'np1'").get("Items")).stream().sorted().toList());
    assertEquals(List.of("s5"), sortKeys(select("SELECT pk, sk FROM \"pix\".\"gsi-inc\" WHERE (gsiPk2 = 'y' AND nonproj = 'np1')"
        + " OR (gsiPk2 = 'y2')").get("Items")));
    assertEquals(1, select("SELECT pk FROM \"pix\".\"gsi-inc\" WHERE gsiPk2 = 'y' AND projattr = 'proj1'").get("Items").size());
  }

  @Test
  void consistencyAndCapacityPerIndex() {
    assertEquals("Strongly consistent read is not supported on Global Secondary Indexes",
        refused("SELECT pk FROM \"pix\".\"gsi-all\" WHERE gsiPk = 'x'", Map.of("ConsistentRead", true)));
    ObjectNode gsi = select("SELECT pk FROM \"pix\".\"gsi-all\" WHERE gsiPk = 'x'");
    assertEquals(0, arm(gsi, "/Table"));
    assertTrue(arm(gsi, "/GlobalSecondaryIndexes/gsi-all") > 0);
    assertEquals(arm(gsi, ""), arm(gsi, "/GlobalSecondaryIndexes/gsi-all"));
    ObjectNode lsi = select("SELECT pk FROM \"pix\".\"lsi-all\" WHERE pk = 'p'");
    ObjectNode lsiConsistent = select("SELECT pk FROM \"pix\".\"lsi-all\" WHERE pk = 'p'", Map.of("ConsistentRead", true));
    assertEquals(2 * arm(lsi, "/LocalSecondaryIndexes/lsi-all"), arm(lsiConsistent, "/LocalSecondaryIndexes/lsi-all"));
    assertEquals(2 * arm(lsi, ""), arm(lsiConsistent, ""));
    assertEquals(0.5, arm(select("SELECT * FROM \"pix\" WHERE pk = 'p' AND sk = 's1'"), "/Table"),
        "a read of one item by its key lands on the table");
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
