package dev.eddy.server.internal;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.zip.CRC32;

/** Builds every HTTP response the server sends, with the headers DynamoDB always sends. */
final class Responses {
  static final AsciiString CONTENT_TYPE = AsciiString.cached("application/x-amz-json-1.0");
  static final AsciiString REQUEST_ID = AsciiString.cached("x-amzn-RequestId");
  static final AsciiString CRC32 = AsciiString.cached("x-amz-crc32");

  private Responses() {}

  /**
   * A complete response: the body bytes are wrapped (not copied) and written once. Connection
   * handling (keep-alive or close) is left to the caller.
   */
  static FullHttpResponse of(int status, byte[] body) {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
    HttpHeaders h = r.headers();
    h.set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE);
    h.set(REQUEST_ID, RequestIds.next());
    h.set(CRC32, Long.toString(crc32(body)));
    h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return r;
  }

  static FullHttpResponse of(Reply reply) {
    return of(reply.status(), reply.body());
  }

  /** Marks the response as the last one on its connection. */
  static FullHttpResponse closing(FullHttpResponse r) {
    r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    return r;
  }

  static long crc32(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body, 0, body.length);
    return crc.getValue();
  }
}
