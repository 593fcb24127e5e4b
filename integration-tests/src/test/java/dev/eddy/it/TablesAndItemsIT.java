package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.server.EddyServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** Tables and single items through the real server with AWS SDK v2 clients and waiters. */
class TablesAndItemsIT {
  private static EddyServer server;
  private static DynamoDbClient ddb;

  @BeforeAll
  static void start() {
    server = SdkClients.startInMemory();
    ddb = SdkClients.dynamo(server.endpoint());
  }

  @AfterAll
  static void stop() {
    ddb.close();
    server.close();
  }

  private static void create(String name, boolean withSortKey) {
    List<KeySchemaElement> keys = new ArrayList<>();
    List<AttributeDefinition> defs = new ArrayList<>();
    keys.add(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
    defs.add(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build());
    if (withSortKey) {
      keys.add(KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
      defs.add(AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build());
    }
    ddb.createTable(CreateTableRequest.builder().tableName(name).keySchema(keys).attributeDefinitions(defs)
        .billingMode(BillingMode.PAY_PER_REQUEST).build());
  }

  @Test
  void tableLifecycleWithWaiters() {
    ddb.createTable(b -> b.tableName("lifecycle")
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.N).build())
        .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(7L).build())
        .deletionProtectionEnabled(true));
    DescribeTableResponse described = ddb.waiter().waitUntilTableExists(b -> b.tableName("lifecycle")).matched()
        .response().orElseThrow();
    assertEquals(TableStatus.ACTIVE, described.table().tableStatus());
    assertEquals(7L, described.table().provisionedThroughput().writeCapacityUnits());
    assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/lifecycle", described.table().tableArn());
    assertTrue(described.table().deletionProtectionEnabled());
    assertThrows(ResourceInUseException.class, () -> create("lifecycle", false));

    DynamoDbException protectedDelete = assertThrows(DynamoDbException.class,
        () -> ddb.deleteTable(b -> b.tableName("lifecycle")));
    assertEquals("ValidationException", protectedDelete.awsErrorDetails().errorCode());
    ddb.updateTable(b -> b.tableName("lifecycle").deletionProtectionEnabled(false).billingMode(BillingMode.PAY_PER_REQUEST));
    assertEquals(BillingMode.PAY_PER_REQUEST,
        ddb.describeTable(b -> b.tableName("lifecycle")).table().billingModeSummary().billingMode());
    ddb.deleteTable(b -> b.tableName("lifecycle"));
    ddb.waiter().waitUntilTableNotExists(b -> b.tableName("lifecycle"));
    ResourceNotFoundException nf = assertThrows(ResourceNotFoundException.class,
        () -> ddb.describeTable(b -> b.tableName("lifecycle")));
    assertEquals("Requested resource not found: Table: lifecycle not found", nf.awsErrorDetails().errorMessage());
  }

  @Test
  void listTablesPages() {
    for (int i = 0; i < 5; i++) {
      create("page_" + i, false);
    }
    ListTablesResponse first = ddb.listTables(b -> b.exclusiveStartTableName("page_").limit(3));
    assertEquals(List.of("page_0", "page_1", "page_2"), first.tableNames());
    assertEquals("page_2", first.lastEvaluatedTableName());
    List<String> all = new ArrayList<>();
    ddb.listTablesPaginator(b -> b.limit(2)).tableNames().forEach(all::add);
    assertTrue(all.containsAll(List.of("page_0", "page_1", "page_2", "page_3", "page_4")));
  }

  @Test
  void putGetUpdateDeleteItems() {
    create("items", true);
    Map<String, AttributeValue> item = Map.of(
        "pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"),
        "bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2})),
        "set", AttributeValue.fromSs(List.of("x", "y")),
        "doc", AttributeValue.fromM(Map.of("n", AttributeValue.fromN("3.50"), "l",
            AttributeValue.fromL(List.of(AttributeValue.fromBool(true), AttributeValue.fromNul(true))))));
    PutItemResponse put = ddb.putItem(b -> b.tableName("items").item(item)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertEquals(1.0, put.consumedCapacity().capacityUnits());
    GetItemResponse got = ddb.getItem(b -> b.tableName("items").consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"))));
    assertEquals("3.5", got.item().get("doc").m().get("n").n());
    assertEquals(SdkBytes.fromByteArray(new byte[] {0, 1, 2}), got.item().get("bin").b());

    UpdateItemResponse upd = ddb.updateItem(b -> b.tableName("items")
        .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))
        .updateExpression("ADD #c :one SET doc.n = doc.n + :one")
        .expressionAttributeNames(Map.of("#c", "counter"))
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
        .returnValues(ReturnValue.UPDATED_NEW));
    assertEquals("1", upd.attributes().get("counter").n());
    assertEquals("4.5", upd.attributes().get("doc").m().get("n").n());

    ConditionalCheckFailedException failed = assertThrows(ConditionalCheckFailedException.class,
        () -> ddb.putItem(b -> b.tableName("items").item(item).conditionExpression("attribute_not_exists(pk)")));
    assertEquals("The conditional request failed", failed.awsErrorDetails().errorMessage());
    // with the old item DynamoDB writes "Message" (capital M); the SDK reads either
    ConditionalCheckFailedException withItem = assertThrows(ConditionalCheckFailedException.class,
        () -> ddb.putItem(b -> b.tableName("items").item(item).conditionExpression("attribute_not_exists(pk)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertEquals("The conditional request failed", withItem.awsErrorDetails().errorMessage());
    assertEquals("1", withItem.item().get("counter").n());
    TransactionCanceledException canceled = assertThrows(TransactionCanceledException.class,
        () -> ddb.transactWriteItems(b -> b.transactItems(t -> t.put(p -> p.tableName("items").item(item)
            .conditionExpression("attribute_not_exists(pk)")))));
    assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]",
        canceled.awsErrorDetails().errorMessage());
    assertEquals("ConditionalCheckFailed", canceled.cancellationReasons().get(0).code());
    assertEquals(1L, ddb.describeTable(b -> b.tableName("items")).table().itemCount());
    // the table's ARN serves wherever its name does
    String arn = ddb.describeTable(b -> b.tableName("items")).table().tableArn();
    assertEquals("1", ddb.getItem(b -> b.tableName(arn)
        .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))).item().get("counter").n());
    assertEquals(1, ddb.batchGetItem(b -> b.requestItems(Map.of(arn, KeysAndAttributes.builder()
        .keys(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"))).build())))
        .responses().get(arn).size());

    DynamoDbException missingKey = assertThrows(DynamoDbException.class, () -> ddb.putItem(b -> b.tableName("items")
        .item(Map.of("pk", AttributeValue.fromS("a")))));
    assertEquals("ValidationException", missingKey.awsErrorDetails().errorCode());
    assertEquals("One or more parameter values were invalid: Missing the key sk in the item",
        missingKey.awsErrorDetails().errorMessage());

    ddb.deleteItem(b -> b.tableName("items").key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"))));
    assertFalse(ddb.getItem(b -> b.tableName("items")
        .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))).hasItem());
    assertThrows(ResourceNotFoundException.class, () -> ddb.getItem(b -> b.tableName("no_such_table")
        .key(Map.of("pk", AttributeValue.fromS("a")))));
  }

  @Test
  void enhancedClientWithBean() {
    DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(ddb).build();
    DynamoDbTable<Order> orders = enhanced.table("orders", TableSchema.fromBean(Order.class));
    orders.createTable();
    ddb.waiter().waitUntilTableExists(b -> b.tableName("orders"));
    Order o = new Order();
    o.setCustomer("c1");
    o.setNumber(7);
    o.setTotal(12.5);
    o.setNote("first");
    orders.putItem(o);
    Order back = orders.getItem(Key.builder().partitionValue("c1").sortValue(7).build());
    assertEquals("first", back.getNote());
    assertEquals(12.5, back.getTotal());
    back.setNote("changed");
    orders.updateItem(back);
    assertEquals("changed", orders.getItem(Key.builder().partitionValue("c1").sortValue(7).build()).getNote());
    orders.deleteItem(Key.builder().partitionValue("c1").sortValue(7).build());
    assertEquals(null, orders.getItem(Key.builder().partitionValue("c1").sortValue(7).build()));
  }

  /** A bean for the enhanced client. */
  @DynamoDbBean
  public static class Order {
    private String customer;
    private int number;
    private double total;
    private String note;

    @DynamoDbPartitionKey
    public String getCustomer() {
      return customer;
    }

    public void setCustomer(String customer) {
      this.customer = customer;
    }

    @DynamoDbSortKey
    public int getNumber() {
      return number;
    }

    public void setNumber(int number) {
      this.number = number;
    }

    public double getTotal() {
      return total;
    }

    public void setTotal(double total) {
      this.total = total;
    }

    public String getNote() {
      return note;
    }

    public void setNote(String note) {
      this.note = note;
    }
  }
}
