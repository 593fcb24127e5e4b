package dev.eddy.storage.partiql;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.Numbers;
import dev.eddy.storage.partiql.Pql.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns literal expressions (with the statement's ? parameters) into attribute values. */
public final class Binder {
  private final List<AttributeValue> params;

  public Binder(List<AttributeValue> params) {
    this.params = params == null ? List.of() : params;
  }

  /** True when the expression is a value (literal, parameter or literal collection) rather than a path. */
  public static boolean isValue(Expr e) {
    return e instanceof Str || e instanceof Num || e instanceof Pql.Bool || e instanceof Null || e instanceof Param
        || e instanceof MapExpr || e instanceof ListExpr || e instanceof SetExpr;
  }

  /** The value of a literal; null for MISSING. */
  public AttributeValue value(Expr e) {
    return value(e, "root");
  }

  private AttributeValue value(Expr e, String at) {
    if (e instanceof Str s) {
      return new AttributeValue.S(s.value());
    }
    if (e instanceof Num n) {
      return number(n.text(), at);
    }
    if (e instanceof Pql.Bool b) {
      return AttributeValue.Bool.of(b.value());
    }
    if (e instanceof Null) {
      return AttributeValue.Null.INSTANCE;
    }
    if (e instanceof Missing) {
      return null;
    }
    if (e instanceof Param p) {
      return params.get(p.index());
    }
    if (e instanceof MapExpr m) {
      Map<String, AttributeValue> out = new LinkedHashMap<>();
      for (int i = 0; i < m.keys().size(); i++) {
        AttributeValue v = value(m.values().get(i), at + "." + m.keys().get(i));
        if (v != null) {
          out.put(m.keys().get(i), v);
        }
      }
      return new AttributeValue.M(out);
    }
    if (e instanceof ListExpr l) {
      List<AttributeValue> out = new ArrayList<>();
      for (int i = 0; i < l.values().size(); i++) {
        AttributeValue v = value(l.values().get(i), at + "[" + i + "]");
        out.add(v == null ? AttributeValue.Null.INSTANCE : v);
      }
      return new AttributeValue.L(out);
    }
    if (e instanceof SetExpr s) {
      return set(s, at);
    }
    throw ApiException.validation("Unsupported operation: a path or an operator cannot be used as a value here");
  }

  private AttributeValue set(SetExpr s, String at) {
    if (s.values().isEmpty()) {
      throw ApiException.validation("One or more parameter values were invalid: An number set  may not be empty");
    }
    List<AttributeValue> members = new ArrayList<>();
    for (int i = 0; i < s.values().size(); i++) {
      members.add(value(s.values().get(i), at + "[" + i + "]"));
    }
    String type = members.get(0) == null ? null : members.get(0).type();
    for (AttributeValue m : members) {
      if (m == null || !m.type().equals(type) || !(type.equals("S") || type.equals("N") || type.equals("B"))) {
        throw ApiException.validation("Unsupported operation: a set holds strings, numbers or binaries of one type");
      }
    }
    if (type.equals("S")) {
      Set<String> out = new LinkedHashSet<>();
      for (AttributeValue m : members) {
        out.add(((AttributeValue.S) m).value());
      }
      return new AttributeValue.SS(out);
    }
    if (type.equals("N")) {
      Set<BigDecimal> out = new LinkedHashSet<>();
      for (AttributeValue m : members) {
        out.add(((AttributeValue.N) m).value());
      }
      return new AttributeValue.NS(out);
    }
    Set<AttributeValue.Blob> out = new LinkedHashSet<>();
    for (AttributeValue m : members) {
      out.add(((AttributeValue.B) m).value());
    }
    return new AttributeValue.BS(out);
  }

  private static AttributeValue number(String text, String at) {
    BigDecimal v;
    try {
      v = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw PartiQLParser.malformed("");
    }
    try {
      return new AttributeValue.N(Numbers.check(v));
    } catch (ApiException e) {
      throw ApiException.validation(e.getMessage() + " under " + at);
    }
  }
}
