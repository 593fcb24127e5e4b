package dev.eddy.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The one error type of Eddy: a DynamoDB error code and message, plus optional extra fields
 * for the error body (CancellationReasons, Item). Handlers throw it; only the server turns it
 * into a response.
 */
public final class ApiException extends RuntimeException {
  private final ErrorCode code;
  private final transient ObjectNode extra;

  public ApiException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public ApiException(ErrorCode code, String message, ObjectNode extra) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.extra = extra;
  }

  public ErrorCode code() {
    return code;
  }

  /** Extra top-level fields of the error body, or null. */
  public ObjectNode extra() {
    return extra;
  }

  public static ApiException validation(String message) {
    return new ApiException(ErrorCode.VALIDATION, message);
  }

  /** "One or more parameter values were invalid: " + detail. */
  public static ApiException invalidParameter(String detail) {
    return new ApiException(ErrorCode.VALIDATION, "One or more parameter values were invalid: " + detail);
  }

  public static ApiException serialization(String message) {
    return new ApiException(ErrorCode.SERIALIZATION, message);
  }

  public static ApiException resourceNotFound(String message) {
    return new ApiException(ErrorCode.RESOURCE_NOT_FOUND, message);
  }

  public static ApiException resourceInUse(String message) {
    return new ApiException(ErrorCode.RESOURCE_IN_USE, message);
  }

  public static ApiException conditionalCheckFailed(ObjectNode extra) {
    return new ApiException(ErrorCode.CONDITIONAL_CHECK_FAILED, "The conditional request failed", extra);
  }

  public static ApiException unknownOperation(String message) {
    return new ApiException(ErrorCode.UNKNOWN_OPERATION, message);
  }

  public static ApiException limitExceeded(String message) {
    return new ApiException(ErrorCode.LIMIT_EXCEEDED, message);
  }

  public static ApiException internal(String message) {
    return new ApiException(ErrorCode.INTERNAL_SERVER_ERROR, message);
  }
}
