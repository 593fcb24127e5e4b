package dev.eddy.api;

/**
 * DynamoDB reads the attribute values of a request in one of two validation layers, and the
 * operation decides which. They word a malformed number and a duplicate set member differently
 * (nubo-db/dynamodb-conformance, "Number values / Duplicate set members - messages by
 * operation", captured from DynamoDB in four regions, 2026-10-09).
 */
public enum ValueLayer {
  /**
   * PutItem, UpdateItem, DeleteItem, GetItem, BatchGetItem and Query. An empty number reads
   * "The parameter cannot be converted to a numeric value: " (colon kept), any exponent that fits
   * a 64-bit integer is range-checked (1e99999999999 overflows), a zero by the exponent it is
   * written with (0e126 overflows), a duplicate set quotes its members and a number set names
   * none. Expression attribute values are reported with the value's own message (no "for key
   * :v" wrapper).
   */
  CURRENT,
  /**
   * BatchWriteItem, TransactWriteItems, TransactGetItems and Scan (and PartiQL, not captured).
   * Numbers are read as Java's BigDecimal reads them (an exponent past an int is not numeric,
   * 1e2147483647 wraps to an underflow, an empty number has no colon), a duplicate set is printed
   * as sent, a duplicate number set is the bare "Input collection contains duplicates", and an
   * expression attribute value is reported as "ExpressionAttributeValues contains invalid value:
   * ... for key :v".
   */
  OLDER
}
