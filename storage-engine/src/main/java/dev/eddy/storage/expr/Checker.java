package dev.eddy.storage.expr;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.storage.expr.Ast.*;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves placeholders in a parsed tree (marking them used in the context) and reports the first
 * semantic error in DynamoDB's order of precedence. Collects one message per category, then
 * raises the highest-ranked one, which is how DynamoDB picks among several problems.
 */
final class Checker {
  static final int MAX_OPERATORS = 300;
  static final int MAX_IN_OPERANDS = 100;
  static final int MAX_PATH_DEPTH = 32;

  private enum Cat {
    LIMIT, PARENS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, SECTION, ATTR_NAME, ATTR_VALUE,
    PATH_OVERLAP, PATH_CONFLICT, OPERAND, DISTINCT, FUNCTION
  }

  private static final List<Cat> CONDITION_ORDER = List.of(Cat.LIMIT, Cat.PARENS, Cat.UNKNOWN_FUNCTION,
      Cat.MISUSED_FUNCTION, Cat.RESERVED, Cat.ATTR_NAME, Cat.OPERAND, Cat.DISTINCT, Cat.FUNCTION);
  private static final List<Cat> UPDATE_ORDER = List.of(Cat.LIMIT, Cat.RESERVED, Cat.UNKNOWN_FUNCTION,
      Cat.MISUSED_FUNCTION, Cat.SECTION, Cat.ATTR_NAME, Cat.ATTR_VALUE, Cat.PATH_OVERLAP, Cat.PATH_CONFLICT, Cat.OPERAND, Cat.FUNCTION);
  private static final List<Cat> PROJECTION_ORDER = List.of(Cat.LIMIT, Cat.RESERVED, Cat.ATTR_NAME,
      Cat.PATH_OVERLAP, Cat.PATH_CONFLICT);

  private static final Map<String, Integer> CONDITION_FUNCTIONS = Map.of(
      "attribute_exists", 1, "attribute_not_exists", 1, "attribute_type", 2, "begins_with", 2,
      "contains", 2, "size", 1);
  private static final Map<String, Integer> UPDATE_FUNCTIONS = Map.of(
      "if_not_exists", 2, "list_append", 2, "+", 2, "-", 2);
  static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M");

  private final ExpressionContext ctx;
  private final ExpressionKind kind;
  private final EnumMap<Cat, String> errors = new EnumMap<>(Cat.class);
  private final List<Path> targets = new ArrayList<>();
  private int operators;

  private Checker(ExpressionContext ctx, ExpressionKind kind) {
    this.ctx = ctx;
    this.kind = kind;
  }

  static void checkCondition(Cond c, ExpressionContext ctx, ExpressionKind kind) {
    Checker ch = new Checker(ctx, kind);
    ch.cond(c);
    ch.countOperators();
    ch.raise(CONDITION_ORDER);
  }

  static void checkUpdate(Update u, ExpressionContext ctx) {
    Checker ch = new Checker(ctx, ExpressionKind.UPDATE);
    ch.update(u);
    ch.countOperators();
    ch.raise(UPDATE_ORDER);
  }

  /** Resolves and checks projection paths; returns them resolved. */
  static List<Path> checkProjection(List<PathOp> paths, ExpressionContext ctx) {
    Checker ch = new Checker(ctx, ExpressionKind.PROJECTION);
    List<Path> out = new ArrayList<>();
    for (PathOp p : paths) {
      ch.resolve(p);
      out.add(p.path);
    }
    for (Path p : out) {
      ch.target(p);
    }
    ch.raise(PROJECTION_ORDER);
    return out;
  }

  private void error(Cat cat, String message) {
    if (kind == ExpressionKind.KEY_CONDITION && (cat == Cat.OPERAND || cat == Cat.FUNCTION)) {
      // a key condition reports an undefined value or a bad operand, whichever its clauses meet
      // first (DynamoDB, per a third-party suite's captures)
      cat = Cat.ATTR_NAME;
    }
    errors.putIfAbsent(cat, message);
  }

  private void raise(List<Cat> order) {
    for (Cat c : order) {
      String m = errors.get(c);
      if (m != null) {
        throw ApiException.validation(kind.prefix() + m);
      }
    }
  }

  private void countOperators() {
    if (operators > MAX_OPERATORS) {
      error(Cat.LIMIT, "Expression size has exceeded the maximum allowed size;");
    }
  }

  // ---- names and values ----

  private void resolve(PathOp p) {
    if (p.path != null) {
      return;
    }
    if (p.raw.size() > MAX_PATH_DEPTH) {
      error(Cat.LIMIT, "The document path has too many nesting levels; nesting levels: " + p.raw.size());
    }
    List<Object> elems = new ArrayList<>(p.raw.size());
    for (Elem e : p.raw) {
      if (e.isIndex()) {
        elems.add(e.index());
      } else if (e.placeholder()) {
        String n = ctx.name(e.name());
        if (n == null) {
          error(Cat.ATTR_NAME,
              "An expression attribute name used in the document path is not defined; attribute name: " + e.name());
          n = e.name();
        }
        elems.add(n);
      } else {
        if (ReservedWords.isReserved(e.name())) {
          error(Cat.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + e.name());
        }
        elems.add(e.name());
      }
    }
    p.path = new Path(elems);
  }

  private void resolve(ValueOp v) {
    if (v.value != null || v.placeholder == null) {
      return;
    }
    AttributeValue value = ctx.value(v.placeholder);
    if (value == null) {
      // conditions report undefined names and values under one category; updates under two
      error(kind == ExpressionKind.UPDATE ? Cat.ATTR_VALUE : Cat.ATTR_NAME,
          "An expression attribute value used in expression is not defined; attribute value: " + v.placeholder);
    }
    v.value = value;
  }

  // ---- conditions ----

  private void cond(Cond c) {
    if (c.parens >= 2) {
      error(Cat.PARENS, "The expression has redundant parentheses;");
    }
    if (c instanceof Compare cmp) {
      operators++;
      operandTop(cmp.left);
      operandTop(cmp.right);
      misused(cmp.left);
      misused(cmp.right);
      distinct(cmp.op, cmp.left, cmp.right);
      if (!cmp.op.equals("=") && !cmp.op.equals("<>")) {
        orderable(cmp.op, cmp.left);
        orderable(cmp.op, cmp.right);
      }
    } else if (c instanceof Between b) {
      operators++;
      operandTop(b.value);
      operandTop(b.low);
      operandTop(b.high);
      misused(b.value);
      misused(b.low);
      misused(b.high);
      orderable("BETWEEN", b.value);
      orderable("BETWEEN", b.low);
      orderable("BETWEEN", b.high);
      betweenBounds(b.low, b.high);
    } else if (c instanceof In in) {
      operators++;
      operandTop(in.value);
      misused(in.value);
      for (Operand o : in.list) {
        operandTop(o);
        misused(o);
      }
      // the value on the left counts as one of the operands
      int operands = in.list.size() + 1;
      if (operands > MAX_IN_OPERANDS) {
        error(Cat.LIMIT, "The IN operator is provided with too many operands; number of operands: " + operands);
      }
    } else if (c instanceof And a) {
      operators++;
      cond(a.left);
      cond(a.right);
    } else if (c instanceof Or o) {
      operators++;
      cond(o.left);
      cond(o.right);
    } else if (c instanceof Not n) {
      operators++;
      cond(n.inner);
    } else if (c instanceof FuncCond f) {
      if (f.call.name.equals("size")) {
        error(Cat.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: size");
      }
      operand(f.call);
    }
  }

  private void operandTop(Operand o) {
    if (o.parens >= 2) {
      error(Cat.PARENS, "The expression has redundant parentheses;");
    }
    operand(o);
  }

  private void operand(Operand o) {
    if (o instanceof PathOp p) {
      resolve(p);
    } else if (o instanceof ValueOp v) {
      resolve(v);
    } else if (o instanceof FuncOp f) {
      operators++;
      for (Operand a : f.args) {
        operandTop(a);
        misused(a);
      }
      conditionFunction(f);
    }
  }

  /** Constants given to <, <=, >, >= and BETWEEN must be N, S or B (item values of other types just compare false). */
  private void orderable(String op, Operand o) {
    String t = immediateType(o);
    if (t != null && !t.equals("N") && !t.equals("S") && !t.equals("B")) {
      error(Cat.FUNCTION, incorrectOperand(op, t));
    }
  }

  private void misused(Operand o) {
    if (o instanceof FuncOp f && !f.name.equals("size")) {
      error(Cat.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: " + f.name);
    }
  }

  private void distinct(String op, Operand a, Operand b) {
    if (a instanceof PathOp pa && b instanceof PathOp pb && pa.path != null && pa.path.equals(pb.path)) {
      error(Cat.DISTINCT, "The first operand must be distinct from the remaining operands for this operator or function; operator: "
          + op + ", first operand: " + pa.path);
    }
  }

  /** The static type of an operand where one is known: a constant, size() or an update function. */
  private static String type(Operand o) {
    if (o instanceof ValueOp v) {
      return v.value == null ? null : v.value.type();
    }
    if (o instanceof FuncOp f) {
      switch (f.name) {
        case "size":
          return "N";
        case "list_append":
          return "L";
        case "if_not_exists":
          return f.args.size() == 2 ? type(f.args.get(1)) : null;
        default:
          return null;
      }
    }
    if (o instanceof ArithOp) {
      return "N";
    }
    return null;
  }

  private static String immediateType(Operand o) {
    return o instanceof ValueOp v && v.value != null ? v.value.type() : null;
  }

  private void conditionFunction(FuncOp f) {
    Integer arity = CONDITION_FUNCTIONS.get(f.name);
    if (arity == null) {
      if (UPDATE_FUNCTIONS.containsKey(f.name)) {
        error(Cat.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: " + f.name);
      } else {
        error(Cat.UNKNOWN_FUNCTION, "Invalid function name; function: " + f.name);
      }
      return;
    }
    if (arity != f.args.size()) {
      error(Cat.OPERAND, "Incorrect number of operands for operator or function; operator or function: " + f.name
          + ", number of operands: " + f.args.size());
      return;
    }
    if (arity == 2) {
      distinct(f.name, f.args.get(0), f.args.get(1));
    }
    switch (f.name) {
      case "attribute_exists", "attribute_not_exists" -> {
        if (!(f.args.get(0) instanceof PathOp)) {
          error(Cat.FUNCTION, "Operator or function requires a document path; operator or function: " + f.name);
        }
      }
      case "begins_with" -> {
        for (Operand a : f.args) {
          String t = type(a);
          if (t != null && !t.equals("S") && !t.equals("B")) {
            error(Cat.FUNCTION, incorrectOperand(f.name, t));
            break;
          }
        }
      }
      case "attribute_type" -> {
        String t = type(f.args.get(1));
        if (!"S".equals(t)) {
          error(Cat.FUNCTION, incorrectOperand(f.name, t == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : t));
        } else if (f.args.get(1) instanceof ValueOp v && v.value instanceof AttributeValue.S str) {
          String name = str.value();
          if (!TYPE_NAMES.contains(name)) {
            error(Cat.FUNCTION, "Invalid attribute type name found; type: " + name
                + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
          }
        }
      }
      case "size" -> {
        String t = type(f.args.get(0));
        if ("N".equals(t) || "BOOL".equals(t) || "NULL".equals(t)) {
          error(Cat.FUNCTION, incorrectOperand(f.name, t));
        }
      }
      default -> {
        // contains: any operands
      }
    }
  }

  private static String incorrectOperand(String function, String type) {
    return "Incorrect operand type for operator or function; operator or function: " + function + ", operand type: " + type;
  }

  private void betweenBounds(Operand low, Operand high) {
    if (!(low instanceof ValueOp l) || !(high instanceof ValueOp h) || l.value == null || h.value == null) {
      return;
    }
    String t1 = l.value.type();
    String t2 = h.value.type();
    if (!t1.equals(t2)) {
      error(Cat.FUNCTION, "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: "
          + "AttributeValue: " + describe(l.value) + ", upper bound operand: AttributeValue: " + describe(h.value));
    } else if (Values.isOrdered(l.value) && Values.compare(l.value, h.value) > 0) {
      error(Cat.FUNCTION, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
          + "lower bound operand: AttributeValue: " + describe(l.value) + ", upper bound operand: AttributeValue: "
          + describe(h.value));
    }
  }

  /** DynamoDB's rendering of a value in messages, e.g. {N:5}, {S:abc}. */
  static String describe(AttributeValue v) {
    return "{" + v.type() + ":" + Values.text(v) + "}";
  }

  // ---- updates ----

  private void update(Update u) {
    Set<ActionType> seen = EnumSet.noneOf(ActionType.class);
    for (ActionType t : u.sections) {
      if (!seen.add(t)) {
        error(Cat.SECTION, "The \"" + t.name() + "\" section can only be used once in an update expression;");
      }
    }
    for (Action a : u.actions) {
      operators++;
      resolve(a.target);
      target(a.target.path);
      switch (a.type) {
        case SET -> updateOperand(a.value);
        case ADD, DELETE -> {
          ValueOp v = (ValueOp) a.value;
          resolve(v);
          if (v.value != null && !a.legacy) {
            String t = v.value.type();
            boolean ok = t.equals("SS") || t.equals("NS") || t.equals("BS") || (a.type == ActionType.ADD && t.equals("N"));
            if (!ok) {
              error(Cat.OPERAND, "Incorrect operand type for operator or function; operator: " + a.type.name()
                  + ", operand type: " + longTypeName(t) + ", typeSet: ALLOWED_FOR_" + a.type.name() + "_OPERAND");
            }
          }
        }
        default -> {
          // REMOVE has no value
        }
      }
    }
  }

  private static String longTypeName(String t) {
    return switch (t) {
      case "S" -> "STRING";
      case "N" -> "NUMBER";
      case "B" -> "BINARY";
      case "BOOL" -> "BOOLEAN";
      case "L" -> "LIST";
      case "M" -> "MAP";
      default -> t;
    };
  }

  private void updateOperand(Operand o) {
    if (o instanceof PathOp p) {
      resolve(p);
    } else if (o instanceof ValueOp v) {
      resolve(v);
    } else if (o instanceof FuncOp f) {
      operators++;
      for (Operand a : f.args) {
        updateOperand(a);
        if (f.name.equals("list_append") && a instanceof FuncOp inner && inner.name.equals("list_append")) {
          error(Cat.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: list_append");
        }
      }
      updateFunction(f.name, f.args);
    } else if (o instanceof ArithOp a) {
      operators++;
      updateOperand(a.left);
      updateOperand(a.right);
      updateFunction(String.valueOf(a.op), List.of(a.left, a.right));
    }
  }

  private void updateFunction(String name, List<Operand> args) {
    Integer arity = UPDATE_FUNCTIONS.get(name);
    if (arity == null) {
      if (CONDITION_FUNCTIONS.containsKey(name)) {
        error(Cat.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: " + name);
      } else {
        error(Cat.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
      }
      return;
    }
    if (arity != args.size()) {
      error(Cat.FUNCTION, "Incorrect number of operands for operator or function; operator or function: " + name
          + ", number of operands: " + args.size());
      return;
    }
    switch (name) {
      case "if_not_exists" -> {
        if (!(args.get(0) instanceof PathOp)) {
          error(Cat.FUNCTION, "Operator or function requires a document path; operator or function: " + name);
        }
      }
      case "list_append" -> {
        for (Operand a : args) {
          String t = immediateType(a);
          if (t != null && !t.equals("L")) {
            error(Cat.FUNCTION, incorrectOperand(name, t));
            return;
          }
        }
      }
      default -> {
        for (Operand a : args) {
          String t = immediateType(a);
          if (t != null && !t.equals("N")) {
            error(Cat.FUNCTION, incorrectOperand(name, t));
            return;
          }
        }
      }
    }
  }

  // ---- overlapping paths (updates and projections) ----

  private void target(Path path) {
    if (errors.containsKey(Cat.PATH_OVERLAP)) {
      return;
    }
    for (Path prev : targets) {
      if (comparePaths(prev, path)) {
        return;
      }
    }
    targets.add(path);
  }

  /** Returns true when an overlap was recorded (checking stops there). */
  private boolean comparePaths(Path one, Path two) {
    int n = Math.min(one.size(), two.size());
    for (int i = 0; i < n; i++) {
      Object a = one.get(i);
      Object b = two.get(i);
      if (a.getClass() != b.getClass()) {
        error(Cat.PATH_CONFLICT, "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "
            + one + ", path two: " + two);
        return false;
      }
      if (!a.equals(b)) {
        return false;
      }
    }
    error(Cat.PATH_OVERLAP, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
        + one + ", path two: " + two);
    return true;
  }
}
