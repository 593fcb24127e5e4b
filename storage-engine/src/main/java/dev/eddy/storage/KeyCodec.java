package dev.eddy.storage;

import dev.eddy.api.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Order-preserving, prefix-free byte encoding of key values, so that RocksDB's bytewise order
 * is DynamoDB's order: numbers numerically, strings by UTF-8 bytes, binaries bytewise. The
 * encodings of several values can be concatenated and still compare component by component.
 */
public final class KeyCodec {
  private static final int NEG = 0x01;
  private static final int ZERO = 0x02;
  private static final int POS = 0x03;

  private KeyCodec() {}

  /** Appends the encoding of a key value (S, N or B) to out. */
  public static void encode(AttributeValue v, ByteArrayOutputStream out) {
    if (v instanceof AttributeValue.S s) {
      escaped(s.value().getBytes(StandardCharsets.UTF_8), out);
    } else if (v instanceof AttributeValue.B b) {
      escaped(b.value().unsafeArray(), out);
    } else if (v instanceof AttributeValue.N n) {
      number(n.value(), out);
    } else {
      throw new IllegalArgumentException("not a key type: " + v.type());
    }
  }

  public static byte[] encode(AttributeValue v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16);
    encode(v, out);
    return out.toByteArray();
  }

  /** Bytes 0x00 are written as 0x00 0xFF; the value ends with 0x00 0x00. */
  private static void escaped(byte[] bytes, ByteArrayOutputStream out) {
    for (byte b : bytes) {
      out.write(b);
      if (b == 0) {
        out.write(0xFF);
      }
    }
    out.write(0);
    out.write(0);
  }

  private static void number(BigDecimal value, ByteArrayOutputStream out) {
    int signum = value.signum();
    if (signum == 0) {
      out.write(ZERO);
      return;
    }
    BigDecimal n = value.stripTrailingZeros();
    String digits = n.unscaledValue().abs().toString();
    // value = 0.d1d2...dp x 10^exp
    int exp = digits.length() - n.scale();
    int biased = exp + 0x8000;
    if (signum > 0) {
      out.write(POS);
      out.write(biased >>> 8);
      out.write(biased & 0xFF);
      for (int i = 0; i < digits.length(); i++) {
        out.write(digits.charAt(i) - '0' + 1);
      }
      out.write(0x00);
    } else {
      int inv = 0xFFFF - biased;
      out.write(NEG);
      out.write(inv >>> 8);
      out.write(inv & 0xFF);
      for (int i = 0; i < digits.length(); i++) {
        out.write(11 - (digits.charAt(i) - '0'));
      }
      out.write(0xFF);
    }
  }

  /** Decodes one value of the given key type ("S", "N", "B") starting at pos[0]; advances pos[0]. */
  public static AttributeValue decode(String type, byte[] in, int[] pos) {
    switch (type) {
      case "S":
        return new AttributeValue.S(new String(unescape(in, pos), StandardCharsets.UTF_8));
      case "B":
        return new AttributeValue.B(AttributeValue.Blob.wrap(unescape(in, pos)));
      case "N":
        return new AttributeValue.N(decodeNumber(in, pos));
      default:
        throw new IllegalArgumentException("not a key type: " + type);
    }
  }

  /**
   * Where the value of the given key type that starts at {@code from} ends (the index after it),
   * without decoding it: what {@link #decode} leaves in pos[0].
   */
  public static int end(String type, byte[] in, int from) {
    int i = from;
    switch (type) {
      case "S", "B" -> {
        while (true) {
          if (in[i++] == 0 && in[i++] == 0) {
            return i;
          }
        }
      }
      case "N" -> {
        int tag = in[i++] & 0xFF;
        if (tag == ZERO) {
          return i;
        }
        i += 2;
        int terminator = tag == POS ? 0x00 : 0xFF;
        while ((in[i] & 0xFF) != terminator) {
          i++;
        }
        return i + 1;
      }
      default -> throw new IllegalArgumentException("not a key type: " + type);
    }
  }

  private static byte[] unescape(byte[] in, int[] pos) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = pos[0];
    while (true) {
      int b = in[i++] & 0xFF;
      if (b == 0) {
        int next = in[i++] & 0xFF;
        if (next == 0) {
          break;
        }
        out.write(0);
      } else {
        out.write(b);
      }
    }
    pos[0] = i;
    return out.toByteArray();
  }

  /** One digit of a number's encoding: 1..10 for a positive number, 10..1 for a negative one. */
  private static int digit(int tag, byte b) {
    return tag == POS ? (b & 0xFF) - 1 : 11 - (b & 0xFF);
  }

  private static BigDecimal decodeNumber(byte[] in, int[] pos) {
    int i = pos[0];
    int tag = in[i++] & 0xFF;
    if (tag == ZERO) {
      pos[0] = i;
      return BigDecimal.ZERO;
    }
    int e = ((in[i] & 0xFF) << 8) | (in[i + 1] & 0xFF);
    i += 2;
    // up to 18 digits fit a long (the common case: no string, no BigInteger); up to 38 do not
    int start = i;
    int terminator = tag == POS ? 0x00 : 0xFF;
    while ((in[i] & 0xFF) != terminator) {
      i++;
    }
    int n = i - start;
    BigDecimal unscaled;
    if (n <= 18) {
      long digits = 0;
      for (int k = start; k < i; k++) {
        digits = digits * 10 + digit(tag, in[k]);
      }
      unscaled = BigDecimal.valueOf(digits);
    } else {
      StringBuilder digits = new StringBuilder(n);
      for (int k = start; k < i; k++) {
        digits.append((char) ('0' + digit(tag, in[k])));
      }
      unscaled = new BigDecimal(new java.math.BigInteger(digits.toString()));
    }
    if (tag != POS) {
      e = 0xFFFF - e;
    }
    i++;
    pos[0] = i;
    int exp = e - 0x8000;
    BigDecimal v = unscaled.scaleByPowerOfTen(exp - n);
    return tag == POS ? v.stripTrailingZeros() : v.negate().stripTrailingZeros();
  }
}
