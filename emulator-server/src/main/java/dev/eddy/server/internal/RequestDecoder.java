package dev.eddy.server.internal;

import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads HTTP/1.0 and 1.1 requests off a connection into whole {@link Request}s: the request line,
 * the headers (kept as one block, see {@link Request}), and the body, by {@code Content-Length}
 * or {@code Transfer-Encoding: chunked}. Pipelined requests come out one after another.
 *
 * <p>What the server needs of HTTP and nothing more, in one handler (Netty's codec and
 * aggregator made two, with a header map and several objects per request): ~10 % of the event
 * loop's time under GetItem went to them.
 *
 * <p>Limits, as before: a request line of {@value #MAX_LINE} bytes and a header block of
 * {@value #MAX_HEAD} bytes (else 400); a body of {@code maxBody} bytes: a larger {@code
 * Content-Length} is refused with DynamoDB's 413 before any of the body is read, a chunked body
 * as soon as it passes the limit. "Expect: 100-continue" gets its interim 100 unless the body is
 * too large. A request that cannot be read (bad request line, malformed header, folded header
 * lines, a bad length or chunk size) becomes a {@link Request#failed} request; everything after
 * it on the connection is discarded and the handler closes the connection once it has answered.
 */
final class RequestDecoder extends ByteToMessageDecoder {
  static final int MAX_LINE = 8192;
  static final int MAX_HEAD = MAX_LINE + 32 * 1024;
  /** Longest chunk-size line (size, extensions) and trailer block accepted. */
  private static final int MAX_CHUNK_LINE = 8192;
  private static final int MAX_HEADERS = 256;
  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private enum State { HEAD, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, BROKEN }

  private final int maxBody;
  private State state = State.HEAD;
  /** Bytes of an incomplete head already searched for its end. */
  private int scanned;
  private Request current;
  private byte[] body;
  private int filled;
  /** FIXED: the whole body's length; CHUNK_DATA: what is left of the chunk. */
  private long remaining;

  RequestDecoder(int maxBody) {
    this.maxBody = maxBody;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    switch (state) {
      case HEAD -> head(ctx, in, out);
      case FIXED -> fixed(in, out);
      case CHUNK_SIZE -> chunkSize(in, out);
      case CHUNK_DATA -> chunkData(in);
      case CHUNK_END -> chunkEnd(in, out);
      case TRAILERS -> trailers(in, out);
      case BROKEN -> in.skipBytes(in.readableBytes());
      default -> throw new IllegalStateException(state.name());
    }
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    // the connection ended: a request cut short is dropped, nobody is left to answer
    in.skipBytes(in.readableBytes());
  }

  private void fail(ByteBuf in, List<Object> out, ApiException error) {
    in.skipBytes(in.readableBytes());
    state = State.BROKEN;
    current = null;
    body = null;
    out.add(Request.failed(error));
  }

  private static ApiException malformed() {
    return ApiException.serialization("Malformed HTTP request");
  }

  private ApiException tooLarge() {
    return new ApiException(ErrorCode.REQUEST_TOO_LARGE, "Request size exceeds the maximum of " + maxBody + " bytes");
  }

  // ---- the head

  private void head(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    // empty lines before a request line are ignored (RFC 9112, 2.2)
    while (in.isReadable()) {
      byte b = in.getByte(in.readerIndex());
      if (b != '\r' && b != '\n') {
        break;
      }
      in.skipBytes(1);
      scanned = 0;
    }
    int start = in.readerIndex();
    int end = endOfHead(in, start);
    if (end < 0) {
      if (in.readableBytes() > MAX_HEAD) {
        fail(in, out, malformed());
      }
      return;
    }
    scanned = 0;
    int length = end - start;
    if (length > MAX_HEAD) {
      fail(in, out, malformed());
      return;
    }
    byte[] head = new byte[length];
    in.readBytes(head);
    Request request = parseHead(head);
    if (request == null) {
      fail(in, out, malformed());
      return;
    }
    String te = request.header("Transfer-Encoding");
    if (te != null) {
      if (!request.hasToken("Transfer-Encoding", "chunked")) {
        fail(in, out, malformed()); // a body whose end cannot be told
        return;
      }
      if (!expectContinue(ctx, in, out, request, 0)) {
        return;
      }
      current = request;
      body = new byte[Math.min(maxBody, 1024)];
      filled = 0;
      state = State.CHUNK_SIZE;
      return;
    }
    long contentLength = request.contentLength();
    if (contentLength < 0) {
      fail(in, out, malformed());
      return;
    }
    if (contentLength > maxBody) {
      fail(in, out, tooLarge());
      return;
    }
    if (contentLength == 0) {
      out.add(request);
      return;
    }
    if (!expectContinue(ctx, in, out, request, contentLength)) {
      return;
    }
    current = request;
    // grown as the body arrives: a client that announces 16 MiB and sends nothing costs nothing
    body = new byte[(int) Math.min(contentLength, Math.max(in.readableBytes(), 64 * 1024))];
    filled = 0;
    remaining = contentLength;
    state = State.FIXED;
    fixed(in, out);
  }

  /**
   * Answers "Expect: 100-continue" (HTTP/1.1): 100 when the body is welcome and has not started
   * to arrive; false (after failing the request) when it is too large.
   */
  private boolean expectContinue(ChannelHandlerContext ctx, ByteBuf in, List<Object> out, Request request,
      long length) {
    if (request.http10() || !request.hasToken("Expect", "100-continue")) {
      return true;
    }
    if (length > maxBody) {
      fail(in, out, tooLarge());
      return false;
    }
    if (!in.isReadable()) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(CONTINUE));
    }
    return true;
  }

  /** The index just past the empty line that ends the head, or -1 when it has not all arrived. */
  private int endOfHead(ByteBuf in, int start) {
    int limit = in.writerIndex();
    int from = Math.max(start, start + scanned - 3);
    for (int i = in.indexOf(from, limit, (byte) '\n'); i >= 0; i = in.indexOf(i + 1, limit, (byte) '\n')) {
      // "\n\n" or "\n\r\n"
      if (i + 1 < limit && in.getByte(i + 1) == '\n') {
        return i + 2;
      }
      if (i + 2 < limit && in.getByte(i + 1) == '\r' && in.getByte(i + 2) == '\n') {
        return i + 3;
      }
      if (i - start > MAX_HEAD) {
        break;
      }
    }
    scanned = limit - start;
    return -1;
  }

  /** The request line and headers of {@code head} (which ends with its empty line), or null when malformed. */
  static Request parseHead(byte[] head) {
    int eol = lineEnd(head, 0);
    if (eol < 0 || eol > MAX_LINE) {
      return null;
    }
    int lineStop = trimCr(head, 0, eol);
    int sp1 = indexOf(head, 0, lineStop, (byte) ' ');
    if (sp1 <= 0) {
      return null;
    }
    int sp2 = indexOf(head, sp1 + 1, lineStop, (byte) ' ');
    if (sp2 <= sp1 + 1) {
      return null;
    }
    for (int i = 0; i < sp1; i++) {
      if (!tchar(head[i])) {
        return null;
      }
    }
    for (int i = sp1 + 1; i < sp2; i++) {
      if ((head[i] & 0xFF) <= ' ' || head[i] == 127) {
        return null;
      }
    }
    boolean http10;
    int v = sp2 + 1;
    if (lineStop - v == 8 && head[v] == 'H' && head[v + 1] == 'T' && head[v + 2] == 'T' && head[v + 3] == 'P'
        && head[v + 4] == '/' && head[v + 5] == '1' && head[v + 6] == '.' && head[v + 7] >= '0'
        && head[v + 7] <= '9') {
      http10 = head[v + 7] == '0';
    } else {
      return null;
    }
    String method = new String(head, 0, sp1, StandardCharsets.ISO_8859_1);
    String uri = new String(head, sp1 + 1, sp2 - sp1 - 1, StandardCharsets.ISO_8859_1);
    int[] ranges = new int[4 * 16];
    int count = 0;
    int pos = eol + 1;
    while (true) {
      int end = lineEnd(head, pos);
      if (end < 0) {
        return null;
      }
      int stop = trimCr(head, pos, end);
      if (stop == pos) {
        break; // the empty line
      }
      byte first = head[pos];
      if (first == ' ' || first == '\t') {
        return null; // obsolete line folding: refused (RFC 9112, 5.2)
      }
      int colon = indexOf(head, pos, stop, (byte) ':');
      if (colon <= pos) {
        return null;
      }
      for (int i = pos; i < colon; i++) {
        if (!tchar(head[i])) {
          return null; // includes whitespace before the colon (RFC 9112, 5.1)
        }
      }
      int vs = colon + 1;
      while (vs < stop && (head[vs] == ' ' || head[vs] == '\t')) {
        vs++;
      }
      int ve = stop;
      while (ve > vs && (head[ve - 1] == ' ' || head[ve - 1] == '\t')) {
        ve--;
      }
      if (count == MAX_HEADERS) {
        return null;
      }
      if (4 * count == ranges.length) {
        ranges = Arrays.copyOf(ranges, ranges.length * 2);
      }
      ranges[4 * count] = pos;
      ranges[4 * count + 1] = colon;
      ranges[4 * count + 2] = vs;
      ranges[4 * count + 3] = ve;
      count++;
      pos = end + 1;
    }
    return new Request(method, uri, http10, head, ranges, count);
  }

  // ---- bodies

  private void fixed(ByteBuf in, List<Object> out) {
    int n = (int) Math.min(in.readableBytes(), remaining - filled);
    if (n > 0) {
      ensure(filled + n, remaining);
      in.readBytes(body, filled, n);
      filled += n;
    }
    if (filled == remaining) {
      finish(out);
    }
  }

  private void chunkSize(ByteBuf in, List<Object> out) {
    int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
    if (eol < 0) {
      if (in.readableBytes() > MAX_CHUNK_LINE) {
        fail(in, out, malformed());
      }
      return;
    }
    int start = in.readerIndex();
    long size = 0;
    int digits = 0;
    for (int i = start; i < eol; i++) {
      int c = in.getByte(i);
      int d = Character.digit(c, 16);
      if (d < 0) {
        if (c == ';' || c == ' ' || c == '\t' || c == '\r') {
          break; // chunk extensions are ignored
        }
        fail(in, out, malformed());
        return;
      }
      if (++digits > 15) {
        fail(in, out, malformed());
        return;
      }
      size = size * 16 + d;
    }
    if (digits == 0) {
      fail(in, out, malformed());
      return;
    }
    in.readerIndex(eol + 1);
    if (size == 0) {
      state = State.TRAILERS;
      return;
    }
    if (filled + size > maxBody) {
      fail(in, out, tooLarge());
      return;
    }
    remaining = size;
    state = State.CHUNK_DATA;
  }

  private void chunkData(ByteBuf in) {
    int n = (int) Math.min(in.readableBytes(), remaining);
    ensure(filled + n, maxBody);
    in.readBytes(body, filled, n);
    filled += n;
    remaining -= n;
    if (remaining == 0) {
      state = State.CHUNK_END;
    }
  }

  private void chunkEnd(ByteBuf in, List<Object> out) {
    int r = in.readerIndex();
    if (in.readableBytes() >= 1 && in.getByte(r) == '\n') {
      in.skipBytes(1);
      state = State.CHUNK_SIZE;
    } else if (in.readableBytes() >= 2) {
      if (in.getByte(r) != '\r' || in.getByte(r + 1) != '\n') {
        fail(in, out, malformed());
        return;
      }
      in.skipBytes(2);
      state = State.CHUNK_SIZE;
    }
  }

  /** Trailer fields after the last chunk are read and dropped, up to the empty line. */
  private void trailers(ByteBuf in, List<Object> out) {
    while (true) {
      int r = in.readerIndex();
      int eol = in.indexOf(r, in.writerIndex(), (byte) '\n');
      if (eol < 0) {
        if (in.readableBytes() > MAX_CHUNK_LINE) {
          fail(in, out, malformed());
        }
        return;
      }
      boolean empty = eol == r || eol == r + 1 && in.getByte(r) == '\r';
      in.readerIndex(eol + 1);
      if (empty) {
        finish(out);
        return;
      }
    }
  }

  /** Room in {@link #body} for {@code size} bytes, growing it by doubling up to {@code cap}. */
  private void ensure(int size, long cap) {
    if (size > body.length) {
      body = Arrays.copyOf(body, (int) Math.min(cap, Math.max(size, 2L * body.length)));
    }
  }

  private void finish(List<Object> out) {
    current.body(body, filled);
    out.add(current);
    current = null;
    body = null;
    filled = 0;
    remaining = 0;
    state = State.HEAD;
  }

  // ---- bytes

  private static int lineEnd(byte[] b, int from) {
    return indexOf(b, from, b.length, (byte) '\n');
  }

  private static int trimCr(byte[] b, int start, int eol) {
    return eol > start && b[eol - 1] == '\r' ? eol - 1 : eol;
  }

  private static int indexOf(byte[] b, int from, int to, byte x) {
    for (int i = from; i < to; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  /** A token character (RFC 9110, 5.6.2): what methods and header names are made of. */
  private static boolean tchar(byte c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return true;
    }
    return switch (c) {
      case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' -> true;
      default -> false;
    };
  }
}
