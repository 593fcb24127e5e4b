package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.storage.ItemChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchOperationsTest {
  private OpsTestSupport t;

  @BeforeEach
  void open() {
    t = new OpsTestSupport();
    t.createTables();
  }

  @AfterEach
  void close() {
    t.close();
  }

  private static String puts(int from, int to) {
    List<String> reqs = new ArrayList<>();
    for (int i = from; i < to; i++) {
      reqs.add("{'PutRequest':{'Item':{'pk':{'S':'" + i + "'}}}}");
    }
    return String.join(",", reqs);
  }

  @Test
  void batchWriteThenBatchGetOverTwoTables() {
    ObjectNode w = t.call("BatchWriteItem", "{'ReturnConsumedCapacity':'TOTAL','RequestItems':{"
        + "'hash':[{'PutRequest':{'Item':{'pk':{'S':'a'},'v':{'S':'1'},'w':{'N':'2'}}}},"
        + "{'PutRequest':{'Item':{'pk':{'S':'b'},'v':{'S':'2'}}}},{'PutRequest':{'Item':{'pk':{'S':'c'}}}}],"
        + "'range':[{'PutRequest':{'Item':{'pk':{'S':'a'},'sk':{'N':'1'}}}},"
        + "{'PutRequest':{'Item':{'pk':{'S':'a'},'sk':{'N':'2'},'big':{'S':'" + "x".repeat(1500) + "'}}}}]}}");
    assertEquals("{}", w.get("UnprocessedItems").toString());
    assertEquals(2, w.get("ConsumedCapacity").size());
    assertEquals("hash", w.at("/ConsumedCapacity/0/TableName").asText());
    assertEquals(3.0, w.at("/ConsumedCapacity/0/CapacityUnits").asDouble());
    assertEquals("range", w.at("/ConsumedCapacity/1/TableName").asText());
    assertEquals(3.0, w.at("/ConsumedCapacity/1/CapacityUnits").asDouble()); // 1 + 2 (1.5 KB)
    assertEquals(5, t.changes.size());
    assertTrue(t.changes.stream().allMatch(c -> c.eventName().equals("INSERT")));
    assertEquals(3, t.call("DescribeTable", "{'TableName':'hash'}").at("/Table/ItemCount").asInt());

    ObjectNode g = t.call("BatchGetItem", "{'ReturnConsumedCapacity':'INDEXES','RequestItems':{"
        + "'hash':{'Keys':[{'pk':{'S':'a'}},{'pk':{'S':'zz'}},{'pk':{'S':'c'}}],'ProjectionExpression':'#v, w',"
        + "'ExpressionAttributeNames':{'#v':'v'},'ConsistentRead':true},"
        + "'range':{'Keys':[{'pk':{'S':'a'},'sk':{'N':'1.0'}}],'ProjectionExpression':'sk'}}}");
    assertEquals(2, g.at("/Responses/hash").size());
    assertTrue(g.at("/Responses/hash").toString().contains("{\"v\":{\"S\":\"1\"},\"w\":{\"N\":\"2\"}}"),
        g.toString());
    assertTrue(g.at("/Responses/hash").toString().contains("{}"), g.toString()); // item c has neither v nor w
    assertEquals("[{\"sk\":{\"N\":\"1\"}}]", g.at("/Responses/range").toString());
    assertEquals("{}", g.get("UnprocessedKeys").toString());
    assertEquals(3.0, g.at("/ConsumedCapacity/0/CapacityUnits").asDouble()); // 3 consistent reads
    assertEquals(3.0, g.at("/ConsumedCapacity/0/Table/CapacityUnits").asDouble());
    assertEquals(0.5, g.at("/ConsumedCapacity/1/CapacityUnits").asDouble());
    ObjectNode legacy = t.call("BatchGetItem", "{'RequestItems':{'hash':{'Keys':[{'pk':{'S':'a'}}],"
        + "'AttributesToGet':['w','pk']}}}");
    assertEquals("[{\"w\":{\"N\":\"2\"},\"pk\":{\"S\":\"a\"}}]", legacy.at("/Responses/hash").toString());
    assertEquals(ErrorCode.VALIDATION, t.fail("BatchGetItem", "{'RequestItems':{'hash':{'Keys':[{'pk':{'S':'a'}}],"
        + "'AttributesToGet':['pk']},'range':{'Keys':[{'pk':{'S':'a'},'sk':{'N':'1'}}],'ProjectionExpression':'sk'}}}")
        .code());
    // Without a projection the items go out whole, as stored; capacity from their sizes.
    ObjectNode whole = t.call("BatchGetItem", "{'ReturnConsumedCapacity':'TOTAL','RequestItems':{"
        + "'hash':{'Keys':[{'pk':{'S':'a'}},{'pk':{'S':'nope'}}]},"
        + "'range':{'Keys':[{'pk':{'S':'a'},'sk':{'N':'2'}}]}}}");
    assertEquals("[{\"pk\":{\"S\":\"a\"},\"v\":{\"S\":\"1\"},\"w\":{\"N\":\"2\"}}]",
        whole.at("/Responses/hash").toString());
    assertEquals("x".repeat(1500), whole.at("/Responses/range/0/big/S").asText());
    assertEquals(1.0, whole.at("/ConsumedCapacity/0/CapacityUnits").asDouble()); // a missing item reads too
    assertEquals(0.5, whole.at("/ConsumedCapacity/1/CapacityUnits").asDouble()); // 1.5 KB: one 4 KB read
    ObjectNode none = t.call("BatchGetItem", "{'RequestItems':{'hash':{'Keys':[{'pk':{'S':'nope'}}]}}}");
    assertEquals("[]", none.at("/Responses/hash").toString());
    assertFalse(none.has("ConsumedCapacity"));
  }

  @Test
  void batchWriteDeletesAndPutsReachTheStreamOnceWithImages() {
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'old'},'v':{'S':'before'}}}");
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'upd'},'v':{'S':'before'}}}");
    t.changes.clear();
    ObjectNode w = t.call("BatchWriteItem", "{'ReturnConsumedCapacity':'TOTAL','RequestItems':{'hash':["
        + "{'DeleteRequest':{'Key':{'pk':{'S':'old'}}}},{'DeleteRequest':{'Key':{'pk':{'S':'never'}}}},"
        + "{'PutRequest':{'Item':{'pk':{'S':'upd'},'v':{'S':'after'}}}},"
        + "{'PutRequest':{'Item':{'pk':{'S':'new'}}}}]}}");
    assertEquals(4.0, w.at("/ConsumedCapacity/0/CapacityUnits").asDouble());
    assertEquals(3, t.changes.size()); // deleting a missing item changes nothing
    ItemChange removed = t.changes.get(0);
    assertEquals("REMOVE", removed.eventName());
    assertEquals("before", ((dev.eddy.api.AttributeValue.S) removed.oldItem().get("v")).value());
    assertEquals("MODIFY", t.changes.get(1).eventName());
    assertEquals("after", ((dev.eddy.api.AttributeValue.S) t.changes.get(1).newItem().get("v")).value());
    assertEquals("INSERT", t.changes.get(2).eventName());
    assertEquals(2, t.call("DescribeTable", "{'TableName':'hash'}").at("/Table/ItemCount").asInt());
    assertFalse(t.call("GetItem", "{'TableName':'hash','Key':{'pk':{'S':'old'}}}").has("Item"));
  }

  @Test
  void batchWriteValidationMessages() {
    ApiException e = t.fail("BatchWriteItem", "{'RequestItems':{'hash':[" + puts(0, 26) + "]}}");
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertTrue(e.getMessage().startsWith("1 validation error detected: Value '{hash=[WriteRequest(putRequest="
        + "PutRequest(item={pk=AttributeValue(S=0)})), WriteRequest("), e.getMessage());
    assertTrue(e.getMessage().endsWith("]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy"
        + " constraint: [Member must have length less than or equal to 25, Member must have length greater than or"
        + " equal to 1]"), e.getMessage());
    assertEquals("1 validation error detected: Value '{hash=[]}' at 'requestItems' failed to satisfy constraint: Map"
        + " value must satisfy constraint: [Member must have length less than or equal to 25, Member must have"
        + " length greater than or equal to 1]", t.fail("BatchWriteItem", "{'RequestItems':{'hash':[]}}").getMessage());
    assertEquals("Too many items requested for the BatchWriteItem call",
        t.fail("BatchWriteItem", "{'RequestItems':{'hash':[" + puts(0, 13) + "],'range':[" + puts(0, 13) + "]}}")
            .getMessage());
    assertEquals("Provided list of item keys contains duplicates", t.fail("BatchWriteItem", "{'RequestItems':{'hash':["
        + "{'PutRequest':{'Item':{'pk':{'S':'a'},'x':{'S':'1'}}}},{'DeleteRequest':{'Key':{'pk':{'S':'a'}}}}]}}")
        .getMessage());
    assertEquals("Provided list of item keys contains duplicates", t.fail("BatchWriteItem", "{'RequestItems':{'range':["
        + "{'PutRequest':{'Item':{'pk':{'S':'a'},'sk':{'N':'1.50'}}}},{'PutRequest':{'Item':{'pk':{'S':'a'},"
        + "'sk':{'N':'1.5'}}}}]}}").getMessage());
    ApiException missing = t.fail("BatchWriteItem", "{'RequestItems':{'nope':[" + puts(0, 25) + "]}}");
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, missing.code());
    assertEquals("Requested resource not found", missing.getMessage());
    assertEquals("The provided key element does not match the schema", t.fail("BatchWriteItem",
        "{'RequestItems':{'hash':[{'PutRequest':{'Item':{'other':{'S':'x'}}}}]}}").getMessage());
    assertEquals("The provided key element does not match the schema", t.fail("BatchWriteItem",
        "{'RequestItems':{'hash':[{'PutRequest':{'Item':{'pk':{'N':'5'}}}}]}}").getMessage());
    assertEquals("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an"
        + " empty string value. Key: pk", t.fail("BatchWriteItem",
        "{'RequestItems':{'hash':[{'DeleteRequest':{'Key':{'pk':{'S':''}}}}]}}").getMessage());
    assertEquals("Item size has exceeded the maximum allowed size", t.fail("BatchWriteItem",
        "{'RequestItems':{'nope':[{'PutRequest':{'Item':{'pk':{'S':'a'},'b':{'S':'" + "x".repeat(400 * 1024)
            + "'}}}}]}}").getMessage());
    assertEquals("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported"
        + " datatypes", t.fail("BatchWriteItem", "{'RequestItems':{'hash':[{}]}}").getMessage());
    assertEquals("2 validation errors detected: Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy"
        + " constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value 'B2' at"
        + " 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE,"
        + " NONE]", t.fail("BatchWriteItem", "{'ReturnConsumedCapacity':'BOGUS','ReturnItemCollectionMetrics':'B2',"
        + "'RequestItems':{'bad!name':[]}}").getMessage());
    assertEquals("1 validation error detected: Value '{bad!name=[WriteRequest(putRequest=PutRequest(item={pk="
        + "AttributeValue(S=x)}))]}' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint:"
        + " [Member must have length less than or equal to 255, Member must have length greater than or equal to 3,"
        + " Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]", t.fail("BatchWriteItem",
        "{'RequestItems':{'bad!name':[{'PutRequest':{'Item':{'pk':{'S':'x'}}}}]}}").getMessage());
    assertEquals("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must"
        + " not be null", t.fail("BatchWriteItem", "{}").getMessage());
    assertEquals(ErrorCode.VALIDATION, t.fail("BatchWriteItem", "{'RequestItems':{}}").code());
    assertEquals("1 validation error detected: Value null at 'requestItems.hash.member.1.member.putRequest.item' failed"
        + " to satisfy constraint: Member must not be null",
        t.fail("BatchWriteItem", "{'RequestItems':{'hash':[{'PutRequest':{}}]}}").getMessage());
    assertTrue(t.changes.isEmpty(), "nothing written by a refused batch");
  }

  @Test
  void batchGetValidationMessages() {
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      keys.append(i == 0 ? "" : ",").append("{'pk':{'S':'").append(i).append("'}}");
    }
    assertEquals("1 validation error detected: Value at 'RequestItems.hash.member.Keys' failed to satisfy constraint:"
        + " Member must have length less than or equal to 100",
        t.fail("BatchGetItem", "{'RequestItems':{'hash':{'Keys':[" + keys + "]}}}").getMessage());
    String hundred = keys.substring(0, keys.lastIndexOf(",{"));
    assertEquals("Too many items requested for the BatchGetItem call", t.fail("BatchGetItem",
        "{'RequestItems':{'hash':{'Keys':[" + hundred + "]},'range':{'Keys':[{'pk':{'S':'a'},'sk':{'N':'1'}}]}}}")
        .getMessage());
    ApiException missing = t.fail("BatchGetItem", "{'RequestItems':{'nope':{'Keys':[" + hundred + "]}}}");
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, missing.code());
    assertEquals("Provided list of item keys contains duplicates", t.fail("BatchGetItem",
        "{'RequestItems':{'hash':{'Keys':[{'pk':{'S':'a'}},{'pk':{'S':'b'}},{'pk':{'S':'a'}}]}}}").getMessage());
    assertEquals("The provided key element does not match the schema", t.fail("BatchGetItem",
        "{'RequestItems':{'range':{'Keys':[{'pk':{'S':'a'}}]}}}").getMessage());
    assertEquals("Can not use both expression and non-expression parameters in the same request: Non-expression"
        + " parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}", t.fail("BatchGetItem",
        "{'RequestItems':{'hash':{'Keys':[{'pk':{'S':'a'}}],'AttributesToGet':['pk'],'ProjectionExpression':'pk'}}}")
        .getMessage());
    assertEquals("1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have"
        + " length greater than or equal to 1", t.fail("BatchGetItem", "{'RequestItems':{}}").getMessage());
    assertEquals("1 validation error detected: Value at 'RequestItems.hash.member.Keys' failed to satisfy constraint:"
        + " Member must have length greater than or equal to 1",
        t.fail("BatchGetItem", "{'RequestItems':{'hash':{'Keys':[]}}}").getMessage());
    assertEquals("2 validation errors detected: Value '{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at"
        + " 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less"
        + " than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular"
        + " expression pattern: [a-zA-Z0-9_.-]+]; Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy"
        + " constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]", t.fail("BatchGetItem",
        "{'ReturnConsumedCapacity':'BOGUS','RequestItems':{'bad!name':{'Keys':[{'pk':{'S':'a'}}]}}}").getMessage());
    assertEquals("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one"
        + " of these paths; path one: [a], path two: [a]", t.fail("BatchGetItem",
        "{'RequestItems':{'hash':{'Keys':[{'pk':{'S':'a'}}],'ProjectionExpression':'a, a'}}}").getMessage());
  }

  @Test
  void batchGetStopsAt16MegabytesAndReturnsTheRestAsUnprocessedKeys() {
    String filler = "f".repeat(399 * 1024);
    for (int batch = 0; batch < 2; batch++) {
      List<String> reqs = new ArrayList<>();
      for (int i = 0; i < 23; i++) {
        reqs.add("{'PutRequest':{'Item':{'pk':{'S':'k" + (batch * 23 + i) + "'},'f':{'S':'" + filler + "'}}}}");
      }
      t.call("BatchWriteItem", "{'RequestItems':{'hash':[" + String.join(",", reqs) + "]}}");
    }
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < 46; i++) {
      keys.append(i == 0 ? "" : ",").append("{'pk':{'S':'k").append(i).append("'}}");
    }
    ObjectNode g = t.call("BatchGetItem", "{'RequestItems':{'hash':{'Keys':[" + keys + "],'ConsistentRead':true}}}");
    int got = g.at("/Responses/hash").size();
    JsonNode left = g.at("/UnprocessedKeys/hash");
    assertEquals(41, got); // 41 items of ~399 KB fit in 16 MB, 42 do not
    assertEquals(46 - got, left.get("Keys").size());
    assertTrue(left.get("ConsistentRead").asBoolean());
    ObjectNode rest = t.call("BatchGetItem", "{'RequestItems':{'hash':" + left + "}}");
    assertEquals(46 - got, rest.at("/Responses/hash").size());
    assertEquals("{}", rest.get("UnprocessedKeys").toString());
    assertNull(rest.get("ConsumedCapacity"));
  }
}
