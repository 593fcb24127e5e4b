package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;

/** UntagResource: removes tags by key; absent keys are ignored. */
public final class UntagResourceOperation implements Operation {
  private final StorageEngine engine;

  public UntagResourceOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String arn = req.str("ResourceArn");
    ArrayNode keys = req.list("TagKeys");
    if (keys != null) {
      for (JsonNode k : keys) {
        if (!k.isTextual() && !k.isNull()) {
          throw Req.wrongType(k, "String");
        }
      }
    }
    Tags.checkArn(arn, engine, () -> new Validation().notNull(keys, "tagKeys").throwIfAny());
    if (keys.isEmpty()) {
      throw ApiException.validation("Atleast one Tag Key needs to be provided as Input.");
    }
    for (JsonNode k : keys) {
      Tags.checkKey(k.isNull() ? null : k.asText());
    }
    if (keys.size() > Tags.MAX_TAGS) {
      throw Tags.tooMany();
    }
    Table table = Tags.table(arn, engine);
    engine.catalog().update(table.name(), d -> {
      JsonNode existing = d.get(Tags.FIELD);
      if (existing instanceof ObjectNode o) {
        for (JsonNode k : keys) {
          o.remove(k.asText());
        }
        if (o.isEmpty()) {
          d.remove(Tags.FIELD);
        }
      }
      return d;
    });
    return Json.object();
  }
}
