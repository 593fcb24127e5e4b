package dev.eddy.storage.expr;

import dev.eddy.api.AttributeValue;
import java.util.List;

/**
 * Syntax trees of all expression kinds. The parser builds them with raw placeholders; the checker
 * ({@link Checker}) resolves names and values in place and rejects what DynamoDB rejects; the
 * evaluators only read them afterwards.
 */
final class Ast {
  private Ast() {}

  /** Any node; {@code parens} counts the parentheses directly around it. */
  abstract static class Node {
    int parens;
  }

  // ---- operands ----

  abstract static class Operand extends Node {}

  /** One raw path element: a name (plain or #placeholder) or an index. */
  record Elem(String name, boolean placeholder, int index) {
    boolean isIndex() {
      return name == null;
    }
  }

  static final class PathOp extends Operand {
    final List<Elem> raw;
    Path path;

    PathOp(List<Elem> raw) {
      this.raw = raw;
    }
  }

  static final class ValueOp extends Operand {
    final String placeholder;
    AttributeValue value;

    ValueOp(String placeholder) {
      this.placeholder = placeholder;
    }

    /** A constant built by the legacy converters (no placeholder). */
    ValueOp(AttributeValue value) {
      this.placeholder = null;
      this.value = value;
    }
  }

  /** A function call: size(), if_not_exists(), list_append(), or a misused condition function. */
  static final class FuncOp extends Operand {
    final String name;
    final List<Operand> args;

    FuncOp(String name, List<Operand> args) {
      this.name = name;
      this.args = args;
    }
  }

  /** SET a = x + y / x - y. */
  static final class ArithOp extends Operand {
    final char op;
    final Operand left;
    final Operand right;

    ArithOp(char op, Operand left, Operand right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }
  }

  // ---- conditions ----

  abstract static class Cond extends Node {}

  static final class Compare extends Cond {
    final String op; // = <> < <= > >=
    final Operand left;
    final Operand right;

    Compare(String op, Operand left, Operand right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }
  }

  static final class Between extends Cond {
    final Operand value;
    final Operand low;
    final Operand high;

    Between(Operand value, Operand low, Operand high) {
      this.value = value;
      this.low = low;
      this.high = high;
    }
  }

  static final class In extends Cond {
    final Operand value;
    final List<Operand> list;

    In(Operand value, List<Operand> list) {
      this.value = value;
      this.list = list;
    }
  }

  static final class And extends Cond {
    final Cond left;
    final Cond right;

    And(Cond left, Cond right) {
      this.left = left;
      this.right = right;
    }
  }

  static final class Or extends Cond {
    final Cond left;
    final Cond right;

    Or(Cond left, Cond right) {
      this.left = left;
      this.right = right;
    }
  }

  static final class Not extends Cond {
    final Cond inner;

    Not(Cond inner) {
      this.inner = inner;
    }
  }

  /** A function used as a condition: attribute_exists(a), begins_with(a, :p), ... */
  static final class FuncCond extends Cond {
    final FuncOp call;

    FuncCond(FuncOp call) {
      this.call = call;
    }
  }

  /** Matches everything (legacy converters with no conditions). */
  static final class True extends Cond {}

  // ---- updates ----

  enum ActionType { SET, REMOVE, ADD, DELETE }

  static final class Action {
    final ActionType type;
    final PathOp target;
    final Operand value; // null for REMOVE
    /** Legacy AttributeUpdates ADD also appends lists. */
    final boolean legacy;

    Action(ActionType type, PathOp target, Operand value, boolean legacy) {
      this.type = type;
      this.target = target;
      this.value = value;
      this.legacy = legacy;
    }
  }

  static final class Update {
    final List<Action> actions;
    /** Section keywords in order of appearance (to find a repeated one). */
    final List<ActionType> sections;

    Update(List<Action> actions, List<ActionType> sections) {
      this.actions = actions;
      this.sections = sections;
    }
  }

  // ---- copies ----
  // The checker binds names and values into the nodes it is given (PathOp.path, ValueOp.value), so
  // a parsed tree kept for reuse is copied before each check. Lists of Elem and Path are immutable
  // once built and are shared.

  static Cond copy(Cond c) {
    Cond out;
    if (c instanceof Compare x) {
      out = new Compare(x.op, copy(x.left), copy(x.right));
    } else if (c instanceof Between x) {
      out = new Between(copy(x.value), copy(x.low), copy(x.high));
    } else if (c instanceof In x) {
      out = new In(copy(x.value), copyOperands(x.list));
    } else if (c instanceof And x) {
      out = new And(copy(x.left), copy(x.right));
    } else if (c instanceof Or x) {
      out = new Or(copy(x.left), copy(x.right));
    } else if (c instanceof Not x) {
      out = new Not(copy(x.inner));
    } else if (c instanceof FuncCond x) {
      out = new FuncCond((FuncOp) copy(x.call));
    } else if (c instanceof True) {
      out = new True();
    } else {
      throw new IllegalStateException("unknown condition node " + c.getClass());
    }
    out.parens = c.parens;
    return out;
  }

  static Operand copy(Operand o) {
    if (o == null) {
      return null;
    }
    Operand out;
    if (o instanceof PathOp x) {
      PathOp p = new PathOp(x.raw);
      p.path = x.path;
      out = p;
    } else if (o instanceof ValueOp x) {
      ValueOp v = x.placeholder != null ? new ValueOp(x.placeholder) : new ValueOp(x.value);
      v.value = x.value;
      out = v;
    } else if (o instanceof FuncOp x) {
      out = new FuncOp(x.name, copyOperands(x.args));
    } else if (o instanceof ArithOp x) {
      out = new ArithOp(x.op, copy(x.left), copy(x.right));
    } else {
      throw new IllegalStateException("unknown operand node " + o.getClass());
    }
    out.parens = o.parens;
    return out;
  }

  static List<Operand> copyOperands(List<Operand> list) {
    List<Operand> out = new java.util.ArrayList<>(list.size());
    for (Operand o : list) {
      out.add(copy(o));
    }
    return out;
  }

  static List<PathOp> copyPaths(List<PathOp> list) {
    List<PathOp> out = new java.util.ArrayList<>(list.size());
    for (PathOp o : list) {
      out.add((PathOp) copy(o));
    }
    return out;
  }

  static Update copy(Update u) {
    List<Action> actions = new java.util.ArrayList<>(u.actions.size());
    for (Action a : u.actions) {
      actions.add(new Action(a.type, (PathOp) copy(a.target), copy(a.value), a.legacy));
    }
    return new Update(actions, u.sections);
  }
}
