package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Req;
import dev.eddy.storage.EngineConfig;

/** Placeholder until the streams branch lands: StreamSpecification is not accepted yet. */
public final class StreamSpecs {
  private StreamSpecs() {}

  public static void applyOnCreate(ObjectNode description, Req streamSpecification, EngineConfig cfg) {
    if (streamSpecification != null) {
      throw dev.eddy.api.ApiException.validation("StreamSpecification is not supported yet");
    }
  }

  public static void applyOnUpdate(ObjectNode description, Req streamSpecification, EngineConfig cfg) {
    applyOnCreate(description, streamSpecification, cfg);
  }
}
