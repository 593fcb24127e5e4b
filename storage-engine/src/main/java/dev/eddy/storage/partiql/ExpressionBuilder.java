package dev.eddy.storage.partiql;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.storage.partiql.Pql.*;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates PartiQL conditions and update actions into DynamoDB expression text, every name a
 * #placeholder and every value a :placeholder, so the statement runs on the same expression
 * library (and the same checks and evaluation) as the JSON API.
 */
public final class ExpressionBuilder {
  private final Binder binder;
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, String> nameKeys = new LinkedHashMap<>();
  private final Map<String, AttributeValue> values = new LinkedHashMap<>();

  /** The functions a condition may call (size() is an operand). */
  private static final Set<String> CONDITION_FUNCTIONS =
      Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");

  public ExpressionBuilder(Binder binder) {
    this.binder = binder;
  }

  /** Placeholder to attribute name (null when none were used). */
  public Map<String, String> names() {
    return names.isEmpty() ? null : names;
  }

  /** Placeholder to value (null when none were used). */
  public Map<String, AttributeValue> values() {
    return values.isEmpty() ? null : values;
  }

  static ApiException unsupported(String what) {
    return ApiException.validation("Unsupported operation: " + what);
  }

  /** A #placeholder for an attribute name (one per distinct name). */
  public String name(String attribute) {
    String key = nameKeys.get(attribute);
    if (key == null) {
      key = "#n" + nameKeys.size();
      nameKeys.put(attribute, key);
      names.put(key, attribute);
    }
    return key;
  }

  /** A :placeholder for a value. */
  public String value(AttributeValue v) {
    String key = ":v" + values.size();
    values.put(key, v);
    return key;
  }

  public String path(PathExpr p) {
    StringBuilder sb = new StringBuilder();
    for (Object e : p.elements()) {
      if (e instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(name((String) e));
      }
    }
    return sb.toString();
  }

  /** A condition (WHERE) as a ConditionExpression. */
  public String condition(Expr e) {
    if (e instanceof Binary b && (b.op().equals("AND") || b.op().equals("OR"))) {
      return "(" + condition(b.left()) + ") " + b.op() + " (" + condition(b.right()) + ")";
    }
    if (e instanceof Not n) {
      return "NOT (" + condition(n.inner()) + ")";
    }
    if (e instanceof Binary b && !b.op().equals("+") && !b.op().equals("-")) {
      if ((b.op().equals("=") || b.op().equals("<>")) && (isConditionCall(b.left()) && b.right() instanceof Pql.Bool
          || isConditionCall(b.right()) && b.left() instanceof Pql.Bool)) {
        // attribute_exists(a) = true: the function's truth compared with a boolean literal
        boolean call = isConditionCall(b.left());
        boolean literal = ((Pql.Bool) (call ? b.right() : b.left())).value();
        String c = call((Call) (call ? b.left() : b.right()));
        return literal == b.op().equals("=") ? c : "NOT (" + c + ")";
      }
      if (b.left() instanceof Missing || b.right() instanceof Missing) {
        Expr other = b.left() instanceof Missing ? b.right() : b.left();
        if (other instanceof PathExpr p && (b.op().equals("=") || b.op().equals("<>"))) {
          return (b.op().equals("=") ? "attribute_not_exists(" : "attribute_exists(") + path(p) + ")";
        }
        throw unsupported("MISSING can only be compared with = or <> to a path");
      }
      return operand(b.left()) + " " + b.op() + " " + operand(b.right());
    }
    if (e instanceof Between b) {
      return operand(b.value()) + " BETWEEN " + operand(b.low()) + " AND " + operand(b.high());
    }
    if (e instanceof In in) {
      if (in.list().isEmpty()) {
        throw PartiQLParser.malformed("Unexpected term");
      }
      StringBuilder sb = new StringBuilder(operand(in.value())).append(" IN (");
      for (int i = 0; i < in.list().size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(operand(in.list().get(i)));
      }
      return sb.append(')').toString();
    }
    if (e instanceof Is is) {
      return is(is);
    }
    if (e instanceof Call c) {
      return call(c);
    }
    throw unsupported("the WHERE clause must be a condition");
  }

  private static boolean isConditionCall(Expr e) {
    return e instanceof Call c && CONDITION_FUNCTIONS.contains(c.name());
  }

  private String is(Is is) {
    if (!(is.value() instanceof PathExpr p)) {
      throw unsupported("IsType");
    }
    String path = path(p);
    switch (is.type()) {
      case "MISSING":
        return is.negated() ? "attribute_exists(" + path + ")" : "attribute_not_exists(" + path + ")";
      case "NULL": {
        // as in DynamoDB, IS NULL tests for the NULL type only; a missing attribute is not NULL
        String t = value(new AttributeValue.S("NULL"));
        return is.negated() ? "NOT attribute_type(" + path + ", " + t + ")" : "attribute_type(" + path + ", " + t + ")";
      }
      default: {
        String type = dynamoType(is.type());
        String t = value(new AttributeValue.S(type));
        return is.negated() ? "NOT attribute_type(" + path + ", " + t + ")" : "attribute_type(" + path + ", " + t + ")";
      }
    }
  }

  private static String dynamoType(String partiqlType) {
    switch (partiqlType) {
      case "STRING":
        return "S";
      case "NUMBER":
      case "DECIMAL":
      case "INT":
      case "INTEGER":
      case "FLOAT":
        return "N";
      case "BOOLEAN":
      case "BOOL":
        return "BOOL";
      case "LIST":
        return "L";
      case "STRUCT":
      case "TUPLE":
        return "M";
      case "BLOB":
        return "B";
      default:
        throw unsupported("IsType");
    }
  }

  /**
   * A function of a condition as the expression library's function of the same name: it checks
   * the operands (their number, a document path where one is needed, their types) with the
   * messages DynamoDB's PartiQL gives too. A function the library does not know is refused here.
   */
  private String call(Call c) {
    if (!CONDITION_FUNCTIONS.contains(c.name()) && !c.name().equals("size")) {
      throw ApiException.validation("Unrecognized function: " + c.name() + " at " + c.at());
    }
    if (c.args().isEmpty()) {
      // the expression grammar has no empty argument list, so this count is checked here
      throw ApiException.validation("Incorrect number of operands for operator or function; operator or function: "
          + c.name() + ", number of operands: 0");
    }
    StringBuilder sb = new StringBuilder(c.name()).append('(');
    for (int i = 0; i < c.args().size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(operand(c.args().get(i)));
    }
    return sb.append(')').toString();
  }

  /** An operand of a comparison: a path, a value or a function (size() and the condition functions). */
  public String operand(Expr e) {
    if (e instanceof PathExpr p) {
      return path(p);
    }
    if (Binder.isValue(e)) {
      return value(binder.value(e));
    }
    if (e instanceof Call c) {
      return call(c);
    }
    throw unsupported("only paths, values and size() can be compared");
  }

  /** The UPDATE actions as an UpdateExpression. */
  public String update(List<Action> actions) {
    StringBuilder set = new StringBuilder();
    StringBuilder remove = new StringBuilder();
    StringBuilder add = new StringBuilder();
    StringBuilder delete = new StringBuilder();
    for (Action a : actions) {
      String target = path(a.target());
      if (a.remove()) {
        append(remove, target);
        continue;
      }
      if (a.value() instanceof Call c && (c.name().equals("set_add") || c.name().equals("set_delete"))) {
        append(c.name().equals("set_add") ? add : delete, target + " " + value(setOperand(a, c)));
        continue;
      }
      append(set, target + " = " + updateValue(a.value()));
    }
    StringBuilder out = new StringBuilder();
    clause(out, "SET", set);
    clause(out, "REMOVE", remove);
    clause(out, "ADD", add);
    clause(out, "DELETE", delete);
    return out.toString();
  }

  /** The set SET_ADD or SET_DELETE adds or removes, with DynamoDB's messages for misuse. */
  private AttributeValue setOperand(Action a, Call c) {
    String function = c.name().toUpperCase(java.util.Locale.ROOT);
    if (c.args().size() != 2) {
      throw ApiException.validation(function + " must have exactly two arguments at " + c.at());
    }
    if (!(c.args().get(0) instanceof PathExpr p) || !p.equals(a.target())) {
      throw ApiException.validation("The first argument to " + function + " must equal the assignment value at " + c.at());
    }
    Expr second = c.args().get(1);
    AttributeValue v = second instanceof SetExpr || second instanceof Param ? binder.value(second) : null;
    if (!(v instanceof AttributeValue.SS || v instanceof AttributeValue.NS || v instanceof AttributeValue.BS)) {
      // DynamoDB points at the first argument here
      throw ApiException.validation("The second argument to " + function + " must be a value with type SET at "
          + c.argsAt().get(0));
    }
    return v;
  }

  private String updateValue(Expr e) {
    if (e instanceof Binary b && (b.op().equals("+") || b.op().equals("-"))) {
      return updateOperand(b.left()) + " " + b.op() + " " + updateOperand(b.right());
    }
    return updateOperand(e);
  }

  private String updateOperand(Expr e) {
    if (e instanceof PathExpr p) {
      return path(p);
    }
    if (Binder.isValue(e)) {
      AttributeValue v = binder.value(e);
      if (v == null) {
        throw unsupported("MISSING cannot be assigned");
      }
      return value(v);
    }
    if (e instanceof Call c && (c.name().equals("list_append") || c.name().equals("if_not_exists"))
        && c.args().size() == 2) {
      return c.name() + "(" + updateOperand(c.args().get(0)) + ", " + updateOperand(c.args().get(1)) + ")";
    }
    if (e instanceof Binary b && (b.op().equals("+") || b.op().equals("-"))) {
      throw unsupported("only one + or - per assignment");
    }
    throw unsupported("this value cannot be assigned");
  }

  private static void append(StringBuilder sb, String part) {
    if (sb.length() > 0) {
      sb.append(", ");
    }
    sb.append(part);
  }

  private static void clause(StringBuilder out, String keyword, StringBuilder body) {
    if (body.length() > 0) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(keyword).append(' ').append(body);
    }
  }
}
