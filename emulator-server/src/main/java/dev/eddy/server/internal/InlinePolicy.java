package dev.eddy.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Which API calls run on the Netty event loop instead of the worker pool.
 *
 * <p>Handing a request to a worker and its response back costs two thread wake-ups (a futex and an
 * eventfd write): measured under PutItem load on 2 cores, about a quarter of the server's CPU went
 * to that hand-off (docs/PERFORMANCE.md). Single-item operations on small bodies take a few tens of
 * microseconds, less than the hop, so they run where they arrive, and so do Query and Scan pages
 * bounded by a small Limit (the body is parsed on the event loop to see it). GetRecords runs there
 * under an {@link dev.eddy.api.InlineBudget} of {@value #INLINE_BUDGET} records: a consumer that
 * has caught up with its shard gets its few records at once, and a call that would return more is
 * run again on a worker. Everything else that can take long (unbounded Query and Scan pages,
 * parallel scan segments, batches, transactions, table operations, the other streams calls, large
 * bodies, and writes and GetRecords when every write waits for an fsync) stays on the workers, so
 * one slow call cannot stall the other connections of its event loop.
 */
public final class InlinePolicy {
  /** Nothing inline: every call goes to the workers. */
  public static final InlinePolicy NONE = new InlinePolicy(Set.of(), Set.of(), Set.of(), 0);

  /** Bodies up to this size may run inline (a 400 KB item's parse is not short). */
  public static final int MAX_INLINE_BODY = 16 * 1024;

  /** Query and Scan pages with a Limit up to this many items run inline. */
  public static final int MAX_INLINE_LIMIT = 100;

  /**
   * How many items (records) a budgeted call may produce on the event loop: enough for a consumer
   * that keeps up with its shard (a poll every millisecond at 1,000 writes/s finds one or two), few
   * enough that a bigger page, read again on a worker, wastes little (16 of 1,000 records).
   */
  public static final int INLINE_BUDGET = 16;

  private static final String PREFIX = "DynamoDB_20120810.";

  private final Set<String> targets;
  private final Set<String> limited;
  private final Set<String> budgeted;
  private final int maxBody;

  private InlinePolicy(Set<String> targets, Set<String> limited, Set<String> budgeted, int maxBody) {
    this.targets = targets;
    this.limited = limited;
    this.budgeted = budgeted;
    this.maxBody = maxBody;
  }

  /**
   * The server's policy: GetItem always; PutItem, UpdateItem and DeleteItem too unless
   * {@code syncWrites} makes each of them wait for the disk; Query and Scan with a small Limit;
   * GetRecords under a budget, unless {@code syncWrites}: a write holds its stream's lock while it
   * waits for the disk, and GetRecords takes that lock.
   */
  public static InlinePolicy pointOperations(boolean syncWrites) {
    Set<String> targets = syncWrites
        ? Set.of(PREFIX + "GetItem")
        : Set.of(PREFIX + "GetItem", PREFIX + "PutItem", PREFIX + "UpdateItem", PREFIX + "DeleteItem");
    Set<String> budgeted = syncWrites ? Set.of() : Set.of("DynamoDBStreams_20120810.GetRecords");
    return new InlinePolicy(targets, Set.of(PREFIX + "Query", PREFIX + "Scan"), budgeted, MAX_INLINE_BODY);
  }

  /**
   * {@code targets} (full X-Amz-Target values) with bodies up to {@code maxBody} bytes run inline;
   * {@code limited} targets too when their parsed body bounds the work (see {@link #inline(ObjectNode)}).
   */
  static InlinePolicy of(Set<String> targets, Set<String> limited, int maxBody) {
    return of(targets, limited, Set.of(), maxBody);
  }

  /** As {@link #of(Set, Set, int)}, with {@code budgeted} targets run inline under a budget. */
  static InlinePolicy of(Set<String> targets, Set<String> limited, Set<String> budgeted, int maxBody) {
    return new InlinePolicy(Set.copyOf(targets), Set.copyOf(limited), Set.copyOf(budgeted), maxBody);
  }

  /** True when the call to {@code target} with a body of {@code bodyBytes} runs on the event loop. */
  boolean inline(String target, int bodyBytes) {
    return bodyBytes <= maxBody && target != null && targets.contains(target);
  }

  /**
   * True when the call runs on the event loop under an {@link dev.eddy.api.InlineBudget} of
   * {@link #INLINE_BUDGET} items, and again on a worker when it needs more.
   */
  boolean budgeted(String target, int bodyBytes) {
    return bodyBytes <= maxBody && target != null && budgeted.contains(target);
  }

  /** True when the call may run inline depending on its body: parse it and ask {@link #inline(ObjectNode)}. */
  boolean worthPeeking(String target, int bodyBytes) {
    return bodyBytes <= maxBody && target != null && limited.contains(target);
  }

  /**
   * True when a Query or Scan reads at most {@link #MAX_INLINE_LIMIT} items: a Limit that small and
   * no Segment (a parallel scan segment walks past the other segments' keys, however small its Limit).
   */
  boolean inline(ObjectNode request) {
    JsonNode limit = request.get("Limit");
    return limit != null && limit.isIntegralNumber() && limit.canConvertToLong()
        && limit.asLong() > 0 && limit.asLong() <= MAX_INLINE_LIMIT && !request.has("Segment");
  }
}
