package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Validation;
import java.util.List;

/** ReturnConsumedCapacity: units computed as DynamoDB does (1 WCU per 1 KB, 0.5/1 RCU per 4 KB). */
final class Capacity {
  static final List<String> MODES = List.of("INDEXES", "TOTAL", "NONE");

  private Capacity() {}

  static void validate(String mode, Validation v) {
    v.oneOf(mode, "returnConsumedCapacity", MODES);
  }

  static double writeUnits(long bytes) {
    return Math.max(1, (bytes + 1023) / 1024);
  }

  static double readUnits(long bytes, boolean consistent) {
    double units = Math.max(1, (bytes + 4095) / 4096);
    return consistent ? units : units / 2;
  }

  /** Adds ConsumedCapacity to the response when asked for. */
  static void add(ObjectNode response, String mode, String tableName, double units, boolean read) {
    if (mode == null || mode.equals("NONE")) {
      return;
    }
    ObjectNode cc = response.putObject("ConsumedCapacity");
    cc.put("TableName", tableName);
    cc.put("CapacityUnits", units);
    cc.put(read ? "ReadCapacityUnits" : "WriteCapacityUnits", units);
    if (mode.equals("INDEXES")) {
      ObjectNode t = Json.object();
      t.put("CapacityUnits", units);
      t.put(read ? "ReadCapacityUnits" : "WriteCapacityUnits", units);
      cc.set("Table", t);
    }
  }
}
