package dev.eddy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

  @Test
  void numbersSortNumerically() {
    String[] sorted = {"-1E+125", "-1000", "-100.5", "-100", "-10", "-1.5", "-1", "-0.55", "-0.5", "-1E-130",
        "0", "1E-130", "0.5", "0.55", "1", "1.5", "10", "100", "100.5", "1000", "9.9999999999999999999999999999999999999E+125"};
    for (int i = 0; i + 1 < sorted.length; i++) {
      byte[] a = KeyCodec.encode(AttributeValue.N.of(sorted[i]));
      byte[] b = KeyCodec.encode(AttributeValue.N.of(sorted[i + 1]));
      assertTrue(Arrays.compareUnsigned(a, b) < 0, sorted[i] + " < " + sorted[i + 1]);
    }
  }

  @Test
  void randomNumbersRoundTripAndOrder() {
    Random r = new Random(42);
    List<BigDecimal> values = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      BigDecimal d = new BigDecimal(r.nextLong()).movePointLeft(r.nextInt(40) - 20);
      values.add(d);
    }
    // 18 digits (the longest decoded without BigInteger), 19 and up to DynamoDB's 38
    for (int digits : new int[] {17, 18, 19, 37, 38}) {
      for (int i = 0; i < 50; i++) {
        StringBuilder s = new StringBuilder(r.nextBoolean() ? "-" : "").append((char) ('1' + r.nextInt(9)));
        for (int k = 1; k < digits; k++) {
          s.append((char) ('0' + r.nextInt(10)));
        }
        values.add(new BigDecimal(s.toString()).movePointLeft(r.nextInt(60) - 30));
      }
    }
    for (BigDecimal a : values) {
      byte[] ea = KeyCodec.encode(new AttributeValue.N(a));
      int[] pos = {0};
      AttributeValue back = KeyCodec.decode("N", ea, pos);
      assertEquals(new AttributeValue.N(a), back);
      assertEquals(ea.length, pos[0]);
    }
    for (int i = 0; i + 1 < values.size(); i++) {
      BigDecimal a = values.get(i);
      BigDecimal b = values.get(i + 1);
      int expected = Integer.signum(a.compareTo(b));
      int actual = Integer.signum(Arrays.compareUnsigned(
          KeyCodec.encode(new AttributeValue.N(a)), KeyCodec.encode(new AttributeValue.N(b))));
      assertEquals(expected, actual, a + " vs " + b);
    }
  }

  @Test
  void stringsSortByUtf8BytesAndArePrefixFree() {
    String[] sorted = {"", "a", "a\u0000", "a\u0000b", "ab", "b", "\u00e9", "\uffff", "\ud83d\ude00"};
    for (int i = 0; i + 1 < sorted.length; i++) {
      byte[] a = KeyCodec.encode(new AttributeValue.S(sorted[i]));
      byte[] b = KeyCodec.encode(new AttributeValue.S(sorted[i + 1]));
      assertTrue(Arrays.compareUnsigned(a, b) < 0, i + ": " + sorted[i] + " < " + sorted[i + 1]);
    }
    // composite: (a, z) sorts before (ab, a)
    byte[] k1 = concat(KeyCodec.encode(new AttributeValue.S("a")), KeyCodec.encode(new AttributeValue.S("z")));
    byte[] k2 = concat(KeyCodec.encode(new AttributeValue.S("ab")), KeyCodec.encode(new AttributeValue.S("a")));
    assertTrue(Arrays.compareUnsigned(k1, k2) < 0);
    int[] pos = {0};
    assertEquals(new AttributeValue.S("a\u0000b"), KeyCodec.decode("S", KeyCodec.encode(new AttributeValue.S("a\u0000b")), pos));
  }

  @Test
  void endFindsWhereDecodeStops() {
    Random r = new Random(7);
    List<AttributeValue> values = new ArrayList<>(List.of(AttributeValue.N.of("0"), AttributeValue.N.of("-1E+125"),
        AttributeValue.N.of("1E-130"), new AttributeValue.S(""), new AttributeValue.S("a\u0000\u0000b\u0000"),
        AttributeValue.B.of(new byte[] {0, 0, (byte) 0xFF, 0}), AttributeValue.B.of(new byte[0])));
    for (int i = 0; i < 500; i++) {
      values.add(new AttributeValue.N(new BigDecimal(r.nextLong()).movePointLeft(r.nextInt(40) - 20)));
      byte[] bytes = new byte[r.nextInt(12)];
      for (int j = 0; j < bytes.length; j++) {
        bytes[j] = (byte) (r.nextInt(3) == 0 ? 0 : r.nextInt(256));
      }
      values.add(AttributeValue.B.of(bytes));
    }
    byte[] tail = KeyCodec.encode(new AttributeValue.S("next"));
    for (AttributeValue v : values) {
      // a prefix before and another value after, as in a row key
      byte[] key = concat(concat(new byte[] {9, 9, 9}, KeyCodec.encode(v)), tail);
      int[] pos = {3};
      KeyCodec.decode(v.type(), key, pos);
      assertEquals(pos[0], KeyCodec.end(v.type(), key, 3), v.toString());
    }
  }

  @Test
  void binariesSortUnsigned() {
    byte[] a = KeyCodec.encode(AttributeValue.B.of(new byte[] {0x01}));
    byte[] b = KeyCodec.encode(AttributeValue.B.of(new byte[] {(byte) 0x80}));
    byte[] c = KeyCodec.encode(AttributeValue.B.of(new byte[] {(byte) 0xFF, 0}));
    assertTrue(Arrays.compareUnsigned(a, b) < 0);
    assertTrue(Arrays.compareUnsigned(b, c) < 0);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
