package dev.eddy.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The tables of one store: loaded at start, persisted in the META space on every change, and
 * announced to the {@link ChangeCapture} inside the same batch.
 */
public final class Catalog {
  private static final byte[] NEXT_ID = "n\0tableId".getBytes(StandardCharsets.UTF_8);
  private static final String TABLE_PREFIX = "t\0";

  private final KvStore store;
  private final ChangeCapture capture;
  private final Map<String, Table> tables = new ConcurrentHashMap<>();
  private long nextId;

  Catalog(KvStore store, ChangeCapture capture) {
    this.store = store;
    this.capture = capture;
    load();
  }

  private void load() {
    nextId = KvStore.counterValue(store.get(KvStore.Space.META, NEXT_ID));
    byte[] prefix = TABLE_PREFIX.getBytes(StandardCharsets.UTF_8);
    try (KvStore.Cursor c = store.cursor(KvStore.Space.META)) {
      for (c.seek(prefix); c.valid() && startsWith(c.key(), prefix); c.next()) {
        JsonNode stored = Json.readTree(c.value());
        Table t = new Table(stored.path("id").asLong(), (ObjectNode) stored.path("description"));
        tables.put(t.name(), t);
        nextId = Math.max(nextId, t.id() + 1);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Corrupt table metadata", e);
    }
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    if (key.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (key[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The table, or null. */
  public Table get(String name) {
    if (name == null) {
      return null;
    }
    Table t = tables.get(name);
    if (t == null && name.startsWith("arn:")) {
      // DynamoDB takes a table's ARN wherever it takes its name
      int at = name.indexOf(":table/");
      Table named = at < 0 ? null : tables.get(name.substring(at + 7));
      if (named != null && named.arn().equals(name)) {
        t = named;
      }
    }
    return t;
  }

  /** The table, or ResourceNotFoundException "Requested resource not found". */
  public Table require(String name) {
    Table t = get(name);
    if (t == null) {
      throw ApiException.resourceNotFound("Requested resource not found");
    }
    return t;
  }

  /** All tables, sorted by name. */
  public List<Table> list() {
    return new ArrayList<>(new TreeMap<>(tables).values());
  }

  /**
   * A fresh id from the tables' id sequence, for data kept outside any table (a backup's rows):
   * ids are never reused, so a range delete of a table never reaches it.
   */
  public synchronized long allocateId() {
    long id = nextId++;
    try (KvStore.Batch batch = store.batch()) {
      batch.put(KvStore.Space.META, NEXT_ID, counter(nextId));
      store.write(batch);
    }
    return id;
  }

  /** Creates a table from a full description; ResourceInUseException if the name is taken. */
  public synchronized Table create(ObjectNode description) {
    String name = description.path("TableName").asText();
    if (tables.containsKey(name)) {
      throw ApiException.resourceInUse("Table already exists: " + name);
    }
    long id = nextId++;
    Table table = new Table(id, description);
    try (KvStore.Batch batch = store.batch()) {
      batch.put(KvStore.Space.META, NEXT_ID, counter(nextId));
      batch.put(KvStore.Space.META, key(name), serialize(table));
      capture.tableChanged(null, table, batch);
      store.write(batch);
    }
    tables.put(name, table);
    return table;
  }

  /** Replaces a table's description (the function gets a private copy to change). */
  public synchronized Table update(String nameOrArn, UnaryOperator<ObjectNode> change) {
    Table before = require(nameOrArn);
    String name = before.name();
    ObjectNode copy = before.description().deepCopy();
    Table after = new Table(before.id(), change.apply(copy));
    try (KvStore.Batch batch = store.batch()) {
      batch.put(KvStore.Space.META, key(name), serialize(after));
      capture.tableChanged(before, after, batch);
      store.write(batch);
    }
    tables.put(name, after);
    return after;
  }

  /** Removes a table, its items and index entries. */
  public synchronized Table delete(String nameOrArn) {
    Table table = require(nameOrArn);
    String name = table.name();
    try (KvStore.Batch batch = store.batch()) {
      batch.delete(KvStore.Space.META, key(name));
      batch.delete(KvStore.Space.META, counterKey(table, 'i'));
      batch.delete(KvStore.Space.META, counterKey(table, 's'));
      capture.tableChanged(table, null, batch);
      store.write(batch);
    }
    tables.remove(name);
    byte[] from = Table.longBytes(table.id());
    byte[] to = Table.longBytes(table.id() + 1);
    store.deleteRange(KvStore.Space.ITEMS, from, to);
    store.deleteRange(KvStore.Space.INDEXES, from, to);
    PointInTimeRecovery.drop(store, table.historyId());
    return table;
  }

  /** Live item count of a table. */
  public long itemCount(Table table) {
    return Math.max(0, KvStore.counterValue(store.get(KvStore.Space.META, counterKey(table, 'i'))));
  }

  /** Live size in bytes of a table's items, as DynamoDB counts item sizes. */
  public long sizeBytes(Table table) {
    return Math.max(0, KvStore.counterValue(store.get(KvStore.Space.META, counterKey(table, 's'))));
  }

  /** A live counter of a secondary index ('i' item count, 's' size in bytes). */
  public long indexCounter(Table table, SecondaryIndex index, char which) {
    return Math.max(0, KvStore.counterValue(store.get(KvStore.Space.INDEXES, index.counterKey(table, which))));
  }

  static byte[] counterKey(Table table, char which) {
    byte[] k = new byte[11];
    k[0] = 'c';
    k[1] = 0;
    System.arraycopy(Table.longBytes(table.id()), 0, k, 2, 8);
    k[10] = (byte) which;
    return k;
  }

  private static byte[] key(String name) {
    return (TABLE_PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] counter(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (8 * i));
    }
    return b;
  }

  private static byte[] serialize(Table t) {
    ObjectNode o = Json.object();
    o.put("id", t.id());
    o.set("description", t.description());
    return Json.toBytes(o);
  }
}
