package dev.eddy.server.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Netty HTTP/1.1 server: NIO, or epoll with {@code -Deddy.transport=epoll} where available
 * (measured alike per request; NIO starts ~30 ms sooner, without epoll's native library);
 * keep-alive, bodies up to {@link #MAX_BODY_BYTES} ({@link RequestDecoder}).
 */
public final class HttpFrontEnd {
  /** DynamoDB's request size limit: 16 MiB. */
  public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final EventLoopGroup group;
  private final Channel serverChannel;
  private final ChannelGroup connections;
  private final Pipelines pipelines;
  private final boolean epoll;

  private HttpFrontEnd(EventLoopGroup group, Channel serverChannel, ChannelGroup connections,
      Pipelines pipelines, boolean epoll) {
    this.group = group;
    this.serverChannel = serverChannel;
    this.connections = connections;
    this.pipelines = pipelines;
    this.epoll = epoll;
  }

  /**
   * Binds {@code host:port} (port 0: any free port) without accepting connections yet: clients
   * that connect wait in the listen backlog until {@link #serve} (so the port can be bound while
   * the store opens). Throws IllegalStateException when the address cannot be bound.
   */
  public static HttpFrontEnd bind(String host, int port, SslContext tls) {
    if (System.getProperty("io.netty.leakDetection.level") == null
        && System.getProperty("io.netty.leakDetectionLevel") == null) {
      // Netty's default samples 1 buffer in 128 with a stack trace: a measurable cost per request
      // in production. Set the property (e.g. -Dio.netty.leakDetection.level=paranoid) to hunt leaks.
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
    ChannelIds.preset();
    boolean epoll = useEpoll();
    int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    DefaultThreadFactory threads = new DefaultThreadFactory("eddy-io", false);
    EventLoopGroup group = epoll
        ? new EpollEventLoopGroup(ioThreads, threads)
        : new NioEventLoopGroup(ioThreads, threads);
    Class<? extends ServerChannel> channelType = epoll
        ? EpollServerSocketChannel.class
        : NioServerSocketChannel.class;
    ChannelGroup connections = new DefaultChannelGroup("eddy-connections", GlobalEventExecutor.INSTANCE);
    Pipelines pipelines = new Pipelines(connections, tls);
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(group)
        .channel(channelType)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.AUTO_READ, false) // accepting starts in serve()
        .childOption(ChannelOption.AUTO_READ, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childHandler(pipelines);
    ChannelFuture bound = bootstrap.bind(host, port).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
      Throwable cause = bound.cause();
      throw new IllegalStateException("cannot listen on " + host + ":" + port + ": "
          + (cause == null ? "unknown error" : cause.getMessage()), cause);
    }
    return new HttpFrontEnd(group, bound.channel(), connections, pipelines, epoll);
  }

  /**
   * True when connections use epoll: asked for with {@code -Deddy.transport=epoll}, and available.
   * NIO by default: GetItem A/B showed the same throughput and CPU per request with either, and
   * epoll's first use (its native library copied out of the jar, ~200 classes) is on the start's
   * critical path (docs/PERFORMANCE.md, sixth pass).
   */
  static boolean useEpoll() {
    return "epoll".equalsIgnoreCase(System.getProperty("eddy.transport")) && Epoll.isAvailable();
  }

  /** The request reader of a connection. */
  static RequestDecoder decoder() {
    return new RequestDecoder(MAX_BODY_BYTES);
  }

  /** What every connection's handler is made of; set once by {@link #serve}. */
  private record Serving(Dispatcher dispatcher, ExecutorService workers, byte[] healthBody, SigV4Verifier verifier,
      InlinePolicy inline) {}

  /** Builds the pipeline of each accepted connection (only after {@link #serve}: accepting starts there). */
  private static final class Pipelines extends ChannelInitializer<Channel> {
    private final ChannelGroup connections;
    private final SslContext tls;
    private volatile Serving serving;

    Pipelines(ChannelGroup connections, SslContext tls) {
      this.connections = connections;
      this.tls = tls;
    }

    @Override
    protected void initChannel(Channel ch) {
      Serving s = serving;
      connections.add(ch);
      if (tls != null) {
        ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
      }
      ch.pipeline()
          .addLast("http", decoder())
          .addLast("eddy", new HttpHandler(s.dispatcher(), s.workers(), s.healthBody(), s.verifier(), s.inline()));
    }
  }

  /**
   * Starts accepting connections (those waiting in the backlog first): requests go to {@code
   * dispatcher} on {@code workers} (or on the event loop, for the calls {@code inline} names),
   * GET / answers {@code healthBody}, signatures are verified with {@code verifier} (null: accept any).
   */
  public void serve(Dispatcher dispatcher, ExecutorService workers, byte[] healthBody, SigV4Verifier verifier,
      InlinePolicy inline) {
    Objects.requireNonNull(inline, "inline");
    Objects.requireNonNull(dispatcher, "dispatcher");
    Objects.requireNonNull(workers, "workers");
    Objects.requireNonNull(healthBody, "healthBody");
    if (pipelines.serving != null) {
      throw new IllegalStateException("already serving");
    }
    pipelines.serving = new Serving(dispatcher, workers, healthBody, verifier, inline);
    serverChannel.config().setAutoRead(true);
  }

  /**
   * A server TLS context from a PEM certificate chain and a PEM (PKCS#8, unencrypted) private
   * key; IllegalStateException with the reason when they cannot be used.
   */
  public static SslContext tlsContext(java.nio.file.Path certChain, java.nio.file.Path privateKey) {
    try {
      return SslContextBuilder.forServer(certChain.toFile(), privateKey.toFile()).build();
    } catch (javax.net.ssl.SSLException | RuntimeException e) {
      throw new IllegalStateException("cannot use TLS certificate " + certChain + " with key " + privateKey
          + ": " + e.getMessage(), e);
    }
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  public boolean usesEpoll() {
    return epoll;
  }

  /** Stops accepting connections; open connections keep being served. */
  public void stopAccepting() {
    serverChannel.close().awaitUninterruptibly();
  }

  /**
   * Closes all connections (after the writes already handed to their event loops) and stops
   * the event loops.
   */
  public void close() {
    stopAccepting();
    connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }
}
