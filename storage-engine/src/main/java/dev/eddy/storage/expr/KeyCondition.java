package dev.eddy.storage.expr;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.storage.expr.Ast.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The key condition of a Query: partition key equality plus an optional sort key condition.
 * Built from a KeyConditionExpression ({@link #parse}) or legacy KeyConditions
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

  private final String partitionKey;
  private final AttributeValue partitionValue;
  private final SortKeyCondition sort;

  KeyCondition(String partitionKey, AttributeValue partitionValue, SortKeyCondition sort) {
    this.partitionKey = partitionKey;
    this.partitionValue = partitionValue;
    this.sort = sort;
  }

  public String partitionKeyName() {
    return partitionKey;
  }

  public AttributeValue partitionKeyValue() {
    return partitionValue;
  }

  /** The sort key condition, or null when the query names only the partition key. */
  public SortKeyCondition sortKeyCondition() {
    return sort;
  }

  /** Whether an item's key values satisfy the condition. */
  public boolean test(Map<String, AttributeValue> item) {
    AttributeValue pk = item == null ? null : item.get(partitionKey);
    if (pk == null || !Values.equal(partitionValue, pk)) {
      return false;
    }
    return sort == null || sort.test(item.get(sort.attribute()));
  }

  /**
   * Checks the condition values against the key attribute types ("S", "N" or "B"; rangeKeyType may
   * be null): "One or more parameter values were invalid: Condition parameter type does not match
   * schema type".
   */
  public void checkTypes(String hashKeyType, String rangeKeyType) {
    boolean ok = partitionValue.type().equals(hashKeyType);
    if (sort != null) {
      for (AttributeValue v : sort.values()) {
        ok &= v.type().equals(rangeKeyType);
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

  /**
   * The key condition of an already parsed KeyConditionExpression (parsed with
   * {@link ExpressionKind#KEY_CONDITION}). Query parses every expression and checks for unused
   * placeholders before it checks what the key condition says, as DynamoDB does.
   */
  public static KeyCondition of(ConditionExpression parsed, String hashKey, String rangeKey) {
    Objects.requireNonNull(parsed, "parsed");
    Objects.requireNonNull(hashKey, "hashKey");
    Map<String, Leaf> leaves = new LinkedHashMap<>();
    collect(parsed.root(), leaves);
    int keyAttributes = rangeKey == null ? 1 : 2;
    if (leaves.size() > 2) { // two on a hash-only key stay "Query key condition not supported"
      throw ApiException.validation("The number of query conditions (" + leaves.size()
          + ") exceeds the number of key attributes defined in the schema (" + keyAttributes + ")");
    }
    return build(leaves, hashKey, rangeKey);
  }

  /** One key condition: attribute, operator (already flipped so the attribute is on the left), values. */
  record Leaf(String attribute, Operator op, List<AttributeValue> values) {}

  static KeyCondition build(Map<String, Leaf> leaves, String hashKey, String rangeKey) {
    if (leaves.size() > 2) {
      throw ApiException.validation("Conditions can be of length 1 or 2 only");
    }
    Leaf hash = leaves.get(hashKey);
    if (hash == null) {
      throw ApiException.validation("Query condition missed key schema element: " + hashKey);
    }
    for (String attr : leaves.keySet()) {
      if (!attr.equals(hashKey) && !attr.equals(rangeKey)) {
        // the second condition is expected to be on the sort key
        throw ApiException.validation(rangeKey == null ? "Query key condition not supported"
            : "Query condition missed key schema element: " + rangeKey);
      }
    }
    if (hash.op() != Operator.EQ) {
      throw ApiException.validation("Query key condition not supported");
    }
    Leaf range = rangeKey == null ? null : leaves.get(rangeKey);
    SortKeyCondition sort = range == null ? null : new SortKeyCondition(rangeKey, range.op(), range.values());
    return new KeyCondition(hashKey, hash.values().get(0), sort);
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
