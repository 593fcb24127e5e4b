package dev.eddy.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A table's stream read from the container with DynamoDbStreamsClient, as a stream consumer does. */
@ExtendWith(DockerRequired.class)
@Testcontainers
class StreamsIT {

  @Container
  static final EddyContainer EDDY = new EddyContainer(DockerRequired.image()).withInMemory();

  static DynamoDbClient ddb;
  static DynamoDbStreamsClient streams;

  @BeforeAll
  static void clients() {
    ddb = Clients.dynamoDb(EDDY);
    streams = Clients.streams(EDDY);
  }

  @AfterAll
  static void close() {
    if (ddb != null) {
      ddb.close();
    }
    if (streams != null) {
      streams.close();
    }
  }

  @Test
  void insertModifyRemoveAreReadInOrderWithTheirImages() {
    String streamArn = ddb.createTable(b -> b.tableName("Orders")
        .attributeDefinitions(AttributeDefinition.builder().attributeName("Id")
            .attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("Id").keyType(KeyType.HASH).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .streamSpecification(StreamSpecification.builder().streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()))
        .tableDescription().latestStreamArn();
    assertTrue(streamArn != null && streamArn.startsWith(
        "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/"), streamArn);

    Map<String, AttributeValue> key = Map.of("Id", AttributeValue.fromS("o-1"));
    ddb.putItem(b -> b.tableName("Orders").item(Map.of(
        "Id", AttributeValue.fromS("o-1"), "State", AttributeValue.fromS("NEW"))));
    ddb.updateItem(b -> b.tableName("Orders").key(key)
        .updateExpression("SET #s = :s")
        .expressionAttributeNames(Map.of("#s", "State"))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("PAID"))));
    ddb.deleteItem(b -> b.tableName("Orders").key(key));

    assertEquals(List.of(streamArn), streams.listStreams(b -> b.tableName("Orders")).streams().stream()
        .map(s -> s.streamArn()).toList());
    StreamDescription stream = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription();
    assertEquals(StreamStatus.ENABLED, stream.streamStatus());
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, stream.streamViewType());
    assertEquals("Orders", stream.tableName());
    assertFalse(stream.shards().isEmpty());

    List<Record> records = new ArrayList<>();
    for (Shard shard : stream.shards()) {
      String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      // An open shard always returns a next iterator: stop at the first empty page.
      for (int page = 0; page < 10 && iterator != null; page++) {
        String it = iterator;
        var r = streams.getRecords(b -> b.shardIterator(it));
        records.addAll(r.records());
        iterator = r.records().isEmpty() ? null : r.nextShardIterator();
      }
    }

    assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE),
        records.stream().map(Record::eventName).toList());
    for (Record r : records) {
      assertEquals(key, r.dynamodb().keys());
      assertEquals("aws:dynamodb", r.eventSource());
      assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, r.dynamodb().streamViewType());
    }
    assertEquals("NEW", records.get(0).dynamodb().newImage().get("State").s());
    assertFalse(records.get(0).dynamodb().hasOldImage());
    assertEquals("NEW", records.get(1).dynamodb().oldImage().get("State").s());
    assertEquals("PAID", records.get(1).dynamodb().newImage().get("State").s());
    assertEquals("PAID", records.get(2).dynamodb().oldImage().get("State").s());
    assertFalse(records.get(2).dynamodb().hasNewImage());
    BigInteger previous = BigInteger.ZERO;
    for (Record r : records) {
      BigInteger seq = new BigInteger(r.dynamodb().sequenceNumber());
      assertTrue(seq.compareTo(previous) > 0, "sequence numbers increase");
      previous = seq;
    }
  }
}
