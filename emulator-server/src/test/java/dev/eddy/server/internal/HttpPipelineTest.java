package dev.eddy.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.api.Json;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handler chain on an EmbeddedChannel: deterministic, no sockets. */
class HttpPipelineTest {
  private static final int LIMIT = 1024;

  /** Runs tasks on the calling thread, so the test stays single-threaded. */
  private static class InlineExecutor extends AbstractExecutorService {
    private boolean shutdown;

    @Override
    public void execute(Runnable command) {
      if (shutdown) {
        throw new java.util.concurrent.RejectedExecutionException();
      }
      command.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }

  private final InlineExecutor workers = new InlineExecutor();
  private final Dispatcher dispatcher = Dispatcher.builder()
      .register("T.", Map.of("Echo", request -> request, "Other", request -> request))
      .build();
  private final List<Throwable> errors = new java.util.ArrayList<>();
  private final EmbeddedChannel channel = new EmbeddedChannel(
      new LimitedAggregator(LIMIT),
      new io.netty.channel.ChannelInboundHandlerAdapter() {
        @Override
        public void exceptionCaught(io.netty.channel.ChannelHandlerContext ctx, Throwable cause) {
          errors.add(cause);
          ctx.fireExceptionCaught(cause);
        }
      },
      new HttpHandler(dispatcher, workers, "healthy\n".getBytes(StandardCharsets.UTF_8)));

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
    assertEquals(List.of(), errors, "no handler may fail (e.g. by releasing a buffer twice)");
  }

  private FullHttpResponse response() {
    channel.runPendingTasks();
    return channel.readOutbound();
  }

  private static JsonNode json(FullHttpResponse r) throws Exception {
    return Json.mapper().readTree(ByteBufUtil.getBytes(r.content()));
  }

  private static DefaultFullHttpRequest post(String target, String body) {
    DefaultFullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
        Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    r.headers().set("X-Amz-Target", target);
    HttpUtil.setContentLength(r, r.content().readableBytes());
    return r;
  }

  private static void assertTooLarge(FullHttpResponse r) throws Exception {
    assertEquals(413, r.status().code());
    assertEquals("com.amazon.coral.service#RequestEntityTooLarge", json(r).get("__type").asText());
    assertEquals("close", r.headers().get(HttpHeaderNames.CONNECTION));
    assertEquals("application/x-amz-json-1.0", r.headers().get(HttpHeaderNames.CONTENT_TYPE));
    r.release();
  }

  @Test
  void answersWithCrcRequestIdAndLength() throws Exception {
    channel.writeInbound(post("T.Echo", "{\"a\":1}"));
    FullHttpResponse r = response();
    assertEquals(200, r.status().code());
    byte[] body = ByteBufUtil.getBytes(r.content());
    assertEquals("{\"a\":1}", new String(body, StandardCharsets.UTF_8));
    CRC32 crc = new CRC32();
    crc.update(body);
    assertEquals(Long.toString(crc.getValue()), r.headers().get("x-amz-crc32"));
    assertEquals(body.length, HttpUtil.getContentLength(r));
    assertTrue(r.headers().get("x-amzn-RequestId").matches("[A-Z0-9]{52}"));
    assertNull(r.headers().get(HttpHeaderNames.CONNECTION));
    assertTrue(channel.isOpen());
    r.release();
  }

  @Test
  void contentLengthOverTheLimitIsRefusedBeforeTheBody() throws Exception {
    HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
    HttpUtil.setContentLength(head, LIMIT + 1);
    channel.writeInbound(head);
    assertTooLarge(response());
    assertFalse(channel.isOpen());
  }

  @Test
  void chunkedBodyIsRefusedOnceItPassesTheLimit() throws Exception {
    HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
    HttpUtil.setTransferEncodingChunked(head, true);
    channel.writeInbound(head);
    io.netty.buffer.ByteBuf first = Unpooled.wrappedBuffer(new byte[LIMIT / 2]);
    channel.writeInbound(new DefaultHttpContent(first));
    assertNull(channel.readOutbound(), "still within the limit");
    channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[LIMIT / 2 + 1])));
    assertTooLarge(response());
    assertFalse(channel.isOpen());
    assertEquals(0, first.refCnt(), "the partial body is released");
  }

  @Test
  void expectContinueWithTooLargeABodyGetsTheJson413() throws Exception {
    HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
    HttpUtil.setContentLength(head, LIMIT + 1);
    HttpUtil.set100ContinueExpected(head, true);
    channel.writeInbound(head);
    assertTooLarge(response());
    assertFalse(channel.isOpen());
  }

  /** A channel whose worker pool only collects the work handed to it, for the test to run. */
  private EmbeddedChannel heldChannel(List<Runnable> held, InlinePolicy inline) {
    return new EmbeddedChannel(new LimitedAggregator(LIMIT),
        new HttpHandler(dispatcher, new InlineExecutor() {
          @Override
          public void execute(Runnable command) {
            held.add(command);
          }
        }, "healthy\n".getBytes(StandardCharsets.UTF_8), null, inline));
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    // The first request's work is held back until the test lets it run: the next must wait.
    List<Runnable> held = new java.util.ArrayList<>();
    EmbeddedChannel ch = heldChannel(held, InlinePolicy.NONE);
    ch.writeInbound(post("T.Echo", "{\"n\":1}"));
    ch.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
    ch.runPendingTasks();
    assertNull(ch.readOutbound(), "GET must wait for the POST before it");
    assertFalse(ch.config().isAutoRead(), "reading pauses while requests wait");
    held.remove(0).run();
    ch.runPendingTasks();
    FullHttpResponse first = ch.readOutbound();
    FullHttpResponse second = ch.readOutbound();
    assertEquals("{\"n\":1}", first.content().toString(StandardCharsets.UTF_8));
    assertEquals("healthy\n", second.content().toString(StandardCharsets.UTF_8));
    assertTrue(ch.config().isAutoRead());
    first.release();
    second.release();
    ch.finishAndReleaseAll();
  }

  @Test
  void inlineTargetsRunOnTheEventLoopInTurn() throws Exception {
    List<Runnable> held = new java.util.ArrayList<>();
    EmbeddedChannel ch = heldChannel(held, InlinePolicy.of(java.util.Set.of("T.Echo"), java.util.Set.of(), 20));
    // an inline target is answered at once, without the workers
    ch.writeInbound(post("T.Echo", "{\"n\":0}"));
    FullHttpResponse r = ch.readOutbound();
    assertEquals("{\"n\":0}", r.content().toString(StandardCharsets.UTF_8));
    r.release();
    assertEquals(0, held.size());
    // behind a request on the workers it waits its turn
    ch.writeInbound(post("T.Other", "{\"n\":1}"));
    ch.writeInbound(post("T.Echo", "{\"n\":2}"));
    ch.runPendingTasks();
    assertNull(ch.readOutbound(), "the inline request must wait for the one before it");
    assertEquals(1, held.size());
    held.remove(0).run();
    ch.runPendingTasks();
    FullHttpResponse first = ch.readOutbound();
    FullHttpResponse second = ch.readOutbound();
    assertEquals("{\"n\":1}", first.content().toString(StandardCharsets.UTF_8));
    assertEquals("{\"n\":2}", second.content().toString(StandardCharsets.UTF_8));
    first.release();
    second.release();
    // a body over the inline limit goes to the workers
    ch.writeInbound(post("T.Echo", "{\"n\":\"" + "x".repeat(30) + "\"}"));
    ch.runPendingTasks();
    assertNull(ch.readOutbound());
    assertEquals(1, held.size());
    held.remove(0).run();
    ch.runPendingTasks();
    FullHttpResponse big = ch.readOutbound();
    assertEquals(200, big.status().code());
    big.release();
    ch.finishAndReleaseAll();
  }

  @Test
  void boundedPagesRunInlineOnceTheirBodyIsRead() throws Exception {
    List<Runnable> held = new java.util.ArrayList<>();
    EmbeddedChannel ch = heldChannel(held, InlinePolicy.of(java.util.Set.of(), java.util.Set.of("T.Echo"), 1000));
    ch.writeInbound(post("T.Echo", "{\"Limit\":10}"));
    FullHttpResponse r = ch.readOutbound();
    assertEquals("{\"Limit\":10}", r.content().toString(StandardCharsets.UTF_8), "answered inline");
    r.release();
    assertEquals(0, held.size());
    ch.writeInbound(post("T.Echo", "{\"Limit\":1000}"));
    ch.runPendingTasks();
    assertNull(ch.readOutbound());
    held.remove(0).run();
    ch.runPendingTasks();
    r = ch.readOutbound();
    assertEquals("{\"Limit\":1000}", r.content().toString(StandardCharsets.UTF_8), "answered by a worker");
    r.release();
    ch.writeInbound(post("T.Echo", "{\"Limit\":"));
    ch.runPendingTasks();
    held.remove(0).run();
    ch.runPendingTasks();
    r = ch.readOutbound();
    assertEquals("com.amazon.coral.service#SerializationException", json(r).get("__type").asText());
    r.release();
    ch.finishAndReleaseAll();
  }

  @Test
  void fullQueueIsThrottling() throws Exception {
    EmbeddedChannel ch = new EmbeddedChannel(new LimitedAggregator(LIMIT),
        new HttpHandler(dispatcher, new InlineExecutor() {
          @Override
          public void execute(Runnable command) {
            throw new java.util.concurrent.RejectedExecutionException("full");
          }
        }, new byte[0]));
    ch.writeInbound(post("T.Echo", "{}"));
    ch.runPendingTasks();
    FullHttpResponse r = ch.readOutbound();
    assertEquals(400, r.status().code());
    assertEquals("com.amazon.coral.availability#ThrottlingException", json(r).get("__type").asText());
    assertTrue(ch.isOpen(), "a throttled client may retry on the same connection");
    r.release();
    ch.finishAndReleaseAll();
  }

  @Test
  void requestsAfterShutdownAreRefusedAndTheConnectionClosed() throws Exception {
    workers.shutdown();
    channel.writeInbound(post("T.Echo", "{}"));
    FullHttpResponse r = response();
    assertEquals("com.amazon.coral.availability#ThrottlingException", json(r).get("__type").asText());
    assertEquals("close", r.headers().get(HttpHeaderNames.CONNECTION));
    r.release();
    assertFalse(channel.isOpen());
  }
}
