package dev.eddy.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The figures of one workload run. {@link #line()} is the one line the load generator prints:
 * {@code <workload> threads=N ops/s=X p50=Xms p99=Xms max=Xms errors=N [extra] [target=label]}.
 */
record Result(String workload, int threads, double opsPerSecond, Histogram latencyNanos,
    long errors, String extra, String label) {

  /** Latency histograms record nanoseconds up to one minute with 3 significant digits. */
  static Histogram newHistogram() {
    return new Histogram(60_000_000_000L, 3);
  }

  String line() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s threads=%d ops/s=%.1f p50=%.3fms p99=%.3fms max=%.3fms errors=%d",
        workload, threads, opsPerSecond, millis(latencyNanos.getValueAtPercentile(50)),
        millis(latencyNanos.getValueAtPercentile(99)), millis(latencyNanos.getMaxValue()), errors));
    if (extra != null && !extra.isEmpty()) {
      sb.append(' ').append(extra);
    }
    if (label != null) {
      sb.append(" target=").append(label);
    }
    return sb.toString();
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
