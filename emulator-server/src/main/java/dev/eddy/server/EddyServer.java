package dev.eddy.server;

import dev.eddy.api.LazyLogger;
import dev.eddy.storage.TtlSweeper;
import dev.eddy.streams.StreamLog;
import dev.eddy.streams.StreamSettings;
import dev.eddy.streams.StreamsOperations;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import dev.eddy.server.internal.ControlOperations;
import dev.eddy.server.internal.Dispatcher;
import dev.eddy.server.internal.HttpFrontEnd;
import dev.eddy.server.internal.InlinePolicy;
import dev.eddy.server.internal.SigV4Verifier;
import dev.eddy.server.internal.Warmup;
import dev.eddy.server.internal.WorkerPool;
import dev.eddy.storage.AdjustableClock;
import dev.eddy.storage.ChangeCapture;
import dev.eddy.storage.EngineConfig;
import dev.eddy.storage.KvStore;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.ops.DynamoDbOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A running Eddy: storage engine, worker pool and HTTP front end. Start it with {@link #start},
 * stop it with {@link #close()} (stops accepting, finishes requests in flight, flushes and
 * closes the store).
 *
 * <pre>{@code
 * try (EddyServer eddy = EddyServer.start(ServerConfig.builder().port(0).inMemory(true).build())) {
 *   URI endpoint = eddy.endpoint(); // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class EddyServer implements AutoCloseable {
  /** X-Amz-Target prefix of the DynamoDB API. */
  public static final String DYNAMODB_PREFIX = "DynamoDB_20120810.";
  /** X-Amz-Target prefix of the DynamoDB Streams API. */
  public static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";

  private static final System.Logger LOG = LazyLogger.of(EddyServer.class);
  private static final long DRAIN_SECONDS = 30;
  private static final long MAINTENANCE_SECONDS = 30;

  private final ServerConfig config;
  private final AdjustableClock clock;
  private final StorageEngine engine;
  private final ThreadPoolExecutor workers;
  private final HttpFrontEnd http;
  private final Dispatcher dispatcher;
  private final TtlSweeper ttlSweeper;
  private final ScheduledExecutorService maintenance;
  private boolean closed;

  private EddyServer(ServerConfig config, AdjustableClock clock, StorageEngine engine,
      ThreadPoolExecutor workers, HttpFrontEnd http, Dispatcher dispatcher, TtlSweeper ttlSweeper,
      ScheduledExecutorService maintenance) {
    this.config = config;
    this.clock = clock;
    this.engine = engine;
    this.workers = workers;
    this.http = http;
    this.dispatcher = dispatcher;
    this.ttlSweeper = ttlSweeper;
    this.maintenance = maintenance;
  }

  /**
   * Starts, on background threads, the work of a start that needs no configuration: loading
   * RocksDB's native library and warming up the HTTP pipeline. Optional ({@link #start} does
   * what is still left); {@code Main} calls it before parsing its flags, so both overlap that.
   */
  public static void preload() {
    Warmup.start();
    Thread t = new Thread(() -> {
      try {
        StorageEngine.loadNativeLibrary();
      } catch (RuntimeException | LinkageError e) {
        // start reports it (the store cannot open)
      }
    }, "eddy-preload");
    t.setDaemon(true);
    t.start();
  }

  /** Opens the store and starts serving; throws IllegalStateException when it cannot. */
  public static EddyServer start(ServerConfig config) {
    Objects.requireNonNull(config, "config");
    if (config.dataDir() != null) {
      try {
        Files.createDirectories(config.dataDir());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
      }
    }
    // The first request's classes (HTTP codec, handler, JSON) load on a spare core meanwhile.
    Warmup.start();
    AdjustableClock clock = AdjustableClock.system();
    // TLS files are read before the store is opened, so a bad certificate fails fast.
    io.netty.handler.ssl.SslContext tls = config.tls()
        ? HttpFrontEnd.tlsContext(config.tlsCert(), config.tlsKey())
        : null;
    SigV4Verifier verifier = config.accessKeys().enabled()
        ? new SigV4Verifier(config.accessKeys()::secretOf, clock)
        : null;
    // Start-up runs on two cores: the store opens (RocksDB's library, the column families, the
    // catalog and stream log) on one thread while this one binds the port. Clients that connect
    // meanwhile wait in the listen backlog and are served once both are done.
    FutureTask<Opened> opening = new FutureTask<>(() -> open(config, clock));
    Thread opener = new Thread(opening, "eddy-open");
    opener.setDaemon(true);
    opener.start();
    HttpFrontEnd http;
    try {
      http = HttpFrontEnd.bind(config.host(), config.port(), tls);
    } catch (RuntimeException | Error e) {
      try {
        await(opening).engine().close();
      } catch (RuntimeException | Error ignored) {
        // the bind failure is the one to report
      }
      throw e;
    }
    Opened opened;
    try {
      opened = await(opening);
    } catch (RuntimeException | Error e) {
      http.close();
      throw e;
    }
    StorageEngine engine = opened.engine();
    ThreadPoolExecutor workers = null;
    try {
      workers = WorkerPool.create(WorkerPool.defaultThreads(), config.maxQueuedRequests());
      byte[] health = ("healthy: dynamodb." + config.region() + ".amazonaws.com\n")
          .getBytes(StandardCharsets.UTF_8);
      InlinePolicy inline = Boolean.parseBoolean(System.getProperty("eddy.inlinePointOps", "true"))
          ? InlinePolicy.pointOperations(config.syncWrites())
          : InlinePolicy.NONE;
      http.serve(opened.dispatcher(), workers, health, verifier, inline);
      TtlSweeper sweeper = new TtlSweeper(engine, config.ttlSweepInterval());
      sweeper.start();
      ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "eddy-stream-maintenance");
        t.setDaemon(true);
        return t;
      });
      StreamLog log = (StreamLog) engine.capture();
      maintenance.scheduleWithFixedDelay(() -> {
        try {
          log.runMaintenance();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "stream maintenance failed", e);
        }
      }, MAINTENANCE_SECONDS, MAINTENANCE_SECONDS, TimeUnit.SECONDS);
      return new EddyServer(config, clock, engine, workers, http, opened.dispatcher(), sweeper, maintenance);
    } catch (RuntimeException | Error e) {
      http.close();
      if (workers != null) {
        workers.shutdownNow();
      }
      engine.close();
      throw e;
    }
  }

  /** The opened store and the operations over it. */
  private record Opened(StorageEngine engine, Dispatcher dispatcher) {}

  private static Opened open(ServerConfig config, AdjustableClock clock) {
    EngineConfig engineConfig = new EngineConfig(config.dataDir(), config.region(), config.accountId(), clock,
        config.syncWrites());
    StorageEngine engine = StorageEngine.open(engineConfig, changeCapture(config, clock));
    try {
      return new Opened(engine, dispatcher(config, engine, clock));
    } catch (RuntimeException | Error e) {
      engine.close();
      throw e;
    }
  }

  /** The task's result, waiting for it to finish even when interrupted; its failure rethrown. */
  private static <T> T await(FutureTask<T> task) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The stream log captures every committed change (the only ChangeCapture of the server). */
  private static Function<KvStore, ChangeCapture> changeCapture(ServerConfig config, AdjustableClock clock) {
    ServerConfig.StreamSettings s = config.streams();
    StreamSettings settings = StreamSettings.DEFAULTS
        .withOpenShards(s.shards())
        .withRolloverPeriod(s.shardRollover())
        .withRetention(s.retention());
    return store -> new StreamLog(store, settings, clock, config.region(), config.accountId());
  }

  /** THE TABLE OF CONTENTS: every (X-Amz-Target prefix, operations) registration, in one place. */
  private static Dispatcher dispatcher(ServerConfig config, StorageEngine engine, AdjustableClock clock) {
    Dispatcher.Builder b = Dispatcher.builder()
        .register(DYNAMODB_PREFIX, DynamoDbOperations.create(engine))
        .register(STREAMS_PREFIX, StreamsOperations.create((StreamLog) engine.capture(), engine.catalog()));
    if (config.controlEndpoint()) {
      b.register(ControlOperations.PREFIX, ControlOperations.create(clock));
    }
    return b.build();
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return http.port();
  }

  /**
   * Where clients connect: http://host:port (https with TLS), with a wildcard bind address (0.0.0.0, ::) replaced
   * by the loopback address.
   */
  public URI endpoint() {
    return URI.create(scheme() + "://" + uriHost(clientHost(config.host())) + ":" + port());
  }

  /** The address as configured, for messages: http://0.0.0.0:8000 when bound to all. */
  public String listenUrl() {
    return scheme() + "://" + uriHost(config.host()) + ":" + port();
  }

  private String scheme() {
    return config.tls() ? "https" : "http";
  }

  /** The clock every time-dependent behaviour reads; tests move it forward. */
  public AdjustableClock clock() {
    return clock;
  }

  public ServerConfig config() {
    return config;
  }

  /** Every X-Amz-Target served, e.g. "DynamoDB_20120810.PutItem". */
  public Set<String> targets() {
    return dispatcher.targets();
  }

  /** True when the HTTP front end runs on epoll (else NIO). */
  public boolean usesEpoll() {
    return http.usesEpoll();
  }

  /** Stops accepting, finishes requests in flight, closes connections, flushes and closes the store. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ttlSweeper.close();
    maintenance.shutdownNow();
    http.stopAccepting();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "requests still running after {0}s; stopping anyway",
            DRAIN_SECONDS);
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    http.close();
    engine.close();
  }

  private static String clientHost(String host) {
    if (host.equals("0.0.0.0")) {
      return "127.0.0.1";
    }
    if (host.equals("::") || host.equals("[::]") || host.equals("0:0:0:0:0:0:0:0")) {
      return "::1";
    }
    return host;
  }

  private static String uriHost(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
