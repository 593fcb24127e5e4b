package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.storage.Catalog;
import dev.eddy.storage.Table;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Iterator;

/** Turns a stored table description into the TableDescription DynamoDB answers with. */
final class TableDescriptions {
  private TableDescriptions() {}

  /** The public view: internal fields ("_..." keys) removed, live counters and status set. */
  static ObjectNode view(Catalog catalog, Table table, String status) {
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
    return d;
  }

  /** Epoch seconds with millisecond fraction, as the service sends timestamps. */
  static BigDecimal now(Clock clock) {
    return BigDecimal.valueOf(clock.millis()).movePointLeft(3);
  }
}
