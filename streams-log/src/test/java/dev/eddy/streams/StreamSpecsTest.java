package dev.eddy.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.Req;
import dev.eddy.storage.AdjustableClock;
import dev.eddy.storage.EngineConfig;
import dev.eddy.storage.ops.StreamSpecs;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StreamSpecsTest {
  private final AdjustableClock clock = new AdjustableClock(Clock.fixed(StreamsFixture.START, ZoneOffset.UTC));
  private final EngineConfig cfg = new EngineConfig(null, "eu-west-1", "123456789012", clock);

  private static ObjectNode table() {
    ObjectNode d = Json.object();
    d.put("TableName", "Orders");
    d.put("TableArn", "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders");
    return d;
  }

  private static String message(Runnable r) {
    ApiException e = assertThrows(ApiException.class, r::run);
    assertEquals(ErrorCode.VALIDATION, e.code());
    return e.getMessage();
  }

  @Test
  void createWithAnEnabledStreamSetsSpecificationLabelAndArn() {
    ObjectNode d = table();
    StreamSpecs.applyOnCreate(d, StreamsFixture.spec(true, "NEW_AND_OLD_IMAGES"), cfg);
    assertEquals("{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}",
        d.path("StreamSpecification").toString());
    assertEquals("2026-03-01T10:00:00.000", d.path("LatestStreamLabel").asText());
    assertEquals("arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2026-03-01T10:00:00.000",
        d.path("LatestStreamArn").asText());
  }

  @Test
  void createWithoutOrWithDisabledStreamSetsNothing() {
    ObjectNode d = table();
    StreamSpecs.applyOnCreate(d, null, cfg);
    StreamSpecs.applyOnCreate(d, StreamsFixture.spec(false, null), cfg);
    assertEquals(table(), d);
  }

  @Test
  void createErrors() {
    assertEquals("One or more parameter values were invalid: Table is being created with a stream enabled, "
        + "UpdateViewType is required",
        message(() -> StreamSpecs.applyOnCreate(table(), StreamsFixture.spec(true, null), cfg)));
    assertEquals("One or more parameter values were invalid: Table is being created with a stream disabled, "
        + "UpdateViewType should not be specified",
        message(() -> StreamSpecs.applyOnCreate(table(), StreamsFixture.spec(false, "KEYS_ONLY"), cfg)));
    assertEquals("1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to "
        + "satisfy constraint: Member must not be null",
        message(() -> StreamSpecs.applyOnCreate(table(), StreamsFixture.spec(null, "KEYS_ONLY"), cfg)));
    assertEquals("1 validation error detected: Value 'Fisk' at 'streamSpecification.streamViewType' failed to "
        + "satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]",
        message(() -> StreamSpecs.applyOnCreate(table(), StreamsFixture.spec(true, "Fisk"), cfg)));
    assertEquals(ErrorCode.SERIALIZATION, assertThrows(ApiException.class, () -> StreamSpecs.applyOnCreate(table(),
        new Req(Json.object().put("StreamEnabled", "maybe")), cfg)).code());
  }

  @Test
  void updateEnablesDisablesAndReEnablesWithANewLabel() {
    ObjectNode d = table();
    StreamSpecs.applyOnUpdate(d, StreamsFixture.spec(true, "KEYS_ONLY"), cfg);
    String arn1 = d.path("LatestStreamArn").asText();
    assertTrue(d.path("StreamSpecification").path("StreamEnabled").asBoolean());

    assertEquals("Table already has an enabled stream: TableName: Orders",
        message(() -> StreamSpecs.applyOnUpdate(d, StreamsFixture.spec(true, "KEYS_ONLY"), cfg)));
    assertEquals("Table already has an enabled stream: TableName: Orders",
        message(() -> StreamSpecs.applyOnUpdate(d, StreamsFixture.spec(true, "NEW_IMAGE"), cfg)));
    assertEquals("One or more parameter values were invalid: If stream is being disabled, then UpdateViewType "
        + "must not be specified",
        message(() -> StreamSpecs.applyOnUpdate(d, StreamsFixture.spec(false, "KEYS_ONLY"), cfg)));

    StreamSpecs.applyOnUpdate(d, StreamsFixture.spec(false, null), cfg);
    assertFalse(d.has("StreamSpecification"));
    assertEquals(arn1, d.path("LatestStreamArn").asText());
    assertEquals("Table has no stream to disable: TableName: Orders",
        message(() -> StreamSpecs.applyOnUpdate(d, StreamsFixture.spec(false, null), cfg)));
    assertEquals("One or more parameter values were invalid: If stream is being enabled then UpdateViewType "
        + "is required",
        message(() -> StreamSpecs.applyOnUpdate(d, StreamsFixture.spec(true, null), cfg)));

    // same millisecond: the label still differs
    StreamSpecs.applyOnUpdate(d, StreamsFixture.spec(true, "NEW_IMAGE"), cfg);
    assertNotEquals(arn1, d.path("LatestStreamArn").asText());
    assertEquals("2026-03-01T10:00:00.001", d.path("LatestStreamLabel").asText());
    assertEquals("NEW_IMAGE", d.path("StreamSpecification").path("StreamViewType").asText());
  }
}
