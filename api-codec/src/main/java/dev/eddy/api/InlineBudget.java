package dev.eddy.api;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Lets a read-only operation that is usually short run where its request arrives (the server's
 * event loop) without ever keeping that thread long: the server runs the call under a budget of
 * items, and an operation whose answer grows past it stops with {@link Exceeded}; the server then
 * runs the whole call again on a worker thread, without a budget.
 *
 * <p>Only for operations that change nothing before they can exceed the budget, since the call
 * runs twice then. GetRecords uses it: a consumer polling a shard it has caught up with gets its
 * few records without two thread hand-offs, while a page of 1,000 records is read on a worker.
 */
public final class InlineBudget {
  private static final ThreadLocal<int[]> CURRENT = new ThreadLocal<>();

  private InlineBudget() {}

  /** Thrown by {@link #exceeded()}: the call needs more than its budget. */
  public static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Exceeded() {
      super("inline budget exceeded", null, false, false);
    }
  }

  private static final Exceeded EXCEEDED = new Exceeded();

  /**
   * Runs {@code work} with a budget of {@code items} on this thread; throws {@link Exceeded} when
   * the work needs more.
   */
  public static <T> T run(int items, Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    if (items < 0) {
      throw new IllegalArgumentException("items must not be negative");
    }
    int[] outer = CURRENT.get();
    CURRENT.set(new int[] {items});
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** How many items the current call may produce: its budget, or Integer.MAX_VALUE without one. */
  public static int items() {
    int[] b = CURRENT.get();
    return b == null ? Integer.MAX_VALUE : b[0];
  }

  /** The exception that ends a call over its budget (stackless, shared). */
  public static Exceeded exceeded() {
    return EXCEEDED;
  }
}
