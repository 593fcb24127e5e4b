package dev.eddy.streams.internal;

import java.math.BigInteger;

/**
 * Sequence numbers: internally a per-stream counter (a long that only grows, also across a
 * parent shard and its child); on the wire the decimal of 10^20 + counter, so always 21 digits
 * with a non-zero lead digit (consumers compare them as big integers and some re-print them).
 */
public final class SequenceNumbers {
  private static final BigInteger BASE = BigInteger.TEN.pow(20);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private SequenceNumbers() {}

  public static String format(long counter) {
    String digits = Long.toString(counter);
    StringBuilder sb = new StringBuilder(21);
    sb.append('1');
    for (int i = digits.length(); i < 20; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  /** True when the text is only decimal digits (the service's sequence numbers are). */
  public static boolean isDecimal(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * The counter a wire sequence number stands for, clamped: Long.MIN_VALUE for anything below
   * every counter, Long.MAX_VALUE for anything above.
   */
  public static long parse(String s) {
    BigInteger v = new BigInteger(s).subtract(BASE);
    if (v.signum() < 0) {
      return Long.MIN_VALUE;
    }
    if (v.compareTo(MAX) > 0) {
      return Long.MAX_VALUE;
    }
    return v.longValue();
  }
}
