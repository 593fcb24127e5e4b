package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.TtlSweeper;
import java.time.Duration;

/**
 * UpdateTimeToLive. The change takes effect at once (DynamoDB never shows ENABLING/DISABLING in
 * practice); the response echoes the specification. As in DynamoDB the content checks (already
 * enabled/disabled, other attribute) come before the once-per-interval rule.
 */
public final class UpdateTimeToLiveOperation implements Operation {
  /** How long after a change another change is refused. */
  static final Duration COOLDOWN = Duration.ofHours(1);
  private final StorageEngine engine;

  public UpdateTimeToLiveOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String tableName = req.str("TableName");
    Req spec = req.obj("TimeToLiveSpecification");
    Boolean enabled = spec == null ? null : spec.bool("Enabled");
    String attr = spec == null ? null : spec.str("AttributeName");
    Validation v = new Validation();
    v.tableName(tableName, "tableName");
    v.notNull(spec, "timeToLiveSpecification");
    if (spec != null) {
      v.notNull(attr, "timeToLiveSpecification.attributeName");
      v.length(attr, "timeToLiveSpecification.attributeName", 1, 255);
      v.notNull(enabled, "timeToLiveSpecification.enabled");
    }
    v.throwIfAny();
    long now = engine.config().clock().millis();
    engine.catalog().update(requireTable(tableName).name(), d -> {
      JsonNode current = d.path(TtlSweeper.FIELD);
      boolean active = current.path("Enabled").asBoolean(false);
      String currentAttr = current.path("AttributeName").asText(null);
      if (active && !attr.equals(currentAttr)) {
        throw ApiException.validation(
            "TimeToLive is active on a different AttributeName: current AttributeName is " + currentAttr);
      }
      if (active && enabled) {
        throw ApiException.validation("TimeToLive is already enabled");
      }
      if (!active && !enabled) {
        throw ApiException.validation("TimeToLive is already disabled");
      }
      JsonNode modified = current.get("ModifiedAt");
      if (modified != null && now < modified.asLong() + COOLDOWN.toMillis()) {
        throw ApiException.validation("Time to live has been modified multiple times within a fixed interval");
      }
      ObjectNode ttl = Json.object();
      ttl.put("Enabled", enabled);
      ttl.put("AttributeName", attr);
      ttl.put("ModifiedAt", now);
      d.set(TtlSweeper.FIELD, ttl);
      return d;
    });
    ObjectNode response = Json.object();
    ObjectNode echo = response.putObject("TimeToLiveSpecification");
    echo.put("Enabled", enabled);
    echo.put("AttributeName", attr);
    return response;
  }

  private Table requireTable(String name) {
    Table table = engine.catalog().get(name);
    if (table == null) {
      throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
    }
    return table;
  }
}
