package dev.eddy.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * On-demand backups. A backup is a copy of a table's item rows under an id of its own (taken
 * from the tables' id sequence, never reused) plus a record in META holding the table's
 * description as it was. Index entries are not copied: a restore writes the items into the new
 * table through {@link Items#commit}, which builds its indexes and counters as any write does.
 */
public final class Backups {
  private static final String PREFIX = "b\0";
  /** Rows copied per write batch. */
  private static final int CHUNK = 500;

  private final KvStore store;
  private final Catalog catalog;
  private final Items items;

  Backups(KvStore store, Catalog catalog, Items items) {
    this.store = store;
    this.catalog = catalog;
    this.items = items;
  }

  /**
   * Copies the table's items (as one consistent view: the cursor reads a snapshot) and records
   * the backup: {@code arn}, {@code name}, {@code type} (USER or SYSTEM), {@code created} and
   * {@code expires} (epoch millis; 0 never), {@code count}, {@code size} and {@code table} (the
   * description).
   */
  public ObjectNode create(Table table, String arn, String name, String type, long createdMillis, long expiresMillis) {
    long id = catalog.allocateId();
    byte[] target = Table.longBytes(id);
    long count = 0;
    long size = 0;
    byte[] lower = table.rowPrefix();
    byte[] upper = Table.longBytes(table.id() + 1);
    KvStore.Batch batch = store.batch();
    int inBatch = 0;
    try (KvStore.Cursor c = store.cursor(KvStore.Space.ITEMS, lower, upper)) {
      for (c.seek(lower); c.valid() && java.util.Arrays.compareUnsigned(c.key(), upper) < 0; c.next()) {
        byte[] key = c.key().clone();
        System.arraycopy(target, 0, key, 0, 8);
        byte[] value = c.value();
        batch.put(KvStore.Space.ITEMS, key, value);
        count++;
        size += ItemCodec.size(value);
        if (++inBatch == CHUNK) {
          store.write(batch);
          batch.close();
          batch = store.batch();
          inBatch = 0;
        }
      }
      ObjectNode record = Json.object();
      record.put("arn", arn);
      record.put("name", name);
      record.put("type", type);
      record.put("id", id);
      record.put("created", createdMillis);
      record.put("expires", expiresMillis);
      record.put("count", count);
      record.put("size", size);
      record.set("table", table.description().deepCopy());
      batch.put(KvStore.Space.META, key(arn), Json.toBytes(record));
      store.write(batch);
      return record;
    } finally {
      batch.close();
    }
  }

  /** The backup's record, or null. */
  public ObjectNode get(String arn) {
    byte[] v = store.get(KvStore.Space.META, key(Objects.requireNonNull(arn, "arn")));
    return v == null ? null : parse(v);
  }

  /** Every backup's record, in ARN order. */
  public List<ObjectNode> list() {
    List<ObjectNode> out = new ArrayList<>();
    byte[] prefix = PREFIX.getBytes(StandardCharsets.UTF_8);
    try (KvStore.Cursor c = store.cursor(KvStore.Space.META)) {
      for (c.seek(prefix); c.valid() && Catalog.startsWith(c.key(), prefix); c.next()) {
        out.add(parse(c.value()));
      }
    }
    return out;
  }

  /** Deletes the backups whose expiry time has passed. */
  public void expire(long nowMillis) {
    for (ObjectNode record : list()) {
      long expires = record.path("expires").asLong(0);
      if (expires != 0 && expires <= nowMillis) {
        delete(record);
      }
    }
  }

  /** Removes the backup's record and rows. */
  public void delete(ObjectNode record) {
    try (KvStore.Batch batch = store.batch()) {
      batch.delete(KvStore.Space.META, key(record.path("arn").asText()));
      store.write(batch);
    }
    long id = record.path("id").asLong();
    store.deleteRange(KvStore.Space.ITEMS, Table.longBytes(id), Table.longBytes(id + 1));
  }

  /**
   * Writes the backup's items into {@code target} (a new, empty table with the same key schema)
   * through the one write path, so its indexes and counters are built as for any write.
   */
  public void restoreInto(ObjectNode record, Table target) {
    long id = record.path("id").asLong();
    byte[] lower = Table.longBytes(id);
    byte[] upper = Table.longBytes(id + 1);
    Filler filler = new Filler(items, target);
    try (KvStore.Cursor c = store.cursor(KvStore.Space.ITEMS, lower, upper)) {
      for (c.seek(lower); c.valid() && java.util.Arrays.compareUnsigned(c.key(), upper) < 0; c.next()) {
        filler.add(c.value());
      }
    }
    filler.finish();
  }

  /**
   * Writes stored items into a new table (same key schema as their source) in chunks, through
   * {@link Items#commit}, so its indexes and counters are built as for any write.
   */
  static final class Filler {
    private final Items items;
    private final Table target;
    private List<ItemChange> chunk = new ArrayList<>(CHUNK);

    Filler(Items items, Table target) {
      this.items = items;
      this.target = target;
    }

    void add(byte[] stored) {
      Map<String, AttributeValue> item = ItemCodec.decode(stored);
      Map<String, AttributeValue> keys = target.keySchema().keyOf(item);
      chunk.add(new ItemChange(target, target.rowKey(keys), keys, null, item, ItemChange.Origin.USER));
      if (chunk.size() == CHUNK) {
        commit();
      }
    }

    void finish() {
      if (!chunk.isEmpty()) {
        commit();
      }
    }

    private void commit() {
      List<ItemChange> changes = chunk;
      chunk = new ArrayList<>(CHUNK);
      byte[][] rows = changes.stream().map(ItemChange::rowKey).toArray(byte[][]::new);
      items.locked(() -> items.commit(changes), rows);
    }
  }

  private static ObjectNode parse(byte[] v) {
    try {
      JsonNode n = Json.readTree(v);
      return (ObjectNode) n;
    } catch (IOException e) {
      throw new IllegalStateException("Corrupt backup metadata", e);
    }
  }

  private static byte[] key(String arn) {
    return (PREFIX + arn).getBytes(StandardCharsets.UTF_8);
  }
}
