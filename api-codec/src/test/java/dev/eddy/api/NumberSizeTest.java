package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A number's byte cost toward the 400 KB item size, as DynamoDB charges it. The figures are the
 * ones nubo-db/dynamodb-conformance measured against the service to the byte (src/item-size.ts,
 * CAPTURED_NUMBER_BYTES, eu-west-2, 2026-08), each by an item of exactly 409,600 bytes accepted
 * and one byte more refused; -1, -1.5 and -123456 follow the same rule (a byte for the sign).
 */
class NumberSizeTest {
  @ParameterizedTest(name = "{0} costs {1}")
  @CsvSource({
      "0, 1", "1, 2", "12, 2", "123, 3", "1234, 3", "12345678901234567890123456789012345678, 20", "0042, 2",
      "100, 2", "1010, 3", "0.0000001, 2", "1E125, 2", "1E-100, 2", "1.5, 3", "15, 2", "1.2, 3", "1.200, 3",
      "1.234, 4", "3.14159, 5", "123456, 4", "100.5, 4", "0.15, 2", "-42, 3", "-0, 1",
      "-1, 3", "-1.5, 4", "-123456, 5"})
  void costsWhatDynamoDbCharges(String literal, long bytes) {
    assertEquals(bytes, AttributeValues.numberSize(Numbers.parse(literal)));
    assertEquals(bytes, AttributeValues.size(AttributeValue.N.of(literal)));
  }
}
