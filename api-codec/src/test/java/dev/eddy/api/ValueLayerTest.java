package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two layers DynamoDB reads attribute values in, with the messages captured from the service
 * in four regions on 2026-10-09 (nubo-db/dynamodb-conformance, "Number values / Duplicate set
 * members - messages by operation").
 */
class ValueLayerTest {
  private static final String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  private static final String UNDERFLOW =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";
  private static final String NOT_NUMERIC = "The parameter cannot be converted to a numeric value";
  private static final String INVALID = "One or more parameter values were invalid: ";

  private static String refusal(String json, ValueLayer layer) {
    ApiException e = assertThrows(ApiException.class, () -> AttributeValues.read(Json.mapper().readTree(json), layer));
    assertEquals(ErrorCode.VALIDATION, e.code());
    return e.getMessage();
  }

  private static String number(String text, ValueLayer layer) {
    return refusal("{\"N\":\"" + text + "\"}", layer);
  }

  @Test
  void theCurrentLayerRangeChecksEveryExponentThatFitsALongAndKeepsTheColonOfAnEmptyNumber() {
    List<String[]> cases = List.of(
        new String[] {"1e99999999999", OVERFLOW},
        new String[] {"-1e99999999999", OVERFLOW},
        new String[] {"1e-99999999999", UNDERFLOW},
        new String[] {"1e2147483648", OVERFLOW},
        new String[] {"1e2147483647", OVERFLOW},
        new String[] {"1e-2147483648", UNDERFLOW},
        new String[] {"1e126", OVERFLOW},
        new String[] {"1e-131", UNDERFLOW},
        new String[] {"abc", NOT_NUMERIC + ": abc"},
        new String[] {"1.2.3", NOT_NUMERIC + ": 1.2.3"},
        new String[] {"", NOT_NUMERIC + ": "},
        new String[] {" 1", NOT_NUMERIC + ":  1"},
        new String[] {"1 ", NOT_NUMERIC + ": 1 "},
        new String[] {"0x10", NOT_NUMERIC + ": 0x10"},
        new String[] {"1e", NOT_NUMERIC + ": 1e"},
        new String[] {"NaN", NOT_NUMERIC + ": NaN"},
        new String[] {"Infinity", NOT_NUMERIC + ": Infinity"},
        new String[] {"1234567890123456789012345678901234567890",
            "Attempting to store more than 38 significant digits in a Number"});
    for (String[] c : cases) {
      assertEquals(c[1], number(c[0], ValueLayer.CURRENT), c[0]);
    }
    // an exponent past a long is not a number at all; dropping trailing zeros never overflows the scale
    assertEquals(NOT_NUMERIC + ": 1e99999999999999999999", number("1e99999999999999999999", ValueLayer.CURRENT));
    assertEquals(OVERFLOW, number("100e2147483647", ValueLayer.CURRENT));
    // a zero is range-checked by the exponent it is written with (nubo-db/dynamodb-conformance
    // "Number limits - exponents", eu-west-2, October 2026), however it is written
    assertEquals(OVERFLOW, number("0e126", ValueLayer.CURRENT));
    assertEquals(UNDERFLOW, number("0e-131", ValueLayer.CURRENT));
    assertEquals(OVERFLOW, number("0e99999999999", ValueLayer.CURRENT));
    assertEquals(NOT_NUMERIC + ": 1e9223372036854775808", number("1e9223372036854775808", ValueLayer.CURRENT));
    assertEquals(BigDecimal.ZERO, Numbers.parse("0e125", ValueLayer.CURRENT));
    assertEquals(BigDecimal.ZERO, Numbers.parse("-0.000e-127", ValueLayer.CURRENT));
    assertEquals(OVERFLOW, number("0".repeat(60) + "e126", ValueLayer.CURRENT));
    assertEquals(BigDecimal.ZERO, Numbers.parse("0".repeat(60) + "." + "0".repeat(10) + "e-120", ValueLayer.CURRENT));
    assertEquals(UNDERFLOW, number("0".repeat(60) + "." + "0".repeat(10) + "e-121", ValueLayer.CURRENT));
  }

  @Test
  void theOlderLayerReadsNumbersAsBigDecimalDoes() {
    assertEquals(NOT_NUMERIC + ": abc", number("abc", ValueLayer.OLDER));
    assertEquals(NOT_NUMERIC, number("", ValueLayer.OLDER));
    assertEquals(OVERFLOW, number("1e126", ValueLayer.OLDER));
    assertEquals(UNDERFLOW, number("1e2147483647", ValueLayer.OLDER)); // the magnitude wraps round an int
    assertEquals(NOT_NUMERIC + ": 1e2147483648", number("1e2147483648", ValueLayer.OLDER));
    assertEquals(OVERFLOW, number("100e2147483647", ValueLayer.OLDER));
    assertEquals(BigDecimal.ZERO, Numbers.parse("0e126", ValueLayer.OLDER)); // not captured: unchanged
  }

  @Test
  void bothLayersAgreeOnTheLimitsThemselves() {
    for (ValueLayer layer : ValueLayer.values()) {
      assertEquals(new BigDecimal("9.9999999999999999999999999999999999999E+125"),
          Numbers.parse("9.9999999999999999999999999999999999999E+125", layer));
      assertEquals(new BigDecimal("1E-130"), Numbers.parse("1E-130", layer));
      assertEquals(new BigDecimal("-1.5E-130"), Numbers.parse("-1.5E-130", layer));
      assertEquals(UNDERFLOW, number("9E-131", layer));
      assertEquals(OVERFLOW, number("-1E+126", layer));
    }
  }

  @Test
  void duplicatesAreQuotedInByteOrderUpToTheFirstRepeatInTheCurrentLayerAndListedAsSentInTheOlder() {
    // each set sent out of order: {json, current layer, older layer}
    String[][] cases = {
        {"{\"SS\":[\"b\",\"a\",\"b\"]}", INVALID + "Input collection [\"a\", \"b\", \"b\"] contains duplicates.",
            INVALID + "Input collection [b, a, b] contains duplicates."},
        {"{\"BS\":[\"/w==\",\"AA==\",\"AA==\"]}",
            INVALID + "Input collection [\"AA==\",\"/w==\",\"AA==\"]of type BS contains duplicates.",
            INVALID + "Input collection [/w==, AA==, AA==]of type BS contains duplicates."},
        {"{\"NS\":[\"2\",\"1\",\"2.0\"]}", INVALID + "Input collection contains duplicates.",
            "Input collection contains duplicates"},
        // after the first repeat the rest follows as sent
        {"{\"SS\":[\"c\",\"b\",\"b\",\"a\",\"c\"]}",
            INVALID + "Input collection [\"b\", \"c\", \"b\", \"a\", \"c\"] contains duplicates.",
            INVALID + "Input collection [c, b, b, a, c] contains duplicates."},
        {"{\"SS\":[\"\",\"\"]}", INVALID + "Input collection [\"\", \"\"] contains duplicates.",
            INVALID + "Input collection [, ] contains duplicates."},
    };
    for (String[] c : cases) {
      assertEquals(c[1], refusal(c[0], ValueLayer.CURRENT), c[0]);
      assertEquals(c[2], refusal(c[0], ValueLayer.OLDER), c[0]);
    }
  }

  @Test
  void theLayerReachesNestedValuesAndItems() throws Exception {
    assertEquals(NOT_NUMERIC + ": ", refusal("{\"M\":{\"x\":{\"L\":[{\"N\":\"\"}]}}}", ValueLayer.CURRENT));
    assertEquals(NOT_NUMERIC + ": ", refusal("{\"NS\":[\"1\",\"\"]}", ValueLayer.CURRENT));
    ApiException e = assertThrows(ApiException.class,
        () -> new Req((com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree("{\"Key\":{\"a\":{\"N\":\"\"}}}"))
            .item("Key", ValueLayer.OLDER));
    assertEquals(NOT_NUMERIC, e.getMessage());
  }
}
