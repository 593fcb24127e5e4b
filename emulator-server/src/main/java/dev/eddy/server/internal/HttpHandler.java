package dev.eddy.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.LazyLogger;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * One per connection. POST requests are dispatched on the worker pool, except the short ones the
 * {@link InlinePolicy} names, which run on the event loop itself (no thread hand-off: on a small
 * machine the hop costs as much CPU as the operation); GET/HEAD answer the health
 * text; OPTIONS answers CORS pre-flight. Requests of one connection are answered strictly in
 * order, one at a time: pipelined requests wait in {@link #pending} (reading pauses while any
 * wait). All state is touched only on the channel's event loop, so no locks.
 */
final class HttpHandler extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = LazyLogger.of(HttpHandler.class);
  private static final String TARGET = "X-Amz-Target";
  private static final byte[] EMPTY = new byte[0];

  private final Dispatcher dispatcher;
  private final ExecutorService workers;
  private final byte[] health;
  private final SigV4Verifier verifier;
  private final InlinePolicy inline;
  private final ArrayDeque<FullHttpRequest> pending = new ArrayDeque<>();
  private boolean busy;
  private boolean closed;

  /** What the response must honour of its request. */
  private record Exchange(boolean keepAlive, boolean http10, String origin) {}

  HttpHandler(Dispatcher dispatcher, ExecutorService workers, byte[] health) {
    this(dispatcher, workers, health, null, InlinePolicy.NONE);
  }

  /**
   * {@code verifier}: checks request signatures, or null to accept any credentials;
   * {@code inline}: which requests run on the event loop.
   */
  HttpHandler(Dispatcher dispatcher, ExecutorService workers, byte[] health, SigV4Verifier verifier,
      InlinePolicy inline) {
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.health = health;
    this.verifier = verifier;
    this.inline = inline;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    FullHttpRequest request = (FullHttpRequest) msg;
    if (closed) {
      request.release();
      return;
    }
    if (busy) {
      pending.add(request);
      ctx.channel().config().setAutoRead(false);
      return;
    }
    start(ctx, request);
  }

  private void start(ChannelHandlerContext ctx, FullHttpRequest request) {
    busy = true;
    Exchange ex = new Exchange(HttpUtil.isKeepAlive(request),
        HttpVersion.HTTP_1_0.equals(request.protocolVersion()),
        request.headers().get(HttpHeaderNames.ORIGIN));
    if (request.decoderResult().isFailure()) {
      request.release();
      Reply reply = Dispatcher.error(ApiException.serialization("Malformed HTTP request"));
      respond(ctx, Responses.of(reply), new Exchange(false, ex.http10(), ex.origin()));
      return;
    }
    HttpMethod method = request.method();
    if (HttpMethod.POST.equals(method)) {
      String target = request.headers().get(TARGET);
      int length = request.content().readableBytes();
      boolean now = inline.inline(target, length);
      Body body = null;
      ObjectNode parsed = null;
      if (!now && inline.worthPeeking(target, length)) {
        body = Body.of(request.content());
        parsed = tryParse(body); // malformed: the worker answers it as usual
        now = parsed != null && inline.inline(parsed);
      }
      if (now) {
        respond(ctx, answer(request, target, body, parsed), ex);
        return;
      }
      Body read = body;
      ObjectNode tree = parsed;
      try {
        workers.execute(() -> work(ctx, request, target, read, tree, ex));
      } catch (RejectedExecutionException e) {
        request.release();
        boolean shuttingDown = workers.isShutdown();
        Reply reply = Dispatcher.error(new ApiException(ErrorCode.THROTTLING,
            shuttingDown ? "The server is shutting down" : "Rate of requests exceeds the allowed throughput."));
        respond(ctx, Responses.of(reply),
            shuttingDown ? new Exchange(false, ex.http10(), ex.origin()) : ex);
      }
      return;
    }
    FullHttpResponse response;
    HttpHeaders requestHeaders = request.headers();
    if (HttpMethod.GET.equals(method)) {
      response = Responses.of(200, health);
    } else if (HttpMethod.HEAD.equals(method)) {
      response = Responses.of(200, EMPTY);
    } else if (HttpMethod.OPTIONS.equals(method) && ex.origin() != null) {
      response = Responses.of(200, EMPTY);
      HttpHeaders h = response.headers();
      h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
      String asked = requestHeaders.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
      h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, asked != null ? asked : "*");
      h.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "172800");
    } else {
      response = Responses.of(Dispatcher.error(ApiException.unknownOperation(null)));
    }
    request.release();
    respond(ctx, response, ex);
  }

  /** Runs on a worker thread: parse, dispatch, then hand the reply back to the event loop. */
  private void work(ChannelHandlerContext ctx, FullHttpRequest request, String target, Body body,
      ObjectNode parsed, Exchange ex) {
    FullHttpResponse response = answer(request, target, body, parsed);
    try {
      ctx.executor().execute(() -> respond(ctx, response, ex));
    } catch (RejectedExecutionException e) {
      response.release(); // event loop gone: the connection is gone too
    }
  }

  /** A request body as bytes: the buffer's own array when it has one, else one copy. */
  private record Body(byte[] bytes, int offset, int length) {
    static Body of(ByteBuf content) {
      int length = content.readableBytes();
      if (content.hasArray()) {
        return new Body(content.array(), content.arrayOffset() + content.readerIndex(), length);
      }
      byte[] bytes = new byte[length];
      content.getBytes(content.readerIndex(), bytes);
      return new Body(bytes, 0, length);
    }
  }

  /** The body as JSON, or null when it is not a well-formed request object. */
  private static ObjectNode tryParse(Body body) {
    try {
      return Json.parseRequest(body.bytes(), body.offset(), body.length());
    } catch (ApiException e) {
      return null;
    }
  }

  /**
   * Authenticates and dispatches one API call (releasing the request) and builds its response;
   * {@code body} and {@code parsed}: the body already read and parsed, or null.
   */
  private FullHttpResponse answer(FullHttpRequest request, String target, Body body, ObjectNode parsed) {
    Reply reply;
    try {
      Body b = body != null ? body : Body.of(request.content());
      reply = authenticate(request, b.bytes(), b.offset(), b.length());
      if (reply == null) {
        reply = parsed != null
            ? dispatcher.dispatch(target, parsed)
            : dispatcher.dispatch(target, b.bytes(), b.offset(), b.length());
      }
    } catch (Throwable t) {
      LOG.log(System.Logger.Level.ERROR, "internal error in " + target, t);
      reply = Dispatcher.internalError();
    } finally {
      request.release();
    }
    return Responses.of(reply);
  }

  /** Null when the request may go on, else the error to answer (unsigned or badly signed). */
  private Reply authenticate(FullHttpRequest request, byte[] body, int offset, int length) {
    if (verifier == null) {
      return null;
    }
    HttpHeaders headers = request.headers();
    try {
      verifier.verify(new SigV4Verifier.Request(request.method().name(), request.uri(), headers::getAll,
          body, offset, length));
      return null;
    } catch (ApiException e) {
      return Dispatcher.error(e);
    }
  }

  /** On the event loop: writes the response, then starts the next pipelined request, if any. */
  private void respond(ChannelHandlerContext ctx, FullHttpResponse response, Exchange ex) {
    if (ex.origin() != null) {
      response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
      response.headers().set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS,
          "x-amzn-RequestId, x-amz-crc32");
    }
    if (closed) {
      response.release();
      return;
    }
    if (!ex.keepAlive()) {
      Responses.closing(response);
      closed = true;
      releasePending();
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    if (ex.http10()) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    ChannelFuture written = ctx.writeAndFlush(response);
    written.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    busy = false;
    FullHttpRequest next = pending.poll();
    if (next != null) {
      start(ctx, next);
    } else if (!ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  private void releasePending() {
    FullHttpRequest r;
    while ((r = pending.poll()) != null) {
      r.release();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    closed = true;
    releasePending();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException || cause instanceof io.netty.handler.codec.DecoderException) {
      // a client that went away, or sent no TLS to the TLS port: its problem, not the server's
      LOG.log(System.Logger.Level.DEBUG, "connection error: {0}", cause.toString());
    } else {
      LOG.log(System.Logger.Level.WARNING, "closing connection after error", cause);
    }
    ctx.close();
  }
}
