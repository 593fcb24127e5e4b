package dev.eddy.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.storage.AdjustableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-control operations, served only with --enable-control-endpoint under the target prefix
 * {@link #PREFIX}: {@code GetClock} and {@code AdvanceClock {"Seconds": n}} move the server clock
 * forward so TTL, stream retention, shard rollover and iterator expiry can be exercised without
 * waiting.
 */
public final class ControlOperations {
  public static final String PREFIX = "EddyControl.";

  private ControlOperations() {}

  public static Map<String, Operation> create(AdjustableClock clock) {
    Map<String, Operation> ops = new LinkedHashMap<>();
    ops.put("GetClock", request -> describe(clock));
    ops.put("AdvanceClock", request -> {
      JsonNode seconds = request.get("Seconds");
      if (seconds == null || !seconds.isNumber() || seconds.decimalValue().signum() < 0) {
        throw ApiException.validation("Seconds must be a number greater than or equal to 0");
      }
      BigDecimal millis = seconds.decimalValue().movePointRight(3);
      try {
        clock.advance(Duration.ofMillis(millis.longValueExact()));
      } catch (ArithmeticException e) {
        throw ApiException.validation("Seconds must be a whole number of milliseconds");
      }
      return describe(clock);
    });
    return ops;
  }

  private static ObjectNode describe(AdjustableClock clock) {
    ObjectNode out = Json.object();
    out.put("Now", clock.instant().toString());
    out.put("NowEpochMillis", clock.millis());
    out.put("OffsetSeconds", clock.offset().toMillis() / 1000.0);
    return out;
  }
}
