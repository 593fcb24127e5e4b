package dev.eddy.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A DynamoDB attribute value: one record per wire type. Values are immutable; sets keep
 * insertion order and compare as sets; numbers are kept normalised (see {@link Numbers}).
 */
public sealed interface AttributeValue
    permits AttributeValue.S, AttributeValue.N, AttributeValue.B, AttributeValue.SS,
        AttributeValue.NS, AttributeValue.BS, AttributeValue.M, AttributeValue.L,
        AttributeValue.Null, AttributeValue.Bool {

  /** The wire name of the type: "S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL". */
  String type();

  record S(String value) implements AttributeValue {
    public S {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
      return "S";
    }
  }

  /** A number, normalised: no trailing zeros, compared numerically. */
  record N(BigDecimal value) implements AttributeValue {
    public N {
      Objects.requireNonNull(value, "value");
      value = Numbers.normalise(value);
    }

    public static N of(String text) {
      return new N(Numbers.parse(text));
    }

    public static N of(long v) {
      return new N(BigDecimal.valueOf(v));
    }

    /** The text DynamoDB returns for this number. */
    public String text() {
      return value.toPlainString();
    }

    @Override
    public String type() {
      return "N";
    }
  }

  record B(Blob value) implements AttributeValue {
    public B {
      Objects.requireNonNull(value, "value");
    }

    public static B of(byte[] bytes) {
      return new B(Blob.copyOf(bytes));
    }

    @Override
    public String type() {
      return "B";
    }
  }

  /**
   * A string set; its members are kept in DynamoDB's order, bytewise (UTF-8, which is code point
   * order), as GetItem returns them ("GetItem returns a set's members in DynamoDB's own order, not
   * as written", nubo-db/dynamodb-conformance, captured 2026-10-09). NS and BS likewise, by value
   * and by unsigned bytes.
   */
  record SS(Set<String> values) implements AttributeValue {
    public SS {
      values = Collections.unmodifiableSet(sorted(values, SS::compareCodePoints));
    }

    static int compareCodePoints(String a, String b) {
      int n = Math.min(a.length(), b.length());
      for (int i = 0; i < n; i++) {
        char x = a.charAt(i);
        char y = b.charAt(i);
        if (x != y) {
          // surrogates (supplementary code points) sort after every BMP character, as in UTF-8
          boolean sx = Character.isSurrogate(x);
          boolean sy = Character.isSurrogate(y);
          if (sx != sy) {
            return sx ? 1 : -1;
          }
          return x - y;
        }
      }
      return a.length() - b.length();
    }

    @Override
    public String type() {
      return "SS";
    }
  }

  /** The members in {@code order}, as a set that iterates in that order. */
  private static <T> LinkedHashSet<T> sorted(java.util.Collection<T> values, java.util.Comparator<? super T> order) {
    List<T> list = new java.util.ArrayList<>(values);
    list.sort(order);
    return new LinkedHashSet<>(list);
  }

  record NS(Set<BigDecimal> values) implements AttributeValue {
    public NS {
      List<BigDecimal> copy = new java.util.ArrayList<>(values.size());
      for (BigDecimal v : values) {
        copy.add(Numbers.normalise(v));
      }
      values = Collections.unmodifiableSet(sorted(copy, BigDecimal::compareTo));
    }

    @Override
    public String type() {
      return "NS";
    }
  }

  record BS(Set<Blob> values) implements AttributeValue {
    public BS {
      values = Collections.unmodifiableSet(sorted(values, Blob::compareTo));
    }

    @Override
    public String type() {
      return "BS";
    }
  }

  record M(Map<String, AttributeValue> values) implements AttributeValue {
    public M {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public String type() {
      return "M";
    }
  }

  record L(List<AttributeValue> values) implements AttributeValue {
    public L {
      values = List.copyOf(values);
    }

    @Override
    public String type() {
      return "L";
    }
  }

  record Null() implements AttributeValue {
    public static final Null INSTANCE = new Null();

    @Override
    public String type() {
      return "NULL";
    }
  }

  record Bool(boolean value) implements AttributeValue {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    public static Bool of(boolean v) {
      return v ? TRUE : FALSE;
    }

    @Override
    public String type() {
      return "BOOL";
    }
  }

  /** Immutable bytes with content equality and unsigned lexicographic order (DynamoDB's order for B). */
  final class Blob implements Comparable<Blob> {
    private final byte[] bytes;

    private Blob(byte[] bytes) {
      this.bytes = bytes;
    }

    public static Blob copyOf(byte[] bytes) {
      return new Blob(bytes.clone());
    }

    /** Wraps without copying; the caller must not change the array afterwards. */
    public static Blob wrap(byte[] bytes) {
      return new Blob(bytes);
    }

    public byte[] toByteArray() {
      return bytes.clone();
    }

    public int length() {
      return bytes.length;
    }

    public byte byteAt(int i) {
      return bytes[i];
    }

    /** The backing array; callers must not change it. */
    public byte[] unsafeArray() {
      return bytes;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Blob other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Blob o) {
      return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
      return java.util.Base64.getEncoder().encodeToString(bytes);
    }
  }
}
