package dev.eddy.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one request through the whole HTTP pipeline of a connection (request decoder,
 * {@link HttpHandler}, JSON, response) on an in-memory channel, so that the classes the first
 * real request needs are loaded and initialised while the store opens and the port is bound,
 * instead of after. Started in the background and never waited for: the first request simply
 * finds more of its work done.
 */
public final class Warmup {
  private static final String BODY = "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1.5\"}}}";
  private static final byte[] REQUEST = ("POST / HTTP/1.1\r\n"
      + "Host: 127.0.0.1\r\n"
      + "X-Amz-Target: EddyWarmup.Echo\r\n"
      + "Content-Type: application/x-amz-json-1.0\r\n"
      + "Content-Length: " + BODY.length() + "\r\n"
      + "\r\n"
      + BODY).getBytes(StandardCharsets.US_ASCII);

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private Warmup() {}

  /** Starts the warm-up on a daemon thread, once per JVM (later calls do nothing). */
  public static void start() {
    if (STARTED.compareAndSet(false, true)) {
      Thread t = new Thread(Warmup::run, "eddy-warmup");
      t.setDaemon(true);
      t.start();
    }
  }

  /**
   * One request through the pipeline, best effort (the real use reports real problems); true
   * when it was answered as it should be.
   */
  public static boolean run() {
    try {
      // first what binding the port needs next (the epoll library, when asked for)
      HttpFrontEnd.useEpoll();
      Dispatcher echo = Dispatcher.builder()
          .register("EddyWarmup.", Map.of("Echo", request -> request))
          .build();
      EmbeddedChannel channel = new EmbeddedChannel(
          HttpFrontEnd.decoder(),
          new HttpHandler(echo, new InlineExecutorService(), new byte[] {'o', 'k'}, null, InlinePolicy.NONE));
      boolean answered = false;
      try {
        channel.writeInbound(Unpooled.wrappedBuffer(REQUEST));
        channel.runPendingTasks();
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
          if (out instanceof ByteBuf b) {
            answered |= b.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
          }
          ReferenceCountUtil.release(out);
        }
      } finally {
        channel.finishAndReleaseAll();
      }
      return answered;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** An ExecutorService that runs each task at once on the caller's thread. */
  private static final class InlineExecutorService extends java.util.concurrent.AbstractExecutorService {
    @Override
    public void execute(Runnable command) {
      command.run();
    }

    @Override
    public void shutdown() {}

    @Override
    public java.util.List<Runnable> shutdownNow() {
      return java.util.List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
      return true;
    }
  }
}
