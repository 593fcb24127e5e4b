package dev.eddy.server.internal;

import dev.eddy.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.x request as {@link RequestDecoder} read it: method, target, version, the header
 * block (kept as received and searched by name on demand, so only the headers asked for become
 * strings) and the whole body. Or, when the bytes could not be read as a request, the error to
 * answer ({@link #failure}); the connection is closed after that answer. Netty-free and
 * unshared (one connection's event loop, then at most one worker).
 */
final class Request {
  private static final byte[] EMPTY = new byte[0];

  private final String method;
  private final String uri;
  private final boolean http10;
  /** The header block: names and values are ranges of it. */
  private final byte[] head;
  /** Per header: name start, name end, value start, value end (indexes into {@link #head}). */
  private final int[] ranges;
  private final int count;
  private final ApiException failure;
  private byte[] body = EMPTY;
  private int bodyLength;

  Request(String method, String uri, boolean http10, byte[] head, int[] ranges, int count) {
    this.method = method;
    this.uri = uri;
    this.http10 = http10;
    this.head = head;
    this.ranges = ranges;
    this.count = count;
    this.failure = null;
  }

  private Request(ApiException failure) {
    this.method = "";
    this.uri = "";
    this.http10 = false;
    this.head = EMPTY;
    this.ranges = new int[0];
    this.count = 0;
    this.failure = failure;
  }

  /** What could not be read as a request: answered with this error, then the connection closes. */
  static Request failed(ApiException failure) {
    return new Request(failure);
  }

  /** The error to answer instead of serving, or null for a request that was read. */
  ApiException failure() {
    return failure;
  }

  String method() {
    return method;
  }

  /** The request target exactly as sent. */
  String uri() {
    return uri;
  }

  boolean http10() {
    return http10;
  }

  void body(byte[] bytes, int length) {
    this.body = bytes;
    this.bodyLength = length;
  }

  /** The body's bytes: {@code bodyBytes()[0 .. bodyLength())}. */
  byte[] bodyBytes() {
    return body;
  }

  int bodyLength() {
    return bodyLength;
  }

  /** The first value of the header {@code name} (any case), or null. */
  String header(String name) {
    int i = find(name, 0);
    return i < 0 ? null : value(i);
  }

  /** Every value of the header {@code name} (any case), in order; empty when absent. */
  List<String> headers(String name) {
    List<String> values = List.of();
    for (int i = find(name, 0); i >= 0; i = find(name, i + 1)) {
      if (values.isEmpty()) {
        values = new ArrayList<>(1);
      }
      values.add(value(i));
    }
    return values;
  }

  /** True when a comma-separated header {@code name} has the token {@code token} (any case). */
  boolean hasToken(String name, String token) {
    for (int i = find(name, 0); i >= 0; i = find(name, i + 1)) {
      int end = ranges[4 * i + 3];
      for (int p = ranges[4 * i + 2]; p <= end; ) {
        int comma = p;
        while (comma < end && head[comma] != ',') {
          comma++;
        }
        int s = skipSpace(p, comma);
        int e = comma;
        while (e > s && space(head[e - 1])) {
          e--;
        }
        if (e - s == token.length() && equalsIgnoreCase(s, token)) {
          return true;
        }
        p = comma + 1;
      }
    }
    return false;
  }

  /**
   * The body's length by Content-Length: 0 when absent, -1 when unusable (not a decimal number,
   * or values that disagree; "2, 2" and repeated equal headers are one length). Read from the
   * header's bytes, as every request with a body asks it.
   */
  long contentLength() {
    long length = -2; // none seen yet
    for (int i = find("Content-Length", 0); i >= 0; i = find("Content-Length", i + 1)) {
      int end = ranges[4 * i + 3];
      int p = ranges[4 * i + 2];
      while (true) {
        p = skipSpace(p, end);
        long n = 0;
        int digits = 0;
        while (p < end && head[p] >= '0' && head[p] <= '9') {
          if (++digits > 18) {
            return -1;
          }
          n = n * 10 + (head[p++] - '0');
        }
        p = skipSpace(p, end);
        if (digits == 0 || length != -2 && n != length) {
          return -1;
        }
        length = n;
        if (p == end) {
          break;
        }
        if (head[p++] != ',') {
          return -1;
        }
      }
    }
    return length == -2 ? 0 : length;
  }

  /** HTTP/1.1 stays open unless "Connection: close"; HTTP/1.0 only with "Connection: keep-alive". */
  boolean keepAlive() {
    return http10 ? hasToken("Connection", "keep-alive") : !hasToken("Connection", "close");
  }

  private String value(int i) {
    return new String(head, ranges[4 * i + 2], ranges[4 * i + 3] - ranges[4 * i + 2], StandardCharsets.ISO_8859_1);
  }

  /** The index of the first header named {@code name} (ASCII, any case) at or after {@code from}, or -1. */
  private int find(String name, int from) {
    int n = name.length();
    for (int i = from; i < count; i++) {
      int s = ranges[4 * i];
      if (ranges[4 * i + 1] - s == n && equalsIgnoreCase(s, name)) {
        return i;
      }
    }
    return -1;
  }

  /** True when {@code head[start ..]} is {@code text} in any case of its ASCII letters. */
  private boolean equalsIgnoreCase(int start, String text) {
    for (int k = 0; k < text.length(); k++) {
      int a = head[start + k];
      int b = text.charAt(k);
      if (a != b && lower(a) != lower(b)) {
        return false;
      }
    }
    return true;
  }

  private int skipSpace(int p, int end) {
    while (p < end && space(head[p])) {
      p++;
    }
    return p;
  }

  private static boolean space(byte b) {
    return b == ' ' || b == '\t';
  }

  private static int lower(int c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }
}
