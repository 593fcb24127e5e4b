package dev.eddy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void defaults() {
    Options o = Options.parse("--endpoint", "http://127.0.0.1:8000");
    assertEquals(URI.create("http://127.0.0.1:8000"), o.endpoint());
    assertEquals(8, o.threads());
    assertEquals(10, o.seconds());
    assertEquals(3, o.warmupSeconds());
    assertEquals(100, o.itemSize());
    assertEquals(10_000, o.tableSize());
    assertTrue(o.stream());
    assertEquals(Options.ALL, o.workloads());
    assertTrue(o.table().startsWith("bench_"));
    assertFalse(o.rawClient());
  }

  @Test
  void flags() {
    Options o = Options.parse("--endpoint", "http://h:1", "--threads", "64", "--seconds", "2",
        "--warmup", "0", "--item-size", "400000", "--table-size", "1_000_000", "--no-stream",
        "--workloads", "put, Get ,stream-lag", "--rate", "500", "--table", "t", "--label", "eddy",
        "--stream-records", "1000000", "--client", "raw");
    assertEquals(64, o.threads());
    assertEquals(0, o.warmupSeconds());
    assertEquals(400_000, o.itemSize());
    assertEquals(1_000_000, o.tableSize());
    assertEquals(1_000_000, o.streamRecords());
    assertFalse(o.stream());
    assertEquals(List.of("put", "get", "stream-lag"), o.workloads());
    assertEquals(500, o.rate());
    assertEquals("t", o.table());
    assertEquals("eddy", o.label());
    assertTrue(o.rawClient());
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--threads", "2"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--endpoint", "http://h:1", "--threads", "0"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--endpoint", "http://h:1", "--workloads", "nope"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--endpoint", "http://h:1", "--item-size", "500000"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--endpoint", "http://h:1", "--seconds"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--endpoint", "http://h:1", "--client", "curl"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--endpoint", "http://h:1", "--bogus", "1"));
  }
}
