package dev.eddy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures a server's start: launches the given command, sends a DynamoDB ListTables request
 * every millisecond until one is answered with 200, and prints the time from process start to
 * that answer, the CPU time it used until then, and the process's resident memory (VmRSS from /proc/PID/status) at that moment and
 * two seconds later. The command must be the server's JVM itself (not a shell), so its PID is
 * the server's. The process is stopped afterwards.
 *
 * <pre>java -cp benchmarks.jar dev.eddy.bench.StartupProbe --port 8000 --label eddy -- \
 *     java -jar emulator-server/target/eddy.jar --in-memory --port 8000</pre>
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    int port = -1;
    String label = null;
    int i = 0;
    for (; i < args.length && !args[i].equals("--"); i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--label" -> label = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<String> command = i < args.length ? Arrays.asList(args).subList(i + 1, args.length) : List.of();
    if (port <= 0 || command.isEmpty()) {
      System.err.println("Usage: StartupProbe --port P [--label L] -- command args...");
      System.exit(2);
    }
    // Warm this JVM's socket path first so the measurement is the server's, not the probe's.
    answered(port);
    if (answered(port)) {
      System.err.println("port " + port + " already answers; stop that server first");
      System.exit(1);
    }
    Path log = Files.createTempFile("startup-probe", ".log");
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    long firstNanos = -1;
    boolean failed = false;
    try {
      while (System.nanoTime() - t0 < 60_000_000_000L) {
        if (answered(port)) {
          firstNanos = System.nanoTime() - t0;
          break;
        }
        if (!p.isAlive()) {
          break;
        }
        LockSupport.parkNanos(1_000_000L);
      }
      if (firstNanos < 0) {
        System.err.println("server did not answer; its output:\n" + Files.readString(log));
        failed = true; // exit only after the server is stopped (finally)
        return;
      }
      long rssFirst = rssKb(p.pid());
      long cpuFirst = cpuMillis(p.pid());
      Thread.sleep(2000);
      long rssLater = rssKb(p.pid());
      System.out.println(String.format(Locale.ROOT,
          "startup first-response-ms=%.1f cpu-ms-to-first-response=%d rss-at-first-response-mb=%.1f"
              + " rss-after-2s-mb=%.1f",
          firstNanos / 1e6, cpuFirst, rssFirst / 1024.0, rssLater / 1024.0)
          + (label == null ? "" : " target=" + label));
    } finally {
      p.destroy();
      if (!p.waitFor(15, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      Files.deleteIfExists(log);
      if (failed) {
        System.exit(1);
      }
    }
  }

  static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
      }
    }
    return -1;
  }

  /**
   * CPU time (user + system, all threads) the process has used, from /proc/PID/stat. Less
   * sensitive than wall time to other load on a shared machine.
   */
  static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
    return ticks * 1000 / CLOCK_TICKS;
  }

  /** USER_HZ: 100 on Linux for every architecture the JDK runs on. */
  private static final long CLOCK_TICKS = 100;

  /** True when a ListTables POST on 127.0.0.1:port is answered with HTTP 200. */
  static boolean answered(int port) {
    byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
    String request = "POST / HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + port + "\r\n"
        + "X-Amz-Target: DynamoDB_20120810.ListTables\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\n"
        + "Authorization: AWS4-HMAC-SHA256 Credential=probe/20240101/us-east-1/dynamodb/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=0000\r\n"
        + "X-Amz-Date: 20240101T000000Z\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Connection: close\r\n\r\n";
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = s.getInputStream();
      byte[] head = new byte[12];
      int n = 0;
      while (n < head.length) {
        int r = in.read(head, n, head.length - n);
        if (r < 0) {
          return false;
        }
        n += r;
      }
      return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
    } catch (IOException e) {
      return false;
    }
  }
}
