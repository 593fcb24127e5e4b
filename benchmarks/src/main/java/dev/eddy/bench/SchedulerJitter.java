package dev.eddy.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * How late a thread wakes up on this machine: parks for 1 ms N times and prints how much longer
 * than asked each park took (p50, p99, p99.9, max). Every stream-lag sample goes through a few such
 * wake-ups (the reader's pause, the server's event loop, the reader's read), so this is the floor
 * under the stream-lag tail that no server change can lower.
 *
 * <pre>java -cp benchmarks.jar dev.eddy.bench.SchedulerJitter [N, default 5000]</pre>
 */
public final class SchedulerJitter {
  private SchedulerJitter() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    long[] late = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      LockSupport.parkNanos(1_000_000L);
      late[i] = System.nanoTime() - t - 1_000_000L;
    }
    Arrays.sort(late);
    System.out.printf(Locale.ROOT, "park-1ms-oversleep n=%d p50=%.3fms p99=%.3fms p99.9=%.3fms max=%.3fms%n", n,
        late[n / 2] / 1e6, late[(int) (n * 0.99)] / 1e6, late[(int) (n * 0.999)] / 1e6, late[n - 1] / 1e6);
  }
}
