package dev.eddy.streams;

import static dev.eddy.streams.StreamsFixture.item;
import static dev.eddy.streams.StreamsFixture.obj;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.InlineBudget;
import dev.eddy.storage.ItemChange;
import dev.eddy.storage.ItemCodec;
import dev.eddy.storage.Items;
import dev.eddy.storage.Table;
import dev.eddy.streams.internal.RecordCodec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamRecordsTest {
  private StreamsFixture f;

  @AfterEach
  void tearDown() {
    if (f != null) {
      f.close();
    }
  }

  /**
   * A writer that read the old item as stored hands its row to the change (SingleItemWrite does):
   * the record's OldImage is then that JSON as it is, and must be the record the item gives.
   */
  @Test
  void oldImageFromTheStoredRowIsTheRecordTheItemGives() {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", "NEW_AND_OLD_IMAGES");
    f.put("Tbl", item("pk", "a", "v", 1, "w", "x"));
    Table t = f.engine.catalog().get("Tbl");
    byte[] row = t.rowKey(item("pk", "a"));
    byte[] stored = f.engine.items().getRaw(row);
    Map<String, AttributeValue> old = ItemCodec.decode(stored);
    Map<String, AttributeValue> next = item("pk", "a", "v", 2);
    ItemChange fromItem = new ItemChange(t, row, item("pk", "a"), old, next, ItemChange.Origin.USER);
    ItemChange fromRow = ItemChange.fromRow(t, row, item("pk", "a"), new Items.Row(stored, old), next, ItemChange.Origin.USER);
    assertEquals(fromItem.oldSize(), fromRow.oldSize());
    assertEquals(
        new String(RecordCodec.encode(fromItem, "NEW_AND_OLD_IMAGES", 7), ISO_8859_1),
        new String(RecordCodec.encode(fromRow, "NEW_AND_OLD_IMAGES", 7), ISO_8859_1));
  }

  /**
   * GetRecords sends each record as the renderer writes it, with the stored Keys and images copied
   * in, not parsed: the whole Record, field by field, with a region that needs escaping.
   */
  @Test
  void aStoredRecordRendersAsTheApisRecordWithItsImagesCopiedIn() {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", "NEW_AND_OLD_IMAGES");
    Table t = f.engine.catalog().get("Tbl");
    Map<String, AttributeValue> keys = item("pk", "a");
    ItemChange c = new ItemChange(t, t.rowKey(keys), keys, item("pk", "a", "v", "\u00e9 \"q\" \u2603"),
        item("pk", "a", "v", 2), ItemChange.Origin.TTL);
    byte[] stored = RecordCodec.encode(c, "NEW_AND_OLD_IMAGES", 1_700_000_000_999L);
    String json = new String(new RecordCodec.Renderer("r\"1", "NEW_AND_OLD_IMAGES").render(stored, 7, 42), UTF_8);
    assertTrue(json.matches("\\{\"eventID\":\"[0-9a-f]{32}\",.*"), json);
    assertEquals("\"eventName\":\"MODIFY\",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\","
        + "\"awsRegion\":\"r\\\"1\",\"dynamodb\":{\"ApproximateCreationDateTime\":1700000000,"
        + "\"Keys\":{\"pk\":{\"S\":\"a\"}},\"NewImage\":{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"2\"}},"
        + "\"OldImage\":{\"pk\":{\"S\":\"a\"},\"v\":{\"S\":\"\u00e9 \\\"q\\\" \u2603\"}},"
        + "\"SequenceNumber\":\"100000000000000000042\",\"SizeBytes\":" + RecordCodec.sizeBytes(c, "NEW_AND_OLD_IMAGES")
        + ",\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},"
        + "\"userIdentity\":{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}}",
        json.substring(json.indexOf("\"eventName\"")));
    // the eventID is the stream's and the sequence number's, and differs between them
    String id = json.substring(12, 44);
    RecordCodec.Renderer r = new RecordCodec.Renderer("us-east-1", "KEYS_ONLY");
    assertEquals(id, new String(r.render(stored, 7, 42), UTF_8).substring(12, 44));
    assertNotEquals(id, new String(r.render(stored, 7, 43), UTF_8).substring(12, 44));
    assertNotEquals(id, new String(r.render(stored, 8, 42), UTF_8).substring(12, 44));
    // a value that is not a stored record is refused, not sent
    byte[] damaged = stored.clone();
    damaged[damaged.length - 1] = ' ';
    assertThrows(IllegalStateException.class, () -> r.render(damaged, 7, 42));
    byte[] unknownEvent = stored.clone();
    unknownEvent[1] = 3;
    assertThrows(IllegalStateException.class, () -> r.render(unknownEvent, 7, 42));
    // an empty stored object (never written) still renders as valid JSON
    byte[] empty = java.util.Arrays.copyOf(stored, RecordCodec.HEADER + 2);
    empty[RecordCodec.HEADER] = '{';
    empty[RecordCodec.HEADER + 1] = '}';
    JsonNode d = StreamsFixture.records(new RecordsPage(List.of(r.render(empty, 7, 42)), null)).get(0).path("dynamodb");
    assertEquals("100000000000000000042", d.path("SequenceNumber").asText());
    assertFalse(d.has("Keys"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
  void oneRecordPerChangeWithTheImagesOfTheViewType(String viewType) {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", viewType);
    f.put("Tbl", item("pk", "a", "v", 1));
    f.put("Tbl", item("pk", "a", "v", 2));
    f.delete("Tbl", item("pk", "a"));
    String arn = f.streamArn("Tbl");

    List<JsonNode> recs = f.readAll(arn);
    assertEquals(3, recs.size());
    assertEquals(List.of("INSERT", "MODIFY", "REMOVE"),
        List.of(recs.get(0).path("eventName").asText(), recs.get(1).path("eventName").asText(),
            recs.get(2).path("eventName").asText()));
    boolean withNew = viewType.startsWith("NEW");
    boolean withOld = viewType.contains("OLD");
    Object[][] images = {{null, "1"}, {"1", "2"}, {"2", null}}; // old v, new v
    BigInteger prev = BigInteger.ZERO;
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      JsonNode r = recs.get(i);
      assertEquals("1.1", r.path("eventVersion").asText());
      assertEquals("aws:dynamodb", r.path("eventSource").asText());
      assertEquals("us-east-1", r.path("awsRegion").asText());
      assertTrue(r.path("eventID").asText().matches("[0-9a-f]{32}"));
      assertTrue(ids.add(r.path("eventID").asText()));
      assertFalse(r.has("userIdentity"));
      JsonNode d = r.path("dynamodb");
      assertEquals(StreamsFixture.START.getEpochSecond(), d.path("ApproximateCreationDateTime").asLong());
      assertTrue(d.path("ApproximateCreationDateTime").isIntegralNumber());
      assertEquals("{\"pk\":{\"S\":\"a\"}}", d.path("Keys").toString());
      assertEquals(viewType, d.path("StreamViewType").asText());
      String seq = d.path("SequenceNumber").asText();
      assertTrue(seq.matches("[1-9][0-9]{20,39}"), seq);
      BigInteger s = new BigInteger(seq);
      assertTrue(s.compareTo(prev) > 0);
      prev = s;
      Object oldV = images[i][0];
      Object newV = images[i][1];
      assertEquals(withNew && newV != null, d.has("NewImage"), "NewImage " + i);
      assertEquals(withOld && oldV != null, d.has("OldImage"), "OldImage " + i);
      if (d.has("NewImage")) {
        assertEquals("{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"" + newV + "\"}}", d.path("NewImage").toString());
      }
      if (d.has("OldImage")) {
        assertEquals("{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"" + oldV + "\"}}", d.path("OldImage").toString());
      }
      // SizeBytes: keys (pk + "a" = 3) plus each carried image (3 + "v" + N(1 digit)=2 -> 6)
      long expected = 3 + (d.has("NewImage") ? 6 : 0) + (d.has("OldImage") ? 6 : 0);
      assertEquals(expected, d.path("SizeBytes").asLong());
    }
  }

  @Test
  void sizeBytesMatchesTheAwsWalkthroughExample() {
    f = new StreamsFixture(StreamSettings.defaults());
    // Keys {Id: N 101}, NewImage {Message: S "New item!", Id: N 101}: the AWS guide shows SizeBytes 26
    var d = dev.eddy.api.Json.object();
    d.put("TableName", "Forum");
    d.put("TableArn", f.engine.tableArn("Forum"));
    d.putArray("KeySchema").addObject().put("AttributeName", "Id").put("KeyType", "HASH");
    d.putArray("AttributeDefinitions").addObject().put("AttributeName", "Id").put("AttributeType", "N");
    dev.eddy.storage.ops.StreamSpecs.applyOnCreate(d, StreamsFixture.spec(true, "NEW_AND_OLD_IMAGES"),
        f.engine.config());
    f.engine.catalog().create(d);
    f.put("Forum", item("Message", "New item!", "Id", 101));
    JsonNode r = f.readAll(f.streamArn("Forum")).get(0);
    assertEquals(26, r.path("dynamodb").path("SizeBytes").asLong());
  }

  @Test
  void noOpChangesAndTablesWithoutStreamsProduceNoRecords() {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", "NEW_AND_OLD_IMAGES");
    f.createTable("Plain", null);
    f.put("Tbl", item("pk", "a", "v", 1));
    assertEquals(0, f.put("Tbl", item("pk", "a", "v", 1)), "same image again is a no-op");
    assertEquals(0, f.delete("Tbl", item("pk", "missing")), "deleting nothing is a no-op");
    f.put("Plain", item("pk", "x"));
    assertEquals(1, f.readAll(f.streamArn("Tbl")).size());
    assertEquals(1, f.call("ListStreams", obj()).path("Streams").size());
  }

  @Test
  void ttlDeletionsCarryTheServiceIdentity() {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", "OLD_IMAGE");
    f.put("Tbl", item("pk", "a", "exp", 5));
    f.write("Tbl", item("pk", "a"), null, ItemChange.Origin.TTL);
    List<JsonNode> recs = f.readAll(f.streamArn("Tbl"));
    assertFalse(recs.get(0).has("userIdentity"));
    JsonNode user = recs.get(1).path("userIdentity");
    assertEquals("dynamodb.amazonaws.com", user.path("PrincipalId").asText());
    assertEquals("Service", user.path("Type").asText());
    assertEquals("REMOVE", recs.get(1).path("eventName").asText());
  }

  @Test
  void changesOfOneItemStayInOneShardInOrder() {
    f = new StreamsFixture(StreamSettings.defaults().withOpenShards(4));
    f.createTable("Tbl", "NEW_IMAGE");
    for (int round = 0; round < 5; round++) {
      for (int k = 0; k < 40; k++) {
        f.put("Tbl", item("pk", "item" + k, "round", round));
      }
    }
    String arn = f.streamArn("Tbl");
    List<String> shards = f.shardIds(arn);
    assertEquals(4, shards.size());
    Map<String, String> shardOfItem = new HashMap<>();
    Map<String, Integer> lastRound = new HashMap<>();
    int total = 0;
    for (String shard : shards) {
      BigInteger prev = BigInteger.ZERO;
      for (JsonNode r : f.readShard(arn, shard)) {
        total++;
        String pk = r.path("dynamodb").path("Keys").path("pk").path("S").asText();
        int round = r.path("dynamodb").path("NewImage").path("round").path("N").asInt();
        assertEquals(shard, shardOfItem.computeIfAbsent(pk, x -> shard), "all changes of " + pk + " in one shard");
        assertEquals(lastRound.getOrDefault(pk, -1) + 1, round, "changes of " + pk + " in order");
        lastRound.put(pk, round);
        BigInteger seq = new BigInteger(r.path("dynamodb").path("SequenceNumber").asText());
        assertTrue(seq.compareTo(prev) > 0);
        prev = seq;
      }
    }
    assertEquals(200, total);
    assertTrue(new HashSet<>(shardOfItem.values()).size() > 1, "items spread over shards");
  }

  /** Table "Tbl" with a KEYS_ONLY stream and items k0 .. k(n-1) put one by one; its stream's ARN. */
  private String keysOnlyTableWith(int items) {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", "KEYS_ONLY");
    for (int i = 0; i < items; i++) {
      f.put("Tbl", item("pk", "k" + i));
    }
    return f.streamArn("Tbl");
  }

  @Test
  void getRecordsPagesByLimitAndKeepsAnIteratorOnAnOpenShard() {
    String arn = keysOnlyTableWith(10);
    String shard = f.shardIds(arn).get(0);
    String it = f.iterator(arn, shard, "TRIM_HORIZON", null);
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ObjectNode page = f.getRecords(it, 3);
      sizes.add(page.path("Records").size());
      it = page.path("NextShardIterator").asText(null);
      assertTrue(it != null, "an open shard always has a next iterator");
    }
    assertEquals(List.of(3, 3, 3, 1, 0), sizes);
    // an empty page keeps the position: a later write shows up through the same iterator
    f.put("Tbl", item("pk", "late"));
    ObjectNode page = f.getRecords(it, null);
    assertEquals(1, page.path("Records").size());
    assertEquals("late", page.path("Records").get(0).path("dynamodb").path("Keys").path("pk").path("S").asText());

    // LATEST skips what is there
    String latest = f.iterator(arn, shard, "LATEST", null);
    assertEquals(0, f.getRecords(latest, null).path("Records").size());
    f.put("Tbl", item("pk", "after-latest"));
    assertEquals(1, f.getRecords(latest, null).path("Records").size());
  }

  @Test
  void underAnInlineBudgetGetRecordsStopsRatherThanReadMoreRecordsThanItAllows() {
    String arn = keysOnlyTableWith(5);
    String shard = f.shardIds(arn).get(0);
    String it = f.iterator(arn, shard, "TRIM_HORIZON", null);
    // within the budget: the page as without one
    assertEquals(5, InlineBudget.run(5, () -> f.log.records(it, 1000)).records().size());
    assertEquals(3, InlineBudget.run(3, () -> f.log.records(it, 3)).records().size(), "Limit reached first");
    // more records than the budget: stopped, to be read again without it
    assertThrows(InlineBudget.Exceeded.class, () -> InlineBudget.run(4, () -> f.log.records(it, 1000)));
    assertEquals(5, f.log.records(it, 1000).records().size());
    // errors are answered under the budget as without it
    assertThrows(ApiException.class, () -> InlineBudget.run(4, () -> f.log.records("not-an-iterator", 10)));
  }

  @Test
  void getRecordsReturnsAtMostAboutOneMegabyte() {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", "NEW_IMAGE");
    String big = "x".repeat(300 * 1024);
    for (int i = 0; i < 5; i++) {
      f.put("Tbl", item("pk", "k" + i, "blob", big));
    }
    String arn = f.streamArn("Tbl");
    String it = f.iterator(arn, f.shardIds(arn).get(0), "TRIM_HORIZON", null);
    ObjectNode first = f.getRecords(it, null);
    assertEquals(3, first.path("Records").size());
    ObjectNode second = f.getRecords(first.path("NextShardIterator").asText(), null);
    assertEquals(2, second.path("Records").size());
    assertEquals("k3", second.path("Records").get(0).path("dynamodb").path("Keys").path("pk").path("S").asText());
  }

  @Test
  void sequenceNumberIteratorsStartAtOrAfterARecord() {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", "KEYS_ONLY");
    for (int i = 0; i < 4; i++) {
      f.put("Tbl", item("pk", "k" + i));
    }
    String arn = f.streamArn("Tbl");
    String shard = f.shardIds(arn).get(0);
    List<JsonNode> all = f.readShard(arn, shard);
    String seq1 = all.get(1).path("dynamodb").path("SequenceNumber").asText();
    JsonNode at = f.getRecords(f.iterator(arn, shard, "AT_SEQUENCE_NUMBER", seq1), null).path("Records");
    JsonNode after = f.getRecords(f.iterator(arn, shard, "AFTER_SEQUENCE_NUMBER", seq1), null).path("Records");
    assertEquals(3, at.size());
    assertEquals(seq1, at.get(0).path("dynamodb").path("SequenceNumber").asText());
    assertEquals(2, after.size());
    // the shard's StartingSequenceNumber is a valid AT_SEQUENCE_NUMBER position
    String start = f.describe(arn).path("Shards").get(0).path("SequenceNumberRange")
        .path("StartingSequenceNumber").asText();
    assertEquals(4, f.getRecords(f.iterator(arn, shard, "AT_SEQUENCE_NUMBER", start), null).path("Records").size());
    assertNotEquals(seq1, start);
  }

  /**
   * 30,000 records read from TRIM_HORIZON in pages of 1,000: all of them, once, in order. (How
   * fast is the benchmarks' business: `LoadGenerator --workloads stream-read`.)
   */
  @Test
  void readsEveryRecordFromTrimHorizonPageByPage() {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", "NEW_AND_OLD_IMAGES");
    int n = 30_000;
    List<java.util.Map<String, AttributeValue>> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(item("pk", "item-" + i, "name", "some value " + i, "count", i));
      if (batch.size() == 500) {
        f.putAll("Tbl", batch);
        batch = new ArrayList<>();
      }
    }
    String arn = f.streamArn("Tbl");
    String shard = f.shardIds(arn).get(0);
    List<JsonNode> recs = new ArrayList<>();
    String it = f.iterator(arn, shard, "TRIM_HORIZON", null);
    int pages = 0;
    while (true) {
      RecordsPage page = f.log.records(it, 1000);
      recs.addAll(StreamsFixture.records(page));
      it = page.nextShardIterator();
      if (page.records().isEmpty()) {
        break;
      }
      assertEquals(1000, page.records().size());
      pages++;
    }
    assertEquals(30, pages);
    assertEquals(n, recs.size());
    BigInteger prev = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      JsonNode d = recs.get(i).path("dynamodb");
      assertEquals("item-" + i, d.path("Keys").path("pk").path("S").asText());
      assertEquals(i, d.path("NewImage").path("count").path("N").asInt());
      BigInteger seq = new BigInteger(d.path("SequenceNumber").asText());
      assertTrue(seq.compareTo(prev) > 0);
      prev = seq;
    }
  }

  @Test
  void nullNextIteratorAbsentFromClosedShardAtEnd() {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", "KEYS_ONLY");
    f.put("Tbl", item("pk", "a"));
    String arn = f.streamArn("Tbl");
    String shard = f.shardIds(arn).get(0);
    f.updateStream("Tbl", false, null);
    ObjectNode page = f.getRecords(f.iterator(arn, shard, "TRIM_HORIZON", null), null);
    assertEquals(1, page.path("Records").size());
    assertNull(page.get("NextShardIterator"));
  }
}
