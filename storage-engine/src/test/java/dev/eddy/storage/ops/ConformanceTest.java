package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  @Test
  void withTheKeyPresentABadTableNameIsReportedAloneThenTheEnums() {
    // nubo-db/dynamodb-conformance validation ordering of PutItem, UpdateItem and DeleteItem (2026-06) and
    // "PutItem - exact error messages": an empty name is shorter than 1, and nothing else is reported with it
    String one = "1 validation error detected: ";
    String emptyName = one + "Value '' at 'tableName' failed to satisfy constraint: Member must have length greater"
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
            + " TOTAL, NONE]; Value 'INVALID' at 'returnValues' failed to satisfy constraint: Member must satisfy enum"
            + " value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]"},
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
}
