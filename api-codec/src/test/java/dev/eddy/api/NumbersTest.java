package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What DynamoDB answers for a number's text. The expected texts are DynamoDB's, captured against
 * the service by nubo-db/dynamodb-conformance ("Number limits - exponents" and "Number values -
 * messages by operation", 2026-10): the exponent is read as a 64-bit integer before the range is
 * applied, and a zero is range-checked by the exponent it is written with.
 */
class NumbersTest {
  private static final String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  private static final String UNDERFLOW =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";
  private static final String NOT_NUMERIC = "The parameter cannot be converted to a numeric value: ";

  private static String refusal(String text) {
    ApiException e = assertThrows(ApiException.class, () -> Numbers.parse(text));
    assertEquals(ErrorCode.VALIDATION, e.code());
    return e.getMessage();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e99999999999", "-1e99999999999", "1e2147483648", "1e2147483647", "1e126", "0e126",
      "1e9223372036854775807", "12.5e2147483647", "1e+99999999999",
      // the same past 48 characters, where the digits are read without BigDecimal
      "1.00000000000000000000000000000000000000000000000000e99999999999"})
  void anExponentThatFitsALongIsRangeChecked(String text) {
    assertEquals(OVERFLOW, refusal(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e-99999999999", "1e-2147483648", "1e-2147483649", "1e-131", "0e-131", "-1.5e-2147483648",
      "1e-9223372036854775808", "0.00000000000000000000000000000000000000000000000000001e-99999999999"})
  void aNegativeExponentThatFitsALongIsRangeChecked(String text) {
    assertEquals(UNDERFLOW, refusal(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e9223372036854775808", "1e-9223372036854775809", "1e99999999999999999999"})
  void anExponentPastALongIsNotANumber(String text) {
    assertEquals(NOT_NUMERIC + text, refusal(text));
  }

  @ParameterizedTest
  @CsvSource({"0e125, 0", "0e-130, 0", "1e-130, 1E-130", "1e125, 1E+125", "-0, 0", "+0.0, 0", "0042.1200, 42.12"})
  void valuesInRangeAreKept(String text, String value) {
    assertEquals(0, new BigDecimal(value).compareTo(Numbers.parse(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.2.3", " 1", "1 ", "0x10", "1e", "NaN", "Infinity", ""})
  void textsThatAreNotNumbersAreEchoedAfterAColon(String text) {
    // the empty text too: "...numeric value: " (PutItem, UpdateItem, DeleteItem, GetItem, BatchGetItem, Query)
    assertEquals(NOT_NUMERIC + text, refusal(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890e5"})
  void moreThan38SignificantDigitsAreRefused(String text) {
    assertEquals("Attempting to store more than 38 significant digits in a Number", refusal(text));
  }

  /** PartiQL parameters are read in the older layer, as BigDecimal reads a string (partiqlParameterNumbers, captured). */
  @org.junit.jupiter.api.Test
  void partiqlParametersAreReadAsBigDecimalReadsThem() {
    for (String text : new String[] {"1e99999999999", "-1e99999999999", "1e-99999999999", "1e2147483648",
        "1e-2147483648", "abc"}) {
      assertEquals("The parameter cannot be converted to a numeric value: " + text, assertThrows(ApiException.class,
          () -> Numbers.parse(text, ValueLayer.OLDER)).getMessage());
    }
    assertEquals("Number underflow. Attempting to store a number with magnitude smaller than supported range",
        assertThrows(ApiException.class, () -> Numbers.parse("1e2147483647", ValueLayer.OLDER))
            .getMessage());
    assertEquals("The parameter cannot be converted to a numeric value",
        assertThrows(ApiException.class, () -> Numbers.parse("", ValueLayer.OLDER)).getMessage());
    assertEquals(new BigDecimal("12.5"), Numbers.parse("12.5", ValueLayer.OLDER));
    // outside the scope, attribute values keep their rules
    assertEquals("Number overflow. Attempting to store a number with magnitude larger than supported range",
        assertThrows(ApiException.class, () -> Numbers.parse("1e99999999999")).getMessage());
  }
}
