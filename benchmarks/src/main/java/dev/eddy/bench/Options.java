package dev.eddy.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Command-line options of {@link LoadGenerator}. */
record Options(
    URI endpoint,
    int threads,
    int seconds,
    int warmupSeconds,
    int itemSize,
    int tableSize,
    long streamRecords,
    boolean stream,
    boolean pitr,
    int rate,
    int pollMillis,
    String table,
    List<String> workloads,
    String label,
    long serverPid,
    boolean rawClient) {

  static final List<String> ALL = List.of(
      "put", "get", "query", "batchwrite", "batchget", "update", "transact", "scan", "describe", "tables",
      "stream-read", "stream-lag");

  static final String USAGE = """
      Usage: LoadGenerator --endpoint URL [options]
        --endpoint URL        server to drive (e.g. http://127.0.0.1:8000)
        --workloads LIST      comma-separated, default all: %s
        --threads N           client threads (default 8; stream-lag always uses 1 writer + 1 reader)
        --seconds S           measured seconds per workload (default 10)
        --warmup S            unmeasured seconds before each workload (default 3)
        --item-size BYTES     approximate item size (default 100, max 409000)
        --table-size N        items loaded before measuring (default 10000)
        --stream-records N    extra overwrites before measuring, to grow the stream log (default 0)
        --no-stream           create the table without a stream (default NEW_AND_OLD_IMAGES)
        --pitr                turn point-in-time recovery on for the table (default off)
        --rate N              stream-lag writes per second (default 1000)
        --poll-ms N           stream-lag reader pause after an empty GetRecords (default 1)
        --table NAME          table name (default bench_<random>; created, loaded, deleted)
        --label TEXT          appended to every result line as target=TEXT
        --server-pid PID      also print the server's CPU time per operation (from /proc/PID/stat)
        --client sdk|raw      sdk (default): AWS SDK v2 for Java; raw: the same JSON over plain
                              keep-alive HTTP/1.1 sockets, a client cheap enough not to be the
                              bottleneck on a shared machine (put, get, query, batchwrite, update,
                              transact, scan, describe, tables, stream-read, stream-lag; set-up
                              uses the SDK)
      Prints one line per workload:
        <workload> threads=N ops/s=X p50=Xms p99=Xms max=Xms errors=N [extra]
      """.formatted(String.join(",", ALL));

  static Options parse(String... args) {
    URI endpoint = null;
    int threads = 8;
    int seconds = 10;
    int warmup = 3;
    int itemSize = 100;
    int tableSize = 10_000;
    long streamRecords = 0;
    boolean stream = true;
    boolean pitr = false;
    int rate = 1000;
    int pollMillis = 1;
    String table = null;
    List<String> workloads = ALL;
    String label = null;
    long serverPid = 0;
    boolean rawClient = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--no-stream" -> stream = false;
        case "--pitr" -> pitr = true;
        case "--help", "-h" -> throw new IllegalArgumentException("");
        default -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("missing value for " + a);
          }
          String v = args[++i];
          switch (a) {
            case "--endpoint" -> endpoint = URI.create(v);
            case "--threads" -> threads = positive(a, v);
            case "--seconds" -> seconds = positive(a, v);
            case "--warmup" -> warmup = nonNegative(a, v);
            case "--item-size" -> itemSize = positive(a, v);
            case "--table-size" -> tableSize = positive(a, v);
            case "--stream-records" -> streamRecords = nonNegative(a, v);
            case "--rate" -> rate = positive(a, v);
            case "--poll-ms" -> pollMillis = nonNegative(a, v);
            case "--table" -> table = v;
            case "--label" -> label = v;
            case "--server-pid" -> serverPid = positive(a, v);
            case "--workloads" -> workloads = workloads(v);
            case "--client" -> {
              if (!v.equals("sdk") && !v.equals("raw")) {
                throw new IllegalArgumentException("--client must be sdk or raw: " + v);
              }
              rawClient = v.equals("raw");
            }
            default -> throw new IllegalArgumentException("unknown option " + a);
          }
        }
      }
    }
    if (endpoint == null) {
      throw new IllegalArgumentException("--endpoint is required");
    }
    if (itemSize > 409_000) {
      throw new IllegalArgumentException("--item-size must be at most 409000 (DynamoDB's 400 KB)");
    }
    if (table == null) {
      table = "bench_" + Long.toHexString(System.nanoTime() & 0xffffffffL);
    }
    return new Options(endpoint, threads, seconds, warmup, itemSize, tableSize, streamRecords,
        stream, pitr, rate, pollMillis, table, workloads, label, serverPid, rawClient);
  }

  private static List<String> workloads(String v) {
    List<String> out = new ArrayList<>();
    for (String w : v.split(",")) {
      String name = w.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!ALL.contains(name)) {
        throw new IllegalArgumentException("unknown workload " + name + " (known: " + ALL + ")");
      }
      out.add(name);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--workloads is empty");
    }
    return List.copyOf(out);
  }

  private static int positive(String name, String v) {
    int n = nonNegative(name, v);
    if (n == 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return n;
  }

  private static int nonNegative(String name, String v) {
    try {
      int n = Integer.parseInt(v.replace("_", ""));
      if (n < 0) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": not a number: " + v);
    }
  }
}
