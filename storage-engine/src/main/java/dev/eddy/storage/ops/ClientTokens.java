package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The ClientRequestTokens of TransactWriteItems, kept in memory: a token stays valid for 10
 * minutes after the request that used it completed. A repeat with the same parameters succeeds
 * without writing again; with different parameters it is an IdempotentParameterMismatchException;
 * while the first request still runs, a repeat is a TransactionInProgressException. A request
 * that failed does not consume its token.
 */
final class ClientTokens {
  static final Duration VALIDITY = Duration.ofMinutes(10);
  private final Clock clock;
  private final Map<String, Entry> tokens = new HashMap<>();
  /** Completed tokens in completion order; the clock only moves forward, so expiry is FIFO. */
  private final ArrayDeque<String> completed = new ArrayDeque<>();

  private static final class Entry {
    final JsonNode parameters;
    Instant completedAt; // null while running

    Entry(JsonNode parameters) {
      this.parameters = parameters;
    }
  }

  ClientTokens(Clock clock) {
    this.clock = clock;
  }

  /**
   * Runs {@code work} once per token: returns true when it ran, false when an earlier identical
   * request with this token already succeeded (the caller answers without writing).
   */
  boolean runOnce(String token, JsonNode parameters, Runnable work) {
    synchronized (this) {
      expire();
      Entry e = tokens.get(token);
      if (e != null) {
        if (!e.parameters.equals(parameters)) {
          throw new ApiException(ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH,
              "Request token already used with different parameters");
        }
        if (e.completedAt == null) {
          throw new ApiException(ErrorCode.TRANSACTION_IN_PROGRESS,
              "Transaction from previous request is still in progress");
        }
        return false;
      }
      tokens.put(token, new Entry(parameters));
    }
    boolean done = false;
    try {
      work.run();
      done = true;
    } finally {
      synchronized (this) {
        if (done) {
          tokens.get(token).completedAt = clock.instant();
          completed.addLast(token);
        } else {
          tokens.remove(token);
        }
      }
    }
    return true;
  }

  /** Drops tokens completed more than VALIDITY ago: O(expired), not O(all tokens). */
  private void expire() {
    Instant now = clock.instant();
    while (!completed.isEmpty()) {
      Entry e = tokens.get(completed.peekFirst());
      if (e != null && now.isBefore(e.completedAt.plus(VALIDITY))) {
        return;
      }
      tokens.remove(completed.pollFirst());
    }
  }
}
