package dev.eddy.server.internal;

import java.util.Set;

/**
 * Which API calls run on the Netty event loop instead of the worker pool.
 *
 * <p>Handing a request to a worker and its response back costs two thread wake-ups (a futex and an
 * eventfd write): measured under PutItem load on 2 cores, about a quarter of the server's CPU went
 * to that hand-off (docs/PERFORMANCE.md). Single-item operations on small bodies take a few tens of
 * microseconds, less than the hop, so they run where they arrive. Everything that can take long
 * (Query, Scan, batches, transactions, table operations, streams, large bodies, and writes when
 * every write waits for an fsync) stays on the workers, so one slow call cannot stall the other
 * connections of its event loop.
 */
public final class InlinePolicy {
  /** Nothing inline: every call goes to the workers. */
  public static final InlinePolicy NONE = new InlinePolicy(Set.of(), 0);

  /** Bodies up to this size may run inline (a 400 KB item's parse is not short). */
  public static final int MAX_INLINE_BODY = 16 * 1024;

  private static final String PREFIX = "DynamoDB_20120810.";

  private final Set<String> targets;
  private final int maxBody;

  private InlinePolicy(Set<String> targets, int maxBody) {
    this.targets = targets;
    this.maxBody = maxBody;
  }

  /**
   * The server's policy: GetItem always; PutItem, UpdateItem and DeleteItem too unless
   * {@code syncWrites} makes each of them wait for the disk.
   */
  public static InlinePolicy pointOperations(boolean syncWrites) {
    Set<String> targets = syncWrites
        ? Set.of(PREFIX + "GetItem")
        : Set.of(PREFIX + "GetItem", PREFIX + "PutItem", PREFIX + "UpdateItem", PREFIX + "DeleteItem");
    return new InlinePolicy(targets, MAX_INLINE_BODY);
  }

  /** {@code targets} (full X-Amz-Target values) with bodies up to {@code maxBody} bytes run inline. */
  static InlinePolicy of(Set<String> targets, int maxBody) {
    return new InlinePolicy(Set.copyOf(targets), maxBody);
  }

  /** True when the call to {@code target} with a body of {@code bodyBytes} runs on the event loop. */
  boolean inline(String target, int bodyBytes) {
    return bodyBytes <= maxBody && target != null && targets.contains(target);
  }
}
