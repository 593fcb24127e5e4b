package dev.eddy.storage.ops;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.storage.KeyCodec;
import dev.eddy.storage.KeySchema;
import dev.eddy.storage.expr.KeyCondition;
import dev.eddy.storage.partiql.Binder;
import dev.eddy.storage.partiql.Pql.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's refusal of a SELECT whose OR branches overlap on the sort key ("Overlapping
 * conditions with range keys are not supported in where clause"). The WHERE clause is read as
 * an OR of branches (AND over OR distributed, an IN on the partition key one branch per value);
 * when every branch names a partition, two branches of one partition whose sort key ranges meet
 * are refused: {@code pk = 'a' AND x = '1' OR pk = 'a' AND sk = '2'} (the first branch reads the
 * whole partition), {@code pk IN ['a', 'a']}. A branch with a negated or {@code <>} condition on
 * the sort key is left out of the comparison, as DynamoDB leaves it out (the third-party suite's
 * captures, whereOverlap and partiqlGrammar).
 */
final class PartiQLOverlap {
  /** Beyond this many branches the clause is not examined. */
  private static final int MAX_BRANCHES = 64;
  private static final byte[] BASE = {0};

  private PartiQLOverlap() {}

  static void check(Expr where, KeySchema keys, Binder binder) {
    if (where == null || keys.range() == null) {
      return;
    }
    List<List<Expr>> branches = branches(where, keys.hash().name());
    if (branches == null) {
      return;
    }
    Map<String, List<byte[][]>> ranges = new HashMap<>();
    for (List<Expr> branch : branches) {
      Set<String> partitions = new HashSet<>();
      byte[][] range = {BASE, KeyBytes.prefixEnd(BASE)};
      boolean exempt = false;
      for (Expr c : branch) {
        AttributeValue pk = equality(c, keys.hash().name(), binder);
        if (pk != null) {
          partitions.add(partition(pk));
          continue;
        }
        if (!mentions(c, keys.range().name())) {
          continue;
        }
        KeyCondition.SortKeyCondition sort = sortCondition(c, keys.range().name(), binder);
        if (sort == null) {
          exempt |= c instanceof Not || c instanceof Binary b && b.op().equals("<>") || c instanceof In;
          continue;
        }
        if (!sort.values().stream().allMatch(v -> v.type().equals(keys.range().type()))) {
          range = null; // a value of another type: the branch reads nothing
          break;
        }
        byte[][] r = KeyBytes.range(BASE, sort);
        if (range != null) {
          range = new byte[][] {max(range[0], r[0]), min(range[1], r[1])};
        }
      }
      if (partitions.isEmpty()) {
        return; // a branch without a partition: the statement scans, nothing to compare
      }
      if (exempt || partitions.size() > 1 || range == null || KeyBytes.compare(range[0], range[1]) >= 0) {
        continue;
      }
      List<byte[][]> seen = ranges.computeIfAbsent(partitions.iterator().next(), k -> new ArrayList<>());
      for (byte[][] other : seen) {
        if (KeyBytes.compare(range[0], other[1]) < 0 && KeyBytes.compare(other[0], range[1]) < 0) {
          throw ApiException.validation("Overlapping conditions with range keys are not supported in where clause");
        }
      }
      seen.add(range);
    }
  }

  /** The clause as an OR of ANDs of conditions, or null when that is too large to examine. */
  private static List<List<Expr>> branches(Expr e, String hashKey) {
    if (e instanceof Binary b && b.op().equals("OR")) {
      List<List<Expr>> left = branches(b.left(), hashKey);
      List<List<Expr>> right = branches(b.right(), hashKey);
      if (left == null || right == null || left.size() + right.size() > MAX_BRANCHES) {
        return null;
      }
      List<List<Expr>> out = new ArrayList<>(left);
      out.addAll(right);
      return out;
    }
    if (e instanceof Binary b && b.op().equals("AND")) {
      List<List<Expr>> left = branches(b.left(), hashKey);
      List<List<Expr>> right = branches(b.right(), hashKey);
      if (left == null || right == null || left.size() * right.size() > MAX_BRANCHES) {
        return null;
      }
      List<List<Expr>> out = new ArrayList<>();
      for (List<Expr> l : left) {
        for (List<Expr> r : right) {
          List<Expr> both = new ArrayList<>(l);
          both.addAll(r);
          out.add(both);
        }
      }
      return out;
    }
    if (e instanceof In in && PartiQL.isAttribute(in.value(), hashKey) && in.list().size() <= MAX_BRANCHES) {
      List<List<Expr>> out = new ArrayList<>();
      for (Expr v : in.list()) {
        out.add(List.of(new Binary("=", in.value(), v)));
      }
      return out;
    }
    List<List<Expr>> out = new ArrayList<>();
    out.add(List.of(e));
    return out;
  }

  /** The value an equality gives the attribute, or null. */
  private static AttributeValue equality(Expr c, String attribute, Binder binder) {
    Expr v = PartiQL.equalityValue(c, attribute);
    return v == null ? null : binder.value(v);
  }

  /** Equal partition key values give equal strings. */
  private static String partition(AttributeValue v) {
    boolean key = v.type().equals("S") || v.type().equals("N") || v.type().equals("B");
    return v.type() + (key ? HexFormat.of().formatHex(KeyCodec.encode(v)) : AttributeValues.toJson(v).toString());
  }

  /** The sort key condition a comparison, BETWEEN or begins_with gives, or null. */
  private static KeyCondition.SortKeyCondition sortCondition(Expr c, String sortKey, Binder binder) {
    if (c instanceof Binary b && !b.op().equals("<>") && !b.op().equals("AND") && !b.op().equals("OR")) {
      boolean left = PartiQL.isAttribute(b.left(), sortKey) && Binder.isValue(b.right());
      boolean right = PartiQL.isAttribute(b.right(), sortKey) && Binder.isValue(b.left());
      if (!left && !right) {
        return null;
      }
      KeyCondition.Operator op = operator(b.op(), right);
      AttributeValue v = binder.value(left ? b.right() : b.left());
      return op == null || v == null ? null : new KeyCondition.SortKeyCondition(sortKey, op, List.of(v));
    }
    if (c instanceof Between b && PartiQL.isAttribute(b.value(), sortKey) && Binder.isValue(b.low()) && Binder.isValue(b.high())) {
      AttributeValue low = binder.value(b.low());
      AttributeValue high = binder.value(b.high());
      return low == null || high == null ? null
          : new KeyCondition.SortKeyCondition(sortKey, KeyCondition.Operator.BETWEEN, List.of(low, high));
    }
    if (c instanceof Call f && f.name().equals("begins_with") && f.args().size() == 2
        && PartiQL.isAttribute(f.args().get(0), sortKey) && Binder.isValue(f.args().get(1))) {
      AttributeValue prefix = binder.value(f.args().get(1));
      return prefix == null ? null
          : new KeyCondition.SortKeyCondition(sortKey, KeyCondition.Operator.BEGINS_WITH, List.of(prefix));
    }
    return null;
  }

  /** The operator with the key on the left ({@code flipped}: the key was written on the right). */
  private static KeyCondition.Operator operator(String op, boolean flipped) {
    switch (op) {
      case "=":
        return KeyCondition.Operator.EQ;
      case "<":
        return flipped ? KeyCondition.Operator.GT : KeyCondition.Operator.LT;
      case "<=":
        return flipped ? KeyCondition.Operator.GE : KeyCondition.Operator.LE;
      case ">":
        return flipped ? KeyCondition.Operator.LT : KeyCondition.Operator.GT;
      case ">=":
        return flipped ? KeyCondition.Operator.LE : KeyCondition.Operator.GE;
      default:
        return null;
    }
  }

  private static boolean mentions(Expr e, String attribute) {
    if (PartiQL.isAttribute(e, attribute)) {
      return true;
    }
    if (e instanceof Binary b) {
      return mentions(b.left(), attribute) || mentions(b.right(), attribute);
    }
    if (e instanceof Not n) {
      return mentions(n.inner(), attribute);
    }
    if (e instanceof Between b) {
      return mentions(b.value(), attribute) || mentions(b.low(), attribute) || mentions(b.high(), attribute);
    }
    if (e instanceof In in) {
      return mentions(in.value(), attribute) || in.list().stream().anyMatch(x -> mentions(x, attribute));
    }
    if (e instanceof Is is) {
      return mentions(is.value(), attribute);
    }
    if (e instanceof Call c) {
      return c.args().stream().anyMatch(x -> mentions(x, attribute));
    }
    return false;
  }

  private static byte[] max(byte[] a, byte[] b) {
    return KeyBytes.compare(a, b) >= 0 ? a : b;
  }

  private static byte[] min(byte[] a, byte[] b) {
    return KeyBytes.compare(a, b) <= 0 ? a : b;
  }
}
