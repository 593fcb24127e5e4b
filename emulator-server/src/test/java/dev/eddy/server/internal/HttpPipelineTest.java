package dev.eddy.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.api.InlineBudget;
import dev.eddy.api.Json;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handler chain on an EmbeddedChannel, bytes in and bytes out: deterministic, no sockets. */
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
      new RequestDecoder(LIMIT),
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

  /** A response as it went out on the wire, read back. */
  record Wire(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    JsonNode json() throws Exception {
      return Json.mapper().readTree(body);
    }
  }

  /** Parses one written response (status line, headers, body by Content-Length). */
  static Wire parse(ByteBuf b) {
    try {
      String all = b.toString(StandardCharsets.ISO_8859_1);
      int end = all.indexOf("\r\n\r\n");
      String[] lines = all.substring(0, end).split("\r\n");
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        assertNull(headers.put(lines[i].substring(0, colon).toLowerCase(java.util.Locale.ROOT),
            lines[i].substring(colon + 1).trim()), "one header line per name");
      }
      String body = all.substring(end + 4);
      String length = headers.get("content-length");
      assertEquals(Integer.parseInt(length), body.getBytes(StandardCharsets.ISO_8859_1).length, "Content-Length");
      assertTrue(lines[0].startsWith("HTTP/1.1 "), lines[0]);
      return new Wire(Integer.parseInt(lines[0].substring(9, 12)), headers,
          new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    } finally {
      b.release();
    }
  }

  private Wire response() {
    return response(channel);
  }

  private static Wire response(EmbeddedChannel ch) {
    ch.runPendingTasks();
    ByteBuf b = ch.readOutbound();
    return b == null ? null : parse(b);
  }

  private static void send(EmbeddedChannel ch, String wire) {
    ch.writeInbound(Unpooled.copiedBuffer(wire, StandardCharsets.UTF_8));
  }

  private static String post(String target, String body) {
    return "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: " + target + "\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }

  /** {@code r} says it is the connection's last answer, and the connection is closed. */
  private void assertLastAnswer(Wire r) {
    assertEquals("close", r.header("Connection"));
    assertFalse(channel.isOpen());
  }

  private static void assertTooLarge(Wire r) throws Exception {
    assertEquals(413, r.status());
    assertEquals("com.amazon.coral.service#RequestEntityTooLarge", r.json().get("__type").asText());
    assertEquals("close", r.header("Connection"));
    assertEquals("application/x-amz-json-1.0", r.header("Content-Type"));
  }

  @Test
  void answersWithCrcRequestIdAndLength() throws Exception {
    send(channel, post("T.Echo", "{\"a\":1}"));
    Wire r = response();
    assertEquals(200, r.status());
    assertEquals("{\"a\":1}", r.body());
    CRC32 crc = new CRC32();
    crc.update(r.body().getBytes(StandardCharsets.UTF_8));
    assertEquals(Long.toString(crc.getValue()), r.header("x-amz-crc32"));
    assertTrue(r.header("x-amzn-RequestId").matches("[A-Z0-9]{52}"));
    assertNull(r.header("Connection"));
    assertNull(r.header("Access-Control-Allow-Origin"));
    assertTrue(channel.isOpen());
  }

  @Test
  void contentLengthOverTheLimitIsRefusedBeforeTheBody() throws Exception {
    send(channel, "POST / HTTP/1.1\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n");
    assertTooLarge(response());
    assertFalse(channel.isOpen());
  }

  @Test
  void chunkedBodyIsRefusedOnceItPassesTheLimit() throws Exception {
    send(channel, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    String half = "x".repeat(LIMIT / 2);
    send(channel, Integer.toHexString(half.length()) + "\r\n" + half + "\r\n");
    assertNull(channel.readOutbound(), "still within the limit");
    send(channel, Integer.toHexString(half.length() + 1) + "\r\n");
    assertTooLarge(response());
    assertFalse(channel.isOpen());
  }

  @Test
  void expectContinueWithTooLargeABodyGetsTheJson413() throws Exception {
    send(channel, "POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n");
    assertTooLarge(response());
    assertFalse(channel.isOpen());
  }

  @Test
  void expectContinueGetsTheInterimAnswerThenTheResponse() throws Exception {
    send(channel, "POST / HTTP/1.1\r\nX-Amz-Target: T.Echo\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
    ByteBuf interim = channel.readOutbound();
    assertEquals("HTTP/1.1 100 Continue\r\n\r\n", interim.toString(StandardCharsets.US_ASCII));
    interim.release();
    send(channel, "{}");
    assertEquals("{}", response().body());
    assertTrue(channel.isOpen());
  }

  @Test
  void http10ClosesUnlessAskedToKeepAlive() throws Exception {
    send(channel, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    Wire r = response();
    assertEquals("keep-alive", r.header("Connection"));
    assertTrue(channel.isOpen());
    send(channel, "GET / HTTP/1.0\r\n\r\n");
    r = response();
    assertEquals("healthy\n", r.body());
    assertLastAnswer(r);
  }

  @Test
  void connectionCloseIsHonoured() throws Exception {
    send(channel, "POST / HTTP/1.1\r\nConnection: Close\r\nX-Amz-Target: T.Echo\r\nContent-Length: 2\r\n\r\n{}");
    Wire r = response();
    assertEquals("{}", r.body());
    assertLastAnswer(r);
  }

  @Test
  void corsPreflightAndOrigin() throws Exception {
    send(channel, "OPTIONS / HTTP/1.1\r\nOrigin: http://app\r\nAccess-Control-Request-Headers: x-amz-target\r\n\r\n");
    Wire r = response();
    assertEquals(200, r.status());
    assertEquals("*", r.header("Access-Control-Allow-Origin"));
    assertEquals("GET, POST, OPTIONS", r.header("Access-Control-Allow-Methods"));
    assertEquals("x-amz-target", r.header("Access-Control-Allow-Headers"));
    assertEquals("172800", r.header("Access-Control-Max-Age"));
    send(channel, "POST / HTTP/1.1\r\nOrigin: http://app\r\nX-Amz-Target: T.Echo\r\nContent-Length: 2\r\n\r\n{}");
    r = response();
    assertEquals("*", r.header("Access-Control-Allow-Origin"));
    assertEquals("x-amzn-RequestId, x-amz-crc32", r.header("Access-Control-Expose-Headers"));
  }

  @Test
  void headAnswersWithoutABodyAndOtherMethodsAreUnknownOperations() throws Exception {
    send(channel, "HEAD / HTTP/1.1\r\n\r\n");
    Wire r = response();
    assertEquals(200, r.status());
    assertEquals("0", r.header("Content-Length"));
    send(channel, "DELETE / HTTP/1.1\r\n\r\n");
    r = response();
    assertEquals(400, r.status());
    assertEquals("com.amazon.coral.service#UnknownOperationException", r.json().get("__type").asText());
  }

  @Test
  void malformedRequestIsASerializationErrorAndCloses() throws Exception {
    send(channel, "POST / HTTP/1.1\r\nBad Header: x\r\n\r\n");
    Wire r = response();
    assertEquals(400, r.status());
    assertEquals("com.amazon.coral.service#SerializationException", r.json().get("__type").asText());
    assertLastAnswer(r);
  }

  /** A channel whose worker pool only collects the work handed to it, for the test to run. */
  private EmbeddedChannel heldChannel(List<Runnable> held, InlinePolicy inline) {
    return new EmbeddedChannel(new RequestDecoder(LIMIT),
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
    send(ch, post("T.Echo", "{\"n\":1}") + "GET / HTTP/1.1\r\n\r\n");
    ch.runPendingTasks();
    assertNull(ch.readOutbound(), "GET must wait for the POST before it");
    assertFalse(ch.config().isAutoRead(), "reading pauses while requests wait");
    held.remove(0).run();
    ch.runPendingTasks();
    Wire first = response(ch);
    Wire second = response(ch);
    assertEquals("{\"n\":1}", first.body());
    assertEquals("healthy\n", second.body());
    assertTrue(ch.config().isAutoRead());
    ch.finishAndReleaseAll();
  }

  @Test
  void inlineTargetsRunOnTheEventLoopInTurn() throws Exception {
    List<Runnable> held = new java.util.ArrayList<>();
    EmbeddedChannel ch = heldChannel(held, InlinePolicy.of(java.util.Set.of("T.Echo"), java.util.Set.of(), 20));
    // an inline target is answered at once, without the workers
    send(ch, post("T.Echo", "{\"n\":0}"));
    assertEquals("{\"n\":0}", response(ch).body());
    assertEquals(0, held.size());
    // behind a request on the workers it waits its turn
    send(ch, post("T.Other", "{\"n\":1}"));
    send(ch, post("T.Echo", "{\"n\":2}"));
    ch.runPendingTasks();
    assertNull(ch.readOutbound(), "the inline request must wait for the one before it");
    assertEquals(1, held.size());
    held.remove(0).run();
    ch.runPendingTasks();
    assertEquals("{\"n\":1}", response(ch).body());
    assertEquals("{\"n\":2}", response(ch).body());
    // a body over the inline limit goes to the workers
    send(ch, post("T.Echo", "{\"n\":\"" + "x".repeat(30) + "\"}"));
    ch.runPendingTasks();
    assertNull(ch.readOutbound());
    assertEquals(1, held.size());
    held.remove(0).run();
    assertEquals(200, response(ch).status());
    ch.finishAndReleaseAll();
  }

  @Test
  void boundedPagesRunInlineOnceTheirBodyIsRead() throws Exception {
    List<Runnable> held = new java.util.ArrayList<>();
    EmbeddedChannel ch = heldChannel(held, InlinePolicy.of(java.util.Set.of(), java.util.Set.of("T.Echo"), 1000));
    send(ch, post("T.Echo", "{\"Limit\":10}"));
    assertEquals("{\"Limit\":10}", response(ch).body(), "answered inline");
    assertEquals(0, held.size());
    send(ch, post("T.Echo", "{\"Limit\":1000}"));
    ch.runPendingTasks();
    assertNull(ch.readOutbound());
    held.remove(0).run();
    assertEquals("{\"Limit\":1000}", response(ch).body(), "answered by a worker");
    send(ch, post("T.Echo", "{\"Limit\":"));
    ch.runPendingTasks();
    held.remove(0).run();
    assertEquals("com.amazon.coral.service#SerializationException", response(ch).json().get("__type").asText());
    ch.finishAndReleaseAll();
  }

  @Test
  void budgetedCallsRunInlineAndAgainOnAWorkerWhenTheyNeedMore() throws Exception {
    // "T.Count" answers n items; like GetRecords it stops when n is over the call's budget
    List<String> runs = new java.util.ArrayList<>();
    Dispatcher counting = Dispatcher.builder().register("T.", Map.of("Count", request -> {
      int n = request.path("n").asInt();
      runs.add(InlineBudget.items() == Integer.MAX_VALUE ? "worker" : "inline");
      if (n > InlineBudget.items()) {
        throw InlineBudget.exceeded();
      }
      return Json.object().put("items", n);
    })).build();
    List<Runnable> held = new java.util.ArrayList<>();
    EmbeddedChannel ch = new EmbeddedChannel(new RequestDecoder(LIMIT),
        new HttpHandler(counting, new InlineExecutor() {
          @Override
          public void execute(Runnable command) {
            held.add(command);
          }
        }, "healthy\n".getBytes(StandardCharsets.UTF_8), null,
            InlinePolicy.of(java.util.Set.of(), java.util.Set.of(), java.util.Set.of("T.Count"), 1000)));
    send(ch, post("T.Count", "{\"n\":" + InlinePolicy.INLINE_BUDGET + "}"));
    assertEquals("{\"items\":" + InlinePolicy.INLINE_BUDGET + "}", response(ch).body(), "answered inline");
    assertEquals(List.of("inline"), runs);
    assertEquals(0, held.size());
    send(ch, post("T.Count", "{\"n\":" + (InlinePolicy.INLINE_BUDGET + 1) + "}"));
    ch.runPendingTasks();
    assertNull(ch.readOutbound(), "over the budget: handed to a worker");
    assertEquals(1, held.size());
    held.remove(0).run();
    ch.runPendingTasks();
    assertEquals("{\"items\":" + (InlinePolicy.INLINE_BUDGET + 1) + "}", response(ch).body());
    assertEquals(List.of("inline", "inline", "worker"), runs);
    // an error under the budget is the answer, not a reason to run again
    send(ch, post("T.Count", "{"));
    assertEquals(400, response(ch).status());
    assertEquals(0, held.size());
    ch.finishAndReleaseAll();
  }

  @Test
  void fullQueueIsThrottling() throws Exception {
    EmbeddedChannel ch = new EmbeddedChannel(new RequestDecoder(LIMIT),
        new HttpHandler(dispatcher, new InlineExecutor() {
          @Override
          public void execute(Runnable command) {
            throw new java.util.concurrent.RejectedExecutionException("full");
          }
        }, new byte[0]));
    send(ch, post("T.Echo", "{}"));
    Wire r = response(ch);
    assertEquals(400, r.status());
    assertEquals("com.amazon.coral.availability#ThrottlingException", r.json().get("__type").asText());
    assertTrue(ch.isOpen(), "a throttled client may retry on the same connection");
    ch.finishAndReleaseAll();
  }

  @Test
  void requestsAfterShutdownAreRefusedAndTheConnectionClosed() throws Exception {
    workers.shutdown();
    send(channel, post("T.Echo", "{}"));
    Wire r = response();
    assertEquals("com.amazon.coral.availability#ThrottlingException", r.json().get("__type").asText());
    assertLastAnswer(r);
  }
}
