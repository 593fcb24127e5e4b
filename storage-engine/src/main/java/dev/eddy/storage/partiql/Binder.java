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

  /**
   * The item of an INSERT: a tuple whose attribute values are each named "root" in messages, as
   * DynamoDB names them ("... under root", "... under root.x" for a map key inside one,
   * "... under root[1]" for a list element), or null when the value is not a tuple.
   */
  public Map<String, AttributeValue> item(Expr e) {
    if (!(e instanceof MapExpr m)) {
      AttributeValue v = value(e);
      return v instanceof AttributeValue.M map ? map.values() : null;
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (int i = 0; i < m.keys().size(); i++) {
      AttributeValue v = value(m.values().get(i), "root");
      if (v != null) {
        out.put(m.keys().get(i), v);
      }
    }
    return out;
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
    if (e instanceof Call c) {
      throw ApiException.validation("Unsupported data type: " + c.name() + " under key " + at + " at " + c.at());
    }
    throw ApiException.validation("Unsupported operation: a path or an operator cannot be used as a value here");
  }

  /**
   * A bag literal &lt;&lt;...&gt;&gt;: a string or number set, with DynamoDB's PartiQL messages (a
   * bag holds strings or numbers of one type, is not empty and holds no value twice).
   */
  private AttributeValue set(SetExpr s, String at) {
    if (s.values().isEmpty()) {
      throw ApiException.validation("Empty bags are not supported");
    }
    List<AttributeValue> members = new ArrayList<>();
    for (int i = 0; i < s.values().size(); i++) {
      members.add(value(s.values().get(i), at + "[" + i + "]"));
    }
    String type = members.get(0) == null ? null : members.get(0).type();
    for (AttributeValue m : members) {
      if (m == null || !m.type().equals(type) || !(type.equals("S") || type.equals("N"))) {
        throw ApiException.validation(
            "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
      }
    }
    Set<Object> out = new LinkedHashSet<>();
    List<String> written = new ArrayList<>();
    for (AttributeValue m : members) {
      Object v = type.equals("S") ? ((AttributeValue.S) m).value() : ((AttributeValue.N) m).value();
      out.add(v);
      written.add(v instanceof BigDecimal n ? n.toPlainString() : (String) v);
    }
    if (out.size() < members.size()) {
      throw ApiException.validation("One or more parameter values were invalid: Input collection " + written
          + " contains duplicates.");
    }
    if (type.equals("S")) {
      Set<String> strings = new LinkedHashSet<>();
      out.forEach(v -> strings.add((String) v));
      return new AttributeValue.SS(strings);
    }
    Set<BigDecimal> numbers = new LinkedHashSet<>();
    out.forEach(v -> numbers.add((BigDecimal) v));
    return new AttributeValue.NS(numbers);
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
