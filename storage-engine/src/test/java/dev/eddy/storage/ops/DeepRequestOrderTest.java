package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.api.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which error DynamoDB reports when a request nests values past its limits and something else is
 * wrong too. Every expected answer is DynamoDB's, captured by nubo-db/dynamodb-conformance
 * ("Deep requests" and nestingDepth.test.ts, us-east-1 and eu-west-2, 2026-10): at 40 levels the
 * nesting error comes as the value is met; at 63 and 100 levels (a request read the older way,
 * {@link dev.eddy.api.DeepRequests}) it comes after the request's other problems, and
 * ReturnValues is listed in the older order. The table "absent" does not exist: each answer comes
 * before the table is looked up, as in the captures.
 */
class DeepRequestOrderTest {
  private static final String NEST = "Nesting Levels have exceeded supported limits: Attributes in the item have"
      + " nested levels beyond supported limit";
  private static final String RV_OLDER = "1 validation error detected: Value 'BOGUS' at 'returnValues' failed to"
      + " satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]";
  private static final String XOR = "1 validation error detected: Value 'XOR' at 'conditionalOperator' failed to"
      + " satisfy constraint: Member must satisfy enum value set: [OR, AND]";
  private static final String SYNTAX = "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = b\"";

  private final OpsTestSupport t = new OpsTestSupport(); // no tables: every answer comes before a table is read

  @AfterEach
  void close() {
    t.close();
  }

  /** {@code levels} single-key maps around a string leaf. */
  private static String deep(int levels) {
    return "{'M':{'n':".repeat(levels) + "{'S':'leaf'}" + "}}".repeat(levels);
  }

  private static String key(String pk) {
    return "{'pk':" + pk + ",'sk':{'S':'1'}}";
  }

  private String refusal(String op, String json) {
    var e = t.fail(op, json);
    assertEquals(ErrorCode.VALIDATION, e.code(), e.getMessage());
    return e.getMessage();
  }

  @Test
  void singleItemWritesReadFarPastTheLimitAndRefuseWithTheNestingError() {
    assertEquals(NEST, refusal("PutItem", "{'TableName':'absent','Item':{'pk':{'S':'a'},'data':" + deep(63) + "}}"));
    assertEquals("ExpressionAttributeValues contains invalid value: " + NEST + " for key :deep",
        refusal("UpdateItem", "{'TableName':'absent','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET touched = :t',"
            + "'ConditionExpression':'#d = :deep','ExpressionAttributeNames':{'#d':'data'},"
            + "'ExpressionAttributeValues':{':t':{'S':'y'},':deep':" + deep(63) + "}}"));
    assertEquals(NEST, refusal("DeleteItem", "{'TableName':'absent','Key':{'pk':" + deep(100) + "}}"));
    assertEquals(NEST, refusal("GetItem", "{'TableName':'absent','Key':{'pk':" + deep(100) + "}}"));
  }

  @Test
  void deepSingleItemWritesReportReturnValuesAndConditionalOperatorFirst() {
    String cond = ",'ConditionExpression':'#d = :deep','ExpressionAttributeNames':{'#d':'d'},"
        + "'ExpressionAttributeValues':{':deep':" + deep(63) + "}";
    assertEquals(RV_OLDER, refusal("DeleteItem",
        "{'TableName':'absent','Key':" + key("{'S':'a'}") + cond + ",'ReturnValues':'BOGUS'}"));
    assertEquals(RV_OLDER, refusal("DeleteItem",
        "{'TableName':'absent','Key':" + key("{'S':'a'}") + ",'Expected':{'d':{'Value':" + deep(63) + "}},"
            + "'ReturnValues':'BOGUS'}"));
    assertEquals(RV_OLDER, refusal("DeleteItem",
        "{'TableName':'absent','Key':" + key(deep(100)) + ",'ReturnValues':'BOGUS'}"));
    assertEquals("ReturnValues can only be ALL_OLD or NONE", refusal("DeleteItem",
        "{'TableName':'absent','Key':" + key("{'S':'a'}") + cond.replace("63", "100") + ",'ReturnValues':'UPDATED_NEW'}"));
    String expected = ",'Expected':{'a':{'Value':" + deep(100) + "},'b':{'Exists':false}},'ConditionalOperator':'XOR'}";
    assertEquals(XOR, refusal("PutItem", "{'TableName':'absent','Item':" + key("{'S':'a'}") + expected));
    assertEquals(XOR, refusal("UpdateItem", "{'TableName':'absent','Key':" + key("{'S':'a'}")
        + ",'AttributeUpdates':{'x':{'Action':'PUT','Value':{'S':'1'}}}" + expected));
    // a shallow request gets the newer framework's generic ReturnValues text (paritysuite captures, eu-west-2,
    // 2026-06 to 10: "the newer generic form" below the deep threshold)
    assertEquals("1 validation error detected: Failed to satisfy constraint: Member must satisfy enum value set:"
            + " [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]",
        refusal("DeleteItem", "{'TableName':'absent','Key':" + key("{'S':'a'}") + ",'ReturnValues':'BOGUS'}"));
  }

  private String transaction(String... actions) {
    return refusal("TransactWriteItems", "{'TransactItems':[" + String.join(",", actions) + "]}");
  }

  @Test
  void transactionsReportTheNestingOfAnEarlierActionFirstAt40Levels() {
    assertEquals(NEST, transaction("{'Delete':{'TableName':'absent','Key':" + key(deep(40)) + "}}",
        "{'Put':{'TableName':'absent','Item':" + key("{'S':'a'}") + ",'ConditionExpression':'a = = b'}}"));
    assertEquals(NEST, transaction(
        "{'ConditionCheck':{'TableName':'absent','Key':" + key(deep(40)) + ",'ConditionExpression':'attribute_exists(a)'}}",
        "{'Update':{'TableName':'absent','Key':" + key("{'S':'a'}") + ",'UpdateExpression':'SET a = :v',"
            + "'ExpressionAttributeValues':{':v':{'S':'x'},':u':{'S':'y'}}}}"));
  }

  @Test
  void deepTransactionsReportEveryOtherProblemFirst() {
    String deleteDeep = "{'Delete':{'TableName':'absent','Key':" + key(deep(100)) + "}}";
    String checkDeep = "{'ConditionCheck':{'TableName':'absent','Key':" + key(deep(100))
        + ",'ConditionExpression':'attribute_exists(a)'}}";
    assertEquals(SYNTAX, transaction(
        "{'Put':{'TableName':'absent','Item':" + key("{'S':'a'}") + ",'ConditionExpression':'a = = b'}}", deleteDeep));
    assertEquals(SYNTAX, transaction("{'Delete':{'TableName':'absent','Key':" + key(deep(100))
        + ",'ConditionExpression':'a = = b'}}"));
    String condition = "a = :v" + " AND a = :v".repeat(373);
    assertEquals("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size:"
        + " 4109", transaction("{'Delete':{'TableName':'absent','Key':" + key(deep(100)) + ",'ConditionExpression':'"
        + condition + "','ExpressionAttributeValues':{':v':{'S':'x'}}}}"));
    String update = "SET " + java.util.stream.IntStream.range(0, 500).mapToObj(i -> "a" + i + " = :v")
        .collect(java.util.stream.Collectors.joining(", "));
    assertEquals("Invalid UpdateExpression: Expression size has exceeded the maximum allowed size;", transaction(
        "{'Update':{'TableName':'absent','Key':" + key("{'S':'a'}") + ",'UpdateExpression':'" + update + "',"
            + "'ExpressionAttributeValues':{':v':{'S':'x'}}}}", checkDeep));
    assertEquals("Value provided in ExpressionAttributeValues unused in expressions: keys: {:u}", transaction(
        "{'Update':{'TableName':'absent','Key':" + key("{'S':'a'}") + ",'UpdateExpression':'SET a = :v',"
            + "'ExpressionAttributeValues':{':v':{'S':'x'},':u':{'S':'y'}}}}", checkDeep));
    assertEquals(NEST, transaction(deleteDeep));
    // past 60 levels a value names its placeholder (all regions)
    assertEquals("ExpressionAttributeValues contains invalid value: " + NEST + " for key :deep", transaction(
        "{'ConditionCheck':{'TableName':'absent','Key':{'pk':{'S':'a'}},'ConditionExpression':'#d = :deep',"
            + "'ExpressionAttributeNames':{'#d':'data'},'ExpressionAttributeValues':{':deep':" + deep(61) + "}}}"));
  }

  @Test
  void anEmptyAttributeNameIsRefusedInItemsToWrite() {
    // "Empty attribute name" (captured for TransactWriteItems, also when a later value is nested
    // 100 levels, in either order within the item)
    assertEquals("Empty attribute name", transaction("{'Put':{'TableName':'absent','Item':{'pk':{'S':'a'},"
        + "'sk':{'S':'1'},'':{'S':'x'}}}}"));
    assertEquals("Empty attribute name", transaction("{'Put':{'TableName':'absent','Item':{'pk':{'S':'a'},"
        + "'sk':{'S':'1'},'d':" + deep(100) + ",'':{'S':'x'}}}}"));
    assertEquals("Empty attribute name", refusal("BatchWriteItem", "{'RequestItems':{'absent':[{'PutRequest':"
        + "{'Item':{'pk':{'S':'a'},'':{'S':'x'}}}}]}}"));
    assertEquals("1 validation error detected: Empty attribute name",
        refusal("PutItem", "{'TableName':'absent','Item':{'pk':{'S':'a'},'':{'S':'x'}}}"));
  }
}
