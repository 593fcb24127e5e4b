package dev.eddy.storage;

import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import java.util.Map;
import java.util.Objects;

/**
 * One committed change to one item: the images before and after (null when absent). Every
 * write path (single items, batches, transactions, TTL, PartiQL) produces these and nothing
 * else, so indexes and the stream see all writes.
 *
 * <p>The images' DynamoDB sizes and the new image's stored JSON are computed once, on first
 * use, and shared by everything the commit does with them (the 400 KB check, the stored row,
 * the table's size counter, the stream record). A change is made and committed on one thread.
 */
public final class ItemChange {
  /** Who made the change: a user request, or the TTL sweeper (stream userIdentity). */
  public enum Origin {
    USER,
    TTL
  }

  private final Table table;
  private final byte[] rowKey;
  private final Map<String, AttributeValue> keys;
  private final Map<String, AttributeValue> oldItem;
  private final Map<String, AttributeValue> newItem;
  private final Origin origin;
  /** The old item's stored row value (ItemCodec), when the writer read it; else null. */
  private final byte[] oldStored;
  private long oldSize = -1;
  private long newSize = -1;
  private byte[] newStored;

  public ItemChange(Table table, byte[] rowKey, Map<String, AttributeValue> keys,
      Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem, Origin origin) {
    this(table, rowKey, keys, oldItem, newItem, origin, null);
  }

  /**
   * A change whose old item the writer read as its row ({@link Items#read}, null when absent):
   * the old size and the stream record's OldImage are then taken from the stored bytes.
   */
  public static ItemChange fromRow(Table table, byte[] rowKey, Map<String, AttributeValue> keys, Items.Row old,
      Map<String, AttributeValue> newItem, Origin origin) {
    return new ItemChange(table, rowKey, keys, old == null ? null : old.item(), newItem, origin,
        old == null ? null : old.stored());
  }

  private ItemChange(Table table, byte[] rowKey, Map<String, AttributeValue> keys,
      Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem, Origin origin,
      byte[] oldStored) {
    this.oldStored = oldStored;
    this.table = Objects.requireNonNull(table, "table");
    this.rowKey = Objects.requireNonNull(rowKey, "rowKey");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.oldItem = oldItem;
    this.newItem = newItem;
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  public Table table() {
    return table;
  }

  public byte[] rowKey() {
    return rowKey;
  }

  public Map<String, AttributeValue> keys() {
    return keys;
  }

  /** The item before the change; null when there was none. */
  public Map<String, AttributeValue> oldItem() {
    return oldItem;
  }

  /** The item after the change; null when it is deleted. */
  public Map<String, AttributeValue> newItem() {
    return newItem;
  }

  public Origin origin() {
    return origin;
  }

  /** The DynamoDB size of the item before the change (0 when none). */
  public long oldSize() {
    if (oldSize < 0) {
      oldSize = oldItem == null ? 0 : oldStored != null ? ItemCodec.size(oldStored) : AttributeValues.itemSize(oldItem);
    }
    return oldSize;
  }

  /** The old item's stored row value, when the writer read it as a {@link Items.Row}; else null. */
  public byte[] oldStored() {
    return oldStored;
  }

  /** The DynamoDB size of the item after the change (0 when deleted). */
  public long newSize() {
    if (newSize < 0) {
      newSize = newItem == null ? 0 : AttributeValues.itemSize(newItem);
    }
    return newSize;
  }

  /**
   * The item after the change as its row stores it ({@link ItemCodec#encode}: header and DynamoDB
   * JSON; a stream record's NewImage is the JSON, {@link ItemCodec#json(byte[])}); null when
   * deleted. Made once. Do not modify the array.
   */
  public byte[] newStored() {
    if (newStored == null && newItem != null) {
      newStored = ItemCodec.encode(newItem, newSize());
    }
    return newStored;
  }

  /** INSERT, MODIFY or REMOVE, as stream records name it. */
  public String eventName() {
    if (oldItem == null) {
      return "INSERT";
    }
    return newItem == null ? "REMOVE" : "MODIFY";
  }

  /** True when the write changes nothing (same image before and after, or delete of nothing). */
  public boolean isNoOp() {
    return Objects.equals(oldItem, newItem);
  }

  @Override
  public String toString() {
    return "ItemChange[" + table + " " + eventName() + " " + keys + " " + origin + "]";
  }
}
