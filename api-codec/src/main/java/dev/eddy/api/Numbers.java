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
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw ApiException.validation("The parameter cannot be converted to a numeric value: " + text);
    }
    return check(value);
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
