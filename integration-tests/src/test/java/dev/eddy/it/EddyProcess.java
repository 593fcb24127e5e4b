package dev.eddy.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The runnable jar started as a child process, as a user would start it. */
final class EddyProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  final int port;

  private EddyProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** The jar built by emulator-server (set by Failsafe as eddy.jar, else the reactor path). */
  static Path jar() {
    Path jar = Path.of(System.getProperty("eddy.jar", "../emulator-server/target/eddy.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("runnable jar not found at " + jar.toAbsolutePath()
          + " (build emulator-server first: mvn -B verify)");
    }
    return jar;
  }

  static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Runs the jar with {@code args}; stdout and stderr are collected together. */
  static EddyProcess start(int port, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(java().toString(), "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    // Output goes to a file: reading a pipe races with process exit (the JDK closes it under
    // a blocked reader), which would lose the last lines.
    Path log = Files.createTempFile("eddy-process", ".log");
    log.toFile().deleteOnExit();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new EddyProcess(p, log, port);
  }

  /** Starts on a free port with {@code args} and waits until GET / answers 200. */
  static EddyProcess startServing(String... args) throws Exception {
    int port = freePort();
    List<String> all = new ArrayList<>(List.of("--port", Integer.toString(port)));
    all.addAll(List.of(args));
    EddyProcess p = start(port, all.toArray(String[]::new));
    p.awaitHealthy(Duration.ofSeconds(60));
    return p;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Polls GET / until it answers 200; returns how long that took from now. */
  Duration awaitHealthy(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("eddy exited with " + process.exitValue() + ": " + output());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint()).GET()
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("eddy did not become healthy within " + timeout + ": " + output());
  }

  /** Sends SIGTERM and waits for the exit code. */
  int stop() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("eddy did not stop within 60 s after SIGTERM: " + output());
    }
    return process.exitValue();
  }

  /** Sends SIGKILL (no shutdown hook runs, nothing is flushed) and waits for the process to be gone. */
  int kill() throws Exception {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("eddy did not die within 30 s after SIGKILL");
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to end by itself. */
  int waitForExit() throws Exception {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("eddy did not exit: " + output());
    }
    return process.exitValue();
  }

  /** All lines printed so far (stdout and stderr). */
  List<String> output() {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // deleted on exit
    }
  }
}
