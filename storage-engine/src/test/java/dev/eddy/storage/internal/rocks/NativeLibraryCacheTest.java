package dev.eddy.storage.internal.rocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryCacheTest {
  private static final String NAME = "libfake-linux64.so";

  @TempDir
  Path tmp;

  private final byte[] content = bytes(300_000, 1);
  private final long crc = crc(content);
  private final AtomicInteger opened = new AtomicInteger();

  private NativeLibraryCache.Source source(byte[] b) {
    return () -> {
      opened.incrementAndGet();
      return new ByteArrayInputStream(b);
    };
  }

  @Test
  void extractsOnceThenReuses() throws IOException {
    Path dir = tmp.resolve("cache/rocksdbjni-x");
    Path file = NativeLibraryCache.cached(dir, NAME, content.length, crc, source(content));
    assertEquals(dir.resolve(NAME), file);
    assertArrayEquals(content, Files.readAllBytes(file));
    assertEquals(1, opened.get());
    Object inode = Files.readAttributes(file, "basic:fileKey").get("fileKey");

    assertEquals(file, NativeLibraryCache.cached(dir, NAME, content.length, crc, source(content)));
    assertEquals(1, opened.get(), "a valid copy is not copied again");
    assertEquals(inode, Files.readAttributes(file, "basic:fileKey").get("fileKey"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left");
    }
  }

  @Test
  void replacesATruncatedCopy() throws IOException {
    Path dir = tmp.resolve("c");
    Files.createDirectories(dir);
    Files.write(dir.resolve(NAME), java.util.Arrays.copyOf(content, content.length / 2));
    Path file = NativeLibraryCache.cached(dir, NAME, content.length, crc, source(content));
    assertArrayEquals(content, Files.readAllBytes(file));
    assertEquals(1, opened.get());
  }

  @Test
  void replacesACorruptCopyOfTheRightSize() throws IOException {
    Path dir = tmp.resolve("c");
    Files.createDirectories(dir);
    byte[] corrupt = content.clone();
    corrupt[12345] ^= 0x40;
    Files.write(dir.resolve(NAME), corrupt);
    assertFalse(NativeLibraryCache.matches(dir.resolve(NAME), content.length, crc));
    Path file = NativeLibraryCache.cached(dir, NAME, content.length, crc, source(content));
    assertArrayEquals(content, Files.readAllBytes(file));
  }

  @Test
  void refusesASourceThatDoesNotMatchItsEntry() throws IOException {
    Path dir = tmp.resolve("c");
    byte[] other = bytes(content.length, 2);
    assertThrows(IOException.class, () -> NativeLibraryCache.cached(dir, NAME, content.length, crc, source(other)));
    byte[] shorter = java.util.Arrays.copyOf(content, content.length - 1);
    assertThrows(IOException.class, () -> NativeLibraryCache.cached(dir, NAME, content.length, crc, source(shorter)));
    assertFalse(Files.exists(dir.resolve(NAME)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count(), "the failed copies are removed");
    }
  }

  @Test
  void aReadErrorLeavesNothingBehind() throws IOException {
    Path dir = tmp.resolve("c");
    NativeLibraryCache.Source failing = () -> new InputStream() {
      int n;

      @Override
      public int read() throws IOException {
        if (++n > 1000) {
          throw new IOException("disk gone");
        }
        return 0;
      }
    };
    assertThrows(IOException.class, () -> NativeLibraryCache.cached(dir, NAME, content.length, crc, failing));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void concurrentStartsAllGetACompleteCopy() throws Exception {
    Path dir = tmp.resolve("shared/rocksdbjni-x");
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      for (int round = 0; round < 5; round++) {
        Files.deleteIfExists(dir.resolve(NAME));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Path>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          results.add(pool.submit(() -> {
            go.await();
            // a slow source, so the copies overlap
            return NativeLibraryCache.cached(dir, NAME, content.length, crc, () -> new SlowStream(content));
          }));
        }
        go.countDown();
        for (Future<Path> f : results) {
          Path file = f.get(30, TimeUnit.SECONDS);
          assertTrue(NativeLibraryCache.matches(file, content.length, crc));
        }
        try (Stream<Path> files = Files.list(dir)) {
          assertEquals(List.of(dir.resolve(NAME)), files.toList());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void removesStaleTemporaryCopies() throws IOException {
    Path dir = tmp.resolve("c");
    Files.createDirectories(dir);
    Path stale = dir.resolve(NAME + ".123.tmp");
    Path fresh = dir.resolve(NAME + ".456.tmp");
    Files.write(stale, new byte[10]);
    Files.write(fresh, new byte[10]);
    Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000L));
    NativeLibraryCache.cached(dir, NAME, content.length, crc, source(content));
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(fresh), "may belong to a start copying right now");
  }

  @Test
  void cacheDirectoryPerPlatform() {
    Map<String, String> none = Map.of();
    assertEquals(Path.of("/home/u/.cache/eddy"), NativeLibraryCache.directory(null, none, "Linux", "/home/u"));
    assertEquals(Path.of("/x/cache/eddy"),
        NativeLibraryCache.directory(null, Map.of("XDG_CACHE_HOME", "/x/cache"), "Linux", "/home/u"));
    assertEquals(Path.of("/home/u/.cache/eddy"),
        NativeLibraryCache.directory(null, Map.of("XDG_CACHE_HOME", "relative"), "Linux", "/home/u"));
    assertEquals(Path.of("/Users/u/Library/Caches/eddy"),
        NativeLibraryCache.directory(null, none, "Mac OS X", "/Users/u"));
    assertEquals(Path.of("/opt/c").toAbsolutePath(), NativeLibraryCache.directory("/opt/c", none, "Linux", "/home/u"));
    assertNull(NativeLibraryCache.directory("off", none, "Linux", "/home/u"));
    assertNull(NativeLibraryCache.directory(null, none, "Linux", "?"));
    assertNull(NativeLibraryCache.directory(null, none, "Linux", null));
  }

  @Test
  void libcFromProcMaps() {
    assertEquals(Boolean.FALSE, NativeLibraryCache.muslFromMaps(
        "7f0daf36b000-7f0daf391000 r--p 00000000 fe:00 339380   /usr/lib/x86_64-linux-gnu/libc.so.6\n"));
    assertEquals(Boolean.TRUE, NativeLibraryCache.muslFromMaps(
        "7f2c5a0e0000-7f2c5a0f4000 r--p 00000000 00:2e 1234   /lib/ld-musl-x86_64.so.1\n"));
    assertEquals(Boolean.TRUE, NativeLibraryCache.muslFromMaps("... /lib/libc.musl-aarch64.so.1\n"));
    assertNull(NativeLibraryCache.muslFromMaps("7f00-7f01 r--p 0 0:0 0 /usr/lib/libSystem.dylib\n"));
  }

  @Test
  void loadsTheRealLibraryThroughTheCache() throws IOException {
    NativeLibraryCache.loadRocksDb();
    assertTrue(org.rocksdb.RocksDB.rocksdbVersion().getMajor() > 0);
    String configured = System.getProperty(NativeLibraryCache.PROPERTY);
    if (configured != null && !configured.equals("off")) { // set by the build (pom.xml)
      // every load in this JVM went through the cache (RocksStore or this test): the copy is there
      try (Stream<Path> copies = Files.find(Path.of(configured), 2,
          (p, a) -> p.getFileName().toString().startsWith("librocksdbjni") && a.isRegularFile())) {
        assertEquals(1, copies.count());
      }
    }
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static long crc(byte[] b) {
    CRC32 c = new CRC32();
    c.update(b);
    return c.getValue();
  }

  /** Hands out the content in small pieces with pauses. */
  private static final class SlowStream extends InputStream {
    private final byte[] b;
    private int pos;

    SlowStream(byte[] b) {
      this.b = b;
    }

    @Override
    public int read() {
      return pos < b.length ? b[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] out, int off, int len) {
      if (pos >= b.length) {
        return -1;
      }
      if (pos % 60_000 == 0) {
        Thread.yield();
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      int n = Math.min(Math.min(len, 20_000), b.length - pos);
      System.arraycopy(b, pos, out, off, n);
      pos += n;
      return n;
    }
  }
}
