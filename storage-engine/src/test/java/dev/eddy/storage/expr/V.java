package dev.eddy.storage.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.ErrorCode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;

/** Short constructors for tests. */
final class V {
  private V() {}

  static AttributeValue s(String s) {
    return new AttributeValue.S(s);
  }

  static AttributeValue n(String n) {
    return AttributeValue.N.of(n);
  }

  static AttributeValue n(long n) {
    return AttributeValue.N.of(n);
  }

  static AttributeValue b(int... bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = (byte) bytes[i];
    }
    return AttributeValue.B.of(out);
  }

  static AttributeValue ss(String... v) {
    return new AttributeValue.SS(new LinkedHashSet<>(Arrays.asList(v)));
  }

  static AttributeValue ns(String... v) {
    return new AttributeValue.NS(Arrays.stream(v).map(BigDecimal::new).collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  static AttributeValue l(AttributeValue... v) {
    return new AttributeValue.L(List.of(v));
  }

  static AttributeValue m(Object... kv) {
    return new AttributeValue.M(map(kv));
  }

  static AttributeValue bool(boolean v) {
    return AttributeValue.Bool.of(v);
  }

  static AttributeValue nul() {
    return AttributeValue.Null.INSTANCE;
  }

  /** map("a", s("x"), "b", n(1)) */
  static Map<String, AttributeValue> item(Object... kv) {
    return map(kv);
  }

  static <T> Map<String, T> map(Object... kv) {
    Map<String, T> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      @SuppressWarnings("unchecked")
      T v = (T) kv[i + 1];
      m.put((String) kv[i], v);
    }
    return m;
  }

  static ExpressionContext ctx(Map<String, String> names, Map<String, AttributeValue> values) {
    return new ExpressionContext(names, values);
  }

  static ExpressionContext values(Object... kv) {
    return new ExpressionContext(null, map(kv));
  }

  static void fails(String message, Executable e) {
    ApiException ex = assertThrows(ApiException.class, e);
    assertEquals(ErrorCode.VALIDATION, ex.code());
    assertEquals(message, ex.getMessage());
  }
}
