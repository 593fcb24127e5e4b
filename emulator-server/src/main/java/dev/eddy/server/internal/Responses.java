package dev.eddy.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Every HTTP response the server sends: status, body, and the headers DynamoDB always sends
 * (Content-Type, x-amzn-RequestId, x-amz-crc32 of the exact body, Content-Length), written as
 * one buffer of bytes.
 */
final class Responses {
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final byte[] AFTER_STATUS = ("\r\nContent-Type: " + CONTENT_TYPE + "\r\nx-amzn-RequestId: ")
      .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CRC = "\r\nx-amz-crc32: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LENGTH = "\r\nContent-Length: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CLOSE = "\r\nConnection: close".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEEP_ALIVE = "\r\nConnection: keep-alive".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CORS = ("\r\nAccess-Control-Allow-Origin: *"
      + "\r\nAccess-Control-Expose-Headers: x-amzn-RequestId, x-amz-crc32").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OK = "HTTP/1.1 200 OK".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BAD_REQUEST = "HTTP/1.1 400 Bad Request".getBytes(StandardCharsets.US_ASCII);

  /** How the response ends its connection: nothing said, "Connection: close" or "Connection: keep-alive". */
  enum Connection { DEFAULT, CLOSE, KEEP_ALIVE }

  /**
   * A response before it is written: {@code crc} is the body's CRC-32 (computed where the
   * response is made, which may be a worker); {@code extraHeaders} are further header lines, each
   * "\r\nName: value", or "".
   */
  record Response(int status, byte[] body, long crc, String extraHeaders) {}

  private Responses() {}

  static Response of(int status, byte[] body) {
    return new Response(status, body, crc32(body), "");
  }

  static Response of(Reply reply) {
    return of(reply.status(), reply.body());
  }

  /** {@code r} with more header lines ("\r\nName: value" each). */
  static Response withHeaders(Response r, String lines) {
    return new Response(r.status(), r.body(), r.crc(), r.extraHeaders() + lines);
  }

  static long crc32(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body, 0, body.length);
    return crc.getValue();
  }

  /** The response's bytes: status line, headers (a fresh request id), the body. */
  static ByteBuf encode(ByteBufAllocator alloc, Response r, Connection connection, boolean cors) {
    byte[] status = statusLine(r.status());
    String extra = r.extraHeaders();
    byte[] body = r.body();
    int headLength = status.length + AFTER_STATUS.length + RequestIds.LENGTH + CRC.length + 10 + LENGTH.length + 10
        + KEEP_ALIVE.length + (cors ? CORS.length : 0) + extra.length() + END.length;
    ByteBuf out = alloc.ioBuffer(headLength + body.length);
    out.writeBytes(status);
    out.writeBytes(AFTER_STATUS);
    RequestIds.write(out);
    out.writeBytes(CRC);
    writeDecimal(out, r.crc());
    out.writeBytes(LENGTH);
    writeDecimal(out, body.length);
    if (connection == Connection.CLOSE) {
      out.writeBytes(CLOSE);
    } else if (connection == Connection.KEEP_ALIVE) {
      out.writeBytes(KEEP_ALIVE);
    }
    if (cors) {
      out.writeBytes(CORS);
    }
    if (!extra.isEmpty()) {
      out.writeCharSequence(extra, StandardCharsets.ISO_8859_1);
    }
    out.writeBytes(END);
    out.writeBytes(body);
    return out;
  }

  private static byte[] statusLine(int status) {
    if (status == 200) {
      return OK;
    }
    if (status == 400) {
      return BAD_REQUEST;
    }
    return ("HTTP/1.1 " + status + " " + reason(status)).getBytes(StandardCharsets.US_ASCII);
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 413 -> "Request Entity Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      default -> status < 300 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    };
  }

  private static void writeDecimal(ByteBuf out, long n) {
    if (n == 0) {
      out.writeByte('0');
      return;
    }
    int digits = 0;
    for (long m = n; m > 0; m /= 10) {
      digits++;
    }
    int at = out.writerIndex();
    out.writerIndex(at + digits);
    for (int i = at + digits - 1; i >= at; i--) {
      out.setByte(i, (int) ('0' + n % 10));
      n /= 10;
    }
  }
}
