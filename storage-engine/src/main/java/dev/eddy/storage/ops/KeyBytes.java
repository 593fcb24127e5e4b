package dev.eddy.storage.ops;

import dev.eddy.api.AttributeValue;
import dev.eddy.storage.KeyCodec;
import dev.eddy.storage.expr.KeyCondition;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/** Byte-range arithmetic over encoded keys: the [lower, upper) range of a key condition. */
final class KeyBytes {
  private KeyBytes() {}

  /** The smallest key greater than every key that starts with {@code prefix}, or null if none. */
  static byte[] prefixEnd(byte[] prefix) {
    int n = prefix.length;
    while (n > 0 && prefix[n - 1] == (byte) 0xFF) {
      n--;
    }
    if (n == 0) {
      return null;
    }
    byte[] out = Arrays.copyOf(prefix, n);
    out[n - 1]++;
    return out;
  }

  /** The smallest key greater than {@code key}. */
  static byte[] successor(byte[] key) {
    return Arrays.copyOf(key, key.length + 1);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /** The encoding of a string or binary prefix, without the terminator (for begins_with). */
  static byte[] openEncoding(AttributeValue v) {
    byte[] full = KeyCodec.encode(v);
    return Arrays.copyOf(full, full.length - 2);
  }

  /**
   * The [lower, upper) range of the keys under {@code base} (prefix + encoded partition key) that
   * satisfy a sort key condition (null: the whole partition).
   */
  static byte[][] range(byte[] base, KeyCondition.SortKeyCondition sort) {
    byte[] end = prefixEnd(base);
    if (sort == null) {
      return new byte[][] {base, end};
    }
    AttributeValue v = sort.values().get(0);
    byte[] at = concat(base, KeyCodec.encode(v));
    switch (sort.operator()) {
      case EQ:
        return new byte[][] {at, prefixEnd(at)};
      case LT:
        return new byte[][] {base, at};
      case LE:
        return new byte[][] {base, prefixEnd(at)};
      case GT:
        return new byte[][] {prefixEnd(at), end};
      case GE:
        return new byte[][] {at, end};
      case BETWEEN: {
        byte[] hi = concat(base, KeyCodec.encode(sort.values().get(1)));
        return new byte[][] {at, prefixEnd(hi)};
      }
      case BEGINS_WITH: {
        byte[] p = concat(base, openEncoding(v));
        return new byte[][] {p, prefixEnd(p)};
      }
      default:
        throw new IllegalStateException("operator " + sort.operator());
    }
  }

  /** {@code prefix} followed by the encoding of each value of {@code first}, then of {@code second}. */
  static byte[] encodeAll(byte[] prefix, List<AttributeValue> first, List<AttributeValue> second) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    out.writeBytes(prefix);
    for (int i = 0; i < first.size(); i++) {
      KeyCodec.encode(first.get(i), out);
    }
    for (int i = 0; i < second.size(); i++) {
      KeyCodec.encode(second.get(i), out);
    }
    return out.toByteArray();
  }
}
