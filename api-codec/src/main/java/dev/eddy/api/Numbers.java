package dev.eddy.api;

import java.math.BigDecimal;

/** DynamoDB number rules: up to 38 significant digits, magnitude 1E-130 .. 9.99..E+125. */
public final class Numbers {
  private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
  private static final BigDecimal MIN = new BigDecimal("1E-130");

  private Numbers() {}

  /** Parses and checks a number as DynamoDB does, throwing its ValidationException texts. */
  public static BigDecimal parse(String text) {
    if (text == null || text.isEmpty() || !looksNumeric(text)) {
      throw ApiException.validation(
          "The parameter cannot be converted to a numeric value" + (text == null || text.isEmpty() ? "" : ": " + text));
    }
    if (text.length() > LONG_TEXT) {
      return check(parseLongText(text));
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw ApiException.validation("The parameter cannot be converted to a numeric value: " + text);
    }
    return check(value);
  }

  /** Texts longer than this are reduced to their significant digits before BigDecimal sees them. */
  private static final int LONG_TEXT = 48;
  private static final long EXPONENT_CAP = 1_000_000_000_000L;

  /**
   * Parses a long number text (already known to look numeric) in linear time: BigDecimal's
   * parsing and stripTrailingZeros are quadratic in the number of digits, so a 400 KB run of
   * zeros would otherwise take many seconds. Leading and trailing zeros are dropped from the
   * digits first; more than 38 remaining digits, or an exponent out of range, is refused here.
   */
  private static BigDecimal parseLongText(String s) {
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
      return BigDecimal.ZERO;
    }
    if (end > 38) {
      throw ApiException.validation("Attempting to store more than 38 significant digits in a Number");
    }
    // value = 0.d1d2...dn x 10^(beforePoint - leadingDropped + exponent)
    long adjusted = beforePoint - leadingDropped + exponent - 1;
    if (adjusted > 125) {
      throw ApiException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (adjusted < -130) {
      throw ApiException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    BigDecimal v = new BigDecimal(new java.math.BigInteger(digits.substring(0, end)), (int) (end - 1 - adjusted));
    return negative ? v.negate() : v;
  }

  /** Checks precision and range of a computed value (e.g. the result of SET a = a + :n). */
  public static BigDecimal check(BigDecimal value) {
    BigDecimal v = normalise(value);
    if (v.signum() == 0) {
      return v;
    }
    if (v.precision() > 38) {
      throw ApiException.validation("Attempting to store more than 38 significant digits in a Number");
    }
    BigDecimal abs = v.abs();
    if (abs.compareTo(MAX) > 0) {
      throw ApiException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (abs.compareTo(MIN) < 0) {
      throw ApiException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    return v;
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
