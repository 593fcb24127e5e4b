package dev.eddy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.storage.ops.DynamoDbOperations;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeleteCompactorTest {
  private static JsonNode call(Map<String, Operation> ops, String op, String json) throws Exception {
    ObjectNode response = ops.get(op).handle((ObjectNode) Json.mapper().readTree(json.replace('\'', '"')));
    return Json.mapper().readTree(Json.toBytes(response));
  }

  private static void batch(Map<String, Operation> ops, int from, int to, boolean delete) throws Exception {
    for (int b = from; b < to; b += 25) {
      StringBuilder sb = new StringBuilder("{'RequestItems':{'tab':[");
      for (int i = b; i < Math.min(to, b + 25); i++) {
        String key = "'pk':{'S':'p" + (i / 1000) + "'},'sk':{'N':'" + (i % 1000) + "'}";
        sb.append(i == b ? "" : ",").append(delete ? "{'DeleteRequest':{'Key':{" + key + "}}}"
            : "{'PutRequest':{'Item':{" + key + ",'g':{'S':'g" + (i % 7) + "'}}}}");
      }
      call(ops, "BatchWriteItem", sb.append("]}}").toString());
    }
  }

  @Test
  void aTableIsCompactedAfterManyDeletesAndReadsTheSameAfterwards() throws Exception {
    try (StorageEngine engine = StorageEngine.open(EngineConfig.defaultsInMemory(), s -> ChangeCapture.NONE)) {
      Map<String, Operation> ops = DynamoDbOperations.create(engine);
      call(ops, "CreateTable", "{'TableName':'tab','BillingMode':'PAY_PER_REQUEST','KeySchema':["
          + "{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],'AttributeDefinitions':["
          + "{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'},"
          + "{'AttributeName':'g','AttributeType':'S'}],'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':"
          + "[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}]}");
      int n = StorageEngine.COMPACT_AFTER_DELETES + 500;
      batch(ops, 0, n, false);
      batch(ops, 0, StorageEngine.COMPACT_AFTER_DELETES, true); // all but the last 500
      assertTrue(engine.compactor().awaitIdle(60_000));
      assertEquals(1, engine.compactor().compactions());
      int scanned = 0;
      String esk = "";
      while (true) {
        JsonNode page = call(ops, "Scan", "{'TableName':'tab'" + esk + "}");
        scanned += page.get("Count").asInt();
        if (!page.has("LastEvaluatedKey")) {
          break;
        }
        esk = ",'ExclusiveStartKey':" + page.get("LastEvaluatedKey").toString().replace('"', '\'');
      }
      assertEquals(500, scanned);
      int indexed = 0;
      for (int g = 0; g < 7; g++) {
        indexed += call(ops, "Query", "{'TableName':'tab','IndexName':'byG','KeyConditionExpression':'g = :g',"
            + "'ExpressionAttributeValues':{':g':{'S':'g" + g + "'}}}").get("Count").asInt();
      }
      assertEquals(500, indexed);
      assertEquals(500, call(ops, "DescribeTable", "{'TableName':'tab'}").at("/Table/ItemCount").asInt());
    }
  }
}
