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
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory engine with an adjustable clock and a recording change capture. */
class MiscOpsFixture implements AutoCloseable {
  final AdjustableClock clock;
  final List<ItemChange> captured = new CopyOnWriteArrayList<>();
  final StorageEngine engine;
  final Map<String, Operation> ops;

  MiscOpsFixture() {
    this(Clock.systemUTC());
  }

  /** A fixture whose clock starts at {@code base} (a fixed clock stands still until advanced). */
  MiscOpsFixture(Clock base) {
    clock = new AdjustableClock(base);
    EngineConfig cfg = new EngineConfig(null, "us-east-1", "000000000000", clock);
    engine = StorageEngine.open(cfg, store -> new ChangeCapture() {
      @Override
      public Commit prepare(List<ItemChange> changes, KvStore.Batch batch) {
        captured.addAll(changes);
        return Commit.NONE;
      }

      @Override
      public void tableChanged(Table before, Table after, KvStore.Batch batch) {
        // not recorded
      }
    });
    ops = DynamoDbOperations.create(engine);
  }

  ObjectNode call(String op, String json) {
    try {
      Operation o = ops.get(op);
      if (o == null) {
        throw new IllegalArgumentException("no operation " + op);
      }
      ObjectNode response = o.handle((ObjectNode) Json.mapper().readTree(json.replace('\'', '"')));
      return (ObjectNode) Json.mapper().readTree(Json.toBytes(response)); // as sent on the wire
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  ApiException fail(String op, String json) {
    return assertThrows(ApiException.class, () -> call(op, json));
  }

  void createTable(String name, boolean withRange) {
    String keys = "[{'AttributeName':'pk','KeyType':'HASH'}" + (withRange ? ",{'AttributeName':'sk','KeyType':'RANGE'}" : "")
        + "]";
    String defs = "[{'AttributeName':'pk','AttributeType':'S'}" + (withRange ? ",{'AttributeName':'sk','AttributeType':'N'}" : "")
        + "]";
    call("CreateTable", "{'TableName':'" + name + "','KeySchema':" + keys + ",'AttributeDefinitions':" + defs
        + ",'BillingMode':'PAY_PER_REQUEST'}");
  }

  String arn(String table) {
    return "arn:aws:dynamodb:us-east-1:000000000000:table/" + table;
  }

  @Override
  public void close() {
    engine.close();
  }
}
