package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.partiql.Binder;
import dev.eddy.storage.partiql.ExpressionBuilder;
import dev.eddy.storage.partiql.Pql;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * ExecuteTransaction: up to 100 PartiQL statements run all or nothing. Writes (INSERT, UPDATE,
 * DELETE, EXISTS condition checks) become one TransactWriteItems request, reads (SELECTs on full
 * keys) one TransactGetItems request, so transactions keep one implementation.
 */
public final class ExecuteTransactionOperation implements Operation {
  static final int MAX_STATEMENTS = 100;
  private final PartiQL partiql;
  private final Function<String, Operation> operations;

  public ExecuteTransactionOperation(StorageEngine engine, Function<String, Operation> operations) {
    this.partiql = new PartiQL(engine, operations);
    this.operations = operations;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    ArrayNode statements = req.list("TransactStatements");
    String token = req.str("ClientRequestToken");
    String capacity = req.str("ReturnConsumedCapacity");
    Validation v = new Validation();
    v.notNull(statements, "transactStatements");
    v.length(token, "clientRequestToken", 1, 36);
    Capacity.validate(capacity, v);
    List<Req> entries = PartiQL.statementEntries(statements, "transactStatements", MAX_STATEMENTS, false, v);
    v.throwIfAny();

    // the parameters are values of the request: their errors come first and name no statement (captured)
    List<List<AttributeValue>> params = new ArrayList<>();
    for (Req e : entries) {
      params.add(PartiQL.parameters(e.list("Parameters")));
    }
    List<PartiQL.Prepared> prepared = new ArrayList<>();
    int reads = 0;
    for (int i = 0; i < entries.size(); i++) {
      PartiQL.Prepared p;
      try {
        p = partiql.prepare(entries.get(i).str("Statement"), params.get(i));
        check(p);
      } catch (ApiException e) {
        if (e.code() == ErrorCode.VALIDATION) {
          throw ApiException.validation("Validation failed in TransactStatements[" + i + "]: " + e.getMessage());
        }
        throw e;
      }
      reads += p.isRead() ? 1 : 0;
      prepared.add(p);
    }
    if (reads > 0 && reads < prepared.size()) {
      throw ApiException.validation("Unsupported operation: A transaction must consist of either read statements or"
          + " write statements, not both");
    }
    return reads > 0 ? read(prepared, capacity) : write(prepared, entries, token, capacity);
  }

  private static void check(PartiQL.Prepared p) {
    Pql.Statement s = p.statement();
    if (s instanceof Pql.Update u && u.returning() != null || s instanceof Pql.Delete d && d.returning() != null) {
      throw ApiException.validation("RETURNING clause is not supported in ExecuteTransaction.");
    }
    Pql.Select sel = s instanceof Pql.Select x ? x : s instanceof Pql.Exists e ? e.select() : null;
    if (sel == null) {
      return;
    }
    if (sel.index() != null) {
      throw ApiException.validation("Reads on indices are not supported within transactions.");
    }
    boolean keyOnly = PartiQL.keyOnly(sel.where(), p.table().keySchema(), new Binder(p.params()));
    if (s instanceof Pql.Select && !keyOnly) {
      // a read is a TransactGetItems Get: the key and nothing else
      throw ApiException.validation(
          "Select statements within ExecuteTransaction must specify the primary key in the where clause.");
    }
    if (s instanceof Pql.Exists
        && (keyOnly || PartiQL.keyOf(sel.where(), p.table().keySchema(), new Binder(p.params())) == null)) {
      // a condition check: the key and a condition
      throw ApiException.validation("EXISTS() must contain a single item read with additional condition");
    }
  }

  private ObjectNode write(List<PartiQL.Prepared> prepared, List<Req> entries, String token, String capacity) {
    ObjectNode twi = Json.object();
    ArrayNode items = twi.putArray("TransactItems");
    for (int i = 0; i < prepared.size(); i++) {
      PartiQL.Prepared p = prepared.get(i);
      ExpressionBuilder eb = new ExpressionBuilder(new Binder(p.params()));
      Pql.Statement s = p.statement();
      ObjectNode action;
      String kind;
      if (s instanceof Pql.Insert ins) {
        kind = "Put";
        action = partiql.insertRequest(p, ins, eb);
      } else if (s instanceof Pql.Update up) {
        kind = "Update";
        action = partiql.updateRequest(p, up, eb);
      } else if (s instanceof Pql.Delete del) {
        kind = "Delete";
        action = partiql.deleteRequest(p, del, eb);
      } else {
        kind = "ConditionCheck";
        Pql.Select sel = ((Pql.Exists) s).select();
        action = Json.object();
        action.put("TableName", p.tableName());
        action.set("Key", AttributeValues.itemToJson(PartiQL.requireKey(p, sel.where())));
        action.put("ConditionExpression", eb.condition(sel.where()));
        if (eb.names() != null) {
          ObjectNode n = action.putObject("ExpressionAttributeNames");
          eb.names().forEach(n::put);
        }
        if (eb.values() != null) {
          action.set("ExpressionAttributeValues", AttributeValues.itemToJson(eb.values()));
        }
      }
      String onFailure = entries.get(i).str("ReturnValuesOnConditionCheckFailure");
      if (onFailure != null) {
        action.put("ReturnValuesOnConditionCheckFailure", onFailure);
      }
      items.addObject().set(kind, action);
    }
    if (token != null) {
      twi.put("ClientRequestToken", token);
    }
    if (capacity != null) {
      twi.put("ReturnConsumedCapacity", capacity);
    }
    ObjectNode r;
    try {
      r = operation("TransactWriteItems").handle(twi);
    } catch (ApiException e) {
      if (e.code() == ErrorCode.TRANSACTION_CANCELED && e.extra() != null) {
        throw withDuplicateItems(e, prepared);
      }
      throw e;
    }
    ObjectNode response = Json.object();
    response.putArray("Responses"); // DynamoDB sends an empty list for a transaction of writes
    if (r.has("ConsumedCapacity")) {
      response.set("ConsumedCapacity", r.get("ConsumedCapacity"));
    }
    return response;
  }

  /** An INSERT whose item exists fails with DuplicateItem, not ConditionalCheckFailed. */
  private static ApiException withDuplicateItems(ApiException e, List<PartiQL.Prepared> prepared) {
    JsonNode reasons = e.extra().path("CancellationReasons");
    List<ObjectNode> rewritten = new ArrayList<>();
    for (int i = 0; i < reasons.size(); i++) {
      ObjectNode reason = ((ObjectNode) reasons.get(i)).deepCopy();
      if (i < prepared.size() && prepared.get(i).statement() instanceof Pql.Insert
          && "ConditionalCheckFailed".equals(reason.path("Code").asText())) {
        reason.put("Code", "DuplicateItem");
        reason.put("Message", "Duplicate primary key exists in table");
      }
      rewritten.add(reason);
    }
    return TransactWriteItemsOperation.canceled(rewritten);
  }

  private ObjectNode read(List<PartiQL.Prepared> prepared, String capacity) {
    ObjectNode tgi = Json.object();
    ArrayNode items = tgi.putArray("TransactItems");
    for (PartiQL.Prepared p : prepared) {
      Pql.Select sel = (Pql.Select) p.statement();
      ObjectNode get = items.addObject().putObject("Get");
      get.put("TableName", p.tableName());
      get.set("Key", AttributeValues.itemToJson(PartiQL.requireKey(p, sel.where())));
    }
    if (capacity != null) {
      tgi.put("ReturnConsumedCapacity", capacity);
    }
    ObjectNode r = PartiQL.reparse(operation("TransactGetItems").handle(tgi));
    ObjectNode response = Json.object();
    ArrayNode responses = response.putArray("Responses");
    JsonNode got = r.path("Responses");
    for (int i = 0; i < prepared.size(); i++) {
      Pql.Select sel = (Pql.Select) prepared.get(i).statement();
      ObjectNode out = responses.addObject();
      JsonNode item = got.path(i).get("Item");
      if (item != null) { // the WHERE clause is the key (check), so the item is the one it selects
        out.set("Item", AttributeValues.itemToJson(PartiQL.project(sel.projection(), AttributeValues.readItem(item))));
      }
    }
    if (r.has("ConsumedCapacity")) {
      response.set("ConsumedCapacity", r.get("ConsumedCapacity"));
    }
    return response;
  }

  private Operation operation(String name) {
    Operation op = operations.apply(name);
    if (op == null) {
      throw ApiException.internal(name + " is not registered");
    }
    return op;
  }
}
