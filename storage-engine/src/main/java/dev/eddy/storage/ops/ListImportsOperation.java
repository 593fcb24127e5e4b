package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;

/** ListImports: Eddy does not import from S3, so there are none. */
public final class ListImportsOperation implements Operation {
  @Override
  public ObjectNode handle(ObjectNode request) {
    ObjectNode response = Json.object();
    response.putArray("ImportSummaryList");
    return response;
  }
}
