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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecondaryIndexTest {
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

  private ApiException error(String op, String json) {
    return assertThrows(ApiException.class, () -> call(op, json));
  }

  private String fail(String op, String json) {
    return error(op, json).getMessage();
  }

  private static final String KEYS = "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}]";

  /** Table tab (pk S, sk N) with gsi1 (g S, gs N, INCLUDE x), gsiAll (g S, ALL) and lsi1 (pk, l S, KEYS_ONLY). */
  private void createIndexedTable() {
    call("CreateTable", "{'TableName':'tab'," + KEYS + ",'BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':["
        + "{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'},"
        + "{'AttributeName':'g','AttributeType':'S'},{'AttributeName':'gs','AttributeType':'N'},"
        + "{'AttributeName':'l','AttributeType':'S'}],"
        + "'GlobalSecondaryIndexes':[{'IndexName':'gsi1','KeySchema':[{'AttributeName':'g','KeyType':'HASH'},"
        + "{'AttributeName':'gs','KeyType':'RANGE'}],'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['x']}},"
        + "{'IndexName':'gsiAll','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}],"
        + "'LocalSecondaryIndexes':[{'IndexName':'lsi1','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
        + "{'AttributeName':'l','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}]}");
  }

  private void put(String item) {
    call("PutItem", "{'TableName':'tab','Item':" + item + "}");
  }

  private JsonNode query(String index, String condition, String values, String extra) {
    return call("Query", "{'TableName':'tab','IndexName':'" + index + "','KeyConditionExpression':'" + condition
        + "','ExpressionAttributeValues':" + values + extra + "}");
  }

  private static List<String> values(JsonNode items, String attr, String type) {
    List<String> out = new ArrayList<>();
    for (JsonNode i : items) {
      out.add(i.path(attr).path(type).asText());
    }
    return out;
  }

  @Test
  void describeShowsIndexes() {
    createIndexedTable();
    put("{'pk':{'S':'a'},'sk':{'N':'1'},'g':{'S':'G'},'gs':{'N':'5'},'x':{'S':'xx'},'y':{'S':'yy'}}");
    JsonNode t = call("DescribeTable", "{'TableName':'tab'}").get("Table");
    JsonNode g = t.at("/GlobalSecondaryIndexes/0");
    assertEquals("gsi1", g.get("IndexName").asText());
    assertEquals("ACTIVE", g.get("IndexStatus").asText());
    assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/tab/index/gsi1", g.get("IndexArn").asText());
    assertEquals("[\"x\"]", g.at("/Projection/NonKeyAttributes").toString());
    assertEquals(1, g.get("ItemCount").asInt());
    assertTrue(g.get("IndexSizeBytes").asLong() > 0);
    assertEquals(0, g.at("/ProvisionedThroughput/ReadCapacityUnits").asInt());
    assertFalse(g.has("_IndexId"));
    assertFalse(t.has("_NextIndexId"));
    JsonNode l = t.at("/LocalSecondaryIndexes/0");
    assertEquals("lsi1", l.get("IndexName").asText());
    assertEquals(0, l.get("ItemCount").asInt()); // the item has no l: sparse
    assertFalse(l.has("IndexStatus"));
    assertEquals("CREATING", call("CreateTable", "{'TableName':'tab2','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
        + "{'AttributeName':'g','AttributeType':'S'}],'GlobalSecondaryIndexes':[{'IndexName':'gg1','KeySchema':"
        + "[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}]}")
        .at("/TableDescription/GlobalSecondaryIndexes/0/IndexStatus").asText());
  }

  @Test
  void indexesFollowPutsOverwritesAndDeletes() {
    createIndexedTable();
    put("{'pk':{'S':'a'},'sk':{'N':'1'},'g':{'S':'G'},'gs':{'N':'5'},'x':{'S':'x1'},'y':{'S':'y1'},'l':{'S':'b'}}");
    put("{'pk':{'S':'a'},'sk':{'N':'2'},'g':{'S':'G'},'gs':{'N':'3'},'x':{'S':'x2'},'l':{'S':'a'}}");
    put("{'pk':{'S':'b'},'sk':{'N':'1'},'g':{'S':'G'},'x':{'S':'x3'}}"); // no gs: not in gsi1, in gsiAll
    put("{'pk':{'S':'c'},'sk':{'N':'1'},'y':{'S':'only'}}"); // in no index
    JsonNode r = query("gsi1", "g = :g", "{':g':{'S':'G'}}", "");
    assertEquals(List.of("3", "5"), values(r.get("Items"), "gs", "N"));
    assertEquals("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"},\"g\":{\"S\":\"G\"},\"gs\":{\"N\":\"3\"},\"x\":{\"S\":\"x2\"}}",
        r.at("/Items/0").toString());
    assertFalse(r.at("/Items/1").has("y")); // INCLUDE projects x only
    assertEquals(3, query("gsiAll", "g = :g", "{':g':{'S':'G'}}", "").get("Count").asInt());
    r = query("lsi1", "pk = :p", "{':p':{'S':'a'}}", "");
    assertEquals(List.of("a", "b"), values(r.get("Items"), "l", "S"));
    assertFalse(r.at("/Items/0").has("x")); // KEYS_ONLY
    r = query("lsi1", "pk = :p", "{':p':{'S':'a'}}", ",'Select':'ALL_ATTRIBUTES'");
    assertEquals("x2", r.at("/Items/0/x/S").asText()); // fetched from the table
    r = query("lsi1", "pk = :p and l > :l", "{':p':{'S':'a'},':l':{'S':'a'}}", ",'ProjectionExpression':'y'");
    assertEquals("[{\"y\":{\"S\":\"y1\"}}]", r.get("Items").toString());

    // key change moves the entry; removing the key drops it; wrong type is refused
    put("{'pk':{'S':'a'},'sk':{'N':'1'},'g':{'S':'H'},'gs':{'N':'5'},'x':{'S':'x1'}}");
    assertEquals(List.of("3"), values(query("gsi1", "g = :g", "{':g':{'S':'G'}}", "").get("Items"), "gs", "N"));
    assertEquals(1, query("gsi1", "g = :g", "{':g':{'S':'H'}}", "").get("Count").asInt());
    assertEquals(List.of("a"), values(query("lsi1", "pk = :p", "{':p':{'S':'a'}}", "").get("Items"), "l", "S"));
    assertEquals("One or more parameter values were invalid: Type mismatch for Index Key gs Expected: N Actual: S IndexName: gsi1",
        fail("PutItem", "{'TableName':'tab','Item':{'pk':{'S':'a'},'sk':{'N':'9'},'g':{'S':'G'},'gs':{'S':'oops'}}}"));
    call("DeleteItem", "{'TableName':'tab','Key':{'pk':{'S':'a'},'sk':{'N':'2'}}}");
    assertEquals(0, query("gsi1", "g = :g", "{':g':{'S':'G'}}", "").get("Count").asInt());
    JsonNode t = call("DescribeTable", "{'TableName':'tab'}").get("Table");
    assertEquals(1, t.at("/GlobalSecondaryIndexes/0/ItemCount").asInt());
    assertEquals(2, t.at("/GlobalSecondaryIndexes/1/ItemCount").asInt());
    assertEquals(0, t.at("/LocalSecondaryIndexes/0/ItemCount").asInt());
  }

  @Test
  void indexPagingCarriesIndexAndTableKeys() {
    createIndexedTable();
    for (int i = 0; i < 10; i++) {
      put("{'pk':{'S':'p" + (i % 3) + "'},'sk':{'N':'" + i + "'},'g':{'S':'G'},'gs':{'N':'" + (i / 2) + "'}}");
    }
    for (boolean forward : List.of(true, false)) {
      List<String> seen = new ArrayList<>();
      String esk = "";
      while (true) {
        JsonNode r = query("gsi1", "g = :g", "{':g':{'S':'G'}}", ",'Limit':3,'ScanIndexForward':" + forward + esk);
        for (JsonNode i : r.get("Items")) {
          seen.add(i.at("/gs/N").asText() + "/" + i.at("/sk/N").asText());
        }
        if (!r.has("LastEvaluatedKey")) {
          break;
        }
        JsonNode lek = r.get("LastEvaluatedKey");
        assertEquals(4, lek.size(), lek.toString());
        assertTrue(lek.has("pk") && lek.has("sk") && lek.has("g") && lek.has("gs"));
        esk = ",'ExclusiveStartKey':" + lek;
      }
      assertEquals(10, seen.size(), seen.toString());
      assertEquals(10, seen.stream().distinct().count());
      List<String> sorted = new ArrayList<>(seen);
      sorted.sort((a, b) -> Integer.compare(Integer.parseInt(a.split("/")[0]), Integer.parseInt(b.split("/")[0])));
      if (!forward) {
        java.util.Collections.reverse(sorted);
      }
      for (int i = 0; i < 10; i++) {
        assertEquals(sorted.get(i).split("/")[0], seen.get(i).split("/")[0]);
      }
    }
    // Scan of an index, paged
    List<String> scanned = new ArrayList<>();
    String esk = "";
    while (true) {
      JsonNode r = call("Scan", "{'TableName':'tab','IndexName':'gsi1','Limit':4" + esk + "}");
      scanned.addAll(values(r.get("Items"), "sk", "N"));
      if (!r.has("LastEvaluatedKey")) {
        break;
      }
      esk = ",'ExclusiveStartKey':" + r.get("LastEvaluatedKey");
    }
    assertEquals(10, scanned.size());
    assertEquals("The provided starting key is invalid",
        fail("Query", "{'TableName':'tab','IndexName':'gsi1','KeyConditionExpression':'g = :g',"
            + "'ExpressionAttributeValues':{':g':{'S':'G'}},'ExclusiveStartKey':{'pk':{'S':'p0'},'sk':{'N':'1'}}}"));
  }

  @Test
  void indexQueryValidation() {
    createIndexedTable();
    assertEquals("Consistent reads are not supported on global secondary indexes",
        fail("Query", "{'TableName':'tab','IndexName':'gsi1','ConsistentRead':true,'KeyConditionExpression':'g = :g',"
            + "'ExpressionAttributeValues':{':g':{'S':'G'}}}"));
    assertEquals("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global"
        + " secondary index gsi1 because its projection type is not ALL",
        fail("Query", "{'TableName':'tab','IndexName':'gsi1','Select':'ALL_ATTRIBUTES','KeyConditionExpression':'g = :g',"
            + "'ExpressionAttributeValues':{':g':{'S':'G'}}}"));
    assertEquals("Query condition missed key schema element: g",
        fail("Query", "{'TableName':'tab','IndexName':'gsi1','KeyConditionExpression':'pk = :g',"
            + "'ExpressionAttributeValues':{':g':{'S':'G'}}}"));
    call("Query", "{'TableName':'tab','IndexName':'lsi1','ConsistentRead':true,'KeyConditionExpression':'pk = :g',"
        + "'ExpressionAttributeValues':{':g':{'S':'G'}},'ReturnConsumedCapacity':'INDEXES'}");
  }

  @Test
  void createTableIndexValidation() {
    String base = "{'TableName':'bad'," + KEYS + ",'BillingMode':'PAY_PER_REQUEST',";
    String defs = "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'},"
        + "{'AttributeName':'g','AttributeType':'S'}]";
    String gsi = "{'IndexName':'gsi1','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}";
    assertEquals("One or more parameter values were invalid: Some AttributeDefinitions are not used. AttributeDefinitions:"
        + " [pk, sk, g], keys used: [pk, sk]",
        fail("CreateTable", base + defs + ",'LocalSecondaryIndexes':[{'IndexName':'lsi1','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
            + "{'AttributeName':'sk','KeyType':'RANGE'}],'Projection':{'ProjectionType':'ALL'}}]}"));
    assertEquals("One or more parameter values were invalid: Duplicate index name: gsi1",
        fail("CreateTable", base + defs + ",'GlobalSecondaryIndexes':[" + gsi + "," + gsi + "]}"));
    assertEquals("One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as"
        + " table KeySchema for index: lsi1. index hash key: g, table hash key: pk",
        fail("CreateTable", base + defs + ",'LocalSecondaryIndexes':[{'IndexName':'lsi1','KeySchema':[{'AttributeName':'g','KeyType':'HASH'},"
            + "{'AttributeName':'sk','KeyType':'RANGE'}],'Projection':{'ProjectionType':'ALL'}}]}"));
    assertEquals("One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified",
        fail("CreateTable", base + defs + ",'GlobalSecondaryIndexes':[{'IndexName':'gsi1','KeySchema':[{'AttributeName':'g',"
            + "'KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL','NonKeyAttributes':['a']}}]}"));
    assertEquals("One or more parameter values were invalid: Some index key attributes are not defined in"
        + " AttributeDefinitions. Keys: [h], AttributeDefinitions: [pk, sk, g]",
        fail("CreateTable", base + defs + ",'GlobalSecondaryIndexes':[{'IndexName':'gsi1','KeySchema':[{'AttributeName':'h',"
            + "'KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}]}"));
    assertEquals("One or more parameter values were invalid: ProvisionedThroughput should not be specified for index:"
        + " gsi1 when BillingMode is PAY_PER_REQUEST",
        fail("CreateTable", base + defs + ",'GlobalSecondaryIndexes':[{'IndexName':'gsi1','KeySchema':[{'AttributeName':'g',"
            + "'KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'},'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}]}"));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",").append(gsi.replace("gsi1", "gsi" + (100 + i)));
    }
    assertEquals("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 20",
        fail("CreateTable", base + defs + ",'GlobalSecondaryIndexes':[" + many + "]}"));
    StringBuilder lsis = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      lsis.append(i == 0 ? "" : ",").append("{'IndexName':'lsi" + (10 + i) + "','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
          + "{'AttributeName':'g','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}");
    }
    assertEquals("One or more parameter values were invalid: LocalSecondaryIndex count exceeds the per-table limit of 5",
        fail("CreateTable", base + defs + ",'LocalSecondaryIndexes':[" + lsis + "]}"));
    assertTrue(fail("CreateTable", base + defs + ",'GlobalSecondaryIndexes':[{'IndexName':'g','KeySchema':[{'AttributeName':'g',"
        + "'KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}]}").contains("at 'globalSecondaryIndexes.1.member.indexName'"));
  }

  @Test
  void updateTableCreatesBackfillsAndDeletesGsi() throws Exception {
    call("CreateTable", "{'TableName':'tab'," + KEYS + ",'BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':["
        + "{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'}]}");
    for (int i = 0; i < 600; i++) {
      put("{'pk':{'S':'p" + (i % 7) + "'},'sk':{'N':'" + i + "'}" + (i % 3 == 0 ? "" : ",'c':{'S':'c" + (i % 5) + "'}") + "}");
    }
    // writes racing with the backfill must all be indexed
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      int i = 1000;
      while (!stop.get() && i < 1400) {
        put("{'pk':{'S':'w'},'sk':{'N':'" + i++ + "'},'c':{'S':'c9'}}");
      }
    });
    writer.start();
    JsonNode r = call("UpdateTable", "{'TableName':'tab','AttributeDefinitions':[{'AttributeName':'c','AttributeType':'S'},"
        + "{'AttributeName':'sk','AttributeType':'N'}],'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byC',"
        + "'KeySchema':[{'AttributeName':'c','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
        + "'Projection':{'ProjectionType':'KEYS_ONLY'}}}]}");
    JsonNode g = r.at("/TableDescription/GlobalSecondaryIndexes/0");
    assertEquals("CREATING", g.get("IndexStatus").asText());
    assertTrue(g.get("Backfilling").asBoolean());
    assertEquals("UPDATING", r.at("/TableDescription/TableStatus").asText());
    writer.join();
    engine.indexes().awaitBackfills();
    JsonNode t = call("DescribeTable", "{'TableName':'tab'}").get("Table");
    assertEquals("ACTIVE", t.at("/GlobalSecondaryIndexes/0/IndexStatus").asText());
    assertFalse(t.at("/GlobalSecondaryIndexes/0").has("Backfilling"));
    assertEquals(400 + 400, t.at("/GlobalSecondaryIndexes/0/ItemCount").asInt());
    assertEquals(3, t.get("AttributeDefinitions").size());
    int total = 0;
    for (int c = 0; c <= 9; c++) {
      String esk = "";
      while (true) {
        JsonNode q = call("Query", "{'TableName':'tab','IndexName':'byC','KeyConditionExpression':'c = :c',"
            + "'ExpressionAttributeValues':{':c':{'S':'c" + c + "'}}" + esk + "}");
        total += q.get("Count").asInt();
        if (!q.has("LastEvaluatedKey")) {
          break;
        }
        esk = ",'ExclusiveStartKey':" + q.get("LastEvaluatedKey");
      }
    }
    assertEquals(800, total);

    assertEquals("One or more parameter values were invalid: Attempting to create an index which already exists",
        fail("UpdateTable", "{'TableName':'tab','AttributeDefinitions':[{'AttributeName':'c','AttributeType':'S'}],"
            + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byC','KeySchema':[{'AttributeName':'c','KeyType':'HASH'}],"
            + "'Projection':{'ProjectionType':'ALL'}}}]}"));
    ApiException two = error("UpdateTable", "{'TableName':'tab','AttributeDefinitions':[{'AttributeName':'d','AttributeType':'S'}],"
        + "'GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'byC'}},{'Create':{'IndexName':'byD','KeySchema':"
        + "[{'AttributeName':'d','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}}]}");
    assertEquals(ErrorCode.LIMIT_EXCEEDED, two.code());

    r = call("UpdateTable", "{'TableName':'tab','GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'byC'}}]}");
    assertEquals("DELETING", r.at("/TableDescription/GlobalSecondaryIndexes/0/IndexStatus").asText());
    t = call("DescribeTable", "{'TableName':'tab'}").get("Table");
    assertFalse(t.has("GlobalSecondaryIndexes"));
    assertEquals(2, t.get("AttributeDefinitions").size());
    assertEquals("The table does not have the specified index: byC",
        fail("Query", "{'TableName':'tab','IndexName':'byC','KeyConditionExpression':'c = :c','ExpressionAttributeValues':{':c':{'S':'c1'}}}"));
    put("{'pk':{'S':'p'},'sk':{'N':'1'},'c':{'N':'1'}}"); // no index any more: any type goes
  }

  /**
   * Reads of items and index entries skip RocksDB's range deletions (KvStore#deleteRange): that is
   * only right while a deleted table's or index's key range is never used again. A table or index
   * made again under the same name must start empty, also after a restart.
   */
  @Test
  void aTableOrIndexMadeAgainUnderTheSameNameStartsEmpty(@TempDir Path dir) {
    for (int round = 0; round < 2; round++) {
      if (round == 1) { // the same on disk, across a restart between the delete and the re-creation
        engine.close();
        EngineConfig cfg = new EngineConfig(dir, "us-east-1", "000000000000", Clock.systemUTC());
        engine = StorageEngine.open(cfg, s -> ChangeCapture.NONE);
        ops = DynamoDbOperations.create(engine);
      }
      createIndexedTable();
      for (int i = 0; i < 20; i++) {
        put("{'pk':{'S':'a'},'sk':{'N':'" + i + "'},'g':{'S':'g'},'gs':{'N':'" + i + "'},'l':{'S':'l" + i + "'},'x':{'S':'x'}}");
      }
      assertEquals(20, query("gsi1", "g = :g", "{':g':{'S':'g'}}", "").get("Count").asInt());
      call("DeleteTable", "{'TableName':'tab'}");
      if (round == 1) {
        engine.close();
        engine = StorageEngine.open(new EngineConfig(dir, "us-east-1", "000000000000", Clock.systemUTC()),
            s -> ChangeCapture.NONE);
        ops = DynamoDbOperations.create(engine);
      }
      createIndexedTable();
      assertEquals(0, call("Scan", "{'TableName':'tab'}").get("Count").asInt());
      assertEquals(0, call("Query", "{'TableName':'tab','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':"
          + "{':p':{'S':'a'}}}").get("Count").asInt());
      assertFalse(call("GetItem", "{'TableName':'tab','Key':{'pk':{'S':'a'},'sk':{'N':'3'}}}").has("Item"));
      assertEquals(0, query("gsi1", "g = :g", "{':g':{'S':'g'}}", "").get("Count").asInt());
      assertEquals(0, query("gsiAll", "g = :g", "{':g':{'S':'g'}}", "").get("Count").asInt());
      assertEquals(0, query("lsi1", "pk = :p", "{':p':{'S':'a'}}", "").get("Count").asInt());
      JsonNode t = call("DescribeTable", "{'TableName':'tab'}").get("Table");
      assertEquals(0, t.get("ItemCount").asInt());
      assertEquals(0, t.get("TableSizeBytes").asInt());

      // an index deleted and made again: only the items there now, none of the old entries
      put("{'pk':{'S':'b'},'sk':{'N':'1'},'c':{'S':'c'}}");
      String create = "{'TableName':'tab','AttributeDefinitions':[{'AttributeName':'c','AttributeType':'S'}],"
          + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byC','KeySchema':[{'AttributeName':'c','KeyType':'HASH'}],"
          + "'Projection':{'ProjectionType':'ALL'}}}]}";
      call("UpdateTable", create);
      engine.indexes().awaitBackfills();
      put("{'pk':{'S':'b'},'sk':{'N':'2'},'c':{'S':'c'}}");
      assertEquals(2, query("byC", "c = :c", "{':c':{'S':'c'}}", "").get("Count").asInt());
      call("UpdateTable", "{'TableName':'tab','GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'byC'}}]}");
      call("DeleteItem", "{'TableName':'tab','Key':{'pk':{'S':'b'},'sk':{'N':'2'}}}");
      call("UpdateTable", create);
      engine.indexes().awaitBackfills();
      assertEquals(1, query("byC", "c = :c", "{':c':{'S':'c'}}", "").get("Count").asInt());
      for (JsonNode g : call("DescribeTable", "{'TableName':'tab'}").at("/Table/GlobalSecondaryIndexes")) {
        assertEquals(g.get("IndexName").asText().equals("byC") ? 1 : 0, g.get("ItemCount").asInt(), g.toString());
      }
      call("DeleteTable", "{'TableName':'tab'}");
    }
  }

  @Test
  void backfillResumesAfterRestart(@TempDir Path dir) {
    engine.close();
    EngineConfig cfg = new EngineConfig(dir, "us-east-1", "000000000000", Clock.systemUTC());
    engine = StorageEngine.open(cfg, s -> ChangeCapture.NONE);
    ops = DynamoDbOperations.create(engine);
    createIndexedTable();
    put("{'pk':{'S':'a'},'sk':{'N':'1'},'g':{'S':'G'},'gs':{'N':'5'}}");
    engine.close();
    engine = StorageEngine.open(cfg, s -> ChangeCapture.NONE);
    ops = DynamoDbOperations.create(engine);
    assertEquals(1, query("gsi1", "g = :g", "{':g':{'S':'G'}}", "").get("Count").asInt());
    call("DeleteTable", "{'TableName':'tab'}");
    createIndexedTable();
    assertEquals(0, query("gsi1", "g = :g", "{':g':{'S':'G'}}", "").get("Count").asInt());
    assertEquals(0, call("DescribeTable", "{'TableName':'tab'}").at("/Table/GlobalSecondaryIndexes/0/ItemCount").asInt());
  }

  @Test
  void provisionedGsiThroughputAndCapacityBreakdown() {
    String create = "{'TableName':'prov','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5},'AttributeDefinitions':["
        + "{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'g','AttributeType':'N'}],"
        + "'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'ALL'}%s}]}";
    assertEquals("One or more parameter values were invalid: ProvisionedThroughput must be specified for index: byG",
        fail("CreateTable", String.format(create, "")));
    call("CreateTable", String.format(create, ",'ProvisionedThroughput':{'ReadCapacityUnits':3,'WriteCapacityUnits':4}"));
    JsonNode g = call("DescribeTable", "{'TableName':'prov'}").at("/Table/GlobalSecondaryIndexes/0");
    assertEquals(3, g.at("/ProvisionedThroughput/ReadCapacityUnits").asInt());
    call("UpdateTable", "{'TableName':'prov','GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG',"
        + "'ProvisionedThroughput':{'ReadCapacityUnits':7,'WriteCapacityUnits':8}}}]}");
    g = call("DescribeTable", "{'TableName':'prov'}").at("/Table/GlobalSecondaryIndexes/0");
    assertEquals(7, g.at("/ProvisionedThroughput/ReadCapacityUnits").asInt());
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, error("UpdateTable", "{'TableName':'prov','GlobalSecondaryIndexUpdates':"
        + "[{'Delete':{'IndexName':'nope'}}]}").code());
    call("PutItem", "{'TableName':'prov','Item':{'pk':{'S':'a'},'g':{'N':'1'}}}");
    JsonNode r = call("Query", "{'TableName':'prov','IndexName':'byG','KeyConditionExpression':'g = :g',"
        + "'ExpressionAttributeValues':{':g':{'N':'1'}},'ReturnConsumedCapacity':'INDEXES'}");
    assertEquals(1, r.get("Count").asInt());
    assertEquals(0.5, r.at("/ConsumedCapacity/CapacityUnits").asDouble());
    assertEquals(0.0, r.at("/ConsumedCapacity/Table/CapacityUnits").asDouble());
    assertEquals(0.5, r.at("/ConsumedCapacity/GlobalSecondaryIndexes/byG/CapacityUnits").asDouble());
    assertEquals("The provided starting key is invalid",
        fail("Query", "{'TableName':'prov','IndexName':'byG','KeyConditionExpression':'g = :g',"
            + "'ExpressionAttributeValues':{':g':{'N':'1'}},'ExclusiveStartKey':{'pk':{'S':'a'},'g':{'S':'1'}}}"));
  }

  @Test
  void backfillRacingWithOverwritesAndDeletesMatchesTheTable() throws Exception {
    call("CreateTable", "{'TableName':'race','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'N'}]}");
    int n = 3000;
    for (int i = 0; i < n; i++) {
      call("PutItem", "{'TableName':'race','Item':{'pk':{'N':'" + i + "'},'c':{'S':'v0'}}}");
    }
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    Thread writer = new Thread(() -> {
      try {
        java.util.Random rnd = new java.util.Random(7);
        for (int k = 0; k < 3000; k++) {
          int i = rnd.nextInt(n);
          switch (rnd.nextInt(3)) {
            case 0 -> call("PutItem", "{'TableName':'race','Item':{'pk':{'N':'" + i + "'},'c':{'S':'v" + k + "'}}}");
            case 1 -> call("PutItem", "{'TableName':'race','Item':{'pk':{'N':'" + i + "'}}}");
            default -> call("DeleteItem", "{'TableName':'race','Key':{'pk':{'N':'" + i + "'}}}");
          }
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    writer.start();
    call("UpdateTable", "{'TableName':'race','AttributeDefinitions':[{'AttributeName':'c','AttributeType':'S'}],"
        + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byC','KeySchema':[{'AttributeName':'c','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'ALL'}}}]}");
    writer.join();
    engine.indexes().awaitBackfills();
    assertEquals(null, failure.get());
    java.util.Set<String> fromTable = new java.util.HashSet<>();
    java.util.Set<String> fromIndex = new java.util.HashSet<>();
    for (String index : List.of("", ",'IndexName':'byC'")) {
      String esk = "";
      while (true) {
        JsonNode r = call("Scan", "{'TableName':'race'" + index + esk + "}");
        for (JsonNode i : r.get("Items")) {
          if (i.has("c")) {
            (index.isEmpty() ? fromTable : fromIndex).add(i.at("/pk/N").asText() + "=" + i.at("/c/S").asText());
          }
        }
        if (!r.has("LastEvaluatedKey")) {
          break;
        }
        esk = ",'ExclusiveStartKey':" + r.get("LastEvaluatedKey");
      }
    }
    assertEquals(fromTable, fromIndex);
    assertEquals(fromTable.size(), call("DescribeTable", "{'TableName':'race'}")
        .at("/Table/GlobalSecondaryIndexes/0/ItemCount").asInt());
  }
}
