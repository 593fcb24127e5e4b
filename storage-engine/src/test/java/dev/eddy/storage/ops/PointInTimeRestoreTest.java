package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.api.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RestoreTableToPointInTime from the change history that point-in-time recovery keeps. */
class PointInTimeRestoreTest {
  private static final long T0 = 1_700_000_000_000L;
  private final MiscOpsFixture t = new MiscOpsFixture(Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC));

  @AfterEach
  void close() {
    t.close();
  }

  /** Table src (pk S, sk N) with a GSI on g, recovery on at T0, and 10 items written at T0. */
  private void source() {
    t.call("CreateTable", "{'TableName':'src','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':"
        + "'sk','KeyType':'RANGE'}],'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
        + "{'AttributeName':'sk','AttributeType':'N'},{'AttributeName':'g','AttributeType':'S'}],"
        + "'BillingMode':'PAY_PER_REQUEST','GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':"
        + "[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}]}");
    t.call("UpdateContinuousBackups", "{'TableName':'src','PointInTimeRecoverySpecification':"
        + "{'PointInTimeRecoveryEnabled':true}}");
    for (int i = 0; i < 10; i++) {
      put("p" + (i % 2), i, "v0");
    }
  }

  private void put(String pk, int sk, String v) {
    t.call("PutItem", "{'TableName':'src','Item':{'pk':{'S':'" + pk + "'},'sk':{'N':'" + sk + "'},'g':{'S':'G'},"
        + "'v':{'S':'" + v + "'}}}");
  }

  private JsonNode get(String table, String pk, int sk) {
    return t.call("GetItem", "{'TableName':'" + table + "','Key':{'pk':{'S':'" + pk + "'},'sk':{'N':'" + sk + "'}}}")
        .path("Item");
  }

  private void advance(long seconds) {
    t.clock.advance(Duration.ofSeconds(seconds));
  }

  private static String seconds(long millis) {
    return java.math.BigDecimal.valueOf(millis, 3).toPlainString();
  }

  @Test
  void aRestoreRebuildsTheTableAsItWasAtTheGivenTime() {
    source();
    advance(60);
    put("p0", 0, "v1"); // T0+60: changed
    t.call("DeleteItem", "{'TableName':'src','Key':{'pk':{'S':'p1'},'sk':{'N':'1'}}}"); // deleted
    put("new", 1, "v1"); // created
    advance(60);
    put("p0", 0, "v2"); // T0+120: changed again
    put("new", 1, "v2");
    t.call("DeleteItem", "{'TableName':'src','Key':{'pk':{'S':'p0'},'sk':{'N':'2'}}}");
    advance(600); // the latest restorable time is five minutes back

    JsonNode restored = t.call("RestoreTableToPointInTime", "{'SourceTableName':'src','TargetTableName':'at30',"
        + "'RestoreDateTime':" + seconds(T0 + 30_000) + "}").get("TableDescription");
    assertEquals("CREATING", restored.get("TableStatus").asText());
    assertTrue(restored.at("/RestoreSummary/RestoreInProgress").asBoolean());
    assertEquals(t.arn("src"), restored.at("/RestoreSummary/SourceTableArn").asText());
    assertEquals(T0 / 1000.0 + 30, restored.at("/RestoreSummary/RestoreDateTime").asDouble(), 0.001);
    assertFalse(restored.at("/RestoreSummary").has("SourceBackupArn"));
    assertEquals(10, t.call("DescribeTable", "{'TableName':'at30'}").at("/Table/ItemCount").asInt());
    assertEquals("v0", get("at30", "p0", 0).at("/v/S").asText());
    assertEquals("v0", get("at30", "p1", 1).at("/v/S").asText());
    assertTrue(get("at30", "p0", 2).has("v"));
    assertTrue(get("at30", "new", 1).isMissingNode());
    assertEquals(10, t.call("Query", "{'TableName':'at30','IndexName':'byG','KeyConditionExpression':'g = :g',"
        + "'ExpressionAttributeValues':{':g':{'S':'G'}}}").get("Count").asInt(), "the index is built too");

    t.call("RestoreTableToPointInTime", "{'SourceTableArn':'" + t.arn("src") + "','TargetTableName':'at90',"
        + "'RestoreDateTime':" + seconds(T0 + 90_000) + "}");
    assertEquals("v1", get("at90", "p0", 0).at("/v/S").asText());
    assertTrue(get("at90", "p1", 1).isMissingNode());
    assertEquals("v1", get("at90", "new", 1).at("/v/S").asText());
    assertTrue(get("at90", "p0", 2).has("v"));

    t.call("RestoreTableToPointInTime", "{'SourceTableName':'src','TargetTableName':'latest',"
        + "'UseLatestRestorableTime':true}");
    assertEquals("v2", get("latest", "p0", 0).at("/v/S").asText());
    assertTrue(get("latest", "p0", 2).isMissingNode());
    assertEquals(9, t.call("DescribeTable", "{'TableName':'latest'}").at("/Table/ItemCount").asInt());
    // the source is untouched, and a restored table keeps no recovery of its own
    assertEquals("v2", get("src", "p0", 0).at("/v/S").asText());
    assertEquals("DISABLED", t.call("DescribeContinuousBackups", "{'TableName':'latest'}")
        .at("/ContinuousBackupsDescription/PointInTimeRecoveryDescription/PointInTimeRecoveryStatus").asText());
  }

  @Test
  void theLatestRestorableTimeIsFiveMinutesBack() {
    source();
    advance(100);
    put("p0", 0, "recent");
    // recovery on for 100 s: the window is [T0, T0] until five minutes have passed
    t.call("RestoreTableToPointInTime", "{'SourceTableName':'src','TargetTableName':'early',"
        + "'UseLatestRestorableTime':true}");
    assertEquals("v0", get("early", "p0", 0).at("/v/S").asText());
    assertEquals(ErrorCode.INVALID_RESTORE_TIME, t.fail("RestoreTableToPointInTime", "{'SourceTableName':'src',"
        + "'TargetTableName':'x01','RestoreDateTime':" + seconds(T0 + 100_000) + "}").code());
    assertEquals(ErrorCode.INVALID_RESTORE_TIME, t.fail("RestoreTableToPointInTime", "{'SourceTableName':'src',"
        + "'TargetTableName':'x01','RestoreDateTime':" + seconds(T0 - 1) + "}").code());
    advance(300);
    t.call("RestoreTableToPointInTime", "{'SourceTableName':'src','TargetTableName':'later',"
        + "'UseLatestRestorableTime':true}");
    assertEquals("recent", get("later", "p0", 0).at("/v/S").asText());
  }

  @Test
  void refusals() {
    source();
    t.createTable("plain", true);
    assertEquals(ErrorCode.POINT_IN_TIME_RECOVERY_UNAVAILABLE, t.fail("RestoreTableToPointInTime",
        "{'SourceTableName':'plain','TargetTableName':'x01','UseLatestRestorableTime':true}").code());
    assertEquals(ErrorCode.TABLE_NOT_FOUND, t.fail("RestoreTableToPointInTime",
        "{'SourceTableName':'nope','TargetTableName':'x01','UseLatestRestorableTime':true}").code());
    assertEquals(ErrorCode.TABLE_ALREADY_EXISTS, t.fail("RestoreTableToPointInTime",
        "{'SourceTableName':'src','TargetTableName':'plain','UseLatestRestorableTime':true}").code());
    assertEquals(ErrorCode.VALIDATION, t.fail("RestoreTableToPointInTime",
        "{'SourceTableName':'src','TargetTableName':'x01'}").code(), "no time");
    assertEquals(ErrorCode.VALIDATION, t.fail("RestoreTableToPointInTime", "{'SourceTableName':'src',"
        + "'TargetTableName':'x01','UseLatestRestorableTime':true,'RestoreDateTime':" + seconds(T0) + "}").code());
    assertEquals(ErrorCode.VALIDATION, t.fail("RestoreTableToPointInTime",
        "{'TargetTableName':'x01','UseLatestRestorableTime':true}").code(), "no source");
    assertEquals(ErrorCode.VALIDATION, t.fail("RestoreTableToPointInTime",
        "{'SourceTableName':'src','TargetTableName':'x','UseLatestRestorableTime':true}").code(), "short name");
    // turning recovery off drops the history; on again starts a new one
    t.call("UpdateContinuousBackups", "{'TableName':'src','PointInTimeRecoverySpecification':"
        + "{'PointInTimeRecoveryEnabled':false}}");
    assertEquals(ErrorCode.POINT_IN_TIME_RECOVERY_UNAVAILABLE, t.fail("RestoreTableToPointInTime",
        "{'SourceTableName':'src','TargetTableName':'x01','UseLatestRestorableTime':true}").code());
    advance(10);
    t.call("UpdateContinuousBackups", "{'TableName':'src','PointInTimeRecoverySpecification':"
        + "{'PointInTimeRecoveryEnabled':true}}");
    assertEquals(ErrorCode.INVALID_RESTORE_TIME, t.fail("RestoreTableToPointInTime",
        "{'SourceTableName':'src','TargetTableName':'x01','RestoreDateTime':" + seconds(T0) + "}").code());
  }

  @Test
  void theHistoryGoesWithItsTableAndOutsideTheRecoveryPeriod() {
    source();
    long historyId = t.engine.catalog().get("src").historyId();
    assertTrue(historyId > 0);
    assertEquals(10, historyRows(historyId));
    t.call("UpdateContinuousBackups", "{'TableName':'src','PointInTimeRecoverySpecification':"
        + "{'PointInTimeRecoveryEnabled':true,'RecoveryPeriodInDays':1}}");
    advance(86_400 + 60);
    put("p0", 0, "v1");
    t.call("UpdateContinuousBackups", "{'TableName':'src','PointInTimeRecoverySpecification':"
        + "{'PointInTimeRecoveryEnabled':true,'RecoveryPeriodInDays':1}}");
    assertEquals(1, historyRows(historyId), "rows older than the recovery period are dropped");
    t.call("DeleteTable", "{'TableName':'src'}");
    assertEquals(0, historyRows(historyId));
  }

  @Test
  void aBusyTablesHistoryKeepsItsNewestRowsAndTheWindowShrinksToThem() {
    t.engine.pointInTimeRecovery().maxRows(20);
    source(); // 10 rows at T0
    for (int i = 1; i <= 40; i++) {
      advance(1);
      put("p0", 0, "v" + i); // T0+i: v<i>
    }
    long historyId = t.engine.catalog().get("src").historyId();
    int rows = historyRows(historyId);
    assertTrue(rows <= 20 && rows >= 18, "trimmed to 90 % of the bound when past it: " + rows);
    advance(600);
    JsonNode pitr = t.call("DescribeContinuousBackups", "{'TableName':'src'}")
        .at("/ContinuousBackupsDescription/PointInTimeRecoveryDescription");
    long earliest = Math.round(pitr.get("EarliestRestorableDateTime").asDouble() * 1000);
    assertTrue(earliest > T0 + 20_000 && earliest <= T0 + 40_000, "the window starts at the oldest row kept");
    assertEquals(ErrorCode.INVALID_RESTORE_TIME, t.fail("RestoreTableToPointInTime", "{'SourceTableName':'src',"
        + "'TargetTableName':'x01','RestoreDateTime':" + seconds(earliest - 1) + "}").code());
    t.call("RestoreTableToPointInTime", "{'SourceTableName':'src','TargetTableName':'atEarliest',"
        + "'RestoreDateTime':" + seconds(earliest) + "}");
    assertEquals("v" + (earliest - T0) / 1000, get("atEarliest", "p0", 0).at("/v/S").asText());
    t.call("RestoreTableToPointInTime", "{'SourceTableName':'src','TargetTableName':'at35',"
        + "'RestoreDateTime':" + seconds(T0 + 35_500) + "}");
    assertEquals("v35", get("at35", "p0", 0).at("/v/S").asText());
    assertEquals(10, t.call("DescribeTable", "{'TableName':'at35'}").at("/Table/ItemCount").asInt());
  }

  @Test
  void restoresAndTrimsRunBesideWritersWithoutDeadlock() throws Exception {
    // a trim runs in a writer's commit listener under the writer's row locks, and a restore takes
    // row locks to write the new table: neither may wait for the other while holding its own
    t.engine.pointInTimeRecovery().maxRows(500);
    t.createTable("busy", true);
    t.call("UpdateContinuousBackups", "{'TableName':'busy','PointInTimeRecoverySpecification':"
        + "{'PointInTimeRecoveryEnabled':true}}");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    java.util.concurrent.atomic.AtomicBoolean restoring = new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger restored = new java.util.concurrent.atomic.AtomicInteger();
    try {
      java.util.List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int first = w;
        writers.add(pool.submit(() -> {
          // a second a write: the last five minutes hold ~300 rows, under the bound, so the latest
          // restorable time stays above the history's floor and the restores write their tables
          for (int i = first; !stop.get() && (restoring.get() || i < 4000); i += 2) {
            t.clock.advance(Duration.ofSeconds(1));
            t.call("PutItem", "{'TableName':'busy','Item':{'pk':{'S':'k" + (i % 700) + "'},'sk':{'N':'1'},"
                + "'v':{'N':'" + i + "'}}}");
          }
        }));
      }
      java.util.concurrent.Future<?> restores = pool.submit(() -> {
        try {
          while (!stop.get() && t.clock.offset().getSeconds() < 600) { // the latest time past the first writes
            Thread.onSpinWait();
          }
          for (int r = 0; r < 20; r++) {
            try {
              t.call("RestoreTableToPointInTime", "{'SourceTableName':'busy','TargetTableName':'copy" + r + "',"
                  + "'UseLatestRestorableTime':true}");
              if (t.call("DescribeTable", "{'TableName':'copy" + r + "'}").at("/Table/ItemCount").asInt() > 100) {
                restored.incrementAndGet();
              }
            } catch (dev.eddy.api.ApiException e) {
              // the writers moved the clock far enough between the window's check and the restore
              // for a trim to pass the time: refused, as it should be
              assertEquals(ErrorCode.INVALID_RESTORE_TIME, e.code(), e.getMessage());
            }
          }
        } finally {
          restoring.set(false);
        }
      });
      restores.get(60, java.util.concurrent.TimeUnit.SECONDS); // a deadlock fails here
      for (java.util.concurrent.Future<?> f : writers) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      stop.set(true); // no writer may outlive the engine, which the fixture closes after the test
      pool.shutdown();
      assertTrue(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS));
    }
    assertTrue(restored.get() > 0, "restores wrote their tables beside the writers");
    int rows = historyRows(t.engine.catalog().get("busy").historyId());
    assertTrue(rows <= 500, "the history stays within its bound: " + rows);
  }

  /** The history's rows, after a compaction (reads in ITEMS do not look for range deletions). */
  private int historyRows(long id) {
    int n = 0;
    byte[] lower = java.nio.ByteBuffer.allocate(8).putLong(id).array();
    byte[] upper = java.nio.ByteBuffer.allocate(8).putLong(id + 1).array();
    t.engine.store().compactRange(dev.eddy.storage.KvStore.Space.ITEMS, lower, upper);
    try (dev.eddy.storage.KvStore.Cursor c = t.engine.store().cursor(dev.eddy.storage.KvStore.Space.ITEMS, lower, upper)) {
      for (c.seek(lower); c.valid() && java.util.Arrays.compareUnsigned(c.key(), upper) < 0; c.next()) {
        n++;
      }
    }
    return n;
  }
}
