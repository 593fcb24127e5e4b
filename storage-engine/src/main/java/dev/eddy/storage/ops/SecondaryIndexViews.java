package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.storage.Catalog;
import dev.eddy.storage.SecondaryIndex;
import dev.eddy.storage.Table;
import java.util.Iterator;
import java.util.List;

/** The public view of a table's index descriptions: internal fields removed, live counters and status. */
final class SecondaryIndexViews {
  private SecondaryIndexViews() {}

  static void apply(Catalog catalog, ObjectNode d, Table table, String tableStatus) {
    d.remove(IndexDefinitions.NEXT_ID);
    for (String field : List.of("LocalSecondaryIndexes", "GlobalSecondaryIndexes")) {
      JsonNode list = d.get(field);
      if (list == null) {
        continue;
      }
      boolean global = field.startsWith("Global");
      for (JsonNode n : list) {
        ObjectNode i = (ObjectNode) n;
        SecondaryIndex idx = table.index(i.path("IndexName").asText());
        for (Iterator<String> it = i.fieldNames(); it.hasNext(); ) {
          if (it.next().startsWith("_")) {
            it.remove();
          }
        }
        if (idx != null) {
          i.put("IndexSizeBytes", catalog.indexCounter(table, idx, 's'));
          i.put("ItemCount", catalog.indexCounter(table, idx, 'i'));
        }
        if (global && (tableStatus.equals("DELETING") || tableStatus.equals("CREATING"))) {
          i.put("IndexStatus", tableStatus);
        }
      }
    }
  }
}
