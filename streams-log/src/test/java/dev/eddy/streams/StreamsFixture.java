package dev.eddy.streams;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.storage.AdjustableClock;
import dev.eddy.storage.EngineConfig;
import dev.eddy.storage.ItemChange;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.ops.StreamSpecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real engine (in memory or on a directory) with a StreamLog and the Streams operations. */
final class StreamsFixture implements AutoCloseable {
  static final Instant START = Instant.parse("2026-03-01T10:00:00.000Z");

  final AdjustableClock clock;
  final StreamSettings settings;
  final Path dir;
  StorageEngine engine;
  StreamLog log;
  Map<String, Operation> ops;

  StreamsFixture(StreamSettings settings) {
    this(settings, null, new AdjustableClock(Clock.fixed(START, ZoneOffset.UTC)));
  }

  StreamsFixture(StreamSettings settings, Path dir, AdjustableClock clock) {
    this.settings = settings;
    this.dir = dir;
    this.clock = clock;
    open();
  }

  void open() {
    engine = StorageEngine.open(new EngineConfig(dir, "us-east-1", "000000000000", clock),
        store -> log = new StreamLog(store, settings, clock, "us-east-1", "000000000000"));
    ops = StreamsOperations.create(log, engine.catalog());
  }

  void reopen() {
    engine.close();
    open();
  }

  @Override
  public void close() {
    if (dir == null) {
      // RocksStore.flush() syncs the WAL, which the in-memory env does not support
      engine.store().close();
    } else {
      engine.close();
    }
  }

  // ---- tables

  /** A table with hash key pk (S) and, if {@code withSort}, sort key sk (N); viewType null: no stream. */
  Table createTable(String name, String viewType, boolean withSort) {
    ObjectNode d = Json.object();
    d.put("TableName", name);
    d.put("TableArn", engine.tableArn(name));
    var ks = d.putArray("KeySchema");
    ks.addObject().put("AttributeName", "pk").put("KeyType", "HASH");
    var ad = d.putArray("AttributeDefinitions");
    ad.addObject().put("AttributeName", "pk").put("AttributeType", "S");
    if (withSort) {
      ks.addObject().put("AttributeName", "sk").put("KeyType", "RANGE");
      ad.addObject().put("AttributeName", "sk").put("AttributeType", "N");
    }
    if (viewType != null) {
      StreamSpecs.applyOnCreate(d, spec(true, viewType), engine.config());
    }
    return engine.catalog().create(d);
  }

  Table createTable(String name, String viewType) {
    return createTable(name, viewType, false);
  }

  static Req spec(Boolean enabled, String viewType) {
    ObjectNode s = Json.object();
    if (enabled != null) {
      s.put("StreamEnabled", enabled);
    }
    if (viewType != null) {
      s.put("StreamViewType", viewType);
    }
    return new Req(s);
  }

  Table updateStream(String table, Boolean enabled, String viewType) {
    return engine.catalog().update(table, d -> {
      StreamSpecs.applyOnUpdate(d, spec(enabled, viewType), engine.config());
      return d;
    });
  }

  String streamArn(String table) {
    return engine.catalog().get(table).latestStreamArn();
  }

  // ---- items

  static Map<String, AttributeValue> item(Object... kv) {
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      m.put((String) kv[i], v instanceof Number n ? AttributeValue.N.of(n.toString()) : new AttributeValue.S(v.toString()));
    }
    return m;
  }

  /** Puts (newItem != null) or deletes the item with the given key; returns the real change count. */
  int write(String tableName, Map<String, AttributeValue> key, Map<String, AttributeValue> newItem,
      ItemChange.Origin origin) {
    Table t = engine.catalog().get(tableName);
    byte[] row = t.rowKey(key);
    return engine.items().locked(() -> {
      Map<String, AttributeValue> old = engine.items().get(row);
      return engine.items().commit(List.of(new ItemChange(t, row, t.keySchema().keyOf(key), old, newItem, origin)));
    }, row);
  }

  int put(String tableName, Map<String, AttributeValue> item) {
    Table t = engine.catalog().get(tableName);
    return write(tableName, t.keySchema().keyOf(item), item, ItemChange.Origin.USER);
  }

  int delete(String tableName, Map<String, AttributeValue> key) {
    return write(tableName, key, null, ItemChange.Origin.USER);
  }

  /** Many puts in one commit (one batch). */
  void putAll(String tableName, List<Map<String, AttributeValue>> items) {
    Table t = engine.catalog().get(tableName);
    List<ItemChange> changes = new ArrayList<>();
    byte[][] rows = new byte[items.size()][];
    for (int i = 0; i < items.size(); i++) {
      Map<String, AttributeValue> it = items.get(i);
      rows[i] = t.rowKey(it);
      changes.add(new ItemChange(t, rows[i], t.keySchema().keyOf(it), null, it, ItemChange.Origin.USER));
    }
    engine.items().locked(() -> engine.items().commit(changes), rows);
  }

  // ---- operations

  ObjectNode call(String op, String json) {
    try {
      return call(op, (ObjectNode) Json.mapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A page's records as JSON trees (a page holds them as the bytes GetRecords sends). */
  static List<JsonNode> records(RecordsPage page) {
    List<JsonNode> out = new ArrayList<>();
    for (byte[] r : page.records()) {
      try {
        out.add(Json.mapper().readTree(r));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  ObjectNode call(String op, ObjectNode req) {
    ObjectNode res = ops.get(op).handle(req);
    // what the server would send: make sure it serialises and re-reads the same
    try {
      return (ObjectNode) Json.mapper().readTree(Json.toBytes(res));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ApiException error(String op, ObjectNode req) {
    return assertThrows(ApiException.class, () -> ops.get(op).handle(req));
  }

  static ObjectNode obj(Object... kv) {
    ObjectNode o = Json.object();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      if (v instanceof Integer n) {
        o.put((String) kv[i], n);
      } else if (v instanceof JsonNode n) {
        o.set((String) kv[i], n);
      } else if (v != null) {
        o.put((String) kv[i], v.toString());
      }
    }
    return o;
  }

  JsonNode describe(String arn) {
    return call("DescribeStream", obj("StreamArn", arn)).path("StreamDescription");
  }

  List<String> shardIds(String arn) {
    List<String> ids = new ArrayList<>();
    describe(arn).path("Shards").forEach(s -> ids.add(s.path("ShardId").asText()));
    return ids;
  }

  String iterator(String arn, String shardId, String type, String seq) {
    return call("GetShardIterator", obj("StreamArn", arn, "ShardId", shardId, "ShardIteratorType", type,
        "SequenceNumber", seq)).path("ShardIterator").asText();
  }

  ObjectNode getRecords(String iterator, Integer limit) {
    return call("GetRecords", obj("ShardIterator", iterator, "Limit", limit));
  }

  /** Reads a shard from TRIM_HORIZON until no records come back (open) or the end (closed). */
  List<JsonNode> readShard(String arn, String shardId) {
    List<JsonNode> out = new ArrayList<>();
    String it = iterator(arn, shardId, "TRIM_HORIZON", null);
    while (it != null) {
      ObjectNode page = getRecords(it, null);
      page.path("Records").forEach(out::add);
      it = page.hasNonNull("NextShardIterator") ? page.get("NextShardIterator").asText() : null;
      if (page.path("Records").isEmpty()) {
        break;
      }
    }
    return out;
  }

  List<JsonNode> readAll(String arn) {
    List<JsonNode> out = new ArrayList<>();
    for (String s : shardIds(arn)) {
      out.addAll(readShard(arn, s));
    }
    return out;
  }
}
