package dev.eddy.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One API operation (one class per operation, named after it). It reads the request tree and
 * returns the response tree; failures are thrown as {@link ApiException}.
 */
@FunctionalInterface
public interface Operation {
  ObjectNode handle(ObjectNode request);
}
