package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.EngineConfig;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The stream identity of a table: validates a request's StreamSpecification (CreateTable,
 * UpdateTable) with DynamoDB's messages and sets StreamSpecification, LatestStreamLabel and
 * LatestStreamArn on the table description. Owned by the streams work; the stream log reads
 * these fields through {@code Table.streamViewType()} and {@code Table.latestStreamArn()}.
 *
 * <p>After a stream is disabled the description keeps LatestStreamArn and LatestStreamLabel
 * but no StreamSpecification, as DynamoDB's DescribeTable does.
 */
public final class StreamSpecs {
  /** The enum of StreamViewType in the order the service lists it in validation messages. */
  public static final List<String> VIEW_TYPES = List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");

  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private StreamSpecs() {}

  /** CreateTable: applies {@code streamSpecification} (may be null) to a new table's description. */
  public static void applyOnCreate(ObjectNode description, Req streamSpecification, EngineConfig cfg) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(cfg, "cfg");
    if (streamSpecification == null) {
      return;
    }
    Spec spec = read(streamSpecification);
    if (spec.enabled && spec.viewType == null) {
      throw ApiException.invalidParameter("Table is being created with a stream enabled, UpdateViewType is required");
    }
    if (!spec.enabled && spec.viewType != null) {
      throw ApiException.invalidParameter(
          "Table is being created with a stream disabled, UpdateViewType should not be specified");
    }
    if (spec.enabled) {
      enable(description, spec.viewType, cfg);
    }
  }

  /** UpdateTable: enables or disables the stream of an existing table's description (a private copy). */
  public static void applyOnUpdate(ObjectNode description, Req streamSpecification, EngineConfig cfg) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(cfg, "cfg");
    if (streamSpecification == null) {
      return;
    }
    Spec spec = read(streamSpecification);
    String name = description.path("TableName").asText();
    boolean currentlyEnabled = description.path("StreamSpecification").path("StreamEnabled").asBoolean(false);
    if (spec.enabled) {
      if (spec.viewType == null) {
        throw ApiException.invalidParameter("If stream is being enabled then UpdateViewType is required");
      }
      if (currentlyEnabled) {
        throw ApiException.validation("Table already has an enabled stream: TableName: " + name);
      }
      enable(description, spec.viewType, cfg);
      return;
    }
    if (spec.viewType != null) {
      throw ApiException.invalidParameter("If stream is being disabled, then UpdateViewType must not be specified");
    }
    if (!currentlyEnabled) {
      throw ApiException.validation("Table has no stream to disable: TableName: " + name);
    }
    // DynamoDB's DescribeTable leaves StreamSpecification out once the stream is disabled, and
    // keeps LatestStreamArn / LatestStreamLabel (the disabled stream stays readable for 24 h).
    description.remove("StreamSpecification");
  }

  private record Spec(boolean enabled, String viewType) {}

  private static Spec read(Req spec) {
    Boolean enabled = spec.bool("StreamEnabled");
    String viewType = spec.str("StreamViewType");
    Validation v = new Validation();
    v.notNull(enabled, "streamSpecification.streamEnabled");
    v.oneOf(viewType, "streamSpecification.streamViewType", VIEW_TYPES);
    v.throwIfAny();
    return new Spec(enabled, viewType);
  }

  private static void enable(ObjectNode description, String viewType, EngineConfig cfg) {
    String name = description.path("TableName").asText();
    Instant now = cfg.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    JsonNode previous = description.get("LatestStreamLabel");
    if (previous != null && previous.isTextual()) {
      // a label is unique per enabling: never reuse (or go behind) the previous one
      try {
        Instant prev = LocalDateTime.parse(previous.textValue(), LABEL).toInstant(ZoneOffset.UTC);
        if (!now.isAfter(prev)) {
          now = prev.plusMillis(1);
        }
      } catch (RuntimeException ignored) {
        // an unparsable previous label cannot collide with a well-formed one
      }
    }
    String label = LABEL.format(now);
    ObjectNode spec = description.putObject("StreamSpecification");
    spec.put("StreamEnabled", true);
    spec.put("StreamViewType", viewType);
    description.put("LatestStreamLabel", label);
    description.put("LatestStreamArn", tableArn(description, cfg) + "/stream/" + label);
  }

  private static String tableArn(ObjectNode description, EngineConfig cfg) {
    JsonNode arn = description.get("TableArn");
    if (arn != null && arn.isTextual() && !arn.textValue().isEmpty()) {
      return arn.textValue();
    }
    return "arn:aws:dynamodb:" + cfg.region() + ":" + cfg.accountId() + ":table/"
        + description.path("TableName").asText();
  }
}
