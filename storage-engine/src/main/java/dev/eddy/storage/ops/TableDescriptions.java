package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.storage.Catalog;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Iterator;

/** Turns a stored table description into the TableDescription DynamoDB answers with. */
final class TableDescriptions {
  private TableDescriptions() {}

  /**
   * The public view: internal fields ("_..." keys) removed, live counters and status set. An ACTIVE
   * table is UPDATING while a vector index added to it is in its resource allocation phase.
   */
  static ObjectNode view(StorageEngine engine, Table table, String status) {
    Catalog catalog = engine.catalog();
    long now = engine.config().clock().millis();
    if (status.equals("ACTIVE") && VectorIndexDefinitions.allocating(table, now)) {
      status = "UPDATING";
    }
    ObjectNode d = table.description().deepCopy();
    for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
      if (it.next().startsWith("_")) {
        it.remove();
      }
    }
    d.put("TableStatus", status);
    d.put("ItemCount", catalog.itemCount(table));
    d.put("TableSizeBytes", catalog.sizeBytes(table));
    SecondaryIndexViews.apply(catalog, d, table, status);
    VectorIndexDefinitions.applyView(d, table, status, now);
    return d;
  }

  /** Epoch seconds with millisecond fraction, as the service sends timestamps. */
  static BigDecimal now(Clock clock) {
    return seconds(clock.millis());
  }

  /** Epoch millis as the service sends a timestamp: seconds with a millisecond fraction. */
  static BigDecimal seconds(long millis) {
    return BigDecimal.valueOf(millis).movePointLeft(3);
  }
}
