package dev.eddy.storage.expr;

import static dev.eddy.storage.expr.V.fails;

import dev.eddy.api.ValueLayer;
import dev.eddy.storage.expr.ExpressionParameters.Operation;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpressionParametersTest {
  @Test
  void mixingIsRejected() {
    fails("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}",
        () -> ExpressionParameters.check(Operation.PUT_ITEM, Set.of("Expected", "ConditionExpression")));
    fails("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributeUpdates, Expected} Expression parameters: {UpdateExpression, ConditionExpression}",
        () -> ExpressionParameters.check(Operation.UPDATE_ITEM,
            Set.of("Expected", "ConditionExpression", "UpdateExpression", "AttributeUpdates")));
    fails("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {QueryFilter} Expression parameters: {KeyConditionExpression}",
        () -> ExpressionParameters.check(Operation.QUERY, Set.of("KeyConditionExpression", "QueryFilter")));
  }

  @Test
  void conditionalOperatorCountsAsLegacy() {
    fails("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributeUpdates, Expected, ConditionalOperator} "
            + "Expression parameters: {UpdateExpression, ConditionExpression}",
        () -> ExpressionParameters.check(Operation.UPDATE_ITEM, Set.of("AttributeUpdates", "Expected", "ConditionalOperator",
            "UpdateExpression", "ConditionExpression", "ExpressionAttributeValues")));
    fails("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {QueryFilter, ConditionalOperator, KeyConditions} "
            + "Expression parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}",
        () -> ExpressionParameters.check(Operation.QUERY, Set.of("KeyConditions", "QueryFilter", "ConditionalOperator",
            "KeyConditionExpression", "FilterExpression", "ProjectionExpression")));
    fails("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {ConditionalOperator} Expression parameters: {ConditionExpression}",
        () -> ExpressionParameters.check(Operation.DELETE_ITEM, Set.of("ConditionalOperator", "ConditionExpression")));
  }

  @Test
  void keyConditionsMayAccompanyOtherExpressions() {
    ExpressionParameters.check(Operation.QUERY, Set.of("KeyConditions", "FilterExpression", "ExpressionAttributeValues"));
    ExpressionParameters.check(Operation.PUT_ITEM, Set.of("Expected"));
    ExpressionParameters.check(Operation.GET_ITEM, Set.of("ProjectionExpression", "ExpressionAttributeNames"));
  }

  @Test
  void placeholdersNeedExpressions() {
    fails("ExpressionAttributeNames can only be specified when using expressions",
        () -> ExpressionParameters.check(Operation.PUT_ITEM, Set.of("ExpressionAttributeNames")));
    fails("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null",
        () -> ExpressionParameters.check(Operation.DELETE_ITEM, Set.of("ExpressionAttributeValues")));
    fails("ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null",
        () -> ExpressionParameters.check(Operation.UPDATE_ITEM, Set.of("ExpressionAttributeValues")));
    fails("ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null",
        () -> ExpressionParameters.check(Operation.SCAN, Set.of("ExpressionAttributeValues", "ProjectionExpression")));
  }

  @Test
  void theCurrentLayerNamesNoExpression() {
    // PutItem and DeleteItem as captured 2026-10-09 (nubo-db/dynamodb-conformance); the transactions keep the tail
    fails("ExpressionAttributeValues can only be specified when using expressions",
        () -> ExpressionParameters.check(Operation.DELETE_ITEM, Set.of("ExpressionAttributeValues"), ValueLayer.CURRENT));
    fails("ExpressionAttributeValues can only be specified when using expressions",
        () -> ExpressionParameters.check(Operation.UPDATE_ITEM, Set.of("ExpressionAttributeValues"), ValueLayer.CURRENT));
    fails("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null",
        () -> ExpressionParameters.check(Operation.PUT_ITEM, Set.of("ExpressionAttributeValues"), ValueLayer.OLDER));
  }
}
