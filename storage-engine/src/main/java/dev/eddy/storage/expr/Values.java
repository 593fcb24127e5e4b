package dev.eddy.storage.expr;

import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Value semantics shared by the evaluators: DynamoDB ordering, equality, size, contains, paths. */
final class Values {
  private Values() {}

  /** True for the types with an order (N, S, B). */
  static boolean isOrdered(AttributeValue v) {
    return v instanceof AttributeValue.N || v instanceof AttributeValue.S || v instanceof AttributeValue.B;
  }

  /**
   * Compares two values of the same ordered type: numbers numerically, strings by UTF-8 bytes
   * (the same as code point order), binaries as unsigned bytes.
   */
  static int compare(AttributeValue a, AttributeValue b) {
    if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
      return compareStrings(x.value(), y.value());
    }
    if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
      return x.value().compareTo(y.value());
    }
    throw new IllegalArgumentException("not comparable: " + a.type() + " and " + b.type());
  }

  /** Code point order, which equals the order of the UTF-8 encodings. */
  static int compareStrings(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Deep equality; sets compare as sets, numbers numerically. */
  static boolean equal(AttributeValue a, AttributeValue b) {
    return a.equals(b);
  }

  /** Same type and comparable: the relation holds. Different or unordered types: false. */
  static boolean relation(String op, AttributeValue a, AttributeValue b) {
    if (a == null || b == null) {
      return op.equals("<>");
    }
    switch (op) {
      case "=":
        return equal(a, b);
      case "<>":
        return !equal(a, b);
      default:
        break;
    }
    if (!isOrdered(a) || !a.type().equals(b.type())) {
      return false;
    }
    int c = compare(a, b);
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      default -> false;
    };
  }

  /**
   * size(): length of S in UTF-16 code units (as DynamoDB counts it: "é𝄞" is 3), of B in bytes,
   * element count of sets, lists and maps; else null.
   */
  static AttributeValue size(AttributeValue v) {
    long n;
    if (v instanceof AttributeValue.S s) {
      n = s.value().length();
    } else if (v instanceof AttributeValue.B b) {
      n = b.value().length();
    } else if (v instanceof AttributeValue.SS s) {
      n = s.values().size();
    } else if (v instanceof AttributeValue.NS s) {
      n = s.values().size();
    } else if (v instanceof AttributeValue.BS s) {
      n = s.values().size();
    } else if (v instanceof AttributeValue.L l) {
      n = l.values().size();
    } else if (v instanceof AttributeValue.M m) {
      n = m.values().size();
    } else {
      return null;
    }
    return AttributeValue.N.of(n);
  }

  static boolean beginsWith(AttributeValue v, AttributeValue prefix) {
    if (v instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
      return s.value().startsWith(p.value());
    }
    if (v instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
      byte[] x = b.value().unsafeArray();
      byte[] y = p.value().unsafeArray();
      return x.length >= y.length && Arrays.equals(x, 0, y.length, y, 0, y.length);
    }
    return false;
  }

  static boolean contains(AttributeValue v, AttributeValue operand) {
    if (v == null || operand == null) {
      return false;
    }
    if (v instanceof AttributeValue.S s && operand instanceof AttributeValue.S o) {
      return s.value().contains(o.value());
    }
    if (v instanceof AttributeValue.B b && operand instanceof AttributeValue.B o) {
      return indexOf(b.value().unsafeArray(), o.value().unsafeArray()) >= 0;
    }
    if (v instanceof AttributeValue.SS s && operand instanceof AttributeValue.S o) {
      return s.values().contains(o.value());
    }
    if (v instanceof AttributeValue.NS s && operand instanceof AttributeValue.N o) {
      return s.values().contains(o.value());
    }
    if (v instanceof AttributeValue.BS s && operand instanceof AttributeValue.B o) {
      return s.values().contains(o.value());
    }
    if (v instanceof AttributeValue.L l) {
      for (AttributeValue e : l.values()) {
        if (equal(e, operand)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The value at a path, or null when any step is missing or of the wrong type. */
  static AttributeValue get(Map<String, AttributeValue> item, Path path) {
    if (item == null) {
      return null;
    }
    AttributeValue cur = item.get(path.head());
    for (int i = 1; i < path.size() && cur != null; i++) {
      cur = step(cur, path.get(i));
    }
    return cur;
  }

  static AttributeValue step(AttributeValue cur, Object elem) {
    if (elem instanceof String name) {
      return cur instanceof AttributeValue.M m ? m.values().get(name) : null;
    }
    int idx = (Integer) elem;
    if (cur instanceof AttributeValue.L l && idx < l.values().size()) {
      return l.values().get(idx);
    }
    return null;
  }

  /** Text of a value inside DynamoDB messages ({N:5}). */
  static String text(AttributeValue v) {
    if (v instanceof AttributeValue.S s) {
      return s.value();
    }
    if (v instanceof AttributeValue.N n) {
      return n.text();
    }
    if (v instanceof AttributeValue.B b) {
      return b.value().toString();
    }
    if (v instanceof AttributeValue.Bool b) {
      return String.valueOf(b.value());
    }
    if (v instanceof AttributeValue.Null) {
      return "true";
    }
    if (v instanceof AttributeValue.SS s) {
      return "[" + String.join(", ", s.values()) + "]";
    }
    if (v instanceof AttributeValue.NS s) {
      return s.values().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", ", "[", "]"));
    }
    if (v instanceof AttributeValue.BS s) {
      return s.values().stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
    if (v instanceof AttributeValue.L l) {
      List<AttributeValue> vals = l.values();
      return vals.stream().map(Checker::describe).collect(Collectors.joining(", ", "[", "]"));
    }
    if (v instanceof AttributeValue.M m) {
      return m.values().entrySet().stream().map(e -> e.getKey() + "=" + Checker.describe(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(v);
  }
}
