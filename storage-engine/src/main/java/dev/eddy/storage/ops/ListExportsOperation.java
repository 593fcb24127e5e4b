package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;

/** ListExports: Eddy does not export to S3, so there are none. */
public final class ListExportsOperation implements Operation {
  @Override
  public ObjectNode handle(ObjectNode request) {
    ObjectNode response = Json.object();
    response.putArray("ExportSummaries");
    return response;
  }
}
