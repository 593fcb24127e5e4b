package dev.eddy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Summarises the result lines of {@link LoadGenerator} and {@link StartupProbe} (each ending in
 * {@code target=NAME}) collected in one file: per workload the mean of each target's runs, the
 * runs themselves, and the ratios against the reference target (DynamoDB Local) and the bare
 * server. Throughput is ops/s, except scan (MB/s) and stream-read (records/s); stream-lag compares
 * p99 lag.
 *
 * <pre>java -cp benchmarks.jar dev.eddy.bench.Compare results.txt [subject reference [bare]]</pre>
 */
public final class Compare {
  private Compare() {}

  /** One parsed line: its first word and its key=value pairs. */
  record Line(String name, Map<String, String> fields) {
    String target() {
      return fields.getOrDefault("target", "?");
    }

    double number(String key) {
      String v = fields.get(key);
      if (v == null) {
        return Double.NaN;
      }
      return Double.parseDouble(v.replace("ms", "").replace("/s", ""));
    }

    static Line parse(String text) {
      String[] words = text.trim().split("\\s+");
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 1; i < words.length; i++) {
        int eq = words[i].indexOf('=');
        if (eq > 0) {
          fields.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
      }
      return new Line(words[0], fields);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("Usage: Compare RESULTS_FILE [subject reference [bare]]");
      System.exit(2);
    }
    String subject = args.length > 1 ? args[1] : "eddy";
    String reference = args.length > 2 ? args[2] : "ddblocal";
    String bare = args.length > 3 ? args[3] : "bare";
    List<Line> lines = new ArrayList<>();
    for (String s : Files.readAllLines(Path.of(args[0]))) {
      if (!s.isBlank() && !s.startsWith("#") && s.contains("target=")) {
        lines.add(Line.parse(s));
      }
    }
    System.out.print(summarise(lines, subject, reference, bare));
  }

  static String summarise(List<Line> lines, String subject, String reference, String bare) {
    StringBuilder out = new StringBuilder();
    Map<String, List<Line>> byWorkload = lines.stream()
        .collect(Collectors.groupingBy(Line::name, LinkedHashMap::new, Collectors.toList()));
    out.append(String.format(Locale.ROOT, "%-11s %-10s %-28s %-28s %-9s %s%n", "workload", "metric",
        subject + " mean (runs)", reference + " mean (runs)", "ratio", bare + " (" + subject + "/" + bare + ")"));
    for (Map.Entry<String, List<Line>> e : byWorkload.entrySet()) {
      String w = e.getKey();
      List<Line> ls = e.getValue();
      if (w.equals("startup")) {
        for (String metric : List.of("first-response-ms", "cpu-ms-to-first-response", "rss-after-2s-mb")) {
          row(out, w, metric, ls, subject, reference, bare, metric, true);
        }
      } else if (w.equals("stream-lag")) {
        row(out, w, "p50 ms", ls, subject, reference, bare, "p50", true);
        row(out, w, "p99 ms", ls, subject, reference, bare, "p99", true);
        row(out, w, "max ms", ls, subject, reference, bare, "max", true);
        for (String target : List.of(subject, reference)) {
          List<Line> t = of(ls, target);
          if (!t.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%-11s %-10s %s: lost=%s duplicated=%s reordered=%s%n", w,
                "check", target, sum(t, "lost"), sum(t, "duplicated"), sum(t, "reordered")));
          }
        }
      } else if (w.equals("scan")) {
        row(out, w, "MB/s", ls, subject, reference, bare, "MB/s", false);
      } else if (w.equals("stream-read")) {
        row(out, w, "records/s", ls, subject, reference, bare, "records/s", false);
        if (ls.stream().anyMatch(l -> l.fields().containsKey("server-cpu-us/op"))) {
          row(out, w, "cpu us/op", ls, subject, reference, bare, "server-cpu-us/op", true);
        }
      } else {
        row(out, w, "ops/s", ls, subject, reference, bare, "ops/s", false);
        row(out, w, "p99 ms", ls, subject, reference, bare, "p99", true);
        if (ls.stream().anyMatch(l -> l.fields().containsKey("server-cpu-us/op"))) {
          row(out, w, "cpu us/op", ls, subject, reference, bare, "server-cpu-us/op", true);
        }
      }
      long errors = ls.stream().mapToLong(l -> (long) nz(l.number("errors"))).sum();
      if (errors > 0) {
        out.append(String.format(Locale.ROOT, "%-11s %-10s %d errors in these runs (see the raw lines)%n",
            w, "ERRORS", errors));
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String workload, String metric, List<Line> ls, String subject,
      String reference, String bare, String key, boolean lowerIsBetter) {
    List<Line> s = of(ls, subject);
    List<Line> r = of(ls, reference);
    List<Line> b = of(ls, bare);
    double sm = mean(s, key);
    double rm = mean(r, key);
    String ratio;
    if (s.isEmpty() || r.isEmpty() || sm == 0 || rm == 0) {
      ratio = "-";
    } else {
      // Always "how many times better the subject is": throughput s/r, latency r/s.
      ratio = String.format(Locale.ROOT, "%.2fx", lowerIsBetter ? rm / sm : sm / rm);
    }
    String bareText = "";
    if (!b.isEmpty()) {
      double bm = mean(b, key);
      bareText = String.format(Locale.ROOT, "%s (%.0f%%)", fmt(bm), bm == 0 ? 0 : 100 * sm / bm);
    }
    out.append(String.format(Locale.ROOT, "%-11s %-10s %-28s %-28s %-9s %s%n", workload, metric,
        cell(s, key), cell(r, key), ratio, bareText));
  }

  private static List<Line> of(List<Line> ls, String target) {
    return ls.stream().filter(l -> l.target().equals(target)).toList();
  }

  private static String cell(List<Line> ls, String key) {
    if (ls.isEmpty()) {
      return "-";
    }
    return fmt(mean(ls, key)) + " (" + ls.stream().map(l -> fmt(l.number(key))).collect(Collectors.joining(", ")) + ")";
  }

  static double mean(List<Line> ls, String key) {
    return ls.stream().mapToDouble(l -> nz(l.number(key))).average().orElse(0);
  }

  private static String sum(List<Line> ls, String key) {
    return Long.toString(ls.stream().mapToLong(l -> (long) nz(l.number(key))).sum());
  }

  private static double nz(double d) {
    return Double.isNaN(d) ? 0 : d;
  }

  private static String fmt(double d) {
    if (d >= 100) {
      return String.format(Locale.ROOT, "%.0f", d);
    }
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
