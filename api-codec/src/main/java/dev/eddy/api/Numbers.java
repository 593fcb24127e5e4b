package dev.eddy.api;

import java.math.BigDecimal;

/** DynamoDB number rules: up to 38 significant digits, magnitude 1E-130 .. 9.99..E+125. */
public final class Numbers {
  private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
  private static final BigDecimal MIN = new BigDecimal("1E-130");

  private Numbers() {}

  private static final ThreadLocal<Boolean> PARAMETERS = new ThreadLocal<>();

  /**
   * Runs {@code read} reading numbers as DynamoDB reads a PartiQL parameter: as Java's BigDecimal
   * reads a string, so an exponent outside an int "cannot be converted", and with the magnitude
   * taken as precision minus scale in int arithmetic, which wraps (1e2147483647 underflows); an
   * empty text has nothing after the message (nubo-db/dynamodb-conformance,
   * partiqlParameterNumbers, captured from DynamoDB). Attribute values elsewhere use {@link #parse}.
   */
  public static <T> T readingParameters(java.util.function.Supplier<T> read) {
    Boolean outer = PARAMETERS.get();
    PARAMETERS.set(Boolean.TRUE);
    try {
      return read.get();
    } finally {
      if (outer == null) {
        PARAMETERS.remove();
      } else {
        PARAMETERS.set(outer);
      }
    }
  }

  private static BigDecimal parseParameter(String text) {
    if (text == null || text.isEmpty()) {
      throw ApiException.validation("The parameter cannot be converted to a numeric value");
    }
    BigDecimal value;
    try {
      if (!looksNumeric(text)) {
        throw new NumberFormatException();
      }
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw ApiException.validation("The parameter cannot be converted to a numeric value: " + text);
    }
    int magnitude = value.precision() - value.scale(); // wraps, as DynamoDB's does
    if (value.signum() != 0 && magnitude > 126) {
      throw overflow();
    }
    if (value.signum() != 0 && magnitude < -129) {
      throw underflow();
    }
    return check(value);
  }

  /** Parses and checks a number as DynamoDB does, throwing its ValidationException texts. */
  public static BigDecimal parse(String text) {
    if (PARAMETERS.get() != null) {
      return parseParameter(text);
    }
    if (text == null || text.isEmpty() || !looksNumeric(text)) {
      // An empty text keeps the colon and the space (nubo-db/dynamodb-conformance, "Number values -
      // messages by operation": PutItem, UpdateItem, DeleteItem, GetItem, BatchGetItem and Query).
      throw ApiException.validation(
          "The parameter cannot be converted to a numeric value" + (text == null ? "" : ": " + text));
    }
    if (text.length() > LONG_TEXT) {
      return check(parseLongText(text));
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      // The text looks numeric, so only its exponent can be past what a BigDecimal scale holds
      // (an int): DynamoDB reads it as a 64-bit integer and checks the magnitude.
      return check(parseLongText(text));
    }
    if (value.signum() == 0) {
      int e = Math.max(text.indexOf('e'), text.indexOf('E'));
      if (e >= 0) {
        checkZero(Long.parseLong(text, e + 1, text.length(), 10));
      }
    }
    return check(value);
  }

  /** Texts longer than this are reduced to their significant digits before BigDecimal sees them. */
  private static final int LONG_TEXT = 48;
  private static final long EXPONENT_CAP = 1_000_000_000_000L;

  /**
   * Parses a number text (already known to look numeric) that is long, or whose exponent does not
   * fit an int, in linear time: BigDecimal's parsing and stripTrailingZeros are quadratic in the
   * number of digits, so a 400 KB run of zeros would otherwise take many seconds. Leading and
   * trailing zeros are dropped from the digits first; more than 38 remaining digits, or a magnitude
   * out of range, is refused here. The exponent is read as DynamoDB reads it: a 64-bit integer
   * (past that, the text is not a number), so {@code 1e2147483648} overflows and
   * {@code 1e-99999999999} underflows (nubo-db/dynamodb-conformance, "Number limits - exponents",
   * captured from DynamoDB).
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
      try {
        exponent = Long.parseLong(s, i + 1, s.length(), 10);
      } catch (NumberFormatException e) {
        throw ApiException.validation("The parameter cannot be converted to a numeric value: " + s);
      }
      // Far outside the range either way; capped so that the sums below cannot overflow.
      exponent = Math.max(-EXPONENT_CAP, Math.min(EXPONENT_CAP, exponent));
    }
    int end = digits.length();
    while (end > 0 && digits.charAt(end - 1) == '0') {
      end--;
    }
    if (end == 0) {
      checkZero(exponent);
      return BigDecimal.ZERO;
    }
    if (end > 38) {
      throw ApiException.validation("Attempting to store more than 38 significant digits in a Number");
    }
    // value = 0.d1d2...dn x 10^(beforePoint - leadingDropped + exponent)
    long adjusted = beforePoint - leadingDropped + exponent - 1;
    checkExponent(adjusted);
    BigDecimal v = new BigDecimal(new java.math.BigInteger(digits.substring(0, end)), (int) (end - 1 - adjusted));
    return negative ? v.negate() : v;
  }

  /**
   * A zero is range-checked by the exponent it is written with, as DynamoDB does: {@code 0e125}
   * is 0, {@code 0e126} overflows and {@code 0e-131} underflows (nubo-db/dynamodb-conformance,
   * "Number limits - exponents", captured from DynamoDB).
   */
  private static void checkZero(long writtenExponent) {
    checkExponent(writtenExponent);
  }

  /** Refuses a value whose exponent, in d.ddd x 10^exponent form, is outside 1E-130 .. 9.99..E+125. */
  private static void checkExponent(long adjusted) {
    if (adjusted > 125) {
      throw overflow();
    }
    if (adjusted < -130) {
      throw underflow();
    }
  }

  private static ApiException overflow() {
    return ApiException.validation(
        "Number overflow. Attempting to store a number with magnitude larger than supported range");
  }

  private static ApiException underflow() {
    return ApiException.validation(
        "Number underflow. Attempting to store a number with magnitude smaller than supported range");
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
      throw overflow();
    }
    if (abs.compareTo(MIN) < 0) {
      throw underflow();
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
