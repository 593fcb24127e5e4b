package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.server.EddyServer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The Streams API through the real server with the SDK's DynamoDbStreamsClient. */
class StreamsIT {
  private static EddyServer server;
  private static DynamoDbClient ddb;
  private static DynamoDbStreamsClient streams;

  @BeforeAll
  static void start() {
    server = SdkClients.startInMemory();
    ddb = SdkClients.dynamo(server.endpoint());
    streams = DynamoDbStreamsClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @AfterAll
  static void stop() {
    streams.close();
    ddb.close();
    server.close();
  }

  private static String createStreamTable(String name, StreamViewType viewType) {
    return ddb.createTable(b -> b.tableName(name)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)))
        .tableDescription().latestStreamArn();
  }

  private static List<Record> readAll(String streamArn) {
    List<Record> out = new ArrayList<>();
    DescribeStreamResponse d = streams.describeStream(b -> b.streamArn(streamArn));
    for (Shard shard : d.streamDescription().shards()) {
      String it = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      for (int i = 0; i < 100 && it != null; i++) {
        final String current = it;
        GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(current));
        out.addAll(r.records());
        if (r.records().isEmpty()) {
          break;
        }
        it = r.nextShardIterator();
      }
    }
    return out;
  }

  @Test
  void everyWriteProducesOneRecordWithImages() {
    String arn = createStreamTable("streamed", StreamViewType.NEW_AND_OLD_IMAGES);
    assertTrue(arn.startsWith("arn:aws:dynamodb:us-east-1:000000000000:table/streamed/stream/"), arn);
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("k1"));
    ddb.putItem(b -> b.tableName("streamed").item(Map.of("pk", AttributeValue.fromS("k1"), "v", AttributeValue.fromN("1"))));
    ddb.putItem(b -> b.tableName("streamed").item(Map.of("pk", AttributeValue.fromS("k1"), "v", AttributeValue.fromN("1"))));
    ddb.updateItem(b -> b.tableName("streamed").key(key).updateExpression("SET v = :two")
        .expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2"))));
    ddb.deleteItem(b -> b.tableName("streamed").key(key));
    ddb.deleteItem(b -> b.tableName("streamed").key(key));

    List<Record> records = readAll(arn);
    assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE),
        records.stream().map(Record::eventName).toList(), "no record for the identical put or the second delete");
    Record modify = records.get(1);
    assertEquals("1", modify.dynamodb().oldImage().get("v").n());
    assertEquals("2", modify.dynamodb().newImage().get("v").n());
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, modify.dynamodb().streamViewType());
    assertEquals("aws:dynamodb", modify.eventSource());
    assertEquals("1.1", modify.eventVersion());
    assertEquals("us-east-1", modify.awsRegion());
    assertEquals(key, modify.dynamodb().keys());
    assertNotNull(modify.dynamodb().approximateCreationDateTime());
    BigInteger previous = BigInteger.ZERO;
    for (Record r : records) {
      BigInteger seq = new BigInteger(r.dynamodb().sequenceNumber());
      assertTrue(seq.compareTo(previous) > 0);
      previous = seq;
    }
    assertEquals(1, streams.listStreams(b -> b.tableName("streamed")).streams().size());
    assertEquals(StreamStatus.ENABLED,
        streams.describeStream(b -> b.streamArn(arn)).streamDescription().streamStatus());
  }

  /**
   * A page of more records than the server reads on its event loop (16) is read on a worker
   * instead; a poll that finds a few new records is answered where it arrives. Both give every
   * record, in order.
   */
  @Test
  void bigPagesAndSmallPollsBothGiveEveryRecordInOrder() {
    String arn = createStreamTable("paged", StreamViewType.NEW_IMAGE);
    for (int i = 0; i < 250; i++) {
      String pk = String.format("k%03d", i);
      ddb.putItem(b -> b.tableName("paged").item(Map.of("pk", AttributeValue.fromS(pk))));
    }
    String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
    String start = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    GetRecordsResponse all = streams.getRecords(b -> b.shardIterator(start));
    List<String> keys = all.records().stream().map(r -> r.dynamodb().keys().get("pk").s()).toList();
    assertEquals(250, keys.size(), "one page holds all 250");
    for (int i = 0; i < 250; i++) {
      assertEquals(String.format("k%03d", i), keys.get(i));
    }
    GetRecordsResponse limited = streams.getRecords(b -> b.shardIterator(start).limit(100));
    assertEquals(keys.subList(0, 100), limited.records().stream().map(r -> r.dynamodb().keys().get("pk").s()).toList());
    String caughtUp = all.nextShardIterator();
    assertTrue(streams.getRecords(b -> b.shardIterator(caughtUp)).records().isEmpty());
    ddb.putItem(b -> b.tableName("paged").item(Map.of("pk", AttributeValue.fromS("late1"))));
    ddb.putItem(b -> b.tableName("paged").item(Map.of("pk", AttributeValue.fromS("late2"))));
    GetRecordsResponse poll = streams.getRecords(b -> b.shardIterator(caughtUp));
    assertEquals(List.of("late1", "late2"), poll.records().stream().map(r -> r.dynamodb().keys().get("pk").s()).toList());
  }

  @Test
  void keysOnlyStreamAndDisabledStreamStaysReadable() {
    String arn = createStreamTable("keysonly", StreamViewType.KEYS_ONLY);
    ddb.putItem(b -> b.tableName("keysonly").item(Map.of("pk", AttributeValue.fromS("a"), "x", AttributeValue.fromS("y"))));
    ddb.updateTable(b -> b.tableName("keysonly").streamSpecification(s -> s.streamEnabled(false)));
    assertEquals(arn, ddb.describeTable(b -> b.tableName("keysonly")).table().latestStreamArn());
    List<Record> records = readAll(arn);
    assertEquals(1, records.size());
    assertFalse(records.get(0).dynamodb().hasNewImage());
    assertEquals(StreamStatus.DISABLED,
        streams.describeStream(b -> b.streamArn(arn)).streamDescription().streamStatus());
  }

  @Test
  void shardRolloverAndIteratorExpiryByMovingTheClock() {
    String arn = createStreamTable("rolling", StreamViewType.NEW_IMAGE);
    ddb.putItem(b -> b.tableName("rolling").item(Map.of("pk", AttributeValue.fromS("before"))));
    String parentShard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
    String oldIterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(parentShard)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();

    server.clock().advance(Duration.ofHours(5));
    assertThrows(ExpiredIteratorException.class, () -> streams.getRecords(b -> b.shardIterator(oldIterator)));
    ddb.putItem(b -> b.tableName("rolling").item(Map.of("pk", AttributeValue.fromS("after"))));

    List<Shard> shards = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
    assertTrue(shards.size() >= 2, shards.toString());
    Shard parent = shards.stream().filter(s -> s.shardId().equals(parentShard)).findFirst().orElseThrow();
    assertNotNull(parent.sequenceNumberRange().endingSequenceNumber(), "the parent shard is closed");
    List<Shard> children = streams.describeStream(b -> b.streamArn(arn)
        .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId(parentShard))).streamDescription().shards();
    assertEquals(1, children.size());
    assertEquals(parentShard, children.get(0).parentShardId());

    String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(parentShard)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    GetRecordsResponse fromParent = streams.getRecords(b -> b.shardIterator(it));
    assertEquals(1, fromParent.records().size());
    String next = fromParent.nextShardIterator();
    if (next != null) {
      GetRecordsResponse end = streams.getRecords(b -> b.shardIterator(next));
      assertTrue(end.records().isEmpty());
      assertNull(end.nextShardIterator(), "a closed shard read to its end has no next iterator");
    }
    List<Record> all = readAll(arn);
    assertEquals(List.of("before", "after"), all.stream().map(r -> r.dynamodb().keys().get("pk").s()).toList());
  }
}
