package dev.eddy.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.InlineBudget;
import dev.eddy.api.Json;
import dev.eddy.api.LazyLogger;
import dev.eddy.api.Operation;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Routes one request by its {@code X-Amz-Target} to an {@link Operation} and turns the outcome
 * (response tree, {@link ApiException} or a bug) into a {@link Reply}. Netty-free and
 * thread-safe (immutable after {@link Builder#build()}).
 */
public final class Dispatcher {
  private static final System.Logger LOG = LazyLogger.of(Dispatcher.class);
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  private final Map<String, Operation> byTarget;

  private Dispatcher(Map<String, Operation> byTarget) {
    this.byTarget = byTarget;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects (prefix, operations) registrations; targets are prefix + operation name. */
  public static final class Builder {
    private final Map<String, Operation> byTarget = new HashMap<>();

    private Builder() {}

    /**
     * Registers {@code operations} (keyed by bare name such as "PutItem") under {@code prefix}
     * (such as "DynamoDB_20120810."). A target registered twice is a programming error.
     */
    public Builder register(String prefix, Map<String, Operation> operations) {
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(operations, "operations");
      for (Map.Entry<String, Operation> e : operations.entrySet()) {
        String target = prefix + e.getKey();
        Operation op = Objects.requireNonNull(e.getValue(), target);
        if (byTarget.putIfAbsent(target, op) != null) {
          throw new IllegalStateException("target registered twice: " + target);
        }
      }
      return this;
    }

    public Dispatcher build() {
      return new Dispatcher(Map.copyOf(byTarget));
    }
  }

  /** All served targets, e.g. "DynamoDB_20120810.PutItem". */
  public Set<String> targets() {
    return Collections.unmodifiableSet(byTarget.keySet());
  }

  /**
   * Handles one API call. The body is parsed first (malformed JSON is a SerializationException
   * whatever the target, as in DynamoDB), then the target picks the operation.
   */
  public Reply dispatch(String target, byte[] body, int offset, int length) {
    ObjectNode request;
    try {
      request = Json.parseRequest(body, offset, length);
    } catch (ApiException e) {
      return error(e);
    }
    return dispatch(target, request);
  }

  /** Handles one API call whose body has been parsed already. */
  public Reply dispatch(String target, ObjectNode request) {
    try {
      Operation op = target == null ? null : byTarget.get(target);
      if (op == null) {
        throw ApiException.unknownOperation(null);
      }
      ObjectNode response = op.handle(request);
      return new Reply(200, response == null ? EMPTY_OBJECT : Json.toBytes(response));
    } catch (ApiException e) {
      return error(e);
    } catch (InlineBudget.Exceeded e) {
      throw e; // the server runs the call again on a worker
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(System.Logger.Level.ERROR, "internal error in " + target, e);
      return internalError();
    }
  }

  /** The DynamoDB error body for {@code e}: __type, message (Message for some types), extras. */
  public static Reply error(ApiException e) {
    ErrorCode code = e.code();
    ObjectNode body = Json.object();
    body.put("__type", code.type());
    String message = e.getMessage();
    if (message != null) {
      body.put(messageField(e), message);
    }
    ObjectNode extra = e.extra();
    if (extra != null) {
      extra.fields().forEachRemaining(f -> {
        if (!f.getKey().equals("__type")) {
          body.set(f.getKey(), f.getValue());
        }
      });
    }
    return new Reply(code.httpStatus(), Json.toBytes(body));
  }

  /**
   * The name DynamoDB gives an error's message: "Message" (capital M) for serialization (type)
   * errors, TransactionCanceledException, and a ConditionalCheckFailedException that carries the
   * old item (ReturnValuesOnConditionCheckFailure); "message" for the rest.
   */
  static String messageField(ApiException e) {
    ErrorCode code = e.code();
    boolean capital = code == ErrorCode.SERIALIZATION
        || code == ErrorCode.TRANSACTION_CANCELED
        || (code == ErrorCode.CONDITIONAL_CHECK_FAILED && e.extra() != null && e.extra().has("Item"));
    return capital ? "Message" : "message";
  }

  public static Reply internalError() {
    return error(ApiException.internal("Internal server error"));
  }
}
