package dev.eddy.storage.expr;

import dev.eddy.api.AttributeValue;
import dev.eddy.storage.expr.Ast.*;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed and resolved condition (ConditionExpression, FilterExpression, or a legacy
 * Expected/QueryFilter/ScanFilter converted by {@link Legacy}). Immutable and thread-safe once
 * built; {@link #test} evaluates it against an item.
 */
public final class ConditionExpression {
  private final Cond root;

  ConditionExpression(Cond root) {
    this.root = root;
  }

  /** Parses a ConditionExpression (messages say "Invalid ConditionExpression: ..."). */
  public static ConditionExpression parse(String text, ExpressionContext ctx) {
    return parse(text, ctx, ExpressionKind.CONDITION);
  }

  /**
   * Parses a condition-shaped expression of the given kind (CONDITION or FILTER; KEY_CONDITION is
   * accepted too, but use {@link KeyCondition#parse} for queries). Throws ApiException
   * (ValidationException) with DynamoDB's message for any problem.
   */
  public static ConditionExpression parse(String text, ExpressionContext ctx, ExpressionKind kind) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(kind, "kind");
    Cond c = Parser.parseCondition(text, kind);
    Checker.checkCondition(c, ctx, kind);
    return new ConditionExpression(c);
  }

  Cond root() {
    return root;
  }

  /**
   * The top-level attributes the condition reads, e.g. to reject key attributes in a Query's
   * FilterExpression ("Filter Expression can only contain non-primary key attributes").
   */
  public Set<String> topLevelAttributes() {
    Set<String> out = new LinkedHashSet<>();
    collect(root, out);
    return out;
  }

  private static void collect(Cond c, Set<String> out) {
    if (c instanceof Compare cmp) {
      collect(cmp.left, out);
      collect(cmp.right, out);
    } else if (c instanceof Between b) {
      collect(b.value, out);
      collect(b.low, out);
      collect(b.high, out);
    } else if (c instanceof In in) {
      collect(in.value, out);
      in.list.forEach(o -> collect(o, out));
    } else if (c instanceof And a) {
      collect(a.left, out);
      collect(a.right, out);
    } else if (c instanceof Or o) {
      collect(o.left, out);
      collect(o.right, out);
    } else if (c instanceof Not n) {
      collect(n.inner, out);
    } else if (c instanceof FuncCond f) {
      collect(f.call, out);
    }
  }

  private static void collect(Operand o, Set<String> out) {
    if (o instanceof PathOp p) {
      out.add(p.path.head());
    } else if (o instanceof FuncOp f) {
      f.args.forEach(a -> collect(a, out));
    }
  }

  /** Evaluates the condition; a null or empty item means "no item" (every attribute missing). */
  public boolean test(Map<String, AttributeValue> item) {
    return eval(root, item == null ? Map.of() : item);
  }

  static boolean eval(Cond c, Map<String, AttributeValue> item) {
    if (c instanceof Compare cmp) {
      return Values.relation(cmp.op, value(cmp.left, item), value(cmp.right, item));
    }
    if (c instanceof And a) {
      return eval(a.left, item) && eval(a.right, item);
    }
    if (c instanceof Or o) {
      return eval(o.left, item) || eval(o.right, item);
    }
    if (c instanceof Not n) {
      return !eval(n.inner, item);
    }
    if (c instanceof Between b) {
      AttributeValue v = value(b.value, item);
      AttributeValue lo = value(b.low, item);
      AttributeValue hi = value(b.high, item);
      if (v == null || lo == null || hi == null || !Values.isOrdered(v)
          || !v.type().equals(lo.type()) || !v.type().equals(hi.type())) {
        return false;
      }
      return Values.compare(lo, v) <= 0 && Values.compare(v, hi) <= 0;
    }
    if (c instanceof In in) {
      AttributeValue v = value(in.value, item);
      if (v == null) {
        return false;
      }
      for (Operand o : in.list) {
        AttributeValue x = value(o, item);
        if (x != null && Values.equal(v, x)) {
          return true;
        }
      }
      return false;
    }
    if (c instanceof FuncCond f) {
      return function(f.call, item);
    }
    if (c instanceof True) {
      return true;
    }
    throw new IllegalStateException("unknown condition node " + c.getClass());
  }

  private static boolean function(FuncOp f, Map<String, AttributeValue> item) {
    switch (f.name) {
      case "attribute_exists":
        return value(f.args.get(0), item) != null;
      case "attribute_not_exists":
        return value(f.args.get(0), item) == null;
      case "attribute_type": {
        AttributeValue v = value(f.args.get(0), item);
        AttributeValue t = value(f.args.get(1), item);
        return v != null && t instanceof AttributeValue.S s && v.type().equals(s.value());
      }
      case "begins_with": {
        AttributeValue v = value(f.args.get(0), item);
        AttributeValue p = value(f.args.get(1), item);
        return v != null && p != null && Values.beginsWith(v, p);
      }
      case "contains":
        return Values.contains(value(f.args.get(0), item), value(f.args.get(1), item));
      default:
        return false;
    }
  }

  /** The value of a condition operand, or null for "missing". */
  static AttributeValue value(Operand o, Map<String, AttributeValue> item) {
    if (o instanceof PathOp p) {
      return Values.get(item, p.path);
    }
    if (o instanceof ValueOp v) {
      return v.value;
    }
    if (o instanceof FuncOp f && f.name.equals("size")) {
      AttributeValue v = value(f.args.get(0), item);
      return v == null ? null : Values.size(v);
    }
    return null;
  }
}
