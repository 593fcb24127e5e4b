package dev.eddy.storage.expr;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.storage.expr.Ast.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The key condition of a Query: partition key equality plus an optional sort key condition (for a
 * multi-attribute GSI key: equality on every partition key attribute, equality on a leading run of
 * the sort key attributes and a condition on the last one named). Built from a KeyConditionExpression ({@link #parse}) or legacy KeyConditions
 * ({@link Legacy#keyConditions}).
 */
public final class KeyCondition {
  /** Sort key operators DynamoDB allows in key conditions. */
  public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

  /** A condition on the sort key: one value, or two for BETWEEN (low, high). */
  public record SortKeyCondition(String attribute, Operator operator, List<AttributeValue> values) {
    public SortKeyCondition {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
    }

    /** Whether a sort key value satisfies the condition (false for a null or differently typed value). */
    public boolean test(AttributeValue v) {
      if (v == null) {
        return false;
      }
      AttributeValue a = values.get(0);
      return switch (operator) {
        case EQ -> Values.relation("=", v, a);
        case LT -> Values.relation("<", v, a);
        case LE -> Values.relation("<=", v, a);
        case GT -> Values.relation(">", v, a);
        case GE -> Values.relation(">=", v, a);
        case BEGINS_WITH -> Values.beginsWith(v, a);
        case BETWEEN -> Values.relation(">=", v, a) && Values.relation("<=", v, values.get(1));
      };
    }
  }

  private final List<String> partitionKeys;
  private final List<AttributeValue> partitionValues;
  private final List<String> sortPrefixKeys;
  private final List<AttributeValue> sortPrefixValues;
  private final SortKeyCondition sort;

  KeyCondition(List<String> partitionKeys, List<AttributeValue> partitionValues, List<String> sortPrefixKeys,
      List<AttributeValue> sortPrefixValues, SortKeyCondition sort) {
    // lists built by build(), never handed out mutable elsewhere: kept without copies (Query's path)
    this.partitionKeys = partitionKeys;
    this.partitionValues = partitionValues;
    this.sortPrefixKeys = sortPrefixKeys;
    this.sortPrefixValues = sortPrefixValues;
    this.sort = sort;
  }

  /** The partition key values, one per partition key attribute in key schema order. */
  public List<AttributeValue> partitionValues() {
    return partitionValues;
  }

  /**
   * The values of the sort key attributes compared for equality ahead of the last one named (only
   * multi-attribute GSI keys have them), in key schema order.
   */
  public List<AttributeValue> sortPrefixValues() {
    return sortPrefixValues;
  }

  /** The condition on the last sort key attribute named, or null when the query names none. */
  public SortKeyCondition sortKeyCondition() {
    return sort;
  }

  /** Whether an item's key values satisfy the condition. */
  public boolean test(Map<String, AttributeValue> item) {
    return inPartition(item) && matchesSort(item);
  }

  /** Whether an item's (or a start key's) partition key values are the condition's. */
  public boolean inPartition(Map<String, AttributeValue> item) {
    return item != null && allEqual(item, partitionKeys, partitionValues);
  }

  /** Whether an item's sort key values satisfy the condition (its partition aside). */
  public boolean matchesSort(Map<String, AttributeValue> item) {
    return item != null && allEqual(item, sortPrefixKeys, sortPrefixValues)
        && (sort == null || sort.test(item.get(sort.attribute())));
  }

  private static boolean allEqual(Map<String, AttributeValue> item, List<String> names, List<AttributeValue> values) {
    for (int i = 0; i < names.size(); i++) {
      AttributeValue v = item.get(names.get(i));
      if (v == null || !Values.equal(values.get(i), v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks every condition value against its key attribute's type (attribute name to "S", "N" or
   * "B"): "One or more parameter values were invalid: Condition parameter type does not match
   * schema type".
   */
  public void checkTypes(Map<String, String> types) {
    boolean ok = true;
    for (int i = 0; i < partitionKeys.size(); i++) {
      ok &= partitionValues.get(i).type().equals(types.get(partitionKeys.get(i)));
    }
    for (int i = 0; i < sortPrefixKeys.size(); i++) {
      ok &= sortPrefixValues.get(i).type().equals(types.get(sortPrefixKeys.get(i)));
    }
    if (sort != null) {
      for (AttributeValue v : sort.values()) {
        ok &= v.type().equals(types.get(sort.attribute()));
      }
    }
    if (!ok) {
      throw ApiException.invalidParameter("Condition parameter type does not match schema type");
    }
  }

  /**
   * Parses a KeyConditionExpression for a table or index with the given key schema (rangeKey null
   * for a hash-only schema). Throws DynamoDB's messages, e.g. "Query condition missed key schema
   * element: pk", "Query key condition not supported", "Invalid operator used in
   * KeyConditionExpression: OR", "KeyConditionExpressions must only contain one condition per key".
   */
  public static KeyCondition parse(String text, ExpressionContext ctx, String hashKey, String rangeKey) {
    Objects.requireNonNull(ctx, "ctx");
    return of(ConditionExpression.parse(text, ctx, ExpressionKind.KEY_CONDITION), hashKey, rangeKey);
  }

  /** {@link #of(ConditionExpression, List, List)} for one partition key and at most one sort key. */
  public static KeyCondition of(ConditionExpression parsed, String hashKey, String rangeKey) {
    Objects.requireNonNull(hashKey, "hashKey");
    return of(parsed, List.of(hashKey), rangeKey == null ? List.of() : List.of(rangeKey));
  }

  /**
   * The key condition of an already parsed KeyConditionExpression (parsed with
   * {@link ExpressionKind#KEY_CONDITION}) for a key of the given partition and sort key attributes
   * (several of each for a multi-attribute GSI key). Query parses every expression and checks for
   * unused placeholders before it checks what the key condition says, as DynamoDB does.
   */
  public static KeyCondition of(ConditionExpression parsed, List<String> hashKeys, List<String> rangeKeys) {
    Objects.requireNonNull(parsed, "parsed");
    Map<String, Leaf> leaves = new LinkedHashMap<>();
    collect(parsed.root(), leaves);
    int keyAttributes = hashKeys.size() + rangeKeys.size();
    if (leaves.size() > Math.max(2, keyAttributes)) { // two on a hash-only key stay "Query key condition not supported"
      throw ApiException.validation("The number of query conditions (" + leaves.size()
          + ") exceeds the number of key attributes defined in the schema (" + keyAttributes + ")");
    }
    return build(leaves, hashKeys, rangeKeys);
  }

  /** One key condition: attribute, operator (already flipped so the attribute is on the left), values. */
  record Leaf(String attribute, Operator op, List<AttributeValue> values) {}

  /**
   * The condition the leaves give for a key schema. Every partition key attribute needs an
   * equality; the sort key attributes named must be a leading run of the key schema's, all
   * compared for equality except the last one named (multi-attribute GSI keys; a single sort key
   * is that run's only member).
   */
  static KeyCondition build(Map<String, Leaf> leaves, List<String> hashKeys, List<String> rangeKeys) {
    if (leaves.size() > Math.max(2, hashKeys.size() + rangeKeys.size())) {
      throw ApiException.validation("Conditions can be of length 1 or 2 only");
    }
    for (String hashKey : hashKeys) {
      if (!leaves.containsKey(hashKey)) {
        throw ApiException.validation("Query condition missed key schema element: " + hashKey);
      }
    }
    for (String attr : leaves.keySet()) {
      if (!hashKeys.contains(attr) && !rangeKeys.contains(attr)) {
        // the other conditions are expected to be on the sort key
        String missed = rangeKeys.stream().filter(r -> !leaves.containsKey(r)).findFirst().orElse(null);
        throw ApiException.validation(missed == null ? "Query key condition not supported"
            : "Query condition missed key schema element: " + missed);
      }
    }
    List<AttributeValue> partition = new ArrayList<>(hashKeys.size());
    for (String hashKey : hashKeys) {
      Leaf hash = leaves.get(hashKey);
      if (hash.op() != Operator.EQ) {
        throw ApiException.validation("Query key condition not supported");
      }
      partition.add(hash.values().get(0));
    }
    partition = Collections.unmodifiableList(partition);
    int last = -1;
    for (int i = 0; i < rangeKeys.size(); i++) {
      if (leaves.containsKey(rangeKeys.get(i))) {
        last = i;
      }
    }
    List<String> prefixKeys = last > 0 ? new ArrayList<>(last) : List.of();
    List<AttributeValue> prefixValues = last > 0 ? new ArrayList<>(last) : List.of();
    for (int i = 0; i < last; i++) {
      Leaf leaf = leaves.get(rangeKeys.get(i));
      if (leaf == null || leaf.op() != Operator.EQ) {
        // captured from DynamoDB (2026-10): the first sort key attribute lacking an equality, and
        // the first one after it that has a condition
        String after = null;
        for (int j = i + 1; j <= last && after == null; j++) {
          if (leaves.containsKey(rangeKeys.get(j))) {
            after = rangeKeys.get(j);
          }
        }
        throw ApiException.validation("RANGE key attributes " + rangeKeys.get(i) + " must have equality conditions"
            + " specified in the query because a condition is present on key attribute " + after);
      }
      prefixKeys.add(leaf.attribute());
      prefixValues.add(leaf.values().get(0));
    }
    SortKeyCondition sort = null;
    if (last >= 0) {
      Leaf range = leaves.get(rangeKeys.get(last));
      sort = new SortKeyCondition(range.attribute(), range.op(), range.values());
    }
    return new KeyCondition(List.copyOf(hashKeys), partition, Collections.unmodifiableList(prefixKeys),
        Collections.unmodifiableList(prefixValues), sort);
  }

  private static ApiException invalid(String message) {
    return ApiException.validation(message);
  }

  private static void collect(Cond c, Map<String, Leaf> leaves) {
    if (c instanceof And a) {
      collect(a.left, leaves);
      collect(a.right, leaves);
      return;
    }
    if (c instanceof Or) {
      throw invalid("Invalid operator used in KeyConditionExpression: OR");
    }
    if (c instanceof Not) {
      throw invalid("Invalid operator used in KeyConditionExpression: NOT");
    }
    if (c instanceof In) {
      throw invalid("Invalid operator used in KeyConditionExpression: IN");
    }
    Operator op;
    List<Operand> args;
    if (c instanceof Compare cmp) {
      op = switch (cmp.op) {
        case "=" -> Operator.EQ;
        case "<" -> Operator.LT;
        case "<=" -> Operator.LE;
        case ">" -> Operator.GT;
        case ">=" -> Operator.GE;
        default -> throw invalid("Invalid operator used in KeyConditionExpression: " + cmp.op);
      };
      args = List.of(cmp.left, cmp.right);
    } else if (c instanceof Between b) {
      if (!(b.value instanceof PathOp)) {
        throw invalid("Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
      }
      op = Operator.BETWEEN;
      args = List.of(b.value, b.low, b.high);
    } else if (c instanceof FuncCond f) {
      String name = f.call.name;
      if (name.equals("size")) {
        throw invalid("KeyConditionExpressions cannot contain nested operations");
      }
      if (!name.equals("begins_with")) {
        throw invalid("Invalid operator used in KeyConditionExpression: " + name);
      }
      if (!(f.call.args.get(0) instanceof PathOp)) {
        throw invalid("Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand");
      }
      op = Operator.BEGINS_WITH;
      args = f.call.args;
    } else {
      throw invalid("Query key condition not supported");
    }
    String attr = null;
    int attrIndex = 0;
    List<AttributeValue> values = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Operand o = args.get(i);
      if (o instanceof PathOp p) {
        if (attr != null) {
          throw invalid("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        }
        if (p.path.size() > 1) {
          throw invalid("KeyConditionExpressions cannot have conditions on nested attributes");
        }
        attr = p.path.head();
        attrIndex = i;
      } else if (o instanceof FuncOp) {
        throw invalid("KeyConditionExpressions cannot contain nested operations");
      } else {
        values.add(((ValueOp) o).value);
      }
    }
    if (attr == null) {
      throw invalid("Invalid condition in KeyConditionExpression: No key attribute specified");
    }
    if (leaves.containsKey(attr)) {
      throw invalid("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
    }
    if (attrIndex != 0) {
      op = switch (op) {
        case LT -> Operator.GT;
        case LE -> Operator.GE;
        case GT -> Operator.LT;
        case GE -> Operator.LE;
        default -> op;
      };
    }
    leaves.put(attr, new Leaf(attr, op, values));
  }
}
