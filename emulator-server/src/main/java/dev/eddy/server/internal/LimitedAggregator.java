package dev.eddy.server.internal;

import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Aggregates request bodies up to a limit. A request whose Content-Length announces more is
 * refused before its body is read; a chunked body is refused as soon as it passes the limit.
 * Either way the client gets a DynamoDB-style 413 JSON error and the connection is closed.
 */
final class LimitedAggregator extends HttpObjectAggregator {
  private final int maxBytes;

  LimitedAggregator(int maxBytes) {
    super(maxBytes);
    this.maxBytes = maxBytes;
  }

  static FullHttpResponse tooLarge(int maxBytes) {
    Reply reply = Dispatcher.error(new ApiException(ErrorCode.REQUEST_TOO_LARGE,
        "Request size exceeds the maximum of " + maxBytes + " bytes"));
    return Responses.of(reply);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    // MessageAggregator releases the oversized message itself after this returns.
    ctx.writeAndFlush(Responses.closing(tooLarge(maxBytes))).addListener(ChannelFutureListener.CLOSE);
  }

  /** With "Expect: 100-continue" and too large a body, answer the same JSON 413 (no body is sent). */
  @Override
  protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    Object response = super.newContinueResponse(start, maxContentLength, pipeline);
    if (response instanceof HttpResponse r
        && r.status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()) {
      ReferenceCountUtil.release(response);
      return Responses.closing(tooLarge(maxBytes));
    }
    return response;
  }

  @Override
  protected boolean closeAfterContinueResponse(Object msg) {
    return msg instanceof HttpResponse r
        && r.status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()
        || super.closeAfterContinueResponse(msg);
  }
}
