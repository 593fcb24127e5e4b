package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.storage.ItemChange;
import dev.eddy.storage.ItemCodec;
import dev.eddy.storage.TtlSweeper;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeToLiveTest {
  private final MiscOpsFixture t = new MiscOpsFixture();

  @AfterEach
  void close() {
    t.close();
  }

  private ObjectNode update(boolean enabled, String attr) {
    return t.call("UpdateTimeToLive", "{'TableName':'tab1','TimeToLiveSpecification':{'Enabled':" + enabled
        + ",'AttributeName':'" + attr + "'}}");
  }

  private ApiException updateFails(boolean enabled, String attr) {
    return t.fail("UpdateTimeToLive", "{'TableName':'tab1','TimeToLiveSpecification':{'Enabled':" + enabled
        + ",'AttributeName':'" + attr + "'}}");
  }

  private String describe() {
    return t.call("DescribeTimeToLive", "{'TableName':'tab1'}").toString();
  }

  @Test
  void enableDescribeDisableWithTheHourlyRule() {
    t.createTable("tab1", false);
    assertEquals("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}", describe());
    assertEquals("TimeToLive is already disabled", updateFails(false, "ttl").getMessage());

    assertEquals("{\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"ttl\"}}",
        update(true, "ttl").toString());
    assertEquals("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"ENABLED\",\"AttributeName\":\"ttl\"}}", describe());
    // content checks come before the interval rule
    assertEquals("TimeToLive is already enabled", updateFails(true, "ttl").getMessage());
    assertEquals("TimeToLive is active on a different AttributeName: current AttributeName is ttl",
        updateFails(true, "other").getMessage());
    ApiException tooSoon = updateFails(false, "ttl");
    assertEquals(ErrorCode.VALIDATION, tooSoon.code());
    assertEquals("Time to live has been modified multiple times within a fixed interval", tooSoon.getMessage());

    t.clock.advance(Duration.ofMinutes(59));
    assertEquals("Time to live has been modified multiple times within a fixed interval",
        updateFails(false, "ttl").getMessage());
    t.clock.advance(Duration.ofMinutes(2));
    update(false, "ttl");
    assertEquals("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}", describe());
    assertEquals("Time to live has been modified multiple times within a fixed interval",
        updateFails(true, "expires").getMessage());
    t.clock.advance(Duration.ofHours(1));
    update(true, "expires");
    assertEquals("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"ENABLED\",\"AttributeName\":\"expires\"}}",
        describe());
    // the internal field never leaks into DescribeTable
    assertFalse(t.call("DescribeTable", "{'TableName':'tab1'}").get("Table").has(TtlSweeper.FIELD));
  }

  @Test
  void validationAndMissingTable() {
    ApiException e = t.fail("UpdateTimeToLive", "{'TableName':'tab1'}");
    assertEquals("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint:"
        + " Member must not be null", e.getMessage());
    e = t.fail("UpdateTimeToLive", "{'TableName':'tab1','TimeToLiveSpecification':{'AttributeName':''}}");
    assertTrue(e.getMessage().startsWith("2 validation errors detected"), e.getMessage());
    e = updateFails(true, "ttl");
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    assertEquals("Requested resource not found: Table: tab1 not found", e.getMessage());
    e = t.fail("DescribeTimeToLive", "{'TableName':'tab1'}");
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
  }

  private void put(String pk, String ttlJson) {
    t.call("PutItem", "{'TableName':'tab1','Item':{'pk':{'S':'" + pk + "'}" + (ttlJson == null ? "" : ",'ttl':" + ttlJson)
        + "}}");
  }

  private boolean exists(String pk) {
    return t.call("GetItem", "{'TableName':'tab1','Key':{'pk':{'S':'" + pk + "'}}}").has("Item");
  }

  @Test
  void sweeperDeletesExpiredItemsThroughTheWritePathWithTtlOrigin() {
    t.createTable("tab1", false);
    long now = t.clock.millis() / 1000;
    put("past", "{'N':'" + (now - 10) + "'}");
    put("pastFraction", "{'N':'" + (now - 10) + ".5'}");
    put("future", "{'N':'" + (now + 3600) + "'}");
    put("tooOld", "{'N':'" + (now - 6L * 365 * 86400) + "'}");
    put("string", "{'S':'" + (now - 10) + "'}");
    put("missing", null);
    TtlSweeper sweeper = new TtlSweeper(t.engine);
    assertEquals(0, sweeper.sweepOnce(), "TTL not enabled yet");
    update(true, "ttl");
    t.captured.clear();

    assertEquals(2, sweeper.sweepOnce());
    assertFalse(exists("past"));
    assertFalse(exists("pastFraction"));
    assertTrue(exists("future"));
    assertTrue(exists("tooOld"));
    assertTrue(exists("string"));
    assertTrue(exists("missing"));
    assertEquals(2, t.captured.size());
    for (ItemChange c : t.captured) {
      assertEquals(ItemChange.Origin.TTL, c.origin());
      assertEquals("REMOVE", c.eventName());
      assertTrue(c.oldItem().containsKey("ttl"));
      // read as its row, as every writer does: the stream record's OldImage is the stored JSON
      assertNotNull(c.oldStored());
      assertEquals(c.oldItem(), ItemCodec.decode(c.oldStored()));
    }
    assertEquals(4, t.call("DescribeTable", "{'TableName':'tab1'}").at("/Table/ItemCount").asInt());

    // expired but not yet swept: still readable
    t.clock.advance(Duration.ofHours(2));
    assertTrue(exists("future"));
    assertEquals(1, sweeper.sweepOnce());
    assertFalse(exists("future"));
    assertEquals(0, sweeper.sweepOnce());
  }

  @Test
  void sweeperStopsWhenTtlIsDisabledAndCoversManyItems() {
    t.createTable("tab1", false);
    update(true, "ttl");
    long now = t.clock.millis() / 1000;
    for (int i = 0; i < 600; i++) {
      put("k" + i, "{'N':'" + (i % 2 == 0 ? now - 5 : now + 5000) + "'}");
    }
    TtlSweeper sweeper = new TtlSweeper(t.engine);
    assertEquals(300, sweeper.sweepOnce());
    t.clock.advance(Duration.ofHours(1));
    update(false, "ttl");
    t.clock.advance(Duration.ofHours(3));
    assertEquals(0, sweeper.sweepOnce());
  }

  @Test
  void attributeNamesThatJsonEscapesAndNestedLookalikes() {
    t.createTable("tab1", false);
    t.call("UpdateTimeToLive", "{'TableName':'tab1','TimeToLiveSpecification':{'Enabled':true,"
        + "'AttributeName':'e\\\\x'}}");
    long past = t.clock.millis() / 1000 - 5;
    t.call("PutItem", "{'TableName':'tab1','Item':{'pk':{'S':'a'},'e\\\\x':{'N':'" + past + "'}}}");
    t.call("PutItem", "{'TableName':'tab1','Item':{'pk':{'S':'b'},'m':{'M':{'e\\\\x':{'N':'" + past + "'}}}}}");
    assertEquals(1, new TtlSweeper(t.engine).sweepOnce());
    assertFalse(exists("a"));
    assertTrue(exists("b"), "only a top-level attribute counts");
  }

  @Test
  void aStartedSweeperSkipsTablesWhoseItemsCannotHaveExpired() {
    t.createTable("tab1", false);
    update(true, "ttl");
    long now = t.clock.millis() / 1000;
    put("hour", "{'N':'" + (now + 3600) + "'}");
    put("ancient", "{'N':'" + (now - 6L * 365 * 24 * 3600) + "'}"); // never expires
    put("none", null);
    try (TtlSweeper sweeper = new TtlSweeper(t.engine, Duration.ofHours(1))) {
      sweeper.start(); // the background sweep is an hour away: this test calls sweepOnce itself
      assertEquals(0, sweeper.sweepOnce());
      assertEquals(1, sweeper.tableSweeps());
      assertEquals(0, sweeper.sweepOnce());
      assertEquals(1, sweeper.tableSweeps(), "nothing can have expired: not swept again");

      // a write with an earlier TTL makes the table due at that time
      put("tenMinutes", "{'N':'" + (now + 600) + "'}");
      put("ancient2", "{'N':'" + (now - 6L * 365 * 24 * 3600) + "'}");
      sweeper.sweepOnce();
      assertEquals(1, sweeper.tableSweeps(), "not due yet");
      t.clock.advance(Duration.ofMinutes(11));
      assertEquals(1, sweeper.sweepOnce());
      assertEquals(2, sweeper.tableSweeps());
      assertFalse(exists("tenMinutes"));
      assertTrue(exists("hour"));

      // an item written already expired is swept at once
      put("past", "{'N':'" + (now - 5) + "'}");
      assertEquals(1, sweeper.sweepOnce());
      assertFalse(exists("past"));

      // the earliest future TTL found by the last sweep is the next due time
      t.clock.advance(Duration.ofMinutes(50));
      assertEquals(1, sweeper.sweepOnce());
      assertFalse(exists("hour"));
      assertTrue(exists("ancient"));
      assertTrue(exists("none"));
      long sweeps = sweeper.tableSweeps();
      t.clock.advance(Duration.ofDays(365));
      assertEquals(0, sweeper.sweepOnce());
      assertEquals(sweeps, sweeper.tableSweeps(), "only never-expiring items are left");

      // TTL on another attribute: due at once
      update(false, "ttl");
      t.clock.advance(Duration.ofHours(2));
      update(true, "other");
      sweeper.sweepOnce();
      assertEquals(sweeps + 1, sweeper.tableSweeps());
    }
  }

  @Test
  void backgroundSweeperRuns() throws InterruptedException {
    t.createTable("tab1", false);
    update(true, "ttl");
    put("past", "{'N':'" + (t.clock.millis() / 1000 - 1) + "'}");
    try (TtlSweeper sweeper = new TtlSweeper(t.engine, Duration.ofMillis(20))) {
      sweeper.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (exists("past") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertFalse(exists("past"));
      // and it goes on sweeping after the first pass
      put("later", "{'N':'" + (t.clock.millis() / 1000 - 1) + "'}");
      while (exists("later") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertFalse(exists("later"));
    }
  }
}
