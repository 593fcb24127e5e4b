package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.ErrorCode;
import dev.eddy.storage.ItemChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionsTest {
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

  private JsonNode get(String table, String key) {
    return t.call("GetItem", "{'TableName':'" + table + "','Key':" + key + "}").get("Item");
  }

  private static String str(AttributeValue v) {
    return v instanceof AttributeValue.S s ? s.value() : v instanceof AttributeValue.N n ? n.value().toPlainString() : null;
  }

  @Test
  void allFourActionsCommitTogetherAndReachTheStreamOnce() {
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'upd'},'n':{'N':'1'}}}");
    t.call("PutItem", "{'TableName':'range','Item':{'pk':{'S':'del'},'sk':{'N':'1'},'x':{'S':'gone'}}}");
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'check'}}}");
    t.changes.clear();
    ObjectNode r = t.call("TransactWriteItems", "{'ReturnConsumedCapacity':'TOTAL','TransactItems':["
        + "{'Put':{'TableName':'hash','Item':{'pk':{'S':'new'},'v':{'S':'hello'}},"
        + "'ConditionExpression':'attribute_not_exists(pk)'}},"
        + "{'Update':{'TableName':'hash','Key':{'pk':{'S':'upd'}},'UpdateExpression':'SET n = n + :one, #t = :t',"
        + "'ExpressionAttributeNames':{'#t':'tag'},'ExpressionAttributeValues':{':one':{'N':'1'},':t':{'S':'x'}}}},"
        + "{'Delete':{'TableName':'range','Key':{'pk':{'S':'del'},'sk':{'N':'1'}}}},"
        + "{'ConditionCheck':{'TableName':'hash','Key':{'pk':{'S':'check'}},"
        + "'ConditionExpression':'attribute_exists(pk)'}}]}");
    assertEquals("hello", get("hash", "{'pk':{'S':'new'}}").at("/v/S").asText());
    assertEquals("2", get("hash", "{'pk':{'S':'upd'}}").at("/n/N").asText());
    assertEquals("x", get("hash", "{'pk':{'S':'upd'}}").at("/tag/S").asText());
    assertEquals(null, get("range", "{'pk':{'S':'del'},'sk':{'N':'1'}}"));
    assertEquals(2, r.get("ConsumedCapacity").size());
    assertEquals(6.0, r.at("/ConsumedCapacity/0/CapacityUnits").asDouble()); // 3 actions on hash, 2 WCU each
    assertEquals(3, t.changes.size(), "the ConditionCheck writes nothing");
    ItemChange put = t.changes.get(0);
    assertEquals("INSERT", put.eventName());
    ItemChange upd = t.changes.get(1);
    assertEquals("MODIFY", upd.eventName());
    assertEquals("1", str(upd.oldItem().get("n")));
    assertEquals("2", str(upd.newItem().get("n")));
    ItemChange del = t.changes.get(2);
    assertEquals("REMOVE", del.eventName());
    assertEquals("gone", str(del.oldItem().get("x")));
    assertEquals("range", del.table().name());
  }

  @Test
  void updateOfAMissingItemCreatesItWithItsKey() {
    t.call("TransactWriteItems", "{'TransactItems':[{'Update':{'TableName':'range','Key':{'pk':{'S':'a'},'sk':"
        + "{'N':'7'}},'UpdateExpression':'SET c = if_not_exists(c, :z)','ExpressionAttributeValues':{':z':{'N':'0'}}}}]}");
    JsonNode item = get("range", "{'pk':{'S':'a'},'sk':{'N':'7'}}");
    assertEquals("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"7\"},\"c\":{\"N\":\"0\"}}", item.toString());
  }

  @Test
  void cancellationReasonsComeOnePerActionInOrderAndNothingIsWritten() {
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'a'},'balance':{'N':'5'}}}");
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'b'},'balance':{'N':'5'}}}");
    t.changes.clear();
    ApiException e = t.fail("TransactWriteItems", "{'TransactItems':["
        + "{'Put':{'TableName':'hash','Item':{'pk':{'S':'fresh'}}}},"
        + "{'Update':{'TableName':'hash','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET balance = balance - :amt',"
        + "'ConditionExpression':'balance >= :amt','ExpressionAttributeValues':{':amt':{'N':'10'}},"
        + "'ReturnValuesOnConditionCheckFailure':'ALL_OLD'}},"
        + "{'ConditionCheck':{'TableName':'hash','Key':{'pk':{'S':'b'}},'ConditionExpression':'attribute_not_exists(pk)'}},"
        + "{'Delete':{'TableName':'hash','Key':{'pk':{'S':'b2'}},'ConditionExpression':'attribute_exists(pk)',"
        + "'ReturnValuesOnConditionCheckFailure':'ALL_OLD'}}]}");
    assertEquals(ErrorCode.TRANSACTION_CANCELED, e.code());
    assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [None,"
        + " ConditionalCheckFailed, ConditionalCheckFailed, ConditionalCheckFailed]", e.getMessage());
    JsonNode reasons = e.extra().get("CancellationReasons");
    assertEquals("{\"Code\":\"None\"}", reasons.get(0).toString());
    assertEquals("The conditional request failed", reasons.get(1).get("Message").asText());
    assertEquals("{\"pk\":{\"S\":\"a\"},\"balance\":{\"N\":\"5\"}}", reasons.get(1).get("Item").toString());
    assertFalse(reasons.get(2).has("Item"), "no ALL_OLD asked");
    assertFalse(reasons.get(3).has("Item"), "ALL_OLD of a missing item has no Item");
    assertTrue(t.changes.isEmpty());
    assertEquals(null, get("hash", "{'pk':{'S':'fresh'}}"));
    assertEquals("5", get("hash", "{'pk':{'S':'a'}}").at("/balance/N").asText());
  }

  @Test
  void problemsFoundWhileRunningAreValidationErrorReasons() {
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'big'},'s':{'S':'" + "x".repeat(300 * 1024) + "'}}}");
    t.changes.clear();
    ApiException e = t.fail("TransactWriteItems", "{'TransactItems':["
        + "{'Put':{'TableName':'hash','Item':{'pk':{'N':'5'}}}},"
        + "{'Delete':{'TableName':'range','Key':{'pk':{'S':'a'}}}},"
        + "{'Update':{'TableName':'hash','Key':{'pk':{'S':'big'}},'UpdateExpression':'SET t = :v',"
        + "'ExpressionAttributeValues':{':v':{'S':'" + "y".repeat(110 * 1024) + "'}}}},"
        + "{'Update':{'TableName':'hash','Key':{'pk':{'S':'k'}},'UpdateExpression':'SET pk = :v',"
        + "'ExpressionAttributeValues':{':v':{'S':'z'}}}},"
        + "{'Update':{'TableName':'hash','Key':{'pk':{'S':'m'}},'UpdateExpression':'SET a = b + :v',"
        + "'ExpressionAttributeValues':{':v':{'N':'1'}}}},"
        + "{'ConditionCheck':{'TableName':'hash','Key':{'pk':{'S':'nothing'}},"
        + "'ConditionExpression':'attribute_not_exists(pk)'}}]}");
    assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError,"
        + " ValidationError, ValidationError, ValidationError, ValidationError, None]", e.getMessage());
    JsonNode reasons = e.extra().get("CancellationReasons");
    assertEquals("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
        reasons.get(0).get("Message").asText());
    assertEquals("The provided key element does not match the schema", reasons.get(1).get("Message").asText());
    assertEquals("Item size to update has exceeded the maximum allowed size", reasons.get(2).get("Message").asText());
    assertEquals("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the"
        + " key", reasons.get(3).get("Message").asText());
    assertEquals("The provided expression refers to an attribute that does not exist in the item",
        reasons.get(4).get("Message").asText());
    assertTrue(t.changes.isEmpty());
  }

  @Test
  void problemsKnownFromTheRequestAreValidationExceptions() {
    String put = "{'Put':{'TableName':'hash','Item':{'pk':{'S':'a'}}}}";
    assertEquals("Transaction request cannot include multiple operations on one item", t.fail("TransactWriteItems",
        "{'TransactItems':[" + put + ",{'Delete':{'TableName':'hash','Key':{'pk':{'S':'a'}}}}]}").getMessage());
    assertEquals("1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must"
        + " have length greater than or equal to 1", t.fail("TransactWriteItems", "{'TransactItems':[]}").getMessage());
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add("{'Put':{'TableName':'hash','Item':{'pk':{'S':'" + i + "'}}}}");
    }
    ApiException tooMany = t.fail("TransactWriteItems", "{'TransactItems':[" + String.join(",", many) + "]}");
    assertTrue(tooMany.getMessage().matches("(?s)^1 validation error detected: Value '\\[TransactWriteItem\\(put=Put\\("
        + "tableName=hash, item=\\{pk=AttributeValue\\(S=0\\)\\}\\)\\), .+\\]' at 'transactItems' failed to satisfy"
        + " constraint: Member must have length less than or equal to 100$"), tooMany.getMessage());
    assertEquals("TransactItems can only contain one of Check, Put, Update or Delete", t.fail("TransactWriteItems",
        "{'TransactItems':[{'Put':{'TableName':'hash','Item':{'pk':{'S':'a'}}},'Delete':{'TableName':'hash',"
            + "'Key':{'pk':{'S':'a'}}}}]}").getMessage());
    ApiException missing = t.fail("TransactWriteItems",
        "{'TransactItems':[{'Put':{'TableName':'nope','Item':{'pk':{'S':'a'}}}}]}");
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, missing.code());
    assertEquals("Requested resource not found", missing.getMessage());
    String unusedCheck = "{'ConditionCheck':{'TableName':'hash','Key':{'pk':{'S':'c'}},'ConditionExpression':"
        + "'attribute_not_exists(pk)','ExpressionAttributeValues':{':v':{'S':'x'}}}}";
    assertEquals("Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}",
        t.fail("TransactWriteItems", "{'TransactItems':[{'Put':{'TableName':'nope','Item':{'pk':{'S':'a'}}}},"
            + unusedCheck + "]}").getMessage());
    assertEquals("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an"
        + " empty string value. Key: pk", t.fail("TransactWriteItems",
        "{'TransactItems':[{'Update':{'TableName':'hash','Key':{'pk':{'S':''}},'UpdateExpression':'SET a = :v',"
            + "'ExpressionAttributeValues':{':v':{'S':'x'}}}}]}").getMessage());
    assertEquals("Item size has exceeded the maximum allowed size", t.fail("TransactWriteItems",
        "{'TransactItems':[{'Put':{'TableName':'hash','Item':{'pk':{'S':'a'},'b':{'S':'" + "x".repeat(400 * 1024)
            + "'}}}}]}").getMessage());
    String token = "x".repeat(37);
    assertEquals("2 validation errors detected: Value '" + token + "' at 'clientRequestToken' failed to satisfy"
        + " constraint: Member must have length less than or equal to 36; Value 'BOGUS' at 'returnConsumedCapacity'"
        + " failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
        t.fail("TransactWriteItems", "{'ClientRequestToken':'" + token + "','ReturnConsumedCapacity':'BOGUS',"
            + "'TransactItems':[" + put + "]}").getMessage());
    assertEquals("1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression'"
        + " failed to satisfy constraint: Member must not be null", t.fail("TransactWriteItems",
        "{'TransactItems':[{'ConditionCheck':{'TableName':'hash','Key':{'pk':{'S':'a'}}}}]}").getMessage());
    assertEquals("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null", t.fail("TransactWriteItems",
        "{'TransactItems':[{'Put':{'TableName':'hash','Item':{'pk':{'S':'a'}},'ExpressionAttributeValues':"
            + "{':v':{'S':'x'}}}}]}").getMessage());
    assertTrue(t.changes.isEmpty());
  }

  @Test
  void clientRequestTokenMakesARequestIdempotentForTenMinutes() {
    String body = "{'ClientRequestToken':'tok-1','TransactItems':[{'Update':{'TableName':'hash','Key':{'pk':{'S':'c'}},"
        + "'UpdateExpression':'ADD n :one','ExpressionAttributeValues':{':one':{'N':'1'}}}}]}";
    t.call("TransactWriteItems", body);
    assertEquals("1", get("hash", "{'pk':{'S':'c'}}").at("/n/N").asText());
    ObjectNode again = t.call("TransactWriteItems", body.replace("{'ClientRequestToken'",
        "{'ReturnConsumedCapacity':'TOTAL','ClientRequestToken'"));
    assertEquals("1", get("hash", "{'pk':{'S':'c'}}").at("/n/N").asText(), "no second write");
    assertEquals(1, again.get("ConsumedCapacity").size());
    assertEquals(1, t.changes.size());
    ApiException mismatch = t.fail("TransactWriteItems", body.replace("'N':'1'", "'N':'2'"));
    assertEquals(ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH, mismatch.code());
    t.clock.advance(Duration.ofMinutes(9));
    t.call("TransactWriteItems", body);
    assertEquals("1", get("hash", "{'pk':{'S':'c'}}").at("/n/N").asText());
    t.clock.advance(Duration.ofMinutes(1));
    t.call("TransactWriteItems", body);
    assertEquals("2", get("hash", "{'pk':{'S':'c'}}").at("/n/N").asText(), "token expired after 10 minutes");

    String failing = "{'ClientRequestToken':'tok-2','TransactItems':[{'ConditionCheck':{'TableName':'hash','Key':"
        + "{'pk':{'S':'c'}},'ConditionExpression':'n > :big','ExpressionAttributeValues':{':big':{'N':'5'}}}},"
        + "{'Put':{'TableName':'hash','Item':{'pk':{'S':'d'}}}}]}";
    assertEquals(ErrorCode.TRANSACTION_CANCELED, t.fail("TransactWriteItems", failing).code());
    assertEquals(ErrorCode.TRANSACTION_CANCELED, t.fail("TransactWriteItems", failing).code(),
        "a cancelled request does not consume its token");
  }

  @Test
  void transactGetReadsInOrderWithProjections() {
    t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'a'},'v':{'M':{'x':{'S':'1'},'y':{'S':'2'}}}}}");
    t.call("PutItem", "{'TableName':'range','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'w':{'S':'w'}}}");
    ObjectNode r = t.call("TransactGetItems", "{'ReturnConsumedCapacity':'TOTAL','TransactItems':["
        + "{'Get':{'TableName':'range','Key':{'pk':{'S':'a'},'sk':{'N':'1'}}}},"
        + "{'Get':{'TableName':'hash','Key':{'pk':{'S':'missing'}}}},"
        + "{'Get':{'TableName':'hash','Key':{'pk':{'S':'a'}},'ProjectionExpression':'#v.y',"
        + "'ExpressionAttributeNames':{'#v':'v'}}}]}");
    assertEquals("[{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"w\":{\"S\":\"w\"}}},{},"
        + "{\"Item\":{\"v\":{\"M\":{\"y\":{\"S\":\"2\"}}}}}]", r.get("Responses").toString());
    assertEquals(2, r.get("ConsumedCapacity").size());
    assertEquals(4.0, r.at("/ConsumedCapacity/1/CapacityUnits").asDouble());

    assertEquals("Transaction request cannot include multiple operations on one item", t.fail("TransactGetItems",
        "{'TransactItems':[{'Get':{'TableName':'hash','Key':{'pk':{'S':'a'}}}},"
            + "{'Get':{'TableName':'hash','Key':{'pk':{'S':'a'}}}}]}").getMessage());
    ApiException bad = t.fail("TransactGetItems", "{'TransactItems':[{'Get':{'TableName':'hash','Key':{'pk':"
        + "{'S':'a'}}}},{'Get':{'TableName':'hash','Key':{}}}]}");
    assertEquals(ErrorCode.TRANSACTION_CANCELED, bad.code());
    assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [None,"
        + " ValidationError]", bad.getMessage());
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, t.fail("TransactGetItems",
        "{'TransactItems':[{'Get':{'TableName':'nope','Key':{'pk':{'S':'a'}}}}]}").code());
    assertEquals("Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\"", t.fail("TransactGetItems",
        "{'TransactItems':[{'Get':{'TableName':'hash','Key':{'pk':{'S':'a'}},'ProjectionExpression':'!!!'}}]}")
        .getMessage());
  }

  /**
   * Transfers between accounts (two conditional Updates in one transaction) run concurrently with
   * TransactGetItems snapshots of all accounts: every snapshot, and the end state, sums to the
   * starting total, and every committed transfer reached the change capture as two changes.
   */
  @Test
  void concurrentTransfersKeepTheTotalInEverySnapshot() throws Exception {
    int accounts = 8;
    int start = 1000;
    for (int i = 0; i < accounts; i++) {
      t.call("PutItem", "{'TableName':'hash','Item':{'pk':{'S':'acct" + i + "'},'balance':{'N':'" + start + "'}}}");
    }
    t.changes.clear();
    StringBuilder gets = new StringBuilder();
    for (int i = 0; i < accounts; i++) {
      gets.append(i == 0 ? "" : ",").append("{'Get':{'TableName':'hash','Key':{'pk':{'S':'acct").append(i)
          .append("'}}}}");
    }
    String snapshot = "{'TransactItems':[" + gets + "]}";
    AtomicInteger committed = new AtomicInteger();
    AtomicInteger cancelled = new AtomicInteger();
    AtomicInteger snapshots = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      writers.add(pool.submit(() -> {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int n = 0; n < 500; n++) {
          int from = rnd.nextInt(accounts);
          int to = (from + 1 + rnd.nextInt(accounts - 1)) % accounts;
          int amt = 1 + rnd.nextInt(400);
          try {
            t.call("TransactWriteItems", "{'TransactItems':["
                + "{'Update':{'TableName':'hash','Key':{'pk':{'S':'acct" + from + "'}},"
                + "'UpdateExpression':'SET balance = balance - :amt','ConditionExpression':'balance >= :amt',"
                + "'ExpressionAttributeValues':{':amt':{'N':'" + amt + "'}}}},"
                + "{'Update':{'TableName':'hash','Key':{'pk':{'S':'acct" + to + "'}},"
                + "'UpdateExpression':'SET balance = balance + :amt','ExpressionAttributeValues':{':amt':{'N':'" + amt
                + "'}}}}]}");
            committed.incrementAndGet();
          } catch (ApiException e) {
            assertEquals(ErrorCode.TRANSACTION_CANCELED, e.code());
            cancelled.incrementAndGet();
          }
        }
      }));
    }
    // single-item writers move money between an account's balance and its reserve: serializable
    // with the transactions only if a transaction never interleaves with them
    AtomicInteger singles = new AtomicInteger();
    for (int w = 0; w < 2; w++) {
      writers.add(pool.submit(() -> {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int n = 0; n < 300; n++) {
          String acct = "acct" + rnd.nextInt(accounts);
          int amt = 1 + rnd.nextInt(50);
          boolean toReserve = rnd.nextBoolean();
          String update = toReserve
              ? "SET balance = balance - :amt, reserve = if_not_exists(reserve, :zero) + :amt"
              : "SET balance = balance + :amt, reserve = reserve - :amt";
          String condition = toReserve ? "balance >= :amt" : "reserve >= :amt";
          try {
            t.call("UpdateItem", "{'TableName':'hash','Key':{'pk':{'S':'" + acct + "'}},'UpdateExpression':'"
                + update + "','ConditionExpression':'" + condition + "','ExpressionAttributeValues':{':amt':{'N':'"
                + amt + "'}" + (toReserve ? ",':zero':{'N':'0'}" : "") + "}}");
            singles.incrementAndGet();
          } catch (ApiException e) {
            assertEquals(ErrorCode.CONDITIONAL_CHECK_FAILED, e.code());
          }
        }
      }));
    }
    List<Future<?>> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      readers.add(pool.submit(() -> {
        while (!writers.stream().allMatch(Future::isDone)) {
          assertEquals(accounts * start, total(t.call("TransactGetItems", snapshot)));
          snapshots.incrementAndGet();
          Thread.yield();
        }
      }));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "finished in time");
    for (Future<?> f : writers) {
      f.get();
    }
    for (Future<?> f : readers) {
      f.get();
    }
    assertEquals(2000, committed.get() + cancelled.get());
    assertTrue(singles.get() > 100, "single-item writes committed: " + singles.get());
    assertTrue(committed.get() > 600, "most transfers commit: " + committed.get());
    assertTrue(snapshots.get() > 10, "readers ran: " + snapshots.get());
    assertEquals(accounts * start, total(t.call("TransactGetItems", snapshot)));
    assertEquals(2 * committed.get() + singles.get(), t.changes.size());
    for (JsonNode item : t.call("TransactGetItems", snapshot).get("Responses")) {
      assertTrue(item.at("/Item/balance/N").asInt() >= 0);
    }
  }

  private static int total(ObjectNode response) {
    int sum = 0;
    for (JsonNode item : response.get("Responses")) {
      sum += item.at("/Item/balance/N").asInt() + item.at("/Item/reserve/N").asInt(0);
    }
    return sum;
  }
}
