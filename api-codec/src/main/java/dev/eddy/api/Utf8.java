package dev.eddy.api;

/**
 * Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates (CESU-8), nothing past
 * U+10FFFF, no truncated sequences. Jackson's parser lets some of these through, so request
 * bodies are checked here first; ASCII runs cost one comparison per byte.
 */
public final class Utf8 {
  private Utf8() {}

  public static boolean isValid(byte[] b, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int c = b[i];
      if (c >= 0) {
        i++;
        continue;
      }
      c &= 0xFF;
      int need;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        min = 0x10000;
      } else {
        return false; // continuation byte, overlong lead (C0, C1) or F5..FF
      }
      if (i + need >= end) {
        return false; // truncated sequence
      }
      int cp = c & (0x3F >> need);
      for (int k = 1; k <= need; k++) {
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          return false;
        }
        cp = cp << 6 | cc & 0x3F;
      }
      if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
        return false;
      }
      i += need + 1;
    }
    return true;
  }
}
