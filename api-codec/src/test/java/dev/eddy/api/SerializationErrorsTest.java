package dev.eddy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Wrong JSON types answer the service deserializer's SerializationException texts (as recorded from DynamoDB). */
class SerializationErrorsTest {
  private static Req req(String json) {
    try {
      return new Req((ObjectNode) Json.mapper().readTree(json.replace('\'', '"')));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void serialization(String message, Executable call) {
    ApiException e = assertThrows(ApiException.class, call);
    assertEquals(ErrorCode.SERIALIZATION, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  void stringMembers() {
    serialization("TRUE_VALUE cannot be converted to String", () -> req("{'T':true}").str("T"));
    serialization("FALSE_VALUE cannot be converted to String", () -> req("{'T':false}").str("T"));
    serialization("NUMBER_VALUE cannot be converted to String", () -> req("{'T':23}").str("T"));
    serialization("DECIMAL_VALUE cannot be converted to String", () -> req("{'T':34.56}").str("T"));
    serialization("Unrecognized collection type class java.lang.String", () -> req("{'T':[]}").str("T"));
    serialization("Start of structure or map found where not expected", () -> req("{'T':{}}").str("T"));
  }

  @Test
  void booleanAndNumberMembers() {
    serialization("Unexpected token received from parser", () -> req("{'B':'23'}").bool("B"));
    serialization("NUMBER_VALUE cannot be converted to Boolean", () -> req("{'B':23}").bool("B"));
    serialization("DECIMAL_VALUE cannot be converted to Boolean", () -> req("{'B':34.56}").bool("B"));
    serialization("Unrecognized collection type class java.lang.Boolean", () -> req("{'B':[]}").bool("B"));
    serialization("STRING_VALUE cannot be converted to Integer", () -> req("{'Limit':'23'}").integer("Limit"));
    serialization("TRUE_VALUE cannot be converted to Integer", () -> req("{'Limit':true}").integer("Limit"));
    serialization("Unrecognized collection type class java.lang.Integer", () -> req("{'Limit':[]}").integer("Limit"));
    serialization("STRING_VALUE cannot be converted to Long",
        () -> req("{'ReadCapacityUnits':'5'}").integer("ReadCapacityUnits"));
    assertEquals(34L, req("{'Limit':34.56}").integer("Limit"));
  }

  @Test
  void collectionsAndStructures() {
    serialization("Unexpected field type", () -> req("{'L':'23'}").list("L"));
    serialization("Start of structure or map found where not expected", () -> req("{'L':{}}").list("L"));
    serialization("Unexpected field type", () -> req("{'ExpressionAttributeNames':true}").map("ExpressionAttributeNames"));
    serialization("Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>",
        () -> req("{'ExpressionAttributeNames':[]}").map("ExpressionAttributeNames"));
    serialization("Unrecognized collection type java.util.Map<java.lang.String,"
        + " com.amazonaws.dynamodb.v20120810.AttributeValue>", () -> req("{'Item':[]}").item("Item"));
    serialization("Unexpected field type", () -> req("{'ProvisionedThroughput':23}").obj("ProvisionedThroughput"));
    serialization("Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput",
        () -> req("{'ProvisionedThroughput':[]}").obj("ProvisionedThroughput"));
  }

  @Test
  void attributeValueMembers() {
    serialization("NUMBER_VALUE cannot be converted to String", () -> req("{'Item':{'a':{'S':5}}}").item("Item"));
    serialization("NUMBER_VALUE cannot be converted to String", () -> req("{'Item':{'a':{'N':5}}}").item("Item"));
    serialization("NUMBER_VALUE cannot be converted to String", () -> req("{'Item':{'a':{'SS':[5]}}}").item("Item"));
    serialization("Unexpected token received from parser", () -> req("{'Item':{'a':{'BOOL':'true'}}}").item("Item"));
    serialization("only base-64-encoded strings are convertible to bytes", () -> req("{'Item':{'a':{'B':5}}}").item("Item"));
    serialization("Unexpected field type", () -> req("{'Item':{'a':{'L':'x'}}}").item("Item"));
    serialization("Unexpected value type in payload", () -> req("{'Item':{'a':'x'}}").item("Item"));
    serialization("Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue",
        () -> req("{'Item':{'a':[]}}").item("Item"));
    serialization("Unexpected value type in payload", () -> req("{'Item':{'a':{'L':[5]}}}").item("Item"));
  }
}
