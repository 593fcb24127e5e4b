package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.storage.ItemCodec;
import dev.eddy.storage.KeyCodec;
import dev.eddy.storage.KeyDef;
import dev.eddy.storage.KvStore;
import dev.eddy.storage.SecondaryIndex;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads one page of a Query or Scan straight from a RocksDB cursor over a key range of a table or
 * an index: it seeks to the start, evaluates items one by one and stops at Limit (items
 * evaluated, before the filter) or once 1 MB of item data has been read, never holding more than
 * the page in memory. The key of the last evaluated entry gives LastEvaluatedKey.
 */
final class PageReader {
  /** DynamoDB's page size limit: 1 MB of item data read. */
  static final long MAX_PAGE_BYTES = 1024 * 1024;

  private final StorageEngine engine;
  private final Table table;
  private final SecondaryIndex index;
  private final ReadSelection selection;

  PageReader(StorageEngine engine, Table table, SecondaryIndex index, ReadSelection selection) {
    this.engine = engine;
    this.table = table;
    this.index = index;
    this.selection = selection;
  }

  /**
   * A page: the response fields Items, Count, ScannedCount, LastEvaluatedKey; the bytes read from
   * the table or index; and, for an LSI read that fetches table items, the 4 KB blocks fetched
   * (DynamoDB rounds each fetched item up to 4 KB).
   */
  record Page(ObjectNode response, long bytesRead, long fetchedBlocks) {}

  /**
   * Reads [lower, upper) forward or backward.
   *
   * @param keyFilter decides on the raw key whether an entry belongs to the read at all (parallel
   *     scan segments); entries it rejects are not evaluated. Null for all.
   */
  Page read(byte[] lower, byte[] upper, boolean forward, Predicate<byte[]> keyFilter, Long limit,
      Predicate<Map<String, AttributeValue>> filter) {
    KvStore.Space space = index == null ? KvStore.Space.ITEMS : KvStore.Space.INDEXES;
    ArrayNode items = selection.countOnly() ? null : Json.NODES.arrayNode();
    // Whole stored entries, unfiltered: sent as stored, never decoded (the header gives the size).
    boolean asStored = filter == null && !selection.needsTableItem() && selection.wholeItem();
    long scanned = 0;
    long count = 0;
    long bytes = 0;
    long readBytes = 0;
    long fetchedBlocks = 0;
    boolean stopped = false;
    byte[] last = null;
    try (KvStore.Cursor c = engine.store().cursor(space, lower, upper)) {
      if (forward) {
        c.seek(lower);
      } else {
        c.seekForPrev(upper);
        if (c.valid() && KeyBytes.compare(c.key(), upper) >= 0) {
          c.prev();
        }
      }
      while (c.valid()) {
        byte[] key = c.key();
        if (forward ? KeyBytes.compare(key, upper) >= 0 : KeyBytes.compare(key, lower) < 0) {
          break;
        }
        if (keyFilter != null && !keyFilter.test(key)) {
          advance(c, forward);
          continue;
        }
        byte[] value = c.value();
        long size = ItemCodec.size(value);
        if (asStored) {
          count++;
          if (items != null) {
            items.addRawValue(ItemCodec.json(value));
          }
        } else {
          Map<String, AttributeValue> entry = ItemCodec.decode(value);
          Map<String, AttributeValue> item = entry;
          if (index != null && selection.needsTableItem()) {
            item = engine.items().get(table.rowKey(entry));
            if (item == null) {
              advance(c, forward);
              continue; // deleted since the index entry was read
            }
            long fetched = AttributeValues.itemSize(item);
            bytes += fetched;
            fetchedBlocks += Math.max(1, (fetched + 4095) / 4096);
          }
          if (filter == null || filter.test(item)) {
            count++;
            if (items != null) {
              items.add(AttributeValues.itemToJson(selection.output(item)));
            }
          }
        }
        scanned++;
        bytes += size;
        readBytes += size;
        last = key;
        if ((limit != null && scanned >= limit) || bytes >= MAX_PAGE_BYTES) {
          stopped = true;
          break; // without moving past the page's last item: nothing reads on from there
        }
        advance(c, forward);
      }
    }
    ObjectNode response = Json.object();
    if (items != null) {
      response.set("Items", items);
    }
    response.put("Count", count);
    response.put("ScannedCount", scanned);
    if (stopped && last != null) {
      response.set("LastEvaluatedKey", AttributeValues.itemToJson(lastEvaluatedKey(last)));
    }
    return new Page(response, readBytes, fetchedBlocks);
  }

  private static void advance(KvStore.Cursor c, boolean forward) {
    if (forward) {
      c.next();
    } else {
      c.prev();
    }
  }

  /** The attributes of a LastEvaluatedKey, in order: the table's key, then the index's. */
  private Set<String> keyAttributes() {
    Set<String> names = new LinkedHashSet<>(8);
    names.add(table.keySchema().hash().name());
    if (table.keySchema().range() != null) {
      names.add(table.keySchema().range().name());
    }
    if (index != null) {
      for (KeyDef d : index.startKeyAttributes()) {
        names.add(d.name());
      }
    }
    return names;
  }

  /**
   * The LastEvaluatedKey of a page that ended at the entry stored under {@code last}, decoded
   * from that key alone (no JSON to parse): a table row key holds the partition and sort key
   * after the table's prefix, an index entry key the index keys and then the table keys that are
   * not index keys ({@link SecondaryIndex#startKeyAttributes}) after the index's prefix.
   */
  private Map<String, AttributeValue> lastEvaluatedKey(byte[] last) {
    List<KeyDef> encoded = new ArrayList<>(4);
    int[] pos = new int[1];
    if (index == null) {
      encoded.add(table.keySchema().hash());
      if (table.keySchema().range() != null) {
        encoded.add(table.keySchema().range());
      }
      pos[0] = table.rowPrefix().length;
    } else {
      encoded.addAll(index.startKeyAttributes());
      pos[0] = index.prefix(table).length;
    }
    Map<String, AttributeValue> decoded = new HashMap<>(8);
    for (KeyDef d : encoded) {
      decoded.put(d.name(), KeyCodec.decode(d.type(), last, pos));
    }
    Map<String, AttributeValue> key = new LinkedHashMap<>(8);
    for (String name : keyAttributes()) {
      key.put(name, decoded.get(name));
    }
    return key;
  }
}
