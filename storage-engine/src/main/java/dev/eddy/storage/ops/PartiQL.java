package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.Numbers;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.KeyCodec;
import dev.eddy.storage.KeyDef;
import dev.eddy.storage.KeySchema;
import dev.eddy.storage.SecondaryIndex;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.expr.ConditionExpression;
import dev.eddy.storage.expr.ExpressionContext;
import dev.eddy.storage.expr.ExpressionKind;
import dev.eddy.storage.partiql.Binder;
import dev.eddy.storage.partiql.ExpressionBuilder;
import dev.eddy.storage.partiql.PartiQLParser;
import dev.eddy.storage.partiql.Pql;
import dev.eddy.storage.partiql.Pql.*;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs PartiQL statements by translating each one into the JSON API request that does the same
 * thing (GetItem, Query, Scan, PutItem, UpdateItem, DeleteItem) and handing it to that
 * operation: conditions and updates become expressions evaluated by the expression library, and
 * writes take the one write path (so they reach indexes and the stream like any other write).
 */
final class PartiQL {
  /**
   * Checks the statement list of BatchExecuteStatement ({@code batch}: entries may carry
   * ConsistentRead) or ExecuteTransaction, collecting violations under {@code listPath}.
   */
  static List<Req> statementEntries(ArrayNode statements, String listPath, int max, boolean batch, Validation v) {
    List<Req> entries = new ArrayList<>();
    if (statements == null) {
      return entries;
    }
    if (statements.isEmpty() || statements.size() > max) {
      v.add(statements.toString(), listPath, statements.isEmpty()
          ? "Member must have length greater than or equal to 1"
          : "Member must have length less than or equal to " + max);
    }
    int i = 1;
    for (JsonNode s : statements) {
      Req r = Req.element(s);
      String text = r.str("Statement");
      String path = listPath + "." + i + ".member";
      v.notNull(text, path + ".statement");
      v.length(text, path + ".statement", 1, MAX_STATEMENT_LENGTH);
      ArrayNode params = r.list("Parameters");
      if (params != null && params.isEmpty()) {
        v.add("[]", path + ".parameters", "Member must have length greater than or equal to 1");
      }
      v.oneOf(r.str("ReturnValuesOnConditionCheckFailure"), path + ".returnValuesOnConditionCheckFailure",
          WriteParams.RETURN_ON_FAILURE);
      if (batch) {
        r.bool("ConsistentRead");
      }
      entries.add(r);
      i++;
    }
    return entries;
  }

  static final int MAX_STATEMENT_LENGTH = 8192;
  private static final long PAGE_BYTES = 1024 * 1024;

  private final StorageEngine engine;
  private final Function<String, Operation> ops;

  PartiQL(StorageEngine engine, Function<String, Operation> ops) {
    this.engine = engine;
    this.ops = ops;
  }

  /**
   * A parsed statement bound to its table and parameters; {@code where} is its WHERE clause as a
   * checked condition (null when it has none).
   */
  record Prepared(String text, Statement statement, Table table, List<AttributeValue> params,
      ConditionExpression where) {
    boolean isRead() {
      return statement instanceof Select;
    }

    String tableName() {
      return table.name();
    }
  }

  /** The statement's parameters as attribute values (their own errors come before the statement's). */
  static List<AttributeValue> parameters(ArrayNode parameters) {
    List<AttributeValue> params = new ArrayList<>();
    if (parameters != null) {
      for (JsonNode p : parameters) {
        params.add(AttributeValues.read(p, ValueLayer.OLDER));
      }
    }
    return params;
  }

  /**
   * Parses a statement, checks it against its parameters (their number, then the WHERE clause as
   * a condition: operand types and functions are a property of the statement, so they answer
   * before the table is looked up) and finds its table (ResourceNotFoundException if absent).
   */
  Prepared prepare(String text, List<AttributeValue> params) {
    PartiQLParser.Parsed parsed = PartiQLParser.parse(text);
    if (params.size() != parsed.parameterCount()) {
      throw ApiException.validation("Number of parameters in request and statement don't match.");
    }
    Expr where = parsed.statement().where();
    ConditionExpression condition = where == null ? null : condition(where, new Binder(params));
    Table table = engine.catalog().get(parsed.statement().table());
    if (table == null) {
      throw ApiException.resourceNotFound("Requested resource not found");
    }
    Statement statement = parsed.statement();
    Select read = statement instanceof Select sel ? sel : statement instanceof Exists e ? e.select() : null;
    SecondaryIndex index = read == null || read.index() == null ? null : table.index(read.index());
    if (index != null && index.keySchema().isMultiAttribute()) {
      // captured from DynamoDB (2026-10): the refusal follows the index read, not the table
      throw ApiException.validation("PartiQL statements cannot be executed on tables with multi-attribute HASH keys or"
          + " multi-attribute RANGE keys.");
    }
    if (read != null && read.countAll()) {
      // refused after the index, as DynamoDB does (captured 2026-10); its own text for COUNT(*) was
      // not captured, so Eddy keeps the parser's
      throw ApiException.validation("Statement wasn't well formed, can't be processed: Unexpected operator");
    }
    return new Prepared(text, statement, table, params, condition);
  }

  /** A WHERE clause as the condition the expression library evaluates (and checks, with PartiQL's messages). */
  static ConditionExpression condition(Expr where, Binder binder) {
    ExpressionBuilder eb = new ExpressionBuilder(binder);
    String text = eb.condition(where);
    return ConditionExpression.parse(text, new ExpressionContext(eb.names(), eb.values()), ExpressionKind.PARTIQL);
  }

  /** Options of one statement execution. */
  record Options(boolean consistentRead, Long limit, String nextToken, String capacity, String onFailure) {}

  /** Executes a statement as ExecuteStatement does; the response has Items (and NextToken). */
  ObjectNode execute(Prepared p, Options o) {
    Statement s = p.statement();
    if (s instanceof Select sel) {
      return select(p, sel, o);
    }
    if (s instanceof Insert ins) {
      return insert(p, ins, o);
    }
    if (s instanceof Update up) {
      return update(p, up, o);
    }
    if (s instanceof Delete del) {
      return delete(p, del, o);
    }
    throw ApiException.validation("Unsupported operation: EXISTS can only be used in ExecuteTransaction");
  }

  // ---- writes ----

  private ObjectNode call(String operation, ObjectNode request) {
    Operation op = ops.apply(operation);
    if (op == null) {
      throw ApiException.validation("Unsupported operation: " + operation + " is not available in this build");
    }
    return op.handle(request);
  }

  private static void putExpressions(ObjectNode req, ExpressionBuilder eb) {
    if (eb.names() != null) {
      ObjectNode n = req.putObject("ExpressionAttributeNames");
      eb.names().forEach(n::put);
    }
    if (eb.values() != null) {
      req.set("ExpressionAttributeValues", AttributeValues.itemToJson(eb.values()));
    }
  }

  private static void common(ObjectNode req, Options o) {
    if (o.capacity() != null) {
      req.put("ReturnConsumedCapacity", o.capacity());
    }
    if (o.onFailure() != null) {
      req.put("ReturnValuesOnConditionCheckFailure", o.onFailure());
    }
  }

  /** The request PutItem would get for an INSERT (conditional on the key being absent). */
  ObjectNode insertRequest(Prepared p, Insert ins, ExpressionBuilder eb) {
    Map<String, AttributeValue> item = new Binder(p.params()).item(ins.value());
    if (item == null) {
      throw ApiException.validation("Unsupported operation: Insert value must be a tuple");
    }
    ObjectNode req = Json.object();
    req.put("TableName", p.tableName());
    req.set("Item", AttributeValues.itemToJson(item));
    req.put("ConditionExpression", "attribute_not_exists(" + eb.name(p.table().keySchema().hash().name()) + ")");
    putExpressions(req, eb);
    return req;
  }

  private ObjectNode insert(Prepared p, Insert ins, Options o) {
    ObjectNode req = insertRequest(p, ins, new ExpressionBuilder(new Binder(p.params())));
    common(req, o);
    ObjectNode r;
    try {
      r = call("PutItem", req);
    } catch (ApiException e) {
      if (e.code() == ErrorCode.CONDITIONAL_CHECK_FAILED) {
        throw duplicate();
      }
      throw e;
    }
    return itemsResponse(null, r);
  }

  static ApiException duplicate() {
    return new ApiException(ErrorCode.DUPLICATE_ITEM, "Duplicate primary key exists in table");
  }

  /** The request UpdateItem would get for an UPDATE (conditional on the item existing and the WHERE). */
  ObjectNode updateRequest(Prepared p, Update up, ExpressionBuilder eb) {
    Map<String, AttributeValue> key = requireKey(p, up.where());
    ObjectNode req = Json.object();
    req.put("TableName", p.tableName());
    req.set("Key", AttributeValues.itemToJson(key));
    req.put("UpdateExpression", eb.update(up.actions()));
    req.put("ConditionExpression", eb.condition(up.where()));
    putExpressions(req, eb);
    return req;
  }

  private ObjectNode update(Prepared p, Update up, Options o) {
    ObjectNode req = updateRequest(p, up, new ExpressionBuilder(new Binder(p.params())));
    if (up.returning() != null) {
      req.put("ReturnValues", up.returning().replace("MODIFIED", "UPDATED").replace(' ', '_'));
    }
    common(req, o);
    req.put(UpdateItemOperation.FROM_PARTIQL, true);
    return itemsResponse(up.returning(), call("UpdateItem", req));
  }

  /** The request DeleteItem would get for a DELETE (an absent item is no error, as in DynamoDB). */
  ObjectNode deleteRequest(Prepared p, Delete del, ExpressionBuilder eb) {
    Map<String, AttributeValue> key = requireKey(p, del.where());
    ObjectNode req = Json.object();
    req.put("TableName", p.tableName());
    req.set("Key", AttributeValues.itemToJson(key));
    if (conjuncts(del.where()).size() > key.size()) {
      req.put("ConditionExpression", "attribute_not_exists(" + eb.name(p.table().keySchema().hash().name()) + ") OR ("
          + eb.condition(del.where()) + ")");
    }
    putExpressions(req, eb);
    return req;
  }

  private ObjectNode delete(Prepared p, Delete del, Options o) {
    if (del.returning() != null && !del.returning().equals("ALL OLD")) {
      throw ApiException.validation("Invalid returning clause: RETURNING " + del.returning()
          + " *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
    }
    ObjectNode req = deleteRequest(p, del, new ExpressionBuilder(new Binder(p.params())));
    if (del.returning() != null) {
      req.put("ReturnValues", "ALL_OLD");
    }
    common(req, o);
    return itemsResponse(del.returning(), call("DeleteItem", req));
  }

  private static ObjectNode itemsResponse(String returning, ObjectNode r) {
    ObjectNode response = Json.object();
    ArrayNode items = response.putArray("Items");
    JsonNode attrs = r.get("Attributes");
    if (returning != null && attrs != null && attrs.size() > 0) {
      items.add(attrs);
    }
    if (r.has("ConsumedCapacity")) {
      response.set("ConsumedCapacity", r.get("ConsumedCapacity"));
    }
    return response;
  }

  // ---- keys ----

  static List<Expr> conjuncts(Expr where) {
    List<Expr> out = new ArrayList<>();
    if (where != null) {
      collect(where, out);
    }
    return out;
  }

  private static void collect(Expr e, List<Expr> out) {
    if (e instanceof Binary b && b.op().equals("AND")) {
      collect(b.left(), out);
      collect(b.right(), out);
    } else {
      out.add(e);
    }
  }

  /** The value an equality conjunct gives a top-level attribute, or null. */
  static Expr equalityValue(Expr conjunct, String attribute) {
    if (conjunct instanceof Binary b && b.op().equals("=")) {
      if (isAttribute(b.left(), attribute) && Binder.isValue(b.right())) {
        return b.right();
      }
      if (isAttribute(b.right(), attribute) && Binder.isValue(b.left())) {
        return b.left();
      }
    }
    return null;
  }

  static boolean isAttribute(Expr e, String attribute) {
    return e instanceof PathExpr p && p.elements().size() == 1 && p.elements().get(0).equals(attribute);
  }

  /** The full primary key from top-level equalities of the WHERE clause, or null. */
  static Map<String, AttributeValue> keyOf(Expr where, KeySchema ks, Binder binder) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (KeyDef def : ks.range() == null ? List.of(ks.hash()) : List.of(ks.hash(), ks.range())) {
      AttributeValue v = null;
      for (Expr c : conjuncts(where)) {
        Expr e = equalityValue(c, def.name());
        if (e != null) {
          v = binder.value(e);
          break;
        }
      }
      if (v == null) {
        return null;
      }
      key.put(def.name(), v);
    }
    return key;
  }

  static Map<String, AttributeValue> requireKey(Prepared p, Expr where) {
    Map<String, AttributeValue> key = keyOf(where, p.table().keySchema(), new Binder(p.params()));
    if (key == null) {
      throw ApiException.validation("Where clause does not contain a mandatory equality on all key attributes");
    }
    return key;
  }

  /**
   * True when the WHERE clause is nothing but equalities giving each attribute of the table's key
   * one value: what a read of one item by its key (in a transaction or a batch) may say.
   */
  static boolean keyOnly(Expr where, KeySchema ks, Binder binder) {
    List<KeyDef> defs = ks.range() == null ? List.of(ks.hash()) : List.of(ks.hash(), ks.range());
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (Expr c : conjuncts(where)) {
      KeyDef def = defs.stream().filter(d -> equalityValue(c, d.name()) != null).findFirst().orElse(null);
      if (def == null) {
        return false;
      }
      AttributeValue v = binder.value(equalityValue(c, def.name()));
      if (!v.equals(key.getOrDefault(def.name(), v))) {
        return false;
      }
      key.put(def.name(), v);
    }
    return key.size() == defs.size();
  }

  /** The partition key values the WHERE clause pins (equality, IN, or an OR of those), or null. */
  private static List<AttributeValue> partitionValues(Expr where, String pk, Binder binder) {
    if (where == null) {
      return null;
    }
    if (where instanceof Binary b && b.op().equals("OR")) {
      List<AttributeValue> l = partitionValues(b.left(), pk, binder);
      List<AttributeValue> r = partitionValues(b.right(), pk, binder);
      if (l == null || r == null) {
        return null;
      }
      List<AttributeValue> all = new ArrayList<>(l);
      all.addAll(r);
      return all;
    }
    for (Expr c : conjuncts(where)) {
      Expr eq = equalityValue(c, pk);
      if (eq != null) {
        return List.of(binder.value(eq));
      }
      if (c instanceof In in && isAttribute(in.value(), pk) && in.list().stream().allMatch(Binder::isValue)) {
        List<AttributeValue> out = new ArrayList<>();
        for (Expr v : in.list()) {
          out.add(binder.value(v));
        }
        return out;
      }
    }
    return null;
  }

  // ---- SELECT ----

  /** One step of a SELECT plan: a GetItem of one key, a Query of one partition, or a Scan. */
  private record Step(String kind, Map<String, AttributeValue> key, AttributeValue partition, SortRange sort) {
    Step(String kind, Map<String, AttributeValue> key, AttributeValue partition) {
      this(kind, key, partition, null);
    }
  }

  /**
   * A condition on the sort key that a Query can take as part of its key condition, narrowing the
   * read to a range of the partition as DynamoDB does: {@code condition} names the key #sk and
   * its values :s1 (and :s2 for BETWEEN).
   */
  private record SortRange(String condition, List<AttributeValue> values) {}

  /**
   * The one top-level conjunct of {@code where} that compares the sort key with constants of its
   * type ({@code =, <, <=, >, >=}, BETWEEN, begins_with), as a key condition; null when there is
   * none, more than one, or one a key condition cannot take. The WHERE clause is still applied
   * to what the narrowed Query reads, so this only saves reading (and paying for) other items.
   */
  private static SortRange sortRange(Expr where, KeyDef sk, Binder binder) {
    if (where == null || sk == null || (where instanceof Binary top && top.op().equals("OR"))) {
      return null;
    }
    SortRange found = null;
    for (Expr c : conjuncts(where)) {
      SortRange r = null;
      if (c instanceof Binary b && List.of("=", "<", "<=", ">", ">=").contains(b.op())) {
        if (isAttribute(b.left(), sk.name()) && Binder.isValue(b.right())) {
          r = new SortRange("#sk " + b.op() + " :s1", List.of(binder.value(b.right())));
        } else if (isAttribute(b.right(), sk.name()) && Binder.isValue(b.left())) {
          String flipped = switch (b.op()) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> b.op();
          };
          r = new SortRange("#sk " + flipped + " :s1", List.of(binder.value(b.left())));
        }
      } else if (c instanceof Between bt && isAttribute(bt.value(), sk.name()) && Binder.isValue(bt.low())
          && Binder.isValue(bt.high())) {
        AttributeValue low = binder.value(bt.low());
        AttributeValue high = binder.value(bt.high());
        boolean ordered = low.type().equals(sk.type()) && high.type().equals(sk.type())
            && java.util.Arrays.compareUnsigned(KeyCodec.encode(low), KeyCodec.encode(high)) <= 0;
        r = ordered ? new SortRange("#sk BETWEEN :s1 AND :s2", List.of(low, high)) : null;
      } else if (c instanceof Call call && call.name().equalsIgnoreCase("begins_with") && call.args().size() == 2
          && isAttribute(call.args().get(0), sk.name()) && Binder.isValue(call.args().get(1))
          && !sk.type().equals("N")) {
        r = new SortRange("begins_with(#sk, :s1)", List.of(binder.value(call.args().get(1))));
      }
      if (r == null) {
        if (mentions(c, sk.name())) {
          return null; // the sort key appears in a form a key condition cannot take
        }
        continue;
      }
      if (found != null || !r.values().stream().allMatch(v -> v.type().equals(sk.type()))) {
        return null;
      }
      found = r;
    }
    return found;
  }

  /** Whether {@code e} refers to the attribute {@code name} anywhere. */
  private static boolean mentions(Expr e, String name) {
    if (isAttribute(e, name)) {
      return true;
    }
    if (e instanceof Binary b) {
      return mentions(b.left(), name) || mentions(b.right(), name);
    }
    if (e instanceof Between bt) {
      return mentions(bt.value(), name) || mentions(bt.low(), name) || mentions(bt.high(), name);
    }
    if (e instanceof Call call) {
      return call.args().stream().anyMatch(a -> mentions(a, name));
    }
    return e instanceof PathExpr p && !p.elements().isEmpty() && name.equals(p.elements().get(0));
  }

  private ObjectNode select(Prepared p, Select sel, Options o) {
    Binder binder = new Binder(p.params());
    SecondaryIndex index = index(p.table(), sel.index());
    KeySchema ks = index == null ? p.table().keySchema() : index.keySchema();
    boolean fetch = index != null && checkIndexRead(index, sel, p.where(), o.consistentRead());
    List<Step> steps = plan(sel, ks, binder);
    ConditionExpression filter = p.where();
    boolean descending = checkOrder(sel, ks, steps);

    int step = 0;
    JsonNode startKey = null;
    if (o.nextToken() != null) {
      JsonNode token = decodeToken(o.nextToken(), p.text());
      step = token.path("i").asInt();
      startKey = token.get("k");
      if (step < 0 || step > steps.size()) {
        throw invalidToken();
      }
    }
    boolean capacity = o.capacity() != null && !o.capacity().equals("NONE");
    long remaining = o.limit() == null ? Long.MAX_VALUE : o.limit();
    long bytes = 0;
    Capacity.Units units = new Capacity.Units(p.tableName());
    ObjectNode response = Json.object();
    ArrayNode items = response.putArray("Items");
    String token = null;
    while (step < steps.size()) {
      if (remaining <= 0 || bytes >= PAGE_BYTES) {
        token = encodeToken(p.text(), step, null);
        break;
      }
      Step s = steps.get(step);
      ObjectNode req = Json.object();
      req.put("TableName", p.tableName());
      if (o.consistentRead()) {
        req.put("ConsistentRead", true);
      }
      if (capacity) {
        req.put("ReturnConsumedCapacity", "INDEXES");
      }
      List<JsonNode> found = new ArrayList<>();
      JsonNode lastKey = null;
      ObjectNode r;
      if (s.kind().equals("get")) {
        if (!keyMatchesSchema(s.key(), ks)) {
          step++;
          startKey = null;
          continue;
        }
        req.set("Key", AttributeValues.itemToJson(s.key()));
        r = reparse(call("GetItem", req)); // GetItem may hold the stored bytes as a raw value
        if (r.has("Item")) {
          found.add(r.get("Item"));
        }
      } else {
        if (index != null) {
          req.put("IndexName", index.name());
        }
        if (fetch) {
          req.put("Select", "ALL_ATTRIBUTES"); // an LSI completes its entries with the table items
        }
        if (remaining != Long.MAX_VALUE) {
          req.put("Limit", remaining);
        }
        if (startKey != null && !startKey.isNull()) {
          req.set("ExclusiveStartKey", startKey);
        }
        if (s.kind().equals("query")) {
          if (!s.partition().type().equals(ks.hash().type())) {
            step++;
            startKey = null;
            continue;
          }
          ObjectNode names = req.putObject("ExpressionAttributeNames").put("#pk", ks.hash().name());
          ObjectNode values = req.putObject("ExpressionAttributeValues");
          values.set(":pk", AttributeValues.toJson(s.partition()));
          if (s.sort() == null) {
            req.put("KeyConditionExpression", "#pk = :pk");
          } else {
            req.put("KeyConditionExpression", "#pk = :pk AND " + s.sort().condition());
            names.put("#sk", ks.range().name());
            for (int i = 0; i < s.sort().values().size(); i++) {
              values.set(":s" + (i + 1), AttributeValues.toJson(s.sort().values().get(i)));
            }
          }
          if (descending) {
            req.put("ScanIndexForward", false);
          }
          r = call("Query", req);
        } else {
          r = call("Scan", req);
        }
        for (JsonNode it : r.path("Items")) {
          found.add(it);
        }
        lastKey = r.get("LastEvaluatedKey");
      }
      if (r.has("ConsumedCapacity")) {
        units.addReported(r.get("ConsumedCapacity"));
      }
      for (JsonNode it : found) {
        Map<String, AttributeValue> item = AttributeValues.readItem(it);
        bytes += AttributeValues.itemSize(item);
        // the filter sees what the index holds, also when the table item completes it
        if (filter == null || filter.test(fetch ? index.project(item) : item)) {
          items.add(AttributeValues.itemToJson(project(sel.projection(), item)));
        }
      }
      if (remaining != Long.MAX_VALUE) {
        remaining -= found.size();
      }
      if (lastKey != null) {
        token = encodeToken(p.text(), step, lastKey);
        break;
      }
      step++;
      startKey = null;
    }
    if (token == null && step < steps.size()) {
      token = encodeToken(p.text(), step, null);
    }
    if (token != null) {
      response.put("NextToken", token);
    }
    if (capacity) {
      response.set("ConsumedCapacity", Capacity.entry(o.capacity(), units, true, true));
    }
    return response;
  }

  /**
   * DynamoDB's rules for a SELECT on an index: no strongly consistent read of a GSI; a GSI
   * refuses to project what it does not hold, an LSI fetches it from the table (returns true
   * then); and a read keyed on the index partition key may not filter on an attribute the index
   * does not hold (unkeyed, the read is a scan of the index and such a filter matches nothing).
   */
  private static boolean checkIndexRead(SecondaryIndex index, Select sel, ConditionExpression where,
      boolean consistentRead) {
    if (index.isGlobal() && consistentRead) {
      throw ApiException.validation("Strongly consistent read is not supported on Global Secondary Indexes");
    }
    boolean fetch = false;
    if (sel.projection() != null) {
      List<String> attributes = new ArrayList<>();
      for (Expr e : sel.projection()) {
        if (e instanceof PathExpr path) {
          attributes.add((String) path.elements().get(0));
        }
      }
      if (index.isGlobal()) {
        ReadSelection.requireProjected(index, attributes);
      } else {
        fetch = attributes.stream().anyMatch(a -> !index.projects(a));
      }
    }
    if (where != null && keyed(sel.where(), index.keySchema().hash().name())) {
      List<String> unprojected = new ArrayList<>();
      for (String a : where.topLevelAttributes()) {
        if (!index.projects(a)) {
          unprojected.add(a);
        }
      }
      if (!unprojected.isEmpty()) {
        throw ApiException.invalidParameter("Secondary index " + index.name()
            + " does not project one or more filter attributes: " + unprojected);
      }
    }
    return fetch;
  }

  /** True when a top-level condition of the WHERE clause gives the partition key values (= or IN). */
  private static boolean keyed(Expr where, String hashKey) {
    for (Expr c : conjuncts(where)) {
      if (equalityValue(c, hashKey) != null || c instanceof In in && isAttribute(in.value(), hashKey)) {
        return true;
      }
    }
    return false;
  }

  private static boolean keyMatchesSchema(Map<String, AttributeValue> key, KeySchema ks) {
    if (!key.get(ks.hash().name()).type().equals(ks.hash().type())) {
      return false;
    }
    return ks.range() == null || key.get(ks.range().name()).type().equals(ks.range().type());
  }

  private List<Step> plan(Select sel, KeySchema ks, Binder binder) {
    PartiQLOverlap.check(sel.where(), ks, binder);
    List<Step> steps = new ArrayList<>();
    if (sel.index() == null) {
      Map<String, AttributeValue> key = keyOf(sel.where(), ks, binder);
      if (key != null) {
        steps.add(new Step("get", key, null));
        return steps;
      }
    }
    List<AttributeValue> partitions = partitionValues(sel.where(), ks.hash().name(), binder);
    if (partitions != null) {
      Set<AttributeValue> distinct = new LinkedHashSet<>(partitions);
      SortRange sort = distinct.size() == 1 ? sortRange(sel.where(), ks.range(), binder) : null;
      for (AttributeValue v : distinct) {
        if (sel.index() == null && ks.range() == null) {
          Map<String, AttributeValue> key = new LinkedHashMap<>();
          key.put(ks.hash().name(), v);
          steps.add(new Step("get", key, null));
        } else {
          steps.add(new Step("query", null, v, sort));
        }
      }
      return steps;
    }
    steps.add(new Step("scan", null, null));
    return steps;
  }

  /** ORDER BY needs a query on one partition and names the sort key; returns true for DESC. */
  private static boolean checkOrder(Select sel, KeySchema ks, List<Step> steps) {
    if (sel.orderBy().isEmpty()) {
      return false;
    }
    if (sel.where() == null) {
      throw ApiException.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
    }
    boolean scan = steps.stream().anyMatch(s -> s.kind().equals("scan"));
    if (scan) {
      throw ApiException.validation("Must have at least one non-optional hash key condition in WHERE clause when using"
          + " ORDER BY clause.");
    }
    boolean descending = false;
    for (Order order : sel.orderBy()) {
      Object name = order.key().elements().size() == 1 ? order.key().elements().get(0) : null;
      boolean isKey = Objects.equals(name, ks.hash().name()) || (ks.range() != null && Objects.equals(name, ks.range().name()));
      if (!isKey) {
        throw ApiException.validation("Variable reference " + order.key().resultName()
            + " must refer to a partition or sort key.");
      }
      if (ks.range() != null && Objects.equals(name, ks.range().name())) {
        descending = order.descending();
      }
    }
    return descending;
  }

  private static SecondaryIndex index(Table table, String name) {
    if (name == null) {
      return null;
    }
    SecondaryIndex index = table.index(name);
    if (index == null && table.vectorIndex(name) != null) {
      throw ApiException.validation("Scan operation not supported on this index type"); // captured, 2026-08
    }
    if (index == null) {
      throw ApiException.validation("The table does not have the specified index"); // PartiQL's text names no index
    }
    return index;
  }

  /** SELECT's projection: each path under its leaf name (a.b gives "b", l[1] gives "l[1]"). */
  static Map<String, AttributeValue> project(List<Expr> projection, Map<String, AttributeValue> item) {
    if (projection == null) {
      return item;
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (Expr e : projection) {
      if (!(e instanceof PathExpr p)) {
        throw ApiException.validation("Unsupported operation: only paths can be projected");
      }
      AttributeValue v = item.get((String) p.elements().get(0));
      for (int i = 1; i < p.elements().size() && v != null; i++) {
        Object el = p.elements().get(i);
        if (el instanceof String name) {
          v = v instanceof AttributeValue.M m ? m.values().get(name) : null;
        } else {
          int idx = (Integer) el;
          v = v instanceof AttributeValue.L l && idx < l.values().size() ? l.values().get(idx) : null;
        }
      }
      if (v != null) {
        out.put(p.resultName(), v);
      }
    }
    return out;
  }

  // ---- tokens ----

  private static String encodeToken(String statement, int step, JsonNode key) {
    ObjectNode t = Json.object();
    t.put("v", 1);
    t.put("h", statement.hashCode());
    t.put("i", step);
    if (key != null) {
      t.set("k", key);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.toBytes(t));
  }

  private static JsonNode decodeToken(String token, String statement) {
    try {
      JsonNode t = Json.readTree(Base64.getUrlDecoder().decode(token));
      if (t == null || t.path("v").asInt() != 1 || t.path("h").asInt() != statement.hashCode()) {
        throw invalidToken();
      }
      return t;
    } catch (IOException | IllegalArgumentException e) {
      throw invalidToken();
    }
  }

  private static ApiException invalidToken() {
    return ApiException.validation("Invalid NextToken");
  }

  static ObjectNode reparse(ObjectNode response) {
    try {
      return (ObjectNode) Json.readTree(Json.toBytes(response));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
