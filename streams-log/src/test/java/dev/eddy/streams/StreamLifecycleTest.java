package dev.eddy.streams;

import static dev.eddy.streams.StreamsFixture.item;
import static dev.eddy.streams.StreamsFixture.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.storage.AdjustableClock;
import dev.eddy.storage.KvStore;
import dev.eddy.streams.internal.Keys;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamLifecycleTest {
  private StreamsFixture f;

  @AfterEach
  void tearDown() {
    if (f != null) {
      f.close();
    }
  }

  private static String seqOf(JsonNode record) {
    return record.path("dynamodb").path("SequenceNumber").asText();
  }

  @Test
  void shardsRollOverIntoChildrenWhenTheClockPassesThePeriod() {
    f = new StreamsFixture(StreamSettings.defaults().withRolloverPeriod(Duration.ofHours(1)));
    f.createTable("Tbl", "KEYS_ONLY");
    String arn = f.streamArn("Tbl");
    f.put("Tbl", item("pk", "a"));
    f.put("Tbl", item("pk", "b"));
    String parent = f.shardIds(arn).get(0);
    assertTrue(parent.matches("shardId-\\d{20}-[0-9a-f]{8}"), parent);
    assertEquals(String.format("shardId-%020d-", StreamsFixture.START.toEpochMilli()), parent.substring(0, 29));
    f.clock.advance(Duration.ofMinutes(61));
    f.put("Tbl", item("pk", "c"));
    String oldIterator = f.iterator(arn, parent, "TRIM_HORIZON", null);

    JsonNode shards = f.describe(arn).path("Shards");
    assertEquals(2, shards.size());
    JsonNode p = shards.get(0);
    JsonNode c = shards.get(1);
    assertEquals(parent, p.path("ShardId").asText());
    assertFalse(p.has("ParentShardId"));
    assertTrue(p.path("SequenceNumberRange").has("EndingSequenceNumber"));
    assertEquals(parent, c.path("ParentShardId").asText());
    assertFalse(c.path("SequenceNumberRange").has("EndingSequenceNumber"));
    assertTrue(c.path("ShardId").asText().compareTo(parent) > 0, "shard ids sort by creation");

    // the parent reads to its end, then no NextShardIterator
    List<JsonNode> parentRecs = new ArrayList<>();
    ObjectNode page = f.getRecords(oldIterator, null);
    page.path("Records").forEach(parentRecs::add);
    assertNull(page.get("NextShardIterator"));
    assertEquals(2, parentRecs.size());
    BigInteger end = new BigInteger(p.path("SequenceNumberRange").path("EndingSequenceNumber").asText());
    assertEquals(end, new BigInteger(seqOf(parentRecs.get(1))));

    // the child holds the new record; its numbers continue above the parent's
    List<JsonNode> childRecs = f.readShard(arn, c.path("ShardId").asText());
    assertEquals(1, childRecs.size());
    assertTrue(new BigInteger(seqOf(childRecs.get(0))).compareTo(end) > 0);
    assertTrue(new BigInteger(c.path("SequenceNumberRange").path("StartingSequenceNumber").asText()).compareTo(end) > 0);

    // CHILD_SHARDS lineage, as the KCL adapter asks at a shard's end
    JsonNode children = f.call("DescribeStream", obj("StreamArn", arn,
        "ShardFilter", obj("Type", "CHILD_SHARDS", "ShardId", parent))).path("StreamDescription").path("Shards");
    assertEquals(1, children.size());
    assertEquals(c.path("ShardId").asText(), children.get(0).path("ShardId").asText());
    JsonNode none = f.call("DescribeStream", obj("StreamArn", arn,
        "ShardFilter", obj("Type", "CHILD_SHARDS", "ShardId", c.path("ShardId").asText())))
        .path("StreamDescription").path("Shards");
    assertEquals(0, none.size());

    // rollover also happens lazily on reads, without writes
    f.clock.advance(Duration.ofMinutes(61));
    assertEquals(3, f.shardIds(arn).size());
  }

  @Test
  void recordsPastRetentionAreTrimmed() {
    f = new StreamsFixture(StreamSettings.defaults().withRetention(Duration.ofMinutes(10)));
    f.createTable("Tbl", "KEYS_ONLY");
    String arn = f.streamArn("Tbl");
    f.put("Tbl", item("pk", "old"));
    String shard = f.shardIds(arn).get(0);
    String oldSeq = seqOf(f.readShard(arn, shard).get(0));
    f.clock.advance(Duration.ofMinutes(5));
    String horizon = f.iterator(arn, shard, "TRIM_HORIZON", null);
    f.put("Tbl", item("pk", "new"));
    f.clock.advance(Duration.ofMinutes(6)); // "old" is 11 minutes old now; the iterator 6

    ApiException e = f.error("GetRecords", obj("ShardIterator", horizon));
    assertEquals(ErrorCode.TRIMMED_DATA_ACCESS, e.code());
    assertEquals("The data you are trying to access has been trimmed.", e.getMessage());
    e = f.error("GetShardIterator", obj("StreamArn", arn, "ShardId", shard,
        "ShardIteratorType", "AT_SEQUENCE_NUMBER", "SequenceNumber", oldSeq));
    assertEquals(ErrorCode.TRIMMED_DATA_ACCESS, e.code());

    List<JsonNode> left = f.readShard(arn, shard);
    assertEquals(1, left.size());
    assertEquals("new", left.get(0).path("dynamodb").path("Keys").path("pk").path("S").asText());
  }

  @Test
  void closedShardsOlderThanRetentionDisappear() {
    f = new StreamsFixture(StreamSettings.defaults().withRolloverPeriod(Duration.ofHours(1))
        .withRetention(Duration.ofHours(2)));
    f.createTable("Tbl", "KEYS_ONLY");
    String arn = f.streamArn("Tbl");
    f.put("Tbl", item("pk", "a"));
    String first = f.shardIds(arn).get(0);
    f.clock.advance(Duration.ofMinutes(61));
    f.put("Tbl", item("pk", "b")); // first closed at +61 min
    assertEquals(2, f.shardIds(arn).size());
    f.clock.advance(Duration.ofMinutes(30));
    List<String> ids = f.shardIds(arn);
    assertTrue(ids.contains(first));
    f.clock.advance(Duration.ofMinutes(95)); // first closed 125 min ago
    ids = f.shardIds(arn);
    assertFalse(ids.contains(first), ids.toString());
    ApiException e = f.error("GetShardIterator", obj("StreamArn", arn, "ShardId", first,
        "ShardIteratorType", "TRIM_HORIZON"));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
  }

  @Test
  void iteratorsExpireAfterTheirLifetime() {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", "KEYS_ONLY");
    String arn = f.streamArn("Tbl");
    f.put("Tbl", item("pk", "a"));
    String it = f.iterator(arn, f.shardIds(arn).get(0), "TRIM_HORIZON", null);
    f.clock.advance(Duration.ofMinutes(14));
    ObjectNode page = f.getRecords(it, null);
    assertEquals(1, page.path("Records").size());
    String next = page.path("NextShardIterator").asText();
    f.clock.advance(Duration.ofMinutes(1).plusMillis(1));
    ApiException e = f.error("GetRecords", obj("ShardIterator", it));
    assertEquals(ErrorCode.EXPIRED_ITERATOR, e.code());
    assertEquals("The provided iterator exceeds the maximum age allowed.", e.getMessage());
    // the NextShardIterator is fresh
    assertEquals(0, f.getRecords(next, null).path("Records").size());
  }

  @Test
  void forgedOrMalformedIteratorsAreRejected() {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("One", "KEYS_ONLY");
    f.createTable("Two", "KEYS_ONLY");
    f.put("One", item("pk", "secret"));
    String one = f.streamArn("One");
    String two = f.streamArn("Two");
    String it = f.iterator(one, f.shardIds(one).get(0), "TRIM_HORIZON", null);
    assertTrue(it.length() <= 2048);

    List<String> bad = new ArrayList<>();
    bad.add(two + it.substring(one.length())); // moved to another stream
    String blob = it.substring(it.lastIndexOf('|') + 1);
    byte[] raw = Base64.getDecoder().decode(blob);
    raw[raw.length - 20] ^= 1; // moved position / issue time
    bad.add(it.substring(0, it.lastIndexOf('|') + 1) + Base64.getEncoder().encodeToString(raw));
    bad.add("not an iterator");
    bad.add(one + "|1|%%%");
    for (String b : bad) {
      ApiException e = f.error("GetRecords", obj("ShardIterator", b));
      assertEquals(ErrorCode.VALIDATION, e.code(), b);
      assertEquals("Invalid ShardIterator", e.getMessage());
    }
    assertEquals(1, f.getRecords(it, null).path("Records").size());
  }

  @Test
  void aDisabledStreamStaysReadableUntilRetentionExpires() {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", "NEW_IMAGE");
    String arn = f.streamArn("Tbl");
    f.put("Tbl", item("pk", "a"));
    String shard = f.shardIds(arn).get(0);
    String before = f.iterator(arn, shard, "TRIM_HORIZON", null);

    f.clock.advance(Duration.ofSeconds(1));
    f.updateStream("Tbl", false, null);
    var desc = f.engine.catalog().get("Tbl").description();
    assertFalse(desc.has("StreamSpecification"), "DescribeTable leaves StreamSpecification out once disabled");
    assertEquals(arn, desc.path("LatestStreamArn").asText());
    f.put("Tbl", item("pk", "not captured"));

    JsonNode d = f.describe(arn);
    assertEquals("DISABLED", d.path("StreamStatus").asText());
    assertTrue(d.path("Shards").get(0).path("SequenceNumberRange").has("EndingSequenceNumber"));
    assertEquals(1, f.call("ListStreams", obj("TableName", "Tbl")).path("Streams").size());
    ObjectNode page = f.getRecords(before, null);
    assertEquals(1, page.path("Records").size());
    assertNull(page.get("NextShardIterator"));

    // enabling again makes a new stream; both are listed
    f.clock.advance(Duration.ofSeconds(1));
    f.updateStream("Tbl", true, "KEYS_ONLY");
    String arn2 = f.streamArn("Tbl");
    assertNotEquals(arn, arn2);
    f.put("Tbl", item("pk", "b"));
    assertEquals(2, f.call("ListStreams", obj("TableName", "Tbl")).path("Streams").size());
    assertEquals("ENABLED", f.describe(arn2).path("StreamStatus").asText());
    assertEquals(1, f.readAll(arn2).size());
    assertEquals("KEYS_ONLY", f.describe(arn2).path("StreamViewType").asText());

    // deleting the table disables its stream, which stays readable
    f.engine.catalog().delete("Tbl");
    assertEquals("DISABLED", f.describe(arn2).path("StreamStatus").asText());
    assertEquals(1, f.readAll(arn2).size());
    assertEquals(2, f.call("ListStreams", obj("TableName", "Tbl")).path("Streams").size());

    f.clock.advance(Duration.ofHours(24).plusSeconds(5));
    for (String a : List.of(arn, arn2)) {
      ApiException e = f.error("DescribeStream", obj("StreamArn", a));
      assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
      assertEquals("Requested resource not found: Stream: " + a + " not found", e.getMessage());
    }
    assertEquals(0, f.call("ListStreams", obj()).path("Streams").size());
  }

  @Test
  void listStreamsAndDescribeStreamPage() {
    f = new StreamsFixture(StreamSettings.defaults().withOpenShards(5));
    for (int i = 0; i < 5; i++) {
      f.createTable("Table" + i, "KEYS_ONLY");
    }
    f.createTable("NoStream", null);
    List<String> seen = new ArrayList<>();
    ObjectNode req = obj("Limit", 2);
    int pages = 0;
    while (true) {
      ObjectNode res = f.call("ListStreams", req);
      pages++;
      res.path("Streams").forEach(s -> {
        seen.add(s.path("TableName").asText());
        assertEquals(f.streamArn(s.path("TableName").asText()), s.path("StreamArn").asText());
        assertTrue(s.path("StreamLabel").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"));
      });
      if (!res.has("LastEvaluatedStreamArn")) {
        break;
      }
      req = obj("Limit", 2, "ExclusiveStartStreamArn", res.path("LastEvaluatedStreamArn").asText());
    }
    assertEquals(3, pages);
    assertEquals(List.of("Table0", "Table1", "Table2", "Table3", "Table4"), seen);
    assertEquals(0, f.call("ListStreams", obj("TableName", "NoStream")).path("Streams").size());
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, f.error("ListStreams", obj("TableName", "Missing")).code());

    String arn = f.streamArn("Table0");
    JsonNode full = f.describe(arn);
    assertEquals(5, full.path("Shards").size());
    assertFalse(full.has("LastEvaluatedShardId"));
    assertEquals("Table0", full.path("TableName").asText());
    assertEquals("[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]", full.path("KeySchema").toString());
    assertEquals(StreamsFixture.START.toEpochMilli() / 1000.0, full.path("CreationRequestDateTime").asDouble());
    List<String> shardIds = new ArrayList<>();
    ObjectNode dreq = obj("StreamArn", arn, "Limit", 2);
    while (true) {
      JsonNode d = f.call("DescribeStream", dreq).path("StreamDescription");
      d.path("Shards").forEach(s -> shardIds.add(s.path("ShardId").asText()));
      if (!d.has("LastEvaluatedShardId")) {
        break;
      }
      assertEquals(shardIds.get(shardIds.size() - 1), d.path("LastEvaluatedShardId").asText());
      dreq = obj("StreamArn", arn, "Limit", 2, "ExclusiveStartShardId", d.path("LastEvaluatedShardId").asText());
    }
    List<String> sorted = new ArrayList<>(shardIds);
    sorted.sort(null);
    assertEquals(5, shardIds.size());
    assertEquals(sorted, shardIds);
  }

  @Test
  void requestsAreValidatedAsDynamoDbDoes() {
    f = new StreamsFixture(StreamSettings.defaults());
    f.createTable("Tbl", "KEYS_ONLY");
    String arn = f.streamArn("Tbl");
    f.put("Tbl", item("pk", "a"));
    String shard = f.shardIds(arn).get(0);

    ApiException e = f.error("ListStreams", obj("Limit", 0));
    assertEquals("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
        + "Member must have value greater than or equal to 1", e.getMessage());
    assertEquals(ErrorCode.VALIDATION, f.error("DescribeStream", obj("StreamArn", arn, "Limit", 101)).code());
    assertEquals(ErrorCode.VALIDATION, f.error("GetRecords", obj("ShardIterator", "x", "Limit", 1001)).code());
    assertEquals(ErrorCode.VALIDATION, f.error("DescribeStream", obj()).code());
    assertEquals(ErrorCode.VALIDATION,
        f.error("DescribeStream", obj("StreamArn", "sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf")).code());
    String unknown = arn.replace("table/Tbl/", "table/Other/");
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, f.error("DescribeStream", obj("StreamArn", unknown)).code());

    e = f.error("GetShardIterator", obj("StreamArn", arn, "ShardId", shard, "ShardIteratorType", "AT_SEQUENCE_NUMBER"));
    assertEquals(ErrorCode.VALIDATION, e.code());
    String seq = seqOf(f.readShard(arn, shard).get(0));
    e = f.error("GetShardIterator", obj("StreamArn", arn, "ShardId", shard, "ShardIteratorType", "LATEST",
        "SequenceNumber", seq));
    assertEquals(ErrorCode.VALIDATION, e.code());
    e = f.error("GetShardIterator", obj("StreamArn", arn, "ShardId", shard, "ShardIteratorType", "bulle"));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertTrue(e.getMessage().contains("Member must satisfy enum value set"), e.getMessage());
    e = f.error("GetShardIterator", obj("StreamArn", arn, "ShardId", "shardId-00000000000000000000-0000000f",
        "ShardIteratorType", "LATEST"));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    e = f.error("GetShardIterator", obj("StreamArn", unknown, "ShardId", shard, "ShardIteratorType", "LATEST"));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    e = f.error("GetShardIterator", obj("StreamArn", arn, "ShardId", shard, "ShardIteratorType", "AT_SEQUENCE_NUMBER",
        "SequenceNumber", "9" + seq.substring(1)));
    assertEquals(ErrorCode.VALIDATION, e.code(), "beyond the shard's range");
    e = f.error("GetShardIterator", obj("StreamArn", arn, "ShardId", shard, "ShardIteratorType", "AT_SEQUENCE_NUMBER",
        "SequenceNumber", "x".repeat(21)));
    assertEquals(ErrorCode.VALIDATION, e.code());
  }

  @Test
  void everythingSurvivesARestart(@TempDir Path dir) {
    AdjustableClock clock = new AdjustableClock(Clock.fixed(StreamsFixture.START, ZoneOffset.UTC));
    f = new StreamsFixture(StreamSettings.defaults().withRolloverPeriod(Duration.ofHours(1)), dir, clock);
    f.createTable("Tbl", "NEW_AND_OLD_IMAGES", true);
    f.createTable("Gone", "KEYS_ONLY");
    f.put("Gone", item("pk", "g"));
    f.engine.catalog().delete("Gone");
    String gone = f.streamArn("Tbl").replace("table/Tbl/", "table/Gone/");
    for (int i = 0; i < 3; i++) {
      f.put("Tbl", item("pk", "a", "sk", i, "v", "x"));
    }
    clock.advance(Duration.ofMinutes(61));
    f.put("Tbl", item("pk", "a", "sk", 3, "v", "x"));
    String arn = f.streamArn("Tbl");
    JsonNode before = f.describe(arn);
    List<JsonNode> recsBefore = f.readAll(arn);
    assertEquals(4, recsBefore.size());
    String it = f.iterator(arn, before.path("Shards").get(1).path("ShardId").asText(), "LATEST", null);
    List<String> streamsBefore = new ArrayList<>();
    f.call("ListStreams", obj()).path("Streams").forEach(s -> streamsBefore.add(s.path("StreamArn").asText()));

    f.reopen();

    assertEquals(before, f.describe(arn));
    assertEquals(recsBefore, f.readAll(arn));
    List<String> streamsAfter = new ArrayList<>();
    f.call("ListStreams", obj()).path("Streams").forEach(s -> streamsAfter.add(s.path("StreamArn").asText()));
    assertEquals(streamsBefore, streamsAfter);
    assertEquals("DISABLED", f.describe(gone).path("StreamStatus").asText());
    assertEquals(1, f.readAll(gone).size());

    f.put("Tbl", item("pk", "a", "sk", 4, "v", "y"));
    ObjectNode page = f.getRecords(it, null); // an iterator from before the restart still works
    assertEquals(1, page.path("Records").size());
    BigInteger last = new BigInteger(seqOf(recsBefore.get(3)));
    assertTrue(new BigInteger(seqOf(page.path("Records").get(0))).compareTo(last) > 0, "numbers keep growing");
    assertEquals("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"4\"}}",
        page.path("Records").get(0).path("dynamodb").path("Keys").toString());
    assertEquals(Json.mapper().createObjectNode().put("S", "y").toString(),
        page.path("Records").get(0).path("dynamodb").path("NewImage").path("v").toString());
  }

  @Test
  void sequenceNumbersKeepGrowingAfterARestartThatFindsNoRecord(@TempDir Path dir) {
    AdjustableClock clock = new AdjustableClock(Clock.fixed(StreamsFixture.START, ZoneOffset.UTC));
    f = new StreamsFixture(StreamSettings.defaults().withRetention(Duration.ofMinutes(10)), dir, clock);
    f.createTable("Tbl", "KEYS_ONLY");
    String arn = f.streamArn("Tbl");
    for (int i = 0; i < 5; i++) {
      f.put("Tbl", item("pk", "k" + i));
    }
    BigInteger last = new BigInteger(seqOf(f.readAll(arn).get(4)));
    clock.advance(Duration.ofMinutes(11));
    f.log.runMaintenance(); // trims all five: no record is left to tell the next number

    f.reopen();
    f.put("Tbl", item("pk", "after"));
    List<JsonNode> records = f.readAll(arn);
    assertEquals(1, records.size());
    assertTrue(new BigInteger(seqOf(records.get(0))).compareTo(last) > 0, "numbers keep growing");
  }

  @Test
  void recordsAreTheEndOfTheKeySpaceAndTheOldLayoutIsMovedOnStart(@TempDir Path dir) {
    AdjustableClock clock = new AdjustableClock(Clock.fixed(StreamsFixture.START, ZoneOffset.UTC));
    f = new StreamsFixture(StreamSettings.defaults(), dir, clock);
    f.createTable("TAa", "NEW_IMAGE");
    f.createTable("TBb", "KEYS_ONLY");
    String arn = f.streamArn("TAa");
    f.put("TAa", item("pk", "1"));
    f.put("TBb", item("pk", "1"));
    String it = f.iterator(arn, f.shardIds(arn).get(0), "LATEST", null);
    List<byte[]> keys = streamKeys(f.engine.store());
    assertRecordsLast(keys);

    // Rewrite the state keys as a data directory of the old layout had them: after the records.
    KvStore store = f.engine.store();
    try (KvStore.Batch b = store.batch()) {
      for (byte[] k : keys) {
        if (k[0] == Keys.STATE) {
          b.put(KvStore.Space.STREAMS, java.util.Arrays.copyOfRange(k, 1, k.length), store.get(KvStore.Space.STREAMS, k));
          b.delete(KvStore.Space.STREAMS, k);
        }
      }
      store.write(b);
    }
    assertTrue(streamKeys(store).get(streamKeys(store).size() - 1)[0] >= Keys.LEGACY_FIRST);
    BigInteger last = new BigInteger(seqOf(f.readAll(arn).get(0)));
    f.reopen();
    assertRecordsLast(streamKeys(f.engine.store()));
    assertEquals(keys.size(), streamKeys(f.engine.store()).size());
    f.put("TAa", item("pk", "2"));
    ObjectNode page = f.getRecords(it, null); // the iterator key moved with the others
    assertEquals(1, page.path("Records").size());
    assertTrue(new BigInteger(seqOf(page.path("Records").get(0))).compareTo(last) > 0, "numbers keep growing");
    f.createTable("TCc", "KEYS_ONLY");
    assertNotEquals(f.streamArn("TCc"), f.streamArn("TBb"));
    f.put("TCc", item("pk", "1"));
    assertEquals(1, f.readAll(f.streamArn("TCc")).size());
    assertEquals(1, f.readAll(f.streamArn("TBb")).size(), "the next stream id moved too: C did not take B's records");
  }

  private static List<byte[]> streamKeys(KvStore store) {
    List<byte[]> keys = new ArrayList<>();
    try (KvStore.Cursor c = store.cursor(KvStore.Space.STREAMS)) {
      for (c.seekToFirst(); c.valid(); c.next()) {
        keys.add(c.key());
      }
    }
    return keys;
  }

  private static void assertRecordsLast(List<byte[]> keys) {
    int first = -1;
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i)[0] == Keys.RECORD && first < 0) {
        first = i;
      }
      if (first >= 0) {
        assertEquals(Keys.RECORD, keys.get(i)[0], "key " + i + " after the first record is not a record");
      }
    }
    assertTrue(first >= 0, "no record");
  }
}
