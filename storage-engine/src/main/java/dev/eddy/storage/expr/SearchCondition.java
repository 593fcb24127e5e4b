package dev.eddy.storage.expr;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.storage.expr.Ast.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SearchVectors' SearchConditionExpression (parsed with {@link ExpressionKind#SEARCH_CONDITION}):
 * equalities between an attribute and a value, joined by AND, the only form DynamoDB accepted when
 * a third-party suite recorded it in 2026. Which attributes it may name is the index's business.
 */
public final class SearchCondition {
  /** One {@code attribute = value}; {@code nested} when the path goes below the top level. */
  public record Equality(String attribute, boolean nested, AttributeValue value) {}

  private final List<Equality> equalities;

  private SearchCondition(List<Equality> equalities) {
    this.equalities = List.copyOf(equalities);
  }

  /** The equalities of a parsed expression, in the order written. */
  public static SearchCondition of(ConditionExpression parsed) {
    Objects.requireNonNull(parsed, "parsed");
    List<Equality> out = new ArrayList<>();
    collect(parsed.root(), out);
    return new SearchCondition(out);
  }

  public List<Equality> equalities() {
    return equalities;
  }

  /** Whether an item has every attribute of {@code equalities} with an equal value (numbers by value). */
  public static boolean holds(java.util.Map<String, AttributeValue> item,
      java.util.Map<String, AttributeValue> equalities) {
    for (java.util.Map.Entry<String, AttributeValue> e : equalities.entrySet()) {
      AttributeValue v = item.get(e.getKey());
      if (v == null || !Values.equal(e.getValue(), v)) {
        return false;
      }
    }
    return true;
  }

  private static void collect(Cond c, List<Equality> out) {
    if (c instanceof And a) {
      collect(a.left, out);
      collect(a.right, out);
      return;
    }
    if (!(c instanceof Compare cmp)) {
      throw invalid("Invalid operator used in SearchConditionExpression");
    }
    if (!cmp.op.equals("=")) {
      throw invalid("Invalid comparator used in SearchConditionExpression");
    }
    PathOp path = cmp.left instanceof PathOp p ? p : cmp.right instanceof PathOp p ? p : null;
    Operand other = path == cmp.left ? cmp.right : cmp.left;
    if (path == null || !(other instanceof ValueOp value)) {
      throw invalid("Invalid operator used in SearchConditionExpression");
    }
    out.add(new Equality(path.path.head(), path.path.size() > 1, value.value));
  }

  private static ApiException invalid(String detail) {
    return ApiException.validation("Invalid SearchConditionExpression: " + detail);
  }
}
