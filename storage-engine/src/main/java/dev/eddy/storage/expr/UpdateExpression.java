package dev.eddy.storage.expr;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Numbers;
import dev.eddy.storage.expr.Ast.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed UpdateExpression (or legacy AttributeUpdates converted by {@link Legacy}). {@link #apply}
 * computes the new item from the old one; {@link #updatedPaths()} and {@link #projectUpdated}
 * serve ReturnValues UPDATED_OLD / UPDATED_NEW.
 */
public final class UpdateExpression {
  static final String MISSING_OPERAND = "The provided expression refers to an attribute that does not exist in the item";
  static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";
  static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";
  /** Legacy AttributeUpdates ADD/DELETE on an attribute of another type. */
  static final String TYPE_MISMATCH = "Type mismatch for attribute to update";

  private final List<Action> actions;
  private final List<Path> paths;
  private final PathTrie trie;

  UpdateExpression(List<Action> actions) {
    this.actions = List.copyOf(actions);
    List<Path> ps = new ArrayList<>();
    for (Action a : actions) {
      ps.add(a.target.path);
    }
    this.paths = List.copyOf(ps);
    this.trie = PathTrie.of(paths);
  }

  /** Parses and checks an UpdateExpression; throws ValidationException "Invalid UpdateExpression: ...". */
  public static UpdateExpression parse(String text, ExpressionContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    Update u = Parser.parseUpdate(text);
    Checker.checkUpdate(u, ctx);
    return new UpdateExpression(u.actions);
  }

  /**
   * What DynamoDB charges an UpdateItem's statement against the 400 KB item limit, besides the
   * finished item (as a third-party suite pinned it in eu-west-2, 2026-08 to 10; most regions do
   * so, ten size the finished item only): 3, plus for each SET and ADD 19, its path and its value
   * operand, and for each REMOVE and DELETE 1 and its path. A path costs its first name, then 4
   * and the element (a name's bytes, an index's digits) for each further element; a path operand
   * 1, then 14 and the element for each element; a value its size; {@code +} 34, {@code -} 37,
   * if_not_exists 39 and list_append 37, each with its operands. The key and untouched attributes
   * cost nothing, and a value costs at every use.
   */
  public long statementCharge() {
    long charge = 3;
    for (Action a : actions) {
      charge += switch (a.type) {
        case SET, ADD -> 19 + targetCost(a.target.path) + operandCharge(a.value);
        case REMOVE, DELETE -> 1 + targetCost(a.target.path);
      };
    }
    return charge;
  }

  private static long targetCost(Path p) {
    long c = AttributeValues.utf8Length(p.head());
    for (int i = 1; i < p.size(); i++) {
      c += 4 + elementBytes(p.get(i));
    }
    return c;
  }

  private static long elementBytes(Object element) {
    return element instanceof Integer index ? Integer.toString(index).length()
        : AttributeValues.utf8Length((String) element);
  }

  private static long operandCharge(Operand o) {
    if (o instanceof ValueOp v) {
      return AttributeValues.size(v.value);
    }
    if (o instanceof PathOp p) {
      long c = 1;
      for (int i = 0; i < p.path.size(); i++) {
        c += 14 + elementBytes(p.path.get(i));
      }
      return c;
    }
    if (o instanceof ArithOp a) {
      return (a.op == '+' ? 34 : 37) + operandCharge(a.left) + operandCharge(a.right);
    }
    if (o instanceof FuncOp f) {
      long c = f.name.equals("if_not_exists") ? 39 : f.name.equals("list_append") ? 37 : 0;
      for (Operand arg : f.args) {
        c += operandCharge(arg);
      }
      return c;
    }
    return 0;
  }

  /** The document paths the update writes or removes, in expression order. */
  public List<Path> updatedPaths() {
    return paths;
  }

  /** The top-level attributes the update touches (e.g. to reject updates of key attributes). */
  public Set<String> updatedAttributes() {
    Set<String> out = new LinkedHashSet<>();
    for (Path p : paths) {
      out.add(p.head());
    }
    return out;
  }

  /**
   * The item projected onto the updated paths: pass the old item for UPDATED_OLD, the new item for
   * UPDATED_NEW (DynamoDB returns only the updated parts of nested attributes).
   */
  public Map<String, AttributeValue> projectUpdated(Map<String, AttributeValue> item) {
    return trie.project(item);
  }

  /**
   * Applies the update. All operands read the old item; null old item means the item does not
   * exist yet (upsert). Returns a new map; the old one is not changed. Throws ValidationException
   * with DynamoDB's runtime messages (missing operand, invalid path, wrong data type, number
   * overflow).
   *
   * <p>Left to the caller, as they need the table: adding the key attributes to a new item,
   * rejecting updates of key attributes, item size and nesting limits, and not creating an item
   * when the update of a missing item leaves nothing but the key (e.g. only REMOVE).
   */
  public Map<String, AttributeValue> apply(Map<String, AttributeValue> oldItem) {
    Map<String, AttributeValue> old = oldItem == null ? Map.of() : oldItem;
    List<Action> sets = new ArrayList<>();
    for (Action a : actions) {
      if (a.type == ActionType.SET) {
        sets.add(a);
      }
    }
    // elements set past the end of a list are appended in index order
    sets.sort((x, y) -> INDEX_ORDER.compare(x.target.path, y.target.path));
    List<AttributeValue> setValues = new ArrayList<>();
    for (Action a : sets) {
      setValues.add(eval(a.value, old));
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>(old);
    for (int i = 0; i < sets.size(); i++) {
      set(item, sets.get(i).target.path, setValues.get(i));
    }
    for (Action a : actions) {
      if (a.type == ActionType.ADD) {
        add(item, a.target.path, ((ValueOp) a.value).value, a.legacy);
      } else if (a.type == ActionType.DELETE) {
        delete(item, a.target.path, ((ValueOp) a.value).value, a.legacy);
      }
    }
    if (oldItem == null) {
      // DynamoDB ignores REMOVE entirely when the item does not exist
      return item;
    }
    List<Path> removes = new ArrayList<>();
    for (Action a : actions) {
      if (a.type == ActionType.REMOVE) {
        removes.add(a.target.path);
      }
    }
    // remove higher list indexes first so every index refers to the list before the update
    removes.sort(INDEX_ORDER.reversed());
    for (Path p : removes) {
      remove(item, p);
    }
    return item;
  }

  /** Orders paths into the same list by ascending index; unrelated paths compare equal (stable sorts keep them). */
  private static final Comparator<Path> INDEX_ORDER = (a, b) -> {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      if (x instanceof Integer xi && y instanceof Integer yi) {
        int c = Integer.compare(xi, yi);
        if (c != 0) {
          return c;
        }
      } else if (!x.equals(y)) {
        return 0;
      }
    }
    return 0;
  };

  // ---- evaluation of SET operands ----

  private static AttributeValue eval(Operand o, Map<String, AttributeValue> old) {
    if (o instanceof ValueOp v) {
      return v.value;
    }
    if (o instanceof PathOp p) {
      AttributeValue v = Values.get(old, p.path);
      if (v == null) {
        throw ApiException.validation(MISSING_OPERAND);
      }
      return v;
    }
    if (o instanceof ArithOp a) {
      AttributeValue l = eval(a.left, old);
      AttributeValue r = eval(a.right, old);
      if (!(l instanceof AttributeValue.N ln) || !(r instanceof AttributeValue.N rn)) {
        throw ApiException.validation(WRONG_TYPE);
      }
      BigDecimal result = a.op == '+' ? ln.value().add(rn.value()) : ln.value().subtract(rn.value());
      return new AttributeValue.N(Numbers.check(result));
    }
    if (o instanceof FuncOp f) {
      if (f.name.equals("if_not_exists")) {
        AttributeValue v = Values.get(old, ((PathOp) f.args.get(0)).path);
        return v != null ? v : eval(f.args.get(1), old);
      }
      if (f.name.equals("list_append")) {
        AttributeValue l = eval(f.args.get(0), old);
        AttributeValue r = eval(f.args.get(1), old);
        if (!(l instanceof AttributeValue.L ll) || !(r instanceof AttributeValue.L rl)) {
          throw ApiException.validation(WRONG_TYPE);
        }
        List<AttributeValue> out = new ArrayList<>(ll.values());
        out.addAll(rl.values());
        return new AttributeValue.L(out);
      }
    }
    throw new IllegalStateException("unexpected update operand " + o.getClass());
  }

  // ---- writing paths ----

  static void set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
    if (path.size() == 1) {
      item.put(path.head(), value);
      return;
    }
    AttributeValue root = item.get(path.head());
    if (root == null) {
      throw ApiException.validation(INVALID_PATH);
    }
    item.put(path.head(), setIn(root, path, 1, value));
  }

  private static AttributeValue setIn(AttributeValue container, Path path, int i, AttributeValue value) {
    Object e = path.get(i);
    boolean last = i == path.size() - 1;
    if (e instanceof String name) {
      if (!(container instanceof AttributeValue.M m)) {
        throw ApiException.validation(INVALID_PATH);
      }
      Map<String, AttributeValue> copy = new LinkedHashMap<>(m.values());
      if (last) {
        copy.put(name, value);
      } else {
        AttributeValue child = copy.get(name);
        if (child == null) {
          throw ApiException.validation(INVALID_PATH);
        }
        copy.put(name, setIn(child, path, i + 1, value));
      }
      return new AttributeValue.M(copy);
    }
    int idx = (Integer) e;
    if (!(container instanceof AttributeValue.L l)) {
      throw ApiException.validation(INVALID_PATH);
    }
    List<AttributeValue> copy = new ArrayList<>(l.values());
    if (last) {
      if (idx >= copy.size()) {
        copy.add(value);
      } else {
        copy.set(idx, value);
      }
    } else {
      if (idx >= copy.size()) {
        throw ApiException.validation(INVALID_PATH);
      }
      copy.set(idx, setIn(copy.get(idx), path, i + 1, value));
    }
    return new AttributeValue.L(copy);
  }

  /**
   * REMOVE: a missing leaf is a no-op, but every step before it must exist and be a map or list as
   * the path says, else "The document path provided in the update expression is invalid for update".
   */
  static void remove(Map<String, AttributeValue> item, Path path) {
    if (path.size() == 1) {
      item.remove(path.head());
      return;
    }
    AttributeValue root = item.get(path.head());
    if (root == null) {
      throw ApiException.validation(INVALID_PATH);
    }
    item.put(path.head(), removeIn(root, path, 1));
  }

  private static AttributeValue removeIn(AttributeValue container, Path path, int i) {
    Object e = path.get(i);
    boolean last = i == path.size() - 1;
    if (e instanceof String name) {
      if (!(container instanceof AttributeValue.M m)) {
        throw ApiException.validation(INVALID_PATH);
      }
      AttributeValue child = m.values().get(name);
      if (child == null) {
        if (last) {
          return container;
        }
        throw ApiException.validation(INVALID_PATH);
      }
      Map<String, AttributeValue> copy = new LinkedHashMap<>(m.values());
      if (last) {
        copy.remove(name);
      } else {
        copy.put(name, removeIn(child, path, i + 1));
      }
      return new AttributeValue.M(copy);
    }
    int idx = (Integer) e;
    if (!(container instanceof AttributeValue.L l)) {
      throw ApiException.validation(INVALID_PATH);
    }
    if (idx >= l.values().size()) {
      if (last) {
        return container;
      }
      throw ApiException.validation(INVALID_PATH);
    }
    List<AttributeValue> copy = new ArrayList<>(l.values());
    if (last) {
      copy.remove(idx);
    } else {
      copy.set(idx, removeIn(copy.get(idx), path, i + 1));
    }
    return new AttributeValue.L(copy);
  }

  // ---- ADD and DELETE ----

  private static void add(Map<String, AttributeValue> item, Path path, AttributeValue v, boolean legacy) {
    AttributeValue cur = Values.get(item, path);
    AttributeValue result;
    if (v instanceof AttributeValue.N n) {
      if (cur == null) {
        result = v;
      } else if (cur instanceof AttributeValue.N c) {
        result = new AttributeValue.N(Numbers.check(c.value().add(n.value())));
      } else {
        throw ApiException.validation(legacy ? TYPE_MISMATCH : WRONG_TYPE);
      }
    } else if (legacy && v instanceof AttributeValue.L l) {
      if (cur == null) {
        result = v;
      } else if (cur instanceof AttributeValue.L c) {
        List<AttributeValue> out = new ArrayList<>(c.values());
        out.addAll(l.values());
        result = new AttributeValue.L(out);
      } else {
        throw ApiException.validation(legacy ? TYPE_MISMATCH : WRONG_TYPE);
      }
    } else if (cur == null) {
      result = v;
    } else {
      result = union(cur, v, legacy);
    }
    set(item, path, result);
  }

  private static AttributeValue union(AttributeValue cur, AttributeValue v, boolean legacy) {
    if (cur instanceof AttributeValue.SS a && v instanceof AttributeValue.SS b) {
      Set<String> out = new LinkedHashSet<>(a.values());
      out.addAll(b.values());
      return new AttributeValue.SS(out);
    }
    if (cur instanceof AttributeValue.NS a && v instanceof AttributeValue.NS b) {
      Set<BigDecimal> out = new LinkedHashSet<>(a.values());
      out.addAll(b.values());
      return new AttributeValue.NS(out);
    }
    if (cur instanceof AttributeValue.BS a && v instanceof AttributeValue.BS b) {
      Set<AttributeValue.Blob> out = new LinkedHashSet<>(a.values());
      out.addAll(b.values());
      return new AttributeValue.BS(out);
    }
    throw ApiException.validation(legacy ? TYPE_MISMATCH : WRONG_TYPE);
  }

  private static void delete(Map<String, AttributeValue> item, Path path, AttributeValue v, boolean legacy) {
    if (path.size() > 1) {
      AttributeValue parent = Values.get(item, path.parent());
      boolean fits = path.get(path.size() - 1) instanceof String
          ? parent instanceof AttributeValue.M : parent instanceof AttributeValue.L;
      if (!fits) {
        throw ApiException.validation(INVALID_PATH);
      }
    }
    AttributeValue cur = Values.get(item, path);
    if (cur == null) {
      return;
    }
    AttributeValue result;
    int remaining;
    if (cur instanceof AttributeValue.SS a && v instanceof AttributeValue.SS b) {
      Set<String> out = new LinkedHashSet<>(a.values());
      out.removeAll(b.values());
      remaining = out.size();
      result = remaining == 0 ? null : new AttributeValue.SS(out);
    } else if (cur instanceof AttributeValue.NS a && v instanceof AttributeValue.NS b) {
      Set<BigDecimal> out = new LinkedHashSet<>(a.values());
      out.removeAll(b.values());
      remaining = out.size();
      result = remaining == 0 ? null : new AttributeValue.NS(out);
    } else if (cur instanceof AttributeValue.BS a && v instanceof AttributeValue.BS b) {
      Set<AttributeValue.Blob> out = new LinkedHashSet<>(a.values());
      out.removeAll(b.values());
      remaining = out.size();
      result = remaining == 0 ? null : new AttributeValue.BS(out);
    } else {
      throw ApiException.validation(legacy ? TYPE_MISMATCH : WRONG_TYPE);
    }
    if (result == null) {
      remove(item, path);
    } else {
      set(item, path, result);
    }
  }
}
