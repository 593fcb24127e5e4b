package dev.eddy.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code java -jar eddy.jar [options]}: parses the configuration, starts Eddy, stops on SIGTERM. */
public final class Main {
  /** Exit code for bad flags or environment variables. */
  public static final int EXIT_USAGE = 2;
  /** Exit code when the server cannot start (port in use, data directory locked...). */
  public static final int EXIT_START_FAILED = 1;

  private Main() {}

  public static void main(String[] args) {
    // Netty would otherwise probe for SLF4J and two Log4Js (absent from this jar) before JUL, and
    // start JUL just to drop its debug messages.
    dev.eddy.server.internal.NettyLogging.install();
    // Background threads start loading RocksDB and warming up Netty while the flags are read
    // (daemon threads: a --help or a bad flag simply exits without waiting for them).
    EddyServer.preload();
    if (ServerConfig.helpRequested(args)) {
      System.out.print(ServerConfig.usage());
      System.out.flush();
      return;
    }
    ServerConfig config;
    try {
      config = ServerConfig.parse(args, System.getenv());
    } catch (ConfigException e) {
      System.err.println("eddy: " + e.getMessage());
      System.err.println("Run with --help to list the options.");
      System.exit(EXIT_USAGE);
      return;
    }
    // The hook and the signal handlers are in place before the server answers anything, so a
    // client that stops it as soon as it answers (a test harness, say) gets a clean stop and
    // exit status 0. A stop that comes while the server starts waits for the start to finish.
    CompletableFuture<EddyServer> running = new CompletableFuture<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      EddyServer s;
      try {
        s = running.get(60, TimeUnit.SECONDS);
      } catch (InterruptedException | ExecutionException | TimeoutException e) {
        return;
      }
      if (s != null) {
        stop(s);
      }
    }, "eddy-shutdown"));
    exitCleanlyOnSignal("TERM");
    exitCleanlyOnSignal("INT");
    EddyServer server = null;
    try {
      server = EddyServer.start(config);
    } catch (RuntimeException e) {
      System.err.println("eddy: cannot start: " + e.getMessage());
      running.complete(null);
      System.exit(EXIT_START_FAILED);
      return;
    } finally {
      running.complete(server); // null when start threw: nothing to stop
    }
    System.out.println(startupLine(server));
    System.out.flush();
    // The event loop threads keep the JVM alive until SIGTERM / Ctrl-C runs the hook.
  }

  /**
   * Closes the server: finishes requests in flight, flushes the store. Runs as shutdown hook,
   * so it also runs on SIGTERM / Ctrl-C.
   */
  private static void stop(EddyServer server) {
    try {
      server.close();
      System.out.println("Eddy stopped");
      System.out.flush();
    } catch (RuntimeException | Error e) {
      System.err.println("eddy: error while stopping: " + e);
      System.err.flush();
      Runtime.getRuntime().halt(1);
    }
  }

  /**
   * A stop by signal is the normal way to end Eddy, so it exits with status 0 (not 128 + signal)
   * after the shutdown hooks ran. Where the JVM does not offer this, the default stays.
   */
  private static void exitCleanlyOnSignal(String name) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
        Thread exit = new Thread(() -> System.exit(0), "eddy-exit");
        exit.start();
      });
    } catch (IllegalArgumentException | LinkageError e) {
      // signal not available here: the JVM's default handling (shutdown hooks, status 128 + n)
    }
  }

  static String startupLine(EddyServer server) {
    ServerConfig c = server.config();
    String data = c.inMemory() ? "in memory" : c.dataDir().toString();
    return "Eddy " + version() + " listening on " + server.listenUrl() + " (data: " + data + ")";
  }

  /** The project version, from the build. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to the default
    }
    String v = p.getProperty("version", "dev");
    return v.startsWith("${") ? "dev" : v;
  }
}
