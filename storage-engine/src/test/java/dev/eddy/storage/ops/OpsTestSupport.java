package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.storage.AdjustableClock;
import dev.eddy.storage.ChangeCapture;
import dev.eddy.storage.EngineConfig;
import dev.eddy.storage.ItemChange;
import dev.eddy.storage.KvStore;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory engine with a recording change capture and an adjustable clock, for operation tests. */
final class OpsTestSupport implements AutoCloseable {
  final AdjustableClock clock = new AdjustableClock(Clock.systemUTC());
  final List<ItemChange> changes = new CopyOnWriteArrayList<>();
  final StorageEngine engine;
  final Map<String, Operation> ops;

  OpsTestSupport() {
    EngineConfig cfg = new EngineConfig(null, "us-east-1", "000000000000", clock);
    ChangeCapture recorder = new ChangeCapture() {
      @Override
      public Commit prepare(List<ItemChange> committed, KvStore.Batch batch) {
        changes.addAll(committed);
        return Commit.NONE;
      }

      @Override
      public void tableChanged(Table before, Table after, KvStore.Batch batch) {
        // not recorded
      }
    };
    engine = StorageEngine.open(cfg, s -> recorder);
    ops = DynamoDbOperations.create(engine);
  }

  ObjectNode call(String op, String json) {
    return call(ops.get(op), json);
  }

  /** {@link #callJson} with ' written for " in the request, for readable test strings. */
  static ObjectNode call(Operation op, String json) {
    return callJson(op, json.replace('\'', '"'));
  }

  /** Calls an operation and re-parses its response from the bytes sent on the wire. */
  static ObjectNode callJson(Operation op, String json) {
    try {
      ObjectNode response = op.handle((ObjectNode) Json.mapper().readTree(json));
      return (ObjectNode) Json.mapper().readTree(Json.toBytes(response));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  ApiException fail(String op, String json) {
    return assertThrows(ApiException.class, () -> call(op, json));
  }

  /** A table "h" with a string hash key pk, and "r" with pk (S) and sk (N). */
  void createTables() {
    call("CreateTable", "{'TableName':'hash','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST'}");
    call("CreateTable", "{'TableName':'range','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
        + "{'AttributeName':'sk','KeyType':'RANGE'}],'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
        + "{'AttributeName':'sk','AttributeType':'N'}],'BillingMode':'PAY_PER_REQUEST'}");
  }

  @Override
  public void close() {
    engine.close();
  }
}
