package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import java.util.function.Function;

/** ExecuteStatement: one PartiQL statement (see {@link PartiQL}). */
public final class ExecuteStatementOperation implements Operation {
  private final PartiQL partiql;

  public ExecuteStatementOperation(StorageEngine engine, Function<String, Operation> operations) {
    this.partiql = new PartiQL(engine, operations);
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String statement = req.str("Statement");
    ArrayNode parameters = req.list("Parameters");
    Boolean consistent = req.bool("ConsistentRead");
    String nextToken = req.str("NextToken");
    String capacity = req.str("ReturnConsumedCapacity");
    Long limit = req.integer("Limit");
    String onFailure = req.str("ReturnValuesOnConditionCheckFailure");
    Validation v = new Validation();
    v.notNull(statement, "statement");
    v.length(statement, "statement", 1, PartiQL.MAX_STATEMENT_LENGTH);
    if (parameters != null && parameters.isEmpty()) {
      v.add("[]", "parameters", "Member must have length greater than or equal to 1");
    }
    v.length(nextToken, "nextToken", 1, 32768);
    Capacity.validate(capacity, v);
    v.range(limit, "limit", 1, Integer.MAX_VALUE);
    v.oneOf(onFailure, "returnValuesOnConditionCheckFailure", WriteParams.RETURN_ON_FAILURE);
    v.throwIfAny();
    PartiQL.Prepared prepared = partiql.prepare(statement, PartiQL.parameters(parameters));
    return partiql.execute(prepared, new PartiQL.Options(consistent != null && consistent, limit, nextToken,
        capacity, onFailure));
  }
}
