package dev.eddy.server.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool that runs operations off the event loop. When all threads are busy and the
 * queue is full, {@code execute} throws RejectedExecutionException and the caller answers
 * ThrottlingException instead of buffering without bound.
 */
public final class WorkerPool {
  public static final int QUEUE_CAPACITY = 1024;

  private WorkerPool() {}

  /** 2 x cores threads, at least 4 and at most 16. */
  public static int defaultThreads() {
    int cores = Runtime.getRuntime().availableProcessors();
    return Math.max(4, Math.min(16, 2 * cores));
  }

  public static ThreadPoolExecutor create(int threads, int queueCapacity) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queueCapacity),
        r -> {
          Thread t = new Thread(r, "eddy-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
