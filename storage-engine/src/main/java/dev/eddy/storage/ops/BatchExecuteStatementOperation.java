package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.partiql.Binder;
import dev.eddy.storage.partiql.Pql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * BatchExecuteStatement: up to 25 statements, all reads (each a SELECT on a full primary key) or
 * all writes, each run on its own; failures are reported per statement in Responses.
 */
public final class BatchExecuteStatementOperation implements Operation {
  static final int MAX_STATEMENTS = 25;
  private final PartiQL partiql;

  public BatchExecuteStatementOperation(StorageEngine engine, Function<String, Operation> operations) {
    this.partiql = new PartiQL(engine, operations);
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    ArrayNode statements = req.list("Statements");
    String capacity = req.str("ReturnConsumedCapacity");
    Validation v = new Validation();
    v.notNull(statements, "statements");
    Capacity.validate(capacity, v);
    List<Req> entries = PartiQL.statementEntries(statements, "statements", MAX_STATEMENTS, true, v);
    v.throwIfAny();

    List<Object> prepared = new ArrayList<>(); // PartiQL.Prepared or ApiException
    boolean reads = false;
    boolean writes = false;
    for (Req r : entries) {
      try {
        PartiQL.Prepared p = partiql.prepare(r.str("Statement"), PartiQL.parameters(r.list("Parameters")));
        if (p.statement() instanceof Pql.Exists) {
          throw ApiException.validation("Unsupported operation: EXISTS can only be used in ExecuteTransaction");
        }
        reads |= p.isRead();
        writes |= !p.isRead();
        prepared.add(p);
      } catch (ApiException e) {
        prepared.add(e);
      }
    }
    if (reads && writes) {
      throw ApiException.validation("Unsupported operation: A batch must consist of either read statements or write"
          + " statements, not both");
    }

    ObjectNode response = Json.object();
    ArrayNode responses = response.putArray("Responses");
    Map<String, Double> units = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      ObjectNode out = responses.addObject();
      Object o = prepared.get(i);
      if (o instanceof ApiException e) {
        error(out, e);
        continue;
      }
      PartiQL.Prepared p = (PartiQL.Prepared) o;
      Req r = entries.get(i);
      if (p.statement() instanceof Pql.Select sel && (sel.index() != null
          || !PartiQL.keyOnly(sel.where(), p.table().keySchema(), new Binder(p.params())))) {
        // a read is a BatchGetItem of one key: refused before it runs, so no TableName (captured)
        error(out, ApiException.validation(
            "Select statements within BatchExecuteStatement must specify the primary key in the where clause."));
        continue;
      }
      out.put("TableName", p.tableName());
      try {
        Boolean consistent = r.bool("ConsistentRead");
        ObjectNode result = partiql.execute(p, new PartiQL.Options(consistent != null && consistent, null, null,
            capacity == null || capacity.equals("NONE") ? null : "TOTAL", r.str("ReturnValuesOnConditionCheckFailure")));
        // a read's item, or the item a write's RETURNING clause gives (none when it gives nothing)
        if (result.path("Items").size() > 0) {
          out.set("Item", result.path("Items").get(0));
        }
        double u = result.path("ConsumedCapacity").path("CapacityUnits").asDouble(0);
        units.merge(p.tableName(), u, Double::sum);
      } catch (ApiException e) {
        error(out, e);
      }
    }
    if (capacity != null && !capacity.equals("NONE")) {
      ArrayNode cc = response.putArray("ConsumedCapacity");
      String unitField = reads ? "ReadCapacityUnits" : "WriteCapacityUnits";
      units.forEach((table, u) -> {
        ObjectNode c = cc.addObject();
        c.put("TableName", table);
        c.put("CapacityUnits", u);
        c.put(unitField, u);
      });
    }
    return response;
  }

  /** The error of one statement, with the short codes BatchStatementError uses. */
  private static void error(ObjectNode out, ApiException e) {
    ObjectNode err = out.putObject("Error");
    err.put("Code", shortCode(e.code()));
    err.put("Message", e.getMessage());
    if (e.extra() != null && e.extra().has("Item")) {
      err.set("Item", e.extra().get("Item"));
    }
  }

  static String shortCode(ErrorCode code) {
    switch (code) {
      case VALIDATION:
      case SERIALIZATION:
        return "ValidationError";
      case CONDITIONAL_CHECK_FAILED:
        return "ConditionalCheckFailed";
      case DUPLICATE_ITEM:
        return "DuplicateItem";
      case RESOURCE_NOT_FOUND:
        return "ResourceNotFound";
      case ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED:
        return "ItemCollectionSizeLimitExceeded";
      case PROVISIONED_THROUGHPUT_EXCEEDED:
        return "ProvisionedThroughputExceeded";
      case TRANSACTION_CONFLICT:
        return "TransactionConflict";
      case THROTTLING:
        return "ThrottlingError";
      case ACCESS_DENIED:
        return "AccessDenied";
      default:
        return "InternalServerError";
    }
  }
}
