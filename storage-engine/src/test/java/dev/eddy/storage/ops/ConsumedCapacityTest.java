package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shape and the units of ConsumedCapacity, as DynamoDB reports them. */
class ConsumedCapacityTest {
  private OpsTestSupport t;

  @BeforeEach
  void open() {
    t = new OpsTestSupport();
    t.createTables();
    t.call("CreateTable", "{'TableName':'idx','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
        + "{'AttributeName':'sk','KeyType':'RANGE'}],'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
        + "{'AttributeName':'sk','AttributeType':'N'},{'AttributeName':'g','AttributeType':'S'},"
        + "{'AttributeName':'l','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST',"
        + "'GlobalSecondaryIndexes':[{'IndexName':'gsi','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['a']}}],"
        + "'LocalSecondaryIndexes':[{'IndexName':'lsi','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
        + "{'AttributeName':'l','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}]}");
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void singleItemOperationsReportOnlyCapacityUnits() {
    ObjectNode put = t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'a'}},'ReturnConsumedCapacity':'TOTAL'}");
    assertEquals("{\"TableName\":\"hash\",\"CapacityUnits\":1.0}", put.get("ConsumedCapacity").toString());
    ObjectNode get = t.call("GetItem", "{'TableName':'hash','Key':{'pk':{'S':'a'}},'ReturnConsumedCapacity':'INDEXES'}");
    assertEquals("{\"TableName\":\"hash\",\"CapacityUnits\":0.5,\"Table\":{\"CapacityUnits\":0.5}}",
        get.get("ConsumedCapacity").toString());
    ObjectNode q = t.call("Query", "{'TableName':'hash','KeyConditionExpression':'pk = :p',"
        + "'ExpressionAttributeValues':{':p':{'S':'a'}},'ReturnConsumedCapacity':'TOTAL'}");
    assertEquals("{\"TableName\":\"hash\",\"CapacityUnits\":0.5}", q.get("ConsumedCapacity").toString());
    ObjectNode bw = t.call("BatchWriteItem", "{'RequestItems':{'hash':[{'PutRequest':{'Item':{'pk':{'S':'b'}}}}]},"
        + "'ReturnConsumedCapacity':'TOTAL'}");
    assertEquals("[{\"TableName\":\"hash\",\"CapacityUnits\":1.0}]", bw.get("ConsumedCapacity").toString());
  }

  @Test
  void transactionsAlsoReportReadOrWriteUnits() {
    ObjectNode tw = t.call("TransactWriteItems", "{'TransactItems':[{'Put':{'TableName':'hash','Item':{'pk':{'S':'a'}}}}],"
        + "'ReturnConsumedCapacity':'TOTAL'}");
    assertEquals("[{\"TableName\":\"hash\",\"CapacityUnits\":2.0,\"WriteCapacityUnits\":2.0}]",
        tw.get("ConsumedCapacity").toString());
    ObjectNode tg = t.call("TransactGetItems", "{'TransactItems':[{'Get':{'TableName':'hash','Key':{'pk':{'S':'a'}}}}],"
        + "'ReturnConsumedCapacity':'TOTAL'}");
    assertEquals("[{\"TableName\":\"hash\",\"CapacityUnits\":2.0,\"ReadCapacityUnits\":2.0}]",
        tg.get("ConsumedCapacity").toString());
  }

  @Test
  void writesCountTheSecondaryIndexesTheyTouch() {
    ObjectNode put = t.call("PutItem", "{'TableName':'idx','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'g':{'S':'g1'},"
        + "'l':{'S':'l1'}},'ReturnConsumedCapacity':'INDEXES'}");
    assertEquals("{\"TableName\":\"idx\",\"CapacityUnits\":3.0,\"Table\":{\"CapacityUnits\":1.0},"
        + "\"GlobalSecondaryIndexes\":{\"gsi\":{\"CapacityUnits\":1.0}},"
        + "\"LocalSecondaryIndexes\":{\"lsi\":{\"CapacityUnits\":1.0}}}", put.get("ConsumedCapacity").toString());
    // TOTAL counts the index writes too
    ObjectNode total = t.call("PutItem", "{'TableName':'idx','Item':{'pk':{'S':'b'},'sk':{'N':'1'},'g':{'S':'g1'}},"
        + "'ReturnConsumedCapacity':'TOTAL'}");
    assertEquals("{\"TableName\":\"idx\",\"CapacityUnits\":2.0}", total.get("ConsumedCapacity").toString());
    // a change of a non-projected attribute leaves the indexes alone
    ObjectNode upd = t.call("UpdateItem", "{'TableName':'idx','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},"
        + "'UpdateExpression':'SET z = :z','ExpressionAttributeValues':{':z':{'S':'x'}},'ReturnConsumedCapacity':'INDEXES'}");
    assertEquals("{\"TableName\":\"idx\",\"CapacityUnits\":1.0,\"Table\":{\"CapacityUnits\":1.0}}",
        upd.get("ConsumedCapacity").toString());
    // a change of a projected attribute rewrites the GSI entry
    ObjectNode proj = t.call("UpdateItem", "{'TableName':'idx','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},"
        + "'UpdateExpression':'SET a = :a','ExpressionAttributeValues':{':a':{'S':'x'}},'ReturnConsumedCapacity':'INDEXES'}");
    assertEquals(2.0, proj.at("/ConsumedCapacity/CapacityUnits").asDouble());
    assertEquals(1.0, proj.at("/ConsumedCapacity/GlobalSecondaryIndexes/gsi/CapacityUnits").asDouble());
    // a change of the GSI key costs a delete and a put there
    ObjectNode key = t.call("UpdateItem", "{'TableName':'idx','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},"
        + "'UpdateExpression':'SET g = :g','ExpressionAttributeValues':{':g':{'S':'g2'}},'ReturnConsumedCapacity':'INDEXES'}");
    assertEquals(3.0, key.at("/ConsumedCapacity/CapacityUnits").asDouble());
    assertEquals(2.0, key.at("/ConsumedCapacity/GlobalSecondaryIndexes/gsi/CapacityUnits").asDouble());
    // deleting removes the item from both indexes
    ObjectNode del = t.call("DeleteItem", "{'TableName':'idx','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},"
        + "'ReturnConsumedCapacity':'INDEXES'}");
    assertEquals(3.0, del.at("/ConsumedCapacity/CapacityUnits").asDouble());
    ObjectNode bw = t.call("BatchWriteItem", "{'RequestItems':{'idx':[{'PutRequest':{'Item':{'pk':{'S':'c'},"
        + "'sk':{'N':'1'},'l':{'S':'x'}}}}]},'ReturnConsumedCapacity':'INDEXES'}");
    assertEquals("[{\"TableName\":\"idx\",\"CapacityUnits\":2.0,\"Table\":{\"CapacityUnits\":1.0},"
        + "\"LocalSecondaryIndexes\":{\"lsi\":{\"CapacityUnits\":1.0}}}]", bw.get("ConsumedCapacity").toString());
  }

  @Test
  void indexQueriesChargeTheIndex() {
    t.call("PutItem", "{'TableName':'idx','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'g':{'S':'g1'}}}");
    ObjectNode q = t.call("Query", "{'TableName':'idx','IndexName':'gsi','KeyConditionExpression':'g = :g',"
        + "'ExpressionAttributeValues':{':g':{'S':'g1'}},'ReturnConsumedCapacity':'INDEXES'}");
    assertEquals("{\"TableName\":\"idx\",\"CapacityUnits\":0.5,\"Table\":{\"CapacityUnits\":0.0},"
        + "\"GlobalSecondaryIndexes\":{\"gsi\":{\"CapacityUnits\":0.5}}}", q.get("ConsumedCapacity").toString());
  }

  @Test
  void localIndexReadsChargeTheTableItemsTheyFetch() {
    for (int i = 1; i <= 3; i++) {
      t.call("PutItem", "{'TableName':'idx','Item':{'pk':{'S':'a'},'sk':{'N':'" + i + "'},'l':{'S':'l" + i + "'},"
          + "'big':{'S':'" + "x".repeat(5000) + "'}}}");
    }
    // KEYS_ONLY LSI asked for all attributes: each of the 3 items (5 KB, 2 blocks of 4 KB) is fetched
    ObjectNode q = t.call("Query", "{'TableName':'idx','IndexName':'lsi','KeyConditionExpression':'pk = :p',"
        + "'ExpressionAttributeValues':{':p':{'S':'a'}},'Select':'ALL_ATTRIBUTES','ReturnConsumedCapacity':'INDEXES'}");
    assertEquals("{\"TableName\":\"idx\",\"CapacityUnits\":3.5,\"Table\":{\"CapacityUnits\":3.0},"
        + "\"LocalSecondaryIndexes\":{\"lsi\":{\"CapacityUnits\":0.5}}}", q.get("ConsumedCapacity").toString());
    ObjectNode consistent = t.call("Query", "{'TableName':'idx','IndexName':'lsi','KeyConditionExpression':'pk = :p',"
        + "'ExpressionAttributeValues':{':p':{'S':'a'}},'ProjectionExpression':'big','ConsistentRead':true,"
        + "'ReturnConsumedCapacity':'TOTAL'}");
    assertEquals(7.0, consistent.at("/ConsumedCapacity/CapacityUnits").asDouble());
    // projected attributes only: nothing fetched
    ObjectNode keys = t.call("Query", "{'TableName':'idx','IndexName':'lsi','KeyConditionExpression':'pk = :p',"
        + "'ExpressionAttributeValues':{':p':{'S':'a'}},'ReturnConsumedCapacity':'INDEXES'}");
    assertEquals(0.0, keys.at("/ConsumedCapacity/Table/CapacityUnits").asDouble());
  }
}
