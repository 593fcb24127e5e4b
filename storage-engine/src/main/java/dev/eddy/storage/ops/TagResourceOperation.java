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

/** TagResource: upserts tags of a table; the 50-tag limit applies to the merged set. */
public final class TagResourceOperation implements Operation {
  private final StorageEngine engine;

  public TagResourceOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String arn = req.str("ResourceArn");
    ArrayNode tags = req.list("Tags");
    Tags.validate(tags, "tags", new Validation());
    Tags.checkArn(arn, engine, () -> new Validation().notNull(tags, "tags").throwIfAny());
    if (tags.isEmpty()) {
      throw ApiException.validation("Atleast one Tag needs to be provided as Input.");
    }
    Tags.checkSemantics(tags);
    Table table = Tags.table(arn, engine);
    engine.catalog().update(table.name(), d -> {
      JsonNode existing = d.get(Tags.FIELD);
      ObjectNode merged = existing instanceof ObjectNode o ? o : Json.object();
      for (JsonNode t : tags) {
        merged.put(t.path("Key").asText(), t.path("Value").asText());
      }
      if (merged.size() > Tags.MAX_TAGS) {
        throw Tags.tooMany();
      }
      d.set(Tags.FIELD, merged);
      return d;
    });
    return Json.object();
  }
}
