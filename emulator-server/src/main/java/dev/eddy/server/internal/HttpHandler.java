package dev.eddy.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.InlineBudget;
import dev.eddy.api.Json;
import dev.eddy.api.LazyLogger;
import dev.eddy.server.internal.Responses.Connection;
import dev.eddy.server.internal.Responses.Response;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * One per connection, behind its {@link RequestDecoder}. POST requests are dispatched on the
 * worker pool, except the short ones the {@link InlinePolicy} names, which run on the event loop
 * itself (no thread hand-off: on a small machine the hop costs as much CPU as the operation);
 * GET/HEAD answer the health text; OPTIONS answers CORS pre-flight. Requests of one connection
 * are answered strictly in order, one at a time: pipelined requests wait in {@link #pending}
 * (reading pauses while any wait). All state is touched only on the channel's event loop, so no
 * locks.
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
  private final ArrayDeque<Request> pending = new ArrayDeque<>();
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
    if (!(msg instanceof Request request)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (closed) {
      return;
    }
    if (busy) {
      pending.add(request);
      ctx.channel().config().setAutoRead(false);
      return;
    }
    start(ctx, request);
  }

  private void start(ChannelHandlerContext ctx, Request request) {
    busy = true;
    Exchange ex = new Exchange(request.keepAlive(), request.http10(), request.header("Origin"));
    if (request.failure() != null) {
      respond(ctx, Responses.of(Dispatcher.error(request.failure())), new Exchange(false, ex.http10(), ex.origin()));
      return;
    }
    String method = request.method();
    if (method.equals("POST")) {
      String target = request.header(TARGET);
      int length = request.bodyLength();
      boolean now = inline.inline(target, length);
      ObjectNode parsed = null;
      if (!now && inline.worthPeeking(target, length)) {
        parsed = tryParse(request); // malformed: the worker answers it as usual
        now = parsed != null && inline.inline(parsed);
      }
      if (now) {
        respond(ctx, answer(request, target, parsed), ex);
        return;
      }
      if (inline.budgeted(target, length)) {
        Response within = answerWithin(request, target);
        if (within != null) {
          respond(ctx, within, ex);
          return;
        }
      }
      ObjectNode tree = parsed;
      try {
        workers.execute(() -> work(ctx, request, target, tree, ex));
      } catch (RejectedExecutionException e) {
        boolean shuttingDown = workers.isShutdown();
        Reply reply = Dispatcher.error(new ApiException(ErrorCode.THROTTLING,
            shuttingDown ? "The server is shutting down" : "Rate of requests exceeds the allowed throughput."));
        respond(ctx, Responses.of(reply),
            shuttingDown ? new Exchange(false, ex.http10(), ex.origin()) : ex);
      }
      return;
    }
    Response response;
    if (method.equals("GET")) {
      response = Responses.of(200, health);
    } else if (method.equals("HEAD")) {
      response = Responses.of(200, EMPTY);
    } else if (method.equals("OPTIONS") && ex.origin() != null) {
      String asked = request.header("Access-Control-Request-Headers");
      response = Responses.withHeaders(Responses.of(200, EMPTY),
          "\r\nAccess-Control-Allow-Methods: GET, POST, OPTIONS"
          + "\r\nAccess-Control-Allow-Headers: " + (asked != null ? headerValue(asked) : "*")
          + "\r\nAccess-Control-Max-Age: 172800");
    } else {
      response = Responses.of(Dispatcher.error(ApiException.unknownOperation(null)));
    }
    respond(ctx, response, ex);
  }

  /** A header value to send back: without the line breaks that would end it. */
  private static String headerValue(String v) {
    return v.replace('\r', ' ').replace('\n', ' ');
  }

  /** Runs on a worker thread: parse, dispatch, then hand the reply back to the event loop. */
  private void work(ChannelHandlerContext ctx, Request request, String target, ObjectNode parsed, Exchange ex) {
    Response response = answer(request, target, parsed);
    try {
      ctx.executor().execute(() -> respond(ctx, response, ex));
    } catch (RejectedExecutionException e) {
      // event loop gone: the connection is gone too
    }
  }

  /** The body as JSON, or null when it is not a well-formed request object. */
  private static ObjectNode tryParse(Request request) {
    try {
      return Json.parseRequest(request.bodyBytes(), 0, request.bodyLength());
    } catch (ApiException e) {
      return null;
    }
  }

  /**
   * {@link #answer} under an {@link InlineBudget} of {@link InlinePolicy#INLINE_BUDGET} items;
   * null when the call needs more (it changed nothing, and runs again on a worker).
   */
  private Response answerWithin(Request request, String target) {
    try {
      return InlineBudget.run(InlinePolicy.INLINE_BUDGET, () -> answer(request, target, null));
    } catch (InlineBudget.Exceeded e) {
      return null;
    }
  }

  /**
   * Authenticates and dispatches one API call and builds its response; {@code parsed}: the body
   * already parsed, or null. Lets {@link InlineBudget.Exceeded} through.
   */
  private Response answer(Request request, String target, ObjectNode parsed) {
    Reply reply;
    try {
      reply = authenticate(request);
      if (reply == null) {
        reply = parsed != null
            ? dispatcher.dispatch(target, parsed)
            : dispatcher.dispatch(target, request.bodyBytes(), 0, request.bodyLength());
      }
    } catch (InlineBudget.Exceeded e) {
      throw e;
    } catch (Throwable t) {
      LOG.log(System.Logger.Level.ERROR, "internal error in " + target, t);
      reply = Dispatcher.internalError();
    }
    return Responses.of(reply);
  }

  /** Null when the request may go on, else the error to answer (unsigned or badly signed). */
  private Reply authenticate(Request request) {
    if (verifier == null) {
      return null;
    }
    try {
      verifier.verify(new SigV4Verifier.Request(request.method(), request.uri(), request::headers,
          request.bodyBytes(), 0, request.bodyLength()));
      return null;
    } catch (ApiException e) {
      return Dispatcher.error(e);
    }
  }

  /** On the event loop: writes the response, then starts the next pipelined request, if any. */
  private void respond(ChannelHandlerContext ctx, Response response, Exchange ex) {
    if (closed) {
      return;
    }
    boolean cors = ex.origin() != null;
    if (!ex.keepAlive()) {
      closed = true;
      pending.clear();
      ctx.writeAndFlush(Responses.encode(ctx.alloc(), response, Connection.CLOSE, cors))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ChannelFuture written = ctx.writeAndFlush(Responses.encode(ctx.alloc(), response,
        ex.http10() ? Connection.KEEP_ALIVE : Connection.DEFAULT, cors));
    written.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    busy = false;
    Request next = pending.poll();
    if (next != null) {
      start(ctx, next);
    } else if (!ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    closed = true;
    pending.clear();
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
