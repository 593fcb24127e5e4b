package dev.eddy.api;

import java.math.BigDecimal;

/**
 * DynamoDB number rules: up to 38 significant digits, magnitude 1E-130 .. 9.99..E+125, with the
 * messages of the {@link ValueLayer} that reads the request.
 */
public final class Numbers {
  private static final String NOT_NUMERIC = "The parameter cannot be converted to a numeric value";

  private Numbers() {}

  /** {@link #parse(String, ValueLayer)} in the current layer. */
  public static BigDecimal parse(String text) {
    return parse(text, ValueLayer.CURRENT);
  }

  /**
   * Parses and checks a number as DynamoDB's {@code layer} does, throwing its ValidationException
   * texts: the current layer range-checks every exponent that fits a 64-bit integer and keeps the
   * colon after an empty number; the older one reads the text as Java's BigDecimal does.
   */
  public static BigDecimal parse(String text, ValueLayer layer) {
    if (text == null || text.isEmpty() || !looksNumeric(text)) {
      throw notNumeric(text, layer);
    }
    boolean current = layer == ValueLayer.CURRENT;
    if (current && !exponentFitsLong(text)) {
      throw notNumeric(text, layer);
    }
    if (text.length() > LONG_TEXT) {
      return check(parseLongText(text, current), !current);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      if (current) {
        return parseLongText(text, true); // an exponent past an int: range-checked all the same
      }
      throw notNumeric(text, layer);
    }
    return check(value, !current);
  }

  private static ApiException notNumeric(String text, ValueLayer layer) {
    if (text == null || text.isEmpty()) {
      return ApiException.validation(layer == ValueLayer.CURRENT ? NOT_NUMERIC + ": " : NOT_NUMERIC);
    }
    return ApiException.validation(NOT_NUMERIC + ": " + text);
  }

  /** True when the text (already known to look numeric) has no exponent or one that fits a long. */
  private static boolean exponentFitsLong(String text) {
    int e = Math.max(text.indexOf('e'), text.indexOf('E'));
    if (e < 0) {
      return true;
    }
    try {
      Long.parseLong(text.substring(e + 1));
      return true;
    } catch (NumberFormatException x) {
      return false;
    }
  }

  /** Texts longer than this are reduced to their significant digits before BigDecimal sees them. */
  private static final int LONG_TEXT = 48;
  private static final long EXPONENT_CAP = 1_000_000_000_000L;

  /**
   * Parses a long number text (already known to look numeric) in linear time: BigDecimal's
   * parsing and stripTrailingZeros are quadratic in the number of digits, so a 400 KB run of
   * zeros would otherwise take many seconds. Leading and trailing zeros are dropped from the
   * digits first; more than 38 remaining digits, or an exponent out of range, is refused here
   * (for a zero too with {@code zeroByExponent}, the current layer's rule).
   */
  private static BigDecimal parseLongText(String s, boolean zeroByExponent) {
    int i = 0;
    boolean negative = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      i++;
    }
    StringBuilder digits = new StringBuilder();
    int beforePoint = -1;
    boolean leading = true;
    int leadingDropped = 0;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        beforePoint = leadingDropped + digits.length();
        continue;
      }
      if (c == 'e' || c == 'E') {
        break;
      }
      if (leading && c == '0') {
        leadingDropped++;
        continue;
      }
      leading = false;
      digits.append(c);
    }
    int totalDigits = leadingDropped + digits.length();
    if (beforePoint < 0) {
      beforePoint = totalDigits;
    }
    long exponent = 0;
    if (i < s.length()) {
      int j = i + 1;
      boolean expNegative = false;
      if (s.charAt(j) == '-' || s.charAt(j) == '+') {
        expNegative = s.charAt(j) == '-';
        j++;
      }
      for (; j < s.length(); j++) {
        exponent = Math.min(EXPONENT_CAP, exponent * 10 + (s.charAt(j) - '0'));
      }
      if (expNegative) {
        exponent = -exponent;
      }
    }
    int end = digits.length();
    while (end > 0 && digits.charAt(end - 1) == '0') {
      end--;
    }
    if (end == 0) {
      if (zeroByExponent) {
        checkMagnitude(1 - (totalDigits - beforePoint) + exponent); // as BigDecimal reads a zero
      }
      return BigDecimal.ZERO;
    }
    if (end > 38) {
      throw tooManyDigits();
    }
    // value = 0.d1d2...dn x 10^(beforePoint - leadingDropped + exponent)
    long adjusted = beforePoint - leadingDropped + exponent - 1;
    checkMagnitude(adjusted + 1);
    BigDecimal v = new BigDecimal(new java.math.BigInteger(digits.substring(0, end)), (int) (end - 1 - adjusted));
    return negative ? v.negate() : v;
  }

  /** Checks precision and range of a computed value (e.g. the result of SET a = a + :n). */
  public static BigDecimal check(BigDecimal value) {
    return check(value, false);
  }

  /**
   * At most 38 significant digits, and a magnitude (the number of digits before the point,
   * negative for a fraction's leading zeros) from -129 (1E-130) to 126 (9.99..E+125). The current
   * layer checks a zero by the exponent it is written with (0e126 overflows, 0e125 is 0:
   * nubo-db/dynamodb-conformance "Number limits - exponents", eu-west-2, October 2026); the older
   * layer ({@code wrapping}) computes the magnitude in int arithmetic, so 1e2147483647 wraps round
   * to an underflow.
   */
  private static BigDecimal check(BigDecimal value, boolean wrapping) {
    if (value.signum() == 0) {
      if (!wrapping) {
        checkMagnitude((long) value.precision() - value.scale());
      }
      return BigDecimal.ZERO;
    }
    BigDecimal v = normaliseInRange(value);
    if (v.precision() > 38) {
      throw tooManyDigits();
    }
    checkMagnitude(wrapping ? v.precision() - v.scale() : (long) v.precision() - v.scale());
    return v;
  }

  private static void checkMagnitude(long magnitude) {
    if (magnitude > 126) {
      throw overflow();
    }
    if (magnitude < -129) {
      throw underflow();
    }
  }

  /** {@link #normalise}, where a scale pushed past an int by dropping trailing zeros overflows. */
  private static BigDecimal normaliseInRange(BigDecimal value) {
    try {
      return normalise(value);
    } catch (ArithmeticException e) {
      throw overflow(); // only a huge positive exponent moves the scale out of range
    }
  }

  private static ApiException tooManyDigits() {
    return ApiException.validation("Attempting to store more than 38 significant digits in a Number");
  }

  private static ApiException overflow() {
    return ApiException.validation(
        "Number overflow. Attempting to store a number with magnitude larger than supported range");
  }

  private static ApiException underflow() {
    return ApiException.validation(
        "Number underflow. Attempting to store a number with magnitude smaller than supported range");
  }

  public static BigDecimal normalise(BigDecimal value) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return value.stripTrailingZeros();
  }

  private static boolean looksNumeric(String s) {
    int i = 0;
    int n = s.length();
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      i++;
    }
    boolean digits = false;
    while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
      digits = true;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        i++;
        digits = true;
      }
    }
    if (!digits) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      boolean exp = false;
      while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        i++;
        exp = true;
      }
      if (!exp) {
        return false;
      }
    }
    return i == n;
  }
}
