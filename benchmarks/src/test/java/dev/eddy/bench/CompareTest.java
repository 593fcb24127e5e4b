package dev.eddy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompareTest {
  private static List<Compare.Line> lines(String... s) {
    return java.util.Arrays.stream(s).map(Compare.Line::parse).toList();
  }

  @Test
  void parsesResultLines() {
    Compare.Line l = Compare.Line.parse(
        "put threads=8 ops/s=1234.5 p50=0.500ms p99=2.000ms max=9.000ms errors=0 target=eddy");
    assertEquals("put", l.name());
    assertEquals("eddy", l.target());
    assertEquals(1234.5, l.number("ops/s"));
    assertEquals(2.0, l.number("p99"));
    assertEquals(0, l.number("errors"));
  }

  @Test
  void ratiosOfMeansWithBare() {
    String out = Compare.summarise(lines(
        "put threads=8 ops/s=1000.0 p50=1ms p99=2.000ms max=3ms errors=0 target=eddy",
        "put threads=8 ops/s=3000.0 p50=1ms p99=2.000ms max=3ms errors=0 target=eddy",
        "put threads=8 ops/s=200.0 p50=1ms p99=8.000ms max=3ms errors=0 target=ddblocal",
        "put threads=8 ops/s=4000.0 p50=1ms p99=1.000ms max=3ms errors=0 target=bare",
        "scan threads=8 ops/s=10.0 p50=1ms p99=2.000ms max=3ms errors=0 MB/s=50.00 target=eddy",
        "scan threads=8 ops/s=1.0 p50=1ms p99=2.000ms max=3ms errors=0 MB/s=5.00 target=ddblocal"),
        "eddy", "ddblocal", "bare");
    assertTrue(out.contains("2000 (1000, 3000)"), out);
    assertTrue(out.contains("10.00x"), out); // put: 2000 / 200
    assertTrue(out.contains("4000 (50%)"), out); // eddy is 50% of bare
    assertTrue(out.contains("4.00x"), out); // p99: 8 / 2
    assertTrue(out.lines().anyMatch(l -> l.startsWith("scan") && l.contains("MB/s") && l.contains("10.00x")), out);
  }

  @Test
  void streamReadComparesRecordsPerSecond() {
    String out = Compare.summarise(lines(
        "stream-read threads=8 ops/s=60.0 p50=1ms p99=2.000ms max=3ms errors=0 records/s=60000"
            + " server-cpu-us/op=500.0 target=eddy",
        "stream-read threads=8 ops/s=20.0 p50=1ms p99=2.000ms max=3ms errors=0 records/s=15000"
            + " server-cpu-us/op=4000.0 target=ddblocal"),
        "eddy", "ddblocal", "bare");
    assertTrue(out.lines().anyMatch(l -> l.startsWith("stream-read") && l.contains("records/s") && l.contains("4.00x")), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("stream-read") && l.contains("cpu us/op") && l.contains("8.00x")), out);
  }

  @Test
  void reportsStreamChecksAndErrors() {
    String out = Compare.summarise(lines(
        "stream-lag threads=1 ops/s=1000.0 p50=0.500ms p99=2.000ms max=9.000ms errors=2 rate=1000/s"
            + " written=1000 read=1000 lost=1 duplicated=0 reordered=0 target=eddy"),
        "eddy", "ddblocal", "bare");
    assertTrue(out.contains("eddy: lost=1 duplicated=0 reordered=0"), out);
    assertTrue(out.contains("2 errors"), out);
  }
}
