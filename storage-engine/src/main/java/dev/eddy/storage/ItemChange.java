package dev.eddy.storage;

import dev.eddy.api.AttributeValue;
import java.util.Map;
import java.util.Objects;

/**
 * One committed change to one item: the images before and after (null when absent). Every
 * write path (single items, batches, transactions, TTL, PartiQL) produces these and nothing
 * else, so indexes and the stream see all writes.
 */
public record ItemChange(
    Table table,
    byte[] rowKey,
    Map<String, AttributeValue> keys,
    Map<String, AttributeValue> oldItem,
    Map<String, AttributeValue> newItem,
    Origin origin) {

  /** Who made the change: a user request, or the TTL sweeper (stream userIdentity). */
  public enum Origin {
    USER,
    TTL
  }

  public ItemChange {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(rowKey, "rowKey");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(origin, "origin");
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
}
