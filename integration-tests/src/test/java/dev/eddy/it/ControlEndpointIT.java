package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** --enable-control-endpoint: EddyControl.AdvanceClock moves the server clock forward. */
class ControlEndpointIT {
  @RegisterExtension
  static final EddyExtension EDDY = new EddyExtension(b -> b.controlEndpoint(true));

  private static final ObjectMapper JSON = new ObjectMapper();

  private static RawHttp.Response call(String target, String body) throws Exception {
    try (RawHttp c = new RawHttp(EDDY.port())) {
      return c.exchange(RawHttp.post(target, body));
    }
  }

  @Test
  void advanceClockMovesServerTime() throws Exception {
    Duration before = EDDY.clock().offset();
    RawHttp.Response r = call("EddyControl.AdvanceClock", "{\"Seconds\": 3600}");
    assertEquals(200, r.status(), r.text());
    JsonNode body = JSON.readTree(r.body());
    assertEquals(before.plusHours(1), EDDY.clock().offset());
    assertEquals(before.plusHours(1).toMillis() / 1000.0, body.get("OffsetSeconds").asDouble());
    RawHttp.Response clock = call("EddyControl.GetClock", "{}");
    assertEquals(200, clock.status());
    assertEquals(body.get("OffsetSeconds"), JSON.readTree(clock.body()).get("OffsetSeconds"));
  }

  @Test
  void badArgumentsAreValidationErrors() throws Exception {
    for (String body : new String[] {"{}", "{\"Seconds\": -1}", "{\"Seconds\": \"10\"}"}) {
      RawHttp.Response r = call("EddyControl.AdvanceClock", body);
      assertEquals(400, r.status(), body);
      assertEquals("com.amazon.coral.validate#ValidationException", JSON.readTree(r.body()).get("__type").asText());
    }
  }
}
