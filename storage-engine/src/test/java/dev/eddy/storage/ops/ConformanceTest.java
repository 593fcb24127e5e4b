package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.api.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviours found by the differential run against DynamoDB Local, checked against DynamoDB's documentation. */
class ConformanceTest {
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

  @Test
  void globalIndexReadsRejectAttributesTheIndexDoesNotProject() {
    t.call("CreateTable", "{'TableName':'gsitab','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'g','AttributeType':'S'}],"
        + "'BillingMode':'PAY_PER_REQUEST','GlobalSecondaryIndexes':[{'IndexName':'gsi','KeySchema':"
        + "[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['a']}}]}");
    t.call("PutItem", "{'TableName':'gsitab','Item':{'pk':{'S':'1'},'g':{'S':'x'},'a':{'S':'A'},'b':{'S':'B'}}}");
    var e = t.fail("Query", "{'TableName':'gsitab','IndexName':'gsi','KeyConditionExpression':'g = :g',"
        + "'ExpressionAttributeValues':{':g':{'S':'x'}},'ProjectionExpression':'a, b, c.d'}");
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals("One or more parameter values were invalid: Global secondary index gsi does not project [b, c]",
        e.getMessage());
    assertEquals("One or more parameter values were invalid: Global secondary index gsi does not project [b]",
        t.fail("Scan", "{'TableName':'gsitab','IndexName':'gsi','AttributesToGet':['b','pk']}").getMessage());
    // projected attributes and keys of the index and of the table are fine
    JsonNode ok = t.call("Query", "{'TableName':'gsitab','IndexName':'gsi','KeyConditionExpression':'g = :g',"
        + "'ExpressionAttributeValues':{':g':{'S':'x'}},'ProjectionExpression':'a, g, pk'}");
    assertEquals("[{\"a\":{\"S\":\"A\"},\"g\":{\"S\":\"x\"},\"pk\":{\"S\":\"1\"}}]", ok.get("Items").toString());
  }

  @Test
  void invalidExpressionAttributeValuesNameTheirPlaceholderInTheOlderLayerOnly() {
    // nubo-db/dynamodb-conformance, captured 2026-10-09: Scan, BatchWriteItem and the transactions
    // wrap a bad value ("... for key :v"); Query, GetItem, BatchGetItem, PutItem, UpdateItem and
    // DeleteItem report the value's own message
    assertEquals("ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric"
        + " value: abc for key :n",
        t.fail("Scan", "{'TableName':'hash','FilterExpression':'x = :n',"
            + "'ExpressionAttributeValues':{':n':{'N':'abc'}}}").getMessage());
    assertEquals("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid:"
        + " An string set  may not be empty for key :v",
        t.fail("TransactWriteItems", "{'TransactItems':[{'Update':{'TableName':'hash','Key':{'pk':{'S':'a'}},"
            + "'UpdateExpression':'SET q = :v','ExpressionAttributeValues':{':v':{'SS':[]}}}}]}").getMessage());
    assertEquals("The parameter cannot be converted to a numeric value: abc",
        t.fail("Query", "{'TableName':'hash','KeyConditionExpression':'pk = :p','FilterExpression':'x = :n',"
            + "'ExpressionAttributeValues':{':p':{'S':'a'},':n':{'N':'abc'}}}").getMessage());
    assertEquals("1 validation error detected: One or more parameter values were invalid: An string set  may not be empty",
        t.fail("UpdateItem", "{'TableName':'hash','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET q = :v',"
            + "'ExpressionAttributeValues':{':v':{'SS':[]}}}").getMessage());
    assertEquals("1 validation error detected: Supplied AttributeValue is empty, must contain exactly one of the"
        + " supported datatypes",
        t.fail("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'a'}},'ConditionExpression':'x = :e',"
            + "'ExpressionAttributeValues':{':e':{}}}").getMessage());
    // a wrong JSON type stays a SerializationException
    assertEquals(ErrorCode.SERIALIZATION, t.fail("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'a'}},"
        + "'ConditionExpression':'x = :e','ExpressionAttributeValues':{':e':[]}}").code());
  }

  @Test
  void singleItemWritesReportWhatTheyCheckBeforeTheTableInsideTheEnvelope() {
    // nubo-db/dynamodb-conformance, "PutItem/DeleteItem - request validation envelope" and UpdateItem's
    // "undefined value in the ConditionExpression", captured 2026-10-09 (eu-west-2, us-east-1);
    // "Number values / Duplicate set members - messages by operation", four regions
    String one = "1 validation error detected: ";
    String invalid = "One or more parameter values were invalid: ";
    String[][] cases = {
        {"DeleteItem", "'ExpressionAttributeValues':{':v':{'S':'x'}}",
            "ExpressionAttributeValues can only be specified when using expressions"},
        {"PutItem", "'ExpressionAttributeNames':{'#a':'a'}",
            "ExpressionAttributeNames can only be specified when using expressions"},
        {"DeleteItem", "'Expected':{'a':{'Exists':false}},'ExpressionAttributeNames':{'#a':'a'}",
            "ExpressionAttributeNames can only be specified when using expressions"},
        {"DeleteItem", "'ConditionExpression':'attribute_exists(a)','ExpressionAttributeValues':{}",
            "ExpressionAttributeValues must not be empty"},
        {"DeleteItem", "'ConditionExpression':'attribute_exists(a)','ExpressionAttributeNames':{}",
            "ExpressionAttributeNames must not be empty"},
        {"PutItem", "'ConditionExpression':''", "Invalid ConditionExpression: The expression can not be empty;"},
        {"DeleteItem", "'ReturnValues':'UPDATED_NEW'", "ReturnValues can only be ALL_OLD or NONE"},
        {"PutItem", "'ReturnValues':'ALL_NEW'", "ReturnValues can only be ALL_OLD or NONE"},
        {"DeleteItem", "'Expected':{'a':{'Exists':true}}",
            invalid + "Value must be provided when Exists is true for Attribute: a"},
        {"DeleteItem", "'Expected':{'a':{'Exists':false,'Value':{'S':'x'}}}",
            invalid + "Value cannot be used when Exists is false for Attribute: a"},
        {"DeleteItem", "'Expected':{'a':{'Value':{'S':'x'},'ComparisonOperator':'EQ','AttributeValueList':[{'S':'x'}]}}",
            invalid + "Value and AttributeValueList cannot be used together for Attribute: a"},
        {"PutItem", "'Expected':{'a':{'ComparisonOperator':'EQ'}}",
            invalid + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a"},
        {"DeleteItem", "'Expected':{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'S':'x'}]}}",
            invalid + "Invalid number of argument(s) for the BETWEEN ComparisonOperator"},
        {"UpdateItem", "'UpdateExpression':'SET b = :w','ConditionExpression':'a = :v','ExpressionAttributeValues':"
            + "{':w':{'S':'x'}}", "Invalid ConditionExpression: An expression attribute value used in expression is"
            + " not defined; attribute value: :v"},
        {"UpdateItem", "'ExpressionAttributeValues':{':v':{'S':'x'}}",
            "ExpressionAttributeValues can only be specified when using expressions"},
        {"PutItem", "'ConditionExpression':'attribute_not_exists(pk) OR n = :v','ExpressionAttributeValues':"
            + "{':v':{'N':''}}", "The parameter cannot be converted to a numeric value: "},
        {"PutItem", "'Expected':{'s':{'Value':{'NS':['2','1','2']}}}", invalid + "Input collection contains duplicates."},
        {"UpdateItem", "'AttributeUpdates':{'n':{'Action':'PUT','Value':{'N':'1e126'}}}",
            "Number overflow. Attempting to store a number with magnitude larger than supported range"},
    };
    for (String[] c : cases) {
      String body = c[0].equals("PutItem") ? "'Item':{'pk':{'S':'e'}}," : "'Key':{'pk':{'S':'e'}},";
      assertEquals(one + c[2], t.fail(c[0], "{'TableName':'hash'," + body + c[1] + "}").getMessage(), c[1]);
    }
    // the item and the key themselves, before the table is looked up (it does not exist here)
    assertEquals(one + "The parameter cannot be converted to a numeric value: abc",
        t.fail("PutItem", "{'TableName':'absent','Item':{'pk':{'S':'e'},'n':{'N':'abc'}}}").getMessage());
    assertEquals(one + invalid + "Input collection [\"a\", \"b\", \"b\"] contains duplicates.",
        t.fail("DeleteItem", "{'TableName':'absent','Key':{'pk':{'SS':['b','a','b']}}}").getMessage());
    // a report that counts its errors is not wrapped again
    assertEquals("1 validation error detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint:"
        + " Member must satisfy enum value set: [OR, AND]", t.fail("PutItem", "{'TableName':'hash','Item':{'pk':"
        + "{'S':'e'}},'Expected':{'a':{'Exists':false},'b':{'Exists':false}},'ConditionalOperator':'XOR'}").getMessage());
    // what is found once the table is known stays bare
    assertEquals("The provided key element does not match the schema",
        t.fail("DeleteItem", "{'TableName':'range','Key':{'pk':{'S':'e'}}}").getMessage());
    assertEquals(invalid + "Cannot update attribute pk. This attribute is part of the key",
        t.fail("UpdateItem", "{'TableName':'hash','Key':{'pk':{'S':'e'}},'UpdateExpression':'SET pk = :v',"
            + "'ExpressionAttributeValues':{':v':{'S':'x'}}}").getMessage());
    assertEquals("Requested resource not found", t.fail("PutItem", "{'TableName':'absent','Item':{'pk':{'S':'e'}}}")
        .getMessage());
  }

  @Test
  void memberErrorsBesideAMissingKeyAreJoinedInMemberOrder() {
    // nubo-db/dynamodb-conformance "UpdateItem - member errors beside a missing Key", eu-west-2 and
    // us-east-1, 2026-10-09; the table name is held to its member constraint only (1..1024)
    String emptyName = "Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or"
        + " equal to 1";
    String noKey = "Value null at 'key' failed to satisfy constraint: Member must not be null";
    String update = "'UpdateExpression':'SET a = :a','ExpressionAttributeValues':{':a':{'S':'x'}}";
    assertEquals("2 validation errors detected: " + emptyName + "; " + noKey,
        t.fail("UpdateItem", "{'TableName':''," + update + "}").getMessage());
    assertEquals("4 validation errors detected: Value 'INVALID' at 'returnConsumedCapacity' failed to satisfy"
        + " constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; " + emptyName + "; Value 'INVALID'"
        + " at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD,"
        + " ALL_OLD, NONE, UPDATED_NEW]; " + noKey,
        t.fail("UpdateItem", "{'TableName':''," + update + ",'ReturnConsumedCapacity':'INVALID',"
            + "'ReturnValues':'INVALID'}").getMessage());
    assertEquals("2 validation errors detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint:"
        + " Member must satisfy enum value set: [OR, AND]; " + noKey,
        t.fail("UpdateItem", "{'TableName':'absent','AttributeUpdates':{'x':{'Action':'PUT','Value':{'S':'1'}}},"
            + "'Expected':{'a':{'Exists':false},'b':{'Exists':false}},'ConditionalOperator':'XOR'}").getMessage());
    // PutItem names its item right after the table name (the order dynalite recorded from DynamoDB)
    assertEquals("3 validation errors detected: Value null at 'tableName' failed to satisfy constraint: Member must"
        + " not be null; Value null at 'item' failed to satisfy constraint: Member must not be null; Value 'INVALID' at"
        + " 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD,"
        + " ALL_OLD, NONE, UPDATED_NEW]", t.fail("PutItem", "{'ReturnValues':'INVALID'}").getMessage());
  }

  /**
   * UpdateItem's statement is charged against the 400 KB limit besides the finished item, before
   * the condition (paritysuite itemSizeBySurface, eu-west-2, 2026-08 to 10): 3, a SET 19 plus its
   * path and value, so "SET b = :pad" may write a value of 409,600 - 23 bytes and no more, whatever
   * the key. PartiQL's UPDATE and AttributeUpdates size only the finished item.
   */
  @Test
  void updateItemChargesItsStatement() {
    String update = "{'TableName':'hash','Key':{'pk':{'S':'%s'}},'UpdateExpression':'SET b = :pad',"
        + "'ExpressionAttributeValues':{':pad':{'S':'%s'}}%s}";
    int ceiling = 400 * 1024 - 3 - 19 - 1;
    t.call("UpdateItem", String.format(update, "k", "x".repeat(ceiling), ""));
    assertEquals("Item size to update has exceeded the maximum allowed size",
        t.fail("UpdateItem", String.format(update, "k2", "x".repeat(ceiling + 1), "")).getMessage());
    // before the condition: a failing condition does not hide it
    assertEquals("Item size to update has exceeded the maximum allowed size", t.fail("UpdateItem",
        String.format(update, "k3", "x".repeat(ceiling + 1), ",'ConditionExpression':'attribute_exists(nope)'"))
        .getMessage());
    // each clause kind has its cost: a path operand 1 + 14 + its name, if_not_exists 39 plus its operands
    String two = "{'TableName':'hash','Key':{'pk':{'S':'%s'}},'UpdateExpression':'SET b = :pad, c = if_not_exists(c,"
        + " :v)','ExpressionAttributeValues':{':pad':{'S':'%s'},':v':{'S':'vv'}}}";
    int withIne = ceiling - (19 + 1 + 39 + (1 + 14 + 1) + 2);
    t.call("UpdateItem", String.format(two, "k4", "x".repeat(withIne)));
    assertEquals(ErrorCode.VALIDATION, t.fail("UpdateItem", String.format(two, "k5", "x".repeat(withIne + 1))).code());
    // PartiQL's UPDATE is not charged for its statement (paritysuite, partiql-update-size-exclusion)
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'k6'}}}");
    t.call("ExecuteStatement", "{'Statement':'UPDATE hash SET b = ? WHERE pk = ?','Parameters':[{'S':'"
        + "x".repeat(ceiling + 1) + "'},{'S':'k6'}]}");
    // AttributeUpdates sizes the finished item only
    t.call("UpdateItem", "{'TableName':'hash','Key':{'pk':{'S':'k'}},'AttributeUpdates':{'b':{'Action':'PUT','Value':"
        + "{'S':'" + "x".repeat(400 * 1024 - 3 - 1) + "'}}}}");
  }

  @Test
  void withTheKeyPresentABadTableNameIsReportedAloneThenTheEnums() {
    // nubo-db/dynamodb-conformance validation ordering of PutItem, UpdateItem and DeleteItem (2026-06) and
    // "PutItem - exact error messages": an empty name is shorter than 1, and nothing else is reported with it.
    // The texts are the newer validation framework's, which paritysuite captured in eu-west-2 (2026-06 to 10;
    // 31 regions of 33): an empty name unechoed under 'TableName', and ReturnValues' generic form
    String one = "1 validation error detected: ";
    String emptyName = one + "Value at 'TableName' failed to satisfy constraint: Member must have length greater"
        + " than or equal to 1";
    String[][] cases = {
        {"PutItem", "{'TableName':'','Item':{},'ReturnValues':'INVALID'}", emptyName},
        {"UpdateItem", "{'TableName':'','Key':{}}", emptyName},
        {"DeleteItem", "{'TableName':'','Key':{},'ReturnConsumedCapacity':'X'}", emptyName},
        {"PutItem", "{'Item':{'pk':{'S':'a'}}}",
            one + "Value null at 'tableName' failed to satisfy constraint: Member must not be null"},
        {"PutItem", "{'TableName':'bad table!@#','Item':{'pk':{'S':'a'}},'ReturnValues':'INVALID'}", one + "Value 'bad"
            + " table!@#' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern:"
            + " [a-zA-Z0-9_.-]+"},
        {"DeleteItem", "{'TableName':'absent','Key':{'pk':{'S':'a'}},'ReturnValues':'INVALID',"
            + "'ReturnConsumedCapacity':'INVALID'}", "2 validation errors detected: Value 'INVALID' at"
            + " 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES,"
            + " TOTAL, NONE]; Failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, UPDATED_OLD,"
            + " ALL_NEW, UPDATE_NEW, NONE]"},
        // UpdateItem stops at its ReturnValues
        {"UpdateItem", "{'TableName':'absent','Key':{'pk':{'S':'a'}},'ReturnValues':'INVALID',"
            + "'ReturnConsumedCapacity':'INVALID'}", one + "Failed to satisfy constraint: Member must satisfy enum value"
            + " set: [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]"},
        {"PutItem", "{'TableName':'absent','Item':{'pk':{'S':'a'}},'ReturnValues':'INVALID','ReturnConsumedCapacity':"
            + "'INVALID','ReturnItemCollectionMetrics':'INVALID'}", "3 validation errors detected: Value 'INVALID' at"
            + " 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES,"
            + " TOTAL, NONE]; Failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, UPDATED_OLD,"
            + " ALL_NEW, UPDATE_NEW, NONE]; Value 'INVALID' at 'returnItemCollectionMetrics' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [SIZE, NONE]"},
    };
    for (String[] c : cases) {
      assertEquals(c[2], t.fail(c[0], c[1]).getMessage(), c[1]);
    }
  }

  @Test
  void eachOperationReadsValuesInItsLayer() {
    // nubo-db/dynamodb-conformance, captured 2026-10-09 in four regions
    String current = "One or more parameter values were invalid: Input collection [\"a\", \"b\", \"b\"] contains duplicates.";
    String older = "One or more parameter values were invalid: Input collection [b, a, b] contains duplicates.";
    String dup = "{'SS':['b','a','b']}";
    assertEquals(current, t.fail("GetItem", "{'TableName':'hash','Key':{'pk':" + dup + "}}").getMessage());
    assertEquals(current, t.fail("BatchGetItem", "{'RequestItems':{'hash':{'Keys':[{'pk':" + dup + "}]}}}").getMessage());
    assertEquals(current, t.fail("Query", "{'TableName':'hash','KeyConditions':{'pk':{'ComparisonOperator':'EQ',"
        + "'AttributeValueList':[{'S':'a'}]}},'QueryFilter':{'s':{'ComparisonOperator':'EQ','AttributeValueList':["
        + dup + "]}}}").getMessage());
    // a bad value in a Query's ExclusiveStartKey is the value's message, not "The provided starting key is invalid"
    assertEquals(current, t.fail("Query", "{'TableName':'hash','KeyConditionExpression':'pk = :p',"
        + "'ExpressionAttributeValues':{':p':{'S':'a'}},'ExclusiveStartKey':{'pk':" + dup + "}}").getMessage());
    assertEquals(older, t.fail("BatchWriteItem", "{'RequestItems':{'hash':[{'PutRequest':{'Item':{'pk':{'S':'a'},"
        + "'s':" + dup + "}}}]}}").getMessage());
    assertEquals(older, t.fail("TransactGetItems", "{'TransactItems':[{'Get':{'TableName':'hash','Key':{'pk':"
        + dup + "}}}]}").getMessage());
    assertEquals("Input collection contains duplicates", t.fail("BatchWriteItem", "{'RequestItems':{'hash':[{"
        + "'DeleteRequest':{'Key':{'pk':{'NS':['2','1','2']}}}}]}}").getMessage());
    assertEquals("The provided starting key is invalid: " + older, t.fail("Scan", "{'TableName':'hash',"
        + "'ExclusiveStartKey':{'pk':" + dup + "}}").getMessage());
    assertEquals("Number underflow. Attempting to store a number with magnitude smaller than supported range",
        t.fail("BatchWriteItem", "{'RequestItems':{'hash':[{'PutRequest':{'Item':{'pk':{'S':'a'},"
            + "'n':{'N':'1e2147483647'}}}}]}}").getMessage());
    assertEquals("The parameter cannot be converted to a numeric value: ",
        t.fail("GetItem", "{'TableName':'hash','Key':{'pk':{'N':''}}}").getMessage());
  }

  @Test
  void switchingToProvisionedKeepsTheTimePayPerRequestWasLastSet() {
    JsonNode before = t.call("DescribeTable", "{'TableName':'hash'}").at("/Table/BillingModeSummary");
    JsonNode after = t.call("UpdateTable", "{'TableName':'hash','BillingMode':'PROVISIONED',"
        + "'ProvisionedThroughput':{'ReadCapacityUnits':3,'WriteCapacityUnits':4}}").at("/TableDescription/BillingModeSummary");
    assertEquals("PROVISIONED", after.get("BillingMode").asText());
    assertEquals(before.get("LastUpdateToPayPerRequestDateTime"), after.get("LastUpdateToPayPerRequestDateTime"));
  }

  @Test
  void includeProjectionNeedsNonKeyAttributes() {
    var e = t.fail("CreateTable", "{'TableName':'inc','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'g','AttributeType':'S'}],"
        + "'BillingMode':'PAY_PER_REQUEST','GlobalSecondaryIndexes':[{'IndexName':'gsi','KeySchema':"
        + "[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'INCLUDE'}}]}");
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals("One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not"
        + " specified", e.getMessage());
    assertEquals("One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not"
        + " specified", t.fail("UpdateTable", "{'TableName':'hash','AttributeDefinitions':[{'AttributeName':'g',"
        + "'AttributeType':'S'}],'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'gsi','KeySchema':"
        + "[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'INCLUDE'}}}]}").getMessage());
  }

  @Test
  void updateTableAnswersUpdatingForStreamEncryptionAndClassChanges() {
    // Responses captured from DynamoDB: enabling a stream answers TableStatus UPDATING; turning KMS
    // encryption off answers the old key with SSEDescription.Status UPDATING. Eddy applies the
    // change at once, so DescribeTable is ACTIVE and shows the result.
    JsonNode stream = t.call("UpdateTable", "{'TableName':'hash','StreamSpecification':{'StreamEnabled':true,"
        + "'StreamViewType':'NEW_IMAGE'}}").get("TableDescription");
    assertEquals("UPDATING", stream.get("TableStatus").asText());
    assertEquals("NEW_IMAGE", stream.at("/StreamSpecification/StreamViewType").asText());
    assertEquals("ACTIVE", t.call("DescribeTable", "{'TableName':'hash'}").at("/Table/TableStatus").asText());
    JsonNode tableClass = t.call("UpdateTable", "{'TableName':'hash','TableClass':'STANDARD_INFREQUENT_ACCESS'}")
        .get("TableDescription");
    assertEquals("UPDATING", tableClass.get("TableStatus").asText());
    assertEquals("STANDARD_INFREQUENT_ACCESS", tableClass.at("/TableClassSummary/TableClass").asText());
    assertTrue(tableClass.at("/TableClassSummary/LastUpdateDateTime").isNumber());

    JsonNode on = t.call("UpdateTable", "{'TableName':'hash','SSESpecification':{'Enabled':true,'SSEType':'KMS'}}")
        .get("TableDescription");
    assertEquals("UPDATING", on.get("TableStatus").asText());
    assertEquals("UPDATING", on.at("/SSEDescription/Status").asText());
    String key = on.at("/SSEDescription/KMSMasterKeyArn").asText();
    assertEquals("ENABLED", t.call("DescribeTable", "{'TableName':'hash'}").at("/Table/SSEDescription/Status").asText());
    JsonNode off = t.call("UpdateTable", "{'TableName':'hash','SSESpecification':{'Enabled':false}}")
        .get("TableDescription");
    assertEquals("{\"Status\":\"UPDATING\",\"SSEType\":\"KMS\",\"KMSMasterKeyArn\":\"" + key + "\"}",
        off.get("SSEDescription").toString());
    assertEquals(false, t.call("DescribeTable", "{'TableName':'hash'}").get("Table").has("SSEDescription"));
    // a change that only flips deletion protection stays ACTIVE
    assertEquals("ACTIVE", t.call("UpdateTable", "{'TableName':'hash','DeletionProtectionEnabled':true}")
        .at("/TableDescription/TableStatus").asText());
    t.call("UpdateTable", "{'TableName':'hash','DeletionProtectionEnabled':false}");
  }

  @Test
  void readValidationAsDynamoDbAnswersIt() {
    // moto's AWS-verified tests and dynalite's recorded answers
    assertEquals("1 validation error detected: Value 'count' at 'select' failed to satisfy constraint: Member must"
        + " satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]",
        t.fail("Scan", "{'TableName':'hash','Select':'count'}").getMessage());
    assertEquals("1 validation error detected: Value 'AN' at 'conditionalOperator' failed to satisfy constraint:"
        + " Member must satisfy enum value set: [OR, AND]",
        t.fail("Scan", "{'TableName':'hash','ConditionalOperator':'AN'}").getMessage());
    // Query parses its expressions and checks for unused names before it looks at the key condition
    assertEquals("Value provided in ExpressionAttributeNames unused in expressions: keys: {#count}",
        t.fail("Query", "{'TableName':'hash','KeyConditionExpression':'(#0 = x) AND (begins_with(#1, a))',"
            + "'ExpressionAttributeNames':{'#0':'pk','#1':'sk','#count':'count'}}").getMessage());
    assertEquals("Invalid ProjectionExpression: The expression can not be empty;",
        t.fail("Query", "{'TableName':'hash','KeyConditionExpression':'pk = sth','ProjectionExpression':''}")
            .getMessage());
    assertEquals("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
        t.fail("Query", "{'TableName':'hash','KeyConditionExpression':'pk = sth'}").getMessage());
    // PartiQL names no index in its message (Query and Scan do)
    assertEquals("The table does not have the specified index",
        t.fail("ExecuteStatement", "{'Statement':'SELECT * FROM range.nope'}").getMessage());
  }

  @Test
  void emptyIndexKeysAreRefusedInThePutOrTheUpdateWording() {
    // Captured from DynamoDB (a third-party suite's four-region capture): puts name the index and
    // the attribute, updates do not.
    t.call("CreateTable", "{'TableName':'idx','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'g','AttributeType':'B'}],"
        + "'BillingMode':'PAY_PER_REQUEST','GlobalSecondaryIndexes':[{'IndexName':'gsib','KeySchema':"
        + "[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}]}");
    String put = "One or more parameter values are not valid. A value specified for a secondary index key is not"
        + " supported. The AttributeValue for a key attribute cannot contain an empty binary value. IndexName: gsib,"
        + " IndexKey: g";
    String update = "One or more parameter values are not valid. The update expression attempted to update a"
        + " secondary index key to a value that is not supported. The AttributeValue for a key attribute cannot"
        + " contain an empty binary value.";
    assertEquals(put, t.fail("PutItem", "{'TableName':'idx','Item':{'pk':{'S':'a'},'g':{'B':''}}}").getMessage());
    // a bad index key is refused before the condition is evaluated
    assertEquals(put, t.fail("PutItem", "{'TableName':'idx','Item':{'pk':{'S':'a'},'g':{'B':''}},"
        + "'ConditionExpression':'attribute_exists(pk)'}").getMessage());
    assertEquals(update, t.fail("UpdateItem", "{'TableName':'idx','Key':{'pk':{'S':'new'}},'UpdateExpression':"
        + "'SET g = :v','ExpressionAttributeValues':{':v':{'B':''}}}").getMessage());
    t.call("PutItem", "{'TableName':'idx','Item':{'pk':{'S':'a'},'g':{'B':'AQ=='}}}");
    assertEquals(update, t.fail("UpdateItem", "{'TableName':'idx','Key':{'pk':{'S':'a'}},'UpdateExpression':"
        + "'SET g = :v','ExpressionAttributeValues':{':v':{'B':''}}}").getMessage());
    var e = t.fail("TransactWriteItems", "{'TransactItems':[{'Update':{'TableName':'idx','Key':{'pk':{'S':'a'}},"
        + "'UpdateExpression':'SET g = :v','ExpressionAttributeValues':{':v':{'B':''}}}}]}");
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals(update, e.getMessage());
    assertEquals("AQ==", t.call("GetItem", "{'TableName':'idx','Key':{'pk':{'S':'a'}}}").at("/Item/g/B").asText());
  }

  @Test
  void aTableArnServesWhereverATableNameDoes() {
    // API reference: "You can also provide the Amazon Resource Name (ARN) of the table in this
    // parameter"; moto's AWS-verified test_batch_write_using_arn
    String arn = t.call("DescribeTable", "{'TableName':'hash'}").at("/Table/TableArn").asText();
    t.call("PutItem", "{'TableName':'" + arn + "','Item':{'pk':{'S':'a'},'v':{'S':'1'}}}");
    assertEquals("1", t.call("GetItem", "{'TableName':'" + arn + "','Key':{'pk':{'S':'a'}}}").at("/Item/v/S").asText());
    t.call("TransactWriteItems", "{'TransactItems':[{'Update':{'TableName':'" + arn + "','Key':{'pk':{'S':'a'}},"
        + "'UpdateExpression':'SET v = :v','ExpressionAttributeValues':{':v':{'S':'2'}}}}]}");
    assertEquals(1, t.call("Query", "{'TableName':'" + arn + "','KeyConditionExpression':'pk = :p',"
        + "'ExpressionAttributeValues':{':p':{'S':'a'}}}").get("Count").asInt());
    assertEquals("2", t.call("Scan", "{'TableName':'" + arn + "'}").at("/Items/0/v/S").asText());
    JsonNode batch = t.call("BatchGetItem", "{'RequestItems':{'" + arn + "':{'Keys':[{'pk':{'S':'a'}}]}}}");
    assertEquals("2", batch.at("/Responses").get(arn).get(0).at("/v/S").asText(), "keyed by the ARN as sent");
    assertEquals("Provided list of item keys contains duplicates", t.fail("BatchWriteItem", "{'RequestItems':{'"
        + arn + "':[{'DeleteRequest':{'Key':{'pk':{'S':'a'}}}}],'hash':[{'DeleteRequest':{'Key':{'pk':{'S':'a'}}}}]}}")
        .getMessage());
    assertEquals("UPDATING", t.call("UpdateTable", "{'TableName':'" + arn + "','StreamSpecification':"
        + "{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}}").at("/TableDescription/TableStatus").asText());
    assertEquals("DISABLED", t.call("DescribeTimeToLive", "{'TableName':'" + arn + "'}")
        .at("/TimeToLiveDescription/TimeToLiveStatus").asText());
    // another account's or region's ARN names no table here
    String other = arn.replace(":000000000000:", ":111111111111:");
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, t.fail("GetItem", "{'TableName':'" + other + "','Key':{'pk':{'S':'a'}}}")
        .code());
    // a table is created by name only
    assertEquals(ErrorCode.VALIDATION, t.fail("CreateTable", "{'TableName':'" + arn.replace("table/hash", "table/new")
        + "','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'AttributeDefinitions':[{'AttributeName':'pk',"
        + "'AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST'}").code());
    assertEquals("DELETING", t.call("DeleteTable", "{'TableName':'" + arn + "'}").at("/TableDescription/TableStatus")
        .asText());
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, t.fail("DescribeTable", "{'TableName':'hash'}").code());
  }

  @Test
  void queryRefusesAnEmptyKeyValue() {
    // as DynamoDB answers (a user's report from the service in moto issue 7062; moto's tests)
    assertEquals("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain"
        + " an empty string value. Key: pk", t.fail("Query", "{'TableName':'hash','KeyConditionExpression':'pk = :p',"
        + "'ExpressionAttributeValues':{':p':{'S':''}}}").getMessage());
    assertEquals("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain"
        + " an empty string value. Key: pk", t.fail("Query", "{'TableName':'range','KeyConditions':{'pk':"
        + "{'ComparisonOperator':'EQ','AttributeValueList':[{'S':''}]}}}").getMessage());
  }

  @Test
  void indexKeyErrorsNameTheFirstIndexByNameAndCancelOrRefuseTransactions() {
    // Captured from DynamoDB by a third-party suite (four regions): the message names the
    // alphabetically first index keyed on the attribute; in a transaction a mistyped index key
    // cancels with a ValidationError reason, an empty one is the request's own error.
    t.call("CreateTable", "{'TableName':'cix','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
        + "{'AttributeName':'sk','KeyType':'RANGE'}],'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
        + "{'AttributeName':'sk','AttributeType':'S'},{'AttributeName':'lsi1sk','AttributeType':'S'}],"
        + "'BillingMode':'PAY_PER_REQUEST','LocalSecondaryIndexes':[{'IndexName':'lsi1','KeySchema':["
        + "{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'lsi1sk','KeyType':'RANGE'}],"
        + "'Projection':{'ProjectionType':'ALL'}}],'GlobalSecondaryIndexes':[{'IndexName':'gsi1','KeySchema':["
        + "{'AttributeName':'lsi1sk','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}]}");
    String mistyped = "One or more parameter values were invalid: Type mismatch for Index Key lsi1sk Expected: S"
        + " Actual: N IndexName: gsi1";
    assertEquals(mistyped, t.fail("PutItem", "{'TableName':'cix','Item':{'pk':{'S':'a'},'sk':{'S':'a'},"
        + "'lsi1sk':{'N':'5'}}}").getMessage());
    assertEquals(mistyped, t.fail("BatchWriteItem", "{'RequestItems':{'cix':[{'PutRequest':{'Item':{'pk':{'S':'a'},"
        + "'sk':{'S':'a'},'lsi1sk':{'N':'5'}}}}]}}").getMessage());
    var put = t.fail("TransactWriteItems", "{'TransactItems':[{'Put':{'TableName':'cix','Item':{'pk':{'S':'a'},"
        + "'sk':{'S':'a'},'lsi1sk':{'N':'5'}}}}]}");
    assertEquals(ErrorCode.TRANSACTION_CANCELED, put.code());
    assertEquals(mistyped, put.extra().at("/CancellationReasons/0/Message").asText());
    var update = t.fail("TransactWriteItems", "{'TransactItems':[{'Update':{'TableName':'cix','Key':{'pk':{'S':'a'},"
        + "'sk':{'S':'b'}},'UpdateExpression':'SET lsi1sk = :v','ExpressionAttributeValues':{':v':{'N':'5'}}}}]}");
    assertEquals("ValidationError", update.extra().at("/CancellationReasons/0/Code").asText());
    assertEquals(mistyped, update.extra().at("/CancellationReasons/0/Message").asText());
    var empty = t.fail("TransactWriteItems", "{'TransactItems':[{'Put':{'TableName':'cix','Item':{'pk':{'S':'a'},"
        + "'sk':{'S':'c'},'lsi1sk':{'S':''}}}}]}");
    assertEquals(ErrorCode.VALIDATION, empty.code());
    assertEquals("One or more parameter values are not valid. A value specified for a secondary index key is not"
        + " supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: gsi1,"
        + " IndexKey: lsi1sk", empty.getMessage());
  }

  @Test
  void transactionsAnswerAsDynamoDbDoes() {
    // a third-party suite run against DynamoDB: a replay under the same token reports the
    // transactional read of each item (2 units for a small item); a TransactGetItems projection
    // that matches nothing leaves Item out
    String put = "{'ClientRequestToken':'tok','ReturnConsumedCapacity':'TOTAL','TransactItems':[{'Put':"
        + "{'TableName':'hash','Item':{'pk':{'S':'t'},'v':{'S':'x'}}}}]}";
    assertEquals(2.0, t.call("TransactWriteItems", put).at("/ConsumedCapacity/0/CapacityUnits").asDouble());
    JsonNode replay = t.call("TransactWriteItems", put).at("/ConsumedCapacity/0");
    assertEquals(2.0, replay.get("CapacityUnits").asDouble());
    assertEquals(2.0, replay.get("ReadCapacityUnits").asDouble());
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'u'},'v':{'S':'y'}}}");
    JsonNode got = t.call("TransactGetItems", "{'TransactItems':[{'Get':{'TableName':'hash','Key':{'pk':{'S':'t'}},"
        + "'ProjectionExpression':'#x','ExpressionAttributeNames':{'#x':'nope'}}},{'Get':{'TableName':'hash',"
        + "'Key':{'pk':{'S':'u'}}}}]}");
    assertEquals("[{},{\"Item\":{\"pk\":{\"S\":\"u\"},\"v\":{\"S\":\"y\"}}}]", got.get("Responses").toString());
  }

  @Test
  void keyConditionProblemsAreReportedInClauseOrderAndBeforeTheTableLookup() {
    // DynamoDB walks a KeyConditionExpression's clauses in order and reports the first problem,
    // an undefined value or a bad operand, before it looks for the table (third-party suite,
    // verified against the service)
    String operand = "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or"
        + " function: begins_with, operand type: N";
    String undefined = "Invalid KeyConditionExpression: An expression attribute value used in expression is not"
        + " defined; attribute value: :missing";
    assertEquals(undefined, t.fail("Query", "{'TableName':'range','KeyConditionExpression':"
        + "'pk = :missing AND begins_with(sk, :n)','ExpressionAttributeValues':{':n':{'N':'1'}}}").getMessage());
    assertEquals(operand, t.fail("Query", "{'TableName':'range','KeyConditionExpression':"
        + "'begins_with(sk, :n) AND pk = :missing','ExpressionAttributeValues':{':n':{'N':'1'}}}").getMessage());
    assertEquals(operand, t.fail("Query", "{'TableName':'absent','KeyConditionExpression':"
        + "'pk = :p AND begins_with(sk, :n)','ExpressionAttributeValues':{':p':{'S':'q'},':n':{'N':'1'}}}").getMessage());
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, t.fail("Query", "{'TableName':'absent','KeyConditionExpression':"
        + "'pk = :p AND begins_with(sk, :s)','ExpressionAttributeValues':{':p':{'S':'q'},':s':{'S':'a'}}}").code());
  }

  @Test
  void queryAnswersABadConditionalOperatorAloneInItsNewerForm() {
    // captured from DynamoDB (two regions, 2026-10-09) by a third-party suite; Scan keeps the older form
    assertEquals("Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]", t.fail("Query",
        "{'TableName':'absent','KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]}},"
        + "'QueryFilter':{'b':{'ComparisonOperator':'NULL'},'c':{'ComparisonOperator':'NULL'}},"
        + "'ConditionalOperator':'XOR','Select':'BOGUS'}").getMessage());
  }

  @Test
  void createTableAnswersInDynamoDbsOrderAndWords() {
    // nubo-db/dynamodb-conformance tests/tier3/error-messages/createTable.test.ts (captured from
    // DynamoDB) and dynalite's createTable tests (verified against DynamoDB)
    String required = "The parameter 'TableName' is required but was not present in the request";
    assertEquals(required, t.fail("CreateTable", "{}").getMessage());
    assertEquals(required, t.fail("CreateTable", "{'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],"
        + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'ProvisionedThroughput':{'ReadCapacityUnits':5,"
        + "'WriteCapacityUnits':5}}").getMessage());
    assertEquals(required, t.fail("CreateTable", "{'TableName':null,'KeySchema':[]}").getMessage());
    // other operations keep the member constraint
    assertEquals("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not"
        + " be null", t.fail("PutItem", "{'Item':{'pk':{'S':'a'}}}").getMessage());

    // GSI members' violations are listed before the LSI members' (captured eu-west-2 and us-east-1)
    String base = "{'TableName':'order','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'pk',"
        + "'AttributeType':'S'},{'AttributeName':'sk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk',"
        + "'KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],";
    String lsi = "'LocalSecondaryIndexes':[{'IndexName':'l1','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
        + "{'AttributeName':'lr','KeyType':'RANGE'}],'Projection':{'ProjectionType':'ALL'}}]";
    String gsi = "'GlobalSecondaryIndexes':[{'IndexName':'g1','KeySchema':[{'AttributeName':'gh','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'ALL'}}]";
    String tooShort = "' failed to satisfy constraint: Member must have length greater than or equal to 3";
    assertEquals("2 validation errors detected: Value 'g1' at 'globalSecondaryIndexes.1.member.indexName" + tooShort
        + "; Value 'l1' at 'localSecondaryIndexes.1.member.indexName" + tooShort,
        t.fail("CreateTable", base + lsi + "," + gsi + "}").getMessage());

    // fewer definitions than key elements, a key attribute named twice included
    String keys = "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'pk','KeyType':'RANGE'}],"
        + "'BillingMode':'PAY_PER_REQUEST'}";
    assertEquals("Invalid KeySchema: Some index key attribute have no definition", t.fail("CreateTable",
        "{'TableName':'dup','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}]," + keys).getMessage());
    assertEquals("Invalid KeySchema: Some index key attribute have no definition", t.fail("CreateTable",
        "{'TableName':'dup','AttributeDefinitions':[],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
            + "'BillingMode':'PAY_PER_REQUEST'}").getMessage());
    assertEquals("Both the Hash Key and the Range Key element in the KeySchema have the same name", t.fail("CreateTable",
        "{'TableName':'dup','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'x',"
            + "'AttributeType':'S'}]," + keys).getMessage());

    assertEquals("1 validation error detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH),"
        + " KeySchemaElement(attributeName=sk, keyType=RANGE), KeySchemaElement(attributeName=extra, keyType=RANGE)]'"
        + " at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2",
        t.fail("CreateTable", "{'TableName':'three','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
            + "{'AttributeName':'sk','AttributeType':'S'},{'AttributeName':'extra','AttributeType':'S'}],"
            + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'},"
            + "{'AttributeName':'extra','KeyType':'RANGE'}],'ProvisionedThroughput':{'ReadCapacityUnits':5,"
            + "'WriteCapacityUnits':5}}").getMessage());
  }

  @Test
  void aNewGlobalIndexIsDefinedByTheRequestsAttributeDefinitions() {
    // nubo-db/dynamodb-conformance tests/tier2/updateTable/gsi.test.ts and third-party captures from
    // DynamoDB: the request must define every key attribute of the new index, the table's own
    // included ("AttributeDefinitions is not specified for index: ..." without any); entries for
    // other attributes are ignored, a conflicting type for the table key too (the stored type stays)
    String create = "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'bySk','KeySchema':[{'AttributeName':'sk',"
        + "'KeyType':'HASH'},{'AttributeName':'g','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}}]}";
    assertEquals("One or more parameter values were invalid: Some index key attributes are not defined in"
        + " AttributeDefinitions. Keys: [sk, g], AttributeDefinitions: [g]", t.fail("UpdateTable", "{'TableName':'range',"
        + "'AttributeDefinitions':[{'AttributeName':'g','AttributeType':'S'}]," + create).getMessage());
    assertEquals("One or more parameter values were invalid: AttributeDefinitions is not specified for index: bySk",
        t.fail("UpdateTable", "{'TableName':'range'," + create).getMessage());
    JsonNode d = t.call("UpdateTable", "{'TableName':'range','AttributeDefinitions':[{'AttributeName':'pk',"
        + "'AttributeType':'N'},{'AttributeName':'g','AttributeType':'S'},{'AttributeName':'unused','AttributeType':'B'},"
        + "{'AttributeName':'sk','AttributeType':'N'}]," + create).get("TableDescription");
    String defs = "[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},"
        + "{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}]";
    assertEquals(defs, d.get("AttributeDefinitions").toString());
    t.engine.indexes().awaitBackfills();
    assertEquals(defs, t.call("DescribeTable", "{'TableName':'range'}").at("/Table/AttributeDefinitions").toString());
    t.call("PutItem", "{'TableName':'range','Item':{'pk':{'S':'still a string'},'sk':{'N':'1'},'g':{'S':'x'}}}");
    assertEquals(1, t.call("Query", "{'TableName':'range','IndexName':'bySk','KeyConditionExpression':'sk = :s',"
        + "'ExpressionAttributeValues':{':s':{'N':'1'}}}").get("Count").asInt());
  }

  @Test
  void onDemandThroughputOfATableIsRecordedDescribedAndChecked() {
    // API reference (OnDemandThroughput: limits >= 1, -1 removes one); nubo-db/dynamodb-conformance
    // tier1 createTable/updateTable config tests; third-party captures from DynamoDB for the texts,
    // the member-by-member merge and the -1 echoed by UpdateTable only
    String table = "{'TableName':'odt','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'AttributeDefinitions':"
        + "[{'AttributeName':'pk','AttributeType':'S'}],%s}";
    String ppr = "'BillingMode':'PAY_PER_REQUEST','OnDemandThroughput':";
    assertEquals("One or more parameter values were invalid: Requested MaxReadRequestUnits for OnDemandThroughput for"
        + " table is outside of valid range", t.fail("CreateTable", String.format(table, ppr
        + "{'MaxReadRequestUnits':-5,'MaxWriteRequestUnits':5}")).getMessage());
    assertEquals("One or more parameter values were invalid: Requested MaxWriteRequestUnits for OnDemandThroughput for"
        + " table is outside of valid range", t.fail("CreateTable", String.format(table, ppr
        + "{'MaxReadRequestUnits':5,'MaxWriteRequestUnits':0}")).getMessage());
    assertEquals(ErrorCode.VALIDATION, t.fail("CreateTable", String.format(table, ppr
        + "{'MaxReadRequestUnits':-1,'MaxWriteRequestUnits':-1}")).code(), "-1 removes a limit; a new table has none");
    assertEquals("One or more parameter values were invalid: MaxWriteRequestUnits for OnDemandThroughput cannot be"
        + " specified when table BillingMode is PROVISIONED.", t.fail("CreateTable", String.format(table,
        "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1},'OnDemandThroughput':"
            + "{'MaxWriteRequestUnits':5}")).getMessage());
    assertEquals(ErrorCode.SERIALIZATION, t.fail("CreateTable", String.format(table, ppr
        + "{'MaxReadRequestUnits':'5'}")).code());

    JsonNode created = t.call("CreateTable", String.format(table, ppr + "{'MaxReadRequestUnits':10,"
        + "'MaxWriteRequestUnits':5}")).get("TableDescription");
    assertEquals("{\"MaxReadRequestUnits\":10,\"MaxWriteRequestUnits\":5}", created.get("OnDemandThroughput").toString());
    assertEquals(created.get("OnDemandThroughput"), describe("odt").get("OnDemandThroughput"));

    JsonNode updated = t.call("UpdateTable", "{'TableName':'odt','OnDemandThroughput':{'MaxReadRequestUnits':20,"
        + "'MaxWriteRequestUnits':15}}").get("TableDescription");
    assertEquals("ACTIVE", updated.get("TableStatus").asText(), "applied at once, as DynamoDB does");
    assertEquals("{\"MaxReadRequestUnits\":20,\"MaxWriteRequestUnits\":15}", updated.get("OnDemandThroughput").toString());
    t.call("UpdateTable", "{'TableName':'odt','OnDemandThroughput':{'MaxReadRequestUnits':30}}");
    assertEquals("{\"MaxReadRequestUnits\":30,\"MaxWriteRequestUnits\":15}", describe("odt").get("OnDemandThroughput")
        .toString(), "a member left out keeps its limit");
    updated = t.call("UpdateTable", "{'TableName':'odt','OnDemandThroughput':{'MaxReadRequestUnits':-1}}")
        .get("TableDescription");
    assertEquals("{\"MaxReadRequestUnits\":-1,\"MaxWriteRequestUnits\":15}", updated.get("OnDemandThroughput").toString());
    assertEquals("{\"MaxWriteRequestUnits\":15}", describe("odt").get("OnDemandThroughput").toString());
    updated = t.call("UpdateTable", "{'TableName':'odt','OnDemandThroughput':{'MaxWriteRequestUnits':-1}}")
        .get("TableDescription");
    assertEquals("{\"MaxWriteRequestUnits\":-1}", updated.get("OnDemandThroughput").toString());
    assertFalse(describe("odt").has("OnDemandThroughput"), "no limit left: no block");
    assertEquals("One or more parameter values were invalid: Requested MaxWriteRequestUnits for OnDemandThroughput for"
        + " table is outside of valid range", t.fail("UpdateTable", "{'TableName':'odt','OnDemandThroughput':"
        + "{'MaxWriteRequestUnits':0}}").getMessage());
    assertEquals(ErrorCode.VALIDATION, t.fail("UpdateTable", "{'TableName':'odt','OnDemandThroughput':"
        + "{'MaxReadRequestUnits':-2}}").code());

    // a switch to PROVISIONED takes no limits and drops those set
    t.call("UpdateTable", "{'TableName':'odt','OnDemandThroughput':{'MaxReadRequestUnits':7}}");
    assertEquals("One or more parameter values were invalid: MaxReadRequestUnits for OnDemandThroughput cannot be"
        + " specified when the table BillingMode is PROVISIONED", t.fail("UpdateTable", "{'TableName':'odt',"
        + "'BillingMode':'PROVISIONED','ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1},"
        + "'OnDemandThroughput':{'MaxReadRequestUnits':8}}").getMessage());
    t.call("UpdateTable", "{'TableName':'odt','BillingMode':'PROVISIONED','ProvisionedThroughput':"
        + "{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}");
    assertFalse(describe("odt").has("OnDemandThroughput"));
    t.call("UpdateTable", "{'TableName':'odt','BillingMode':'PAY_PER_REQUEST','OnDemandThroughput':"
        + "{'MaxWriteRequestUnits':9}}");
    assertEquals("{\"MaxWriteRequestUnits\":9}", describe("odt").get("OnDemandThroughput").toString());
  }

  @Test
  void onDemandThroughputOfAGlobalIndexIsRecordedDescribedAndChecked() {
    // API reference (GlobalSecondaryIndex, UpdateGlobalSecondaryIndexAction); third-party captures
    // from DynamoDB for the texts and for the index's own limits
    String table = "{'TableName':'godt','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'AttributeDefinitions':"
        + "[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'g','AttributeType':'S'}],%s,"
        + "'GlobalSecondaryIndexes':[{'IndexName':'gsi','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'KEYS_ONLY'}%s}]}";
    String ppr = "'BillingMode':'PAY_PER_REQUEST'";
    assertEquals("One or more parameter values were invalid: Requested MaxReadRequestUnits for OnDemandThroughput for"
        + " index : gsi is outside of valid range", t.fail("CreateTable", String.format(table, ppr,
        ",'OnDemandThroughput':{'MaxReadRequestUnits':0}")).getMessage());
    assertEquals("One or more parameter values were invalid: MaxReadRequestUnits for OnDemandThroughput for index: gsi"
        + " cannot be specified when table BillingMode is PROVISIONED.", t.fail("CreateTable", String.format(table,
        "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}", ",'ProvisionedThroughput':"
            + "{'ReadCapacityUnits':1,'WriteCapacityUnits':1},'OnDemandThroughput':{'MaxReadRequestUnits':10}"))
        .getMessage());
    JsonNode created = t.call("CreateTable", String.format(table, ppr,
        ",'OnDemandThroughput':{'MaxReadRequestUnits':50,'MaxWriteRequestUnits':40}")).get("TableDescription");
    assertEquals("{\"MaxReadRequestUnits\":50,\"MaxWriteRequestUnits\":40}",
        created.at("/GlobalSecondaryIndexes/0/OnDemandThroughput").toString());
    JsonNode d = describe("godt");
    assertFalse(d.has("OnDemandThroughput"), "the index's limits are its own");
    assertEquals(created.at("/GlobalSecondaryIndexes/0/OnDemandThroughput"),
        d.at("/GlobalSecondaryIndexes/0/OnDemandThroughput"));

    String update = "{'TableName':'godt','GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'gsi'%s}}]}";
    t.call("UpdateTable", String.format(update, ",'OnDemandThroughput':{'MaxWriteRequestUnits':5000}"));
    assertEquals("{\"MaxReadRequestUnits\":50,\"MaxWriteRequestUnits\":5000}",
        describe("godt").at("/GlobalSecondaryIndexes/0/OnDemandThroughput").toString());
    String onlyOnDemand = "One or more parameter values were invalid: The only Updates for index: gsi when"
        + " TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput";
    assertEquals(onlyOnDemand, t.fail("UpdateTable", String.format(update,
        ",'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}")).getMessage());
    assertEquals(onlyOnDemand, t.fail("UpdateTable", String.format(update, "")).getMessage());
    assertEquals(onlyOnDemand, t.fail("UpdateTable", String.format(update, ",'OnDemandThroughput':{}")).getMessage());
    assertEquals("One or more parameter values were invalid: Requested MaxReadRequestUnits for OnDemandThroughput for"
        + " index : gsi is outside of valid range", t.fail("UpdateTable", String.format(update,
        ",'OnDemandThroughput':{'MaxReadRequestUnits':0}")).getMessage());
    t.call("UpdateTable", String.format(update, ",'OnDemandThroughput':{'MaxReadRequestUnits':-1,"
        + "'MaxWriteRequestUnits':-1}"));
    assertFalse(describe("godt").at("/GlobalSecondaryIndexes/0").has("OnDemandThroughput"));

    // a GSI added by UpdateTable takes limits too; a switch to PROVISIONED drops every index's
    JsonNode added = t.call("UpdateTable", "{'TableName':'godt','AttributeDefinitions':[{'AttributeName':'h',"
        + "'AttributeType':'N'}],'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byH','KeySchema':"
        + "[{'AttributeName':'h','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'},'OnDemandThroughput':"
        + "{'MaxReadRequestUnits':3}}}]}").get("TableDescription");
    assertEquals("{\"MaxReadRequestUnits\":3}", added.at("/GlobalSecondaryIndexes/1/OnDemandThroughput").toString());
    t.engine.indexes().awaitBackfills();
    t.call("UpdateTable", "{'TableName':'godt','BillingMode':'PROVISIONED','ProvisionedThroughput':"
        + "{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}");
    assertFalse(describe("godt").at("/GlobalSecondaryIndexes/1").has("OnDemandThroughput"));
    assertEquals("One or more parameter values were invalid: MaxReadRequestUnits for OnDemandThroughput for index : gsi"
        + " cannot be specified when the table BillingMode is PROVISIONED", t.fail("UpdateTable", String.format(update,
        ",'OnDemandThroughput':{'MaxReadRequestUnits':10}")).getMessage());
  }

  private JsonNode describe(String table) {
    return t.call("DescribeTable", "{'TableName':'" + table + "'}").get("Table");
  }

  @Test
  void singleItemWritesReturnItemCollectionMetricsOnTablesWithLocalIndexes() {
    // a third-party suite run against DynamoDB: PutItem, UpdateItem and DeleteItem answer
    // ItemCollectionMetrics {ItemCollectionKey, SizeEstimateRangeGB [0, 1]} for SIZE on an LSI table
    t.call("CreateTable", "{'TableName':'lsit','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
        + "{'AttributeName':'sk','KeyType':'RANGE'}],'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
        + "{'AttributeName':'sk','AttributeType':'S'},{'AttributeName':'l','AttributeType':'S'}],"
        + "'BillingMode':'PAY_PER_REQUEST','LocalSecondaryIndexes':[{'IndexName':'lsi','KeySchema':["
        + "{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'l','KeyType':'RANGE'}],"
        + "'Projection':{'ProjectionType':'ALL'}}]}");
    String metrics = "{\"ItemCollectionKey\":{\"pk\":{\"S\":\"a\"}},\"SizeEstimateRangeGB\":[0.0,1.0]}";
    assertEquals(metrics, t.call("PutItem", "{'TableName':'lsit','Item':{'pk':{'S':'a'},'sk':{'S':'1'},'l':{'S':'x'}},"
        + "'ReturnItemCollectionMetrics':'SIZE'}").get("ItemCollectionMetrics").toString());
    assertEquals(metrics, t.call("UpdateItem", "{'TableName':'lsit','Key':{'pk':{'S':'a'},'sk':{'S':'1'}},"
        + "'UpdateExpression':'SET v = :v','ExpressionAttributeValues':{':v':{'S':'y'}},"
        + "'ReturnItemCollectionMetrics':'SIZE'}").get("ItemCollectionMetrics").toString());
    assertEquals(metrics, t.call("DeleteItem", "{'TableName':'lsit','Key':{'pk':{'S':'a'},'sk':{'S':'1'}},"
        + "'ReturnItemCollectionMetrics':'SIZE'}").get("ItemCollectionMetrics").toString());
    assertEquals(false, t.call("PutItem", "{'TableName':'lsit','Item':{'pk':{'S':'a'},'sk':{'S':'2'}},"
        + "'ReturnItemCollectionMetrics':'NONE'}").has("ItemCollectionMetrics"));
    assertEquals(false, t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'a'}},"
        + "'ReturnItemCollectionMetrics':'SIZE'}").has("ItemCollectionMetrics"));
  }

  @Test
  void setsComeBackInDynamoDbsOrder() {
    // "GetItem returns a set's members in DynamoDB's own order, not as written: string and binary
    // sets bytewise, number sets by value" (third-party suite, captured 2026-10-09)
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'s'},'ss':{'SS':['b','a','\u00e9','z']},"
        + "'ns':{'NS':['10','-1','2.5']},'bs':{'BS':['/w==','AA==']}}}");
    t.call("UpdateItem", "{'TableName':'hash','Key':{'pk':{'S':'s'}},'UpdateExpression':'ADD ss :v',"
        + "'ExpressionAttributeValues':{':v':{'SS':['']}}}");
    JsonNode item = t.call("GetItem", "{'TableName':'hash','Key':{'pk':{'S':'s'}}}").get("Item");
    assertEquals("[\"\",\"a\",\"b\",\"z\",\"\u00e9\"]", item.at("/ss/SS").toString());
    assertEquals("[\"-1\",\"2.5\",\"10\"]", item.at("/ns/NS").toString());
    assertEquals("[\"AA==\",\"/w==\"]", item.at("/bs/BS").toString());
  }

  @Test
  void partiqlSelectNarrowsItsReadToTheSortKeyRange() {
    // DynamoDB reads (and charges for) only the sort key range a SELECT's WHERE names
    String payload = "x".repeat(3000);
    for (int i = 1; i <= 10; i++) {
      t.call("PutItem", "{'TableName':'range','Item':{'pk':{'S':'p'},'sk':{'N':'" + i + "'},'v':{'S':'" + payload + "'}}}");
    }
    JsonNode r = t.call("ExecuteStatement", "{'Statement':'SELECT sk FROM range WHERE pk = ? AND sk > ?',"
        + "'Parameters':[{'S':'p'},{'N':'8'}],'ReturnConsumedCapacity':'TOTAL'}");
    assertEquals("[{\"sk\":{\"N\":\"9\"}},{\"sk\":{\"N\":\"10\"}}]", r.get("Items").toString());
    assertEquals(1.0, r.at("/ConsumedCapacity/CapacityUnits").asDouble(), "two 3 KB items, not ten");
    assertEquals(3, t.call("ExecuteStatement", "{'Statement':'SELECT sk FROM range WHERE pk = ? AND sk BETWEEN ? AND ?"
        + " AND v <> ?','Parameters':[{'S':'p'},{'N':'2'},{'N':'4'},{'S':'none'}]}").get("Items").size());
    // a sort key inside an OR is left to the filter: the whole partition is read
    JsonNode either = t.call("ExecuteStatement", "{'Statement':'SELECT sk FROM range WHERE pk = ? AND (sk = ? OR sk = ?)',"
        + "'Parameters':[{'S':'p'},{'N':'1'},{'N':'10'}],'ReturnConsumedCapacity':'TOTAL'}");
    assertEquals(2, either.get("Items").size());
    assertEquals(4.0, either.at("/ConsumedCapacity/CapacityUnits").asDouble());
  }

  @Test
  void controlPlaneTextsAsDynamoDbWordsThemNow() {
    // texts captured from DynamoDB in 2026 (a third-party catalogue of the service's messages)
    assertEquals("Attribute Name is duplicated: pk", t.fail("CreateTable", "{'TableName':'dup','KeySchema':"
        + "[{'AttributeName':'pk','KeyType':'HASH'}],'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
        + "{'AttributeName':'pk','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST'}").getMessage());
    assertEquals("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates,"
        + " SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency,"
        + " DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required",
        t.fail("UpdateTable", "{'TableName':'hash'}").getMessage());
  }

  @Test
  void sseSpecificationTextsAsDynamoDbWordsThemNow() {
    String create = "{'TableName':'sse','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST',"
        + "'SSESpecification':";
    String prefix = "One or more parameter values were invalid: ";
    assertEquals(prefix + "SSEType can not be specified if Enabled is false",
        t.fail("CreateTable", create + "{'Enabled':false,'SSEType':'KMS'}}").getMessage());
    assertEquals(prefix + "KMSMasterKeyId can not be specified if Enabled is false",
        t.fail("CreateTable", create + "{'Enabled':false,'KMSMasterKeyId':'k'}}").getMessage());
    assertEquals(prefix + "SSEType AES256 is not supported",
        t.fail("CreateTable", create + "{'Enabled':true,'SSEType':'AES256'}}").getMessage());
    assertEquals(prefix + "SSEType KMS is required if KMSMasterKeyId is specified",
        t.fail("CreateTable", create + "{'Enabled':true,'KMSMasterKeyId':'k'}}").getMessage());
    assertEquals("ENABLED", t.call("CreateTable", create + "{'Enabled':true,'SSEType':'KMS','KMSMasterKeyId':'k'}}")
        .at("/TableDescription/SSEDescription/Status").asText());
  }
}
