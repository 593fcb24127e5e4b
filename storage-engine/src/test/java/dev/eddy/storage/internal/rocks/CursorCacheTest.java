package dev.eddy.storage.internal.rocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.storage.KvStore;
import dev.eddy.storage.KvStore.Space;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded ITEMS and INDEXES cursors are kept per thread and used again (CursorCache). */
class CursorCacheTest {
  @TempDir
  Path dir;

  private static byte[] key(int i) {
    return new byte[] {'k', (byte) (i / 100), (byte) (i % 100)};
  }

  private static int number(byte[] key) {
    return key[1] * 100 + key[2];
  }

  private static void put(KvStore store, Space space, int from, int to) {
    try (KvStore.Batch b = store.batch()) {
      for (int i = from; i < to; i++) {
        b.put(space, key(i), new byte[] {(byte) i});
      }
      store.write(b);
    }
  }

  private static List<Integer> forward(KvStore store, Space space, int lower, int upper) {
    List<Integer> out = new ArrayList<>();
    try (KvStore.Cursor c = store.cursor(space, key(lower), key(upper))) {
      for (c.seek(key(lower)); c.valid(); c.next()) {
        out.add(number(c.key()));
      }
    }
    return out;
  }

  private static List<Integer> backward(KvStore store, Space space, int lower, int upper) {
    List<Integer> out = new ArrayList<>();
    try (KvStore.Cursor c = store.cursor(space, key(lower), key(upper))) {
      for (c.seekForPrev(key(upper)); c.valid(); c.prev()) {
        out.add(number(c.key()));
      }
    }
    return out;
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(i);
    }
    return out;
  }

  @Test
  void aKeptCursorTakesItsNewBoundsAndSeesLaterWrites() {
    try (RocksStore store = RocksStore.open(null, false)) {
      put(store, Space.ITEMS, 0, 50);
      assertEquals(range(10, 40), forward(store, Space.ITEMS, 10, 40));
      assertEquals(1, store.keptCursors());
      assertEquals(range(20, 25), forward(store, Space.ITEMS, 20, 25));
      assertEquals(List.of(24, 23, 22, 21, 20), backward(store, Space.ITEMS, 20, 25));
      put(store, Space.ITEMS, 50, 60);
      try (KvStore.Batch b = store.batch()) {
        b.delete(Space.ITEMS, key(52));
        store.write(b);
      }
      List<Integer> expected = range(45, 60);
      expected.remove(Integer.valueOf(52));
      assertEquals(expected, forward(store, Space.ITEMS, 45, 70));
      assertEquals(1, store.keptCursors(), "one cursor, used again each time");
      assertEquals(List.of(), forward(store, Space.INDEXES, 0, 3));
      assertEquals(2, store.keptCursors(), "one per space");
    }
  }

  @Test
  void narrowerBoundsInsideAFlushedBlockStillHold() {
    try (RocksStore store = RocksStore.open(dir.resolve("db"), false)) {
      put(store, Space.ITEMS, 0, 300);
      store.flush();
      // the first use reads whole blocks within wide bounds; the next ones narrow the bounds to
      // a few keys inside the same blocks
      assertEquals(range(0, 300), forward(store, Space.ITEMS, 0, 1000));
      for (int lo = 0; lo < 300; lo += 37) {
        assertEquals(range(lo, lo + 3), forward(store, Space.ITEMS, lo, lo + 3), "from " + lo);
        assertEquals(List.of(lo + 2, lo + 1, lo), backward(store, Space.ITEMS, lo, lo + 3), "from " + lo);
      }
      assertEquals(range(290, 300), forward(store, Space.ITEMS, 290, 1000));
      assertEquals(List.of(), forward(store, Space.ITEMS, 300, 1000));
    }
  }

  @Test
  void aSecondCursorOfTheSameThreadIsItsOwn() {
    try (RocksStore store = RocksStore.open(null, false)) {
      put(store, Space.ITEMS, 0, 20);
      try (KvStore.Cursor outer = store.cursor(Space.ITEMS, key(0), key(10));
          KvStore.Cursor inner = store.cursor(Space.ITEMS, key(10), key(20))) {
        assertNotSame(outer, inner);
        outer.seek(key(0));
        inner.seek(key(10));
        for (int i = 0; i < 10; i++) {
          assertTrue(outer.valid());
          assertTrue(inner.valid());
          assertEquals(i, number(outer.key()));
          assertEquals(10 + i, number(inner.key()));
          outer.next();
          inner.next();
        }
        assertFalse(outer.valid());
        assertFalse(inner.valid());
      }
      KvStore.Cursor first;
      try (KvStore.Cursor c = store.cursor(Space.ITEMS, key(0), key(1))) {
        first = c;
      }
      try (KvStore.Cursor c = store.cursor(Space.ITEMS, key(0), key(1))) {
        assertSame(first, c, "kept");
      }
    }
  }

  @Test
  void eachThreadHasItsOwnCursor() throws Exception {
    try (RocksStore store = RocksStore.open(null, false)) {
      put(store, Space.ITEMS, 0, 100);
      forward(store, Space.ITEMS, 0, 100);
      CompletableFuture<List<Integer>> other = CompletableFuture.supplyAsync(() -> forward(store, Space.ITEMS, 40, 60));
      assertEquals(range(40, 60), other.get());
      assertEquals(2, store.keptCursors());
    }
  }

  @Test
  void aFlushClosesTheCursorsNotInUseAndTheOneInUseWhenItCloses() throws Exception {
    try (RocksStore store = RocksStore.open(dir.resolve("db"), false)) {
      put(store, Space.ITEMS, 0, 100);
      CompletableFuture.runAsync(() -> forward(store, Space.ITEMS, 0, 10)).get();
      try (KvStore.Cursor open = store.cursor(Space.ITEMS, key(0), key(50))) {
        assertEquals(2, store.keptCursors());
        put(store, Space.ITEMS, 100, 110);
        store.flush();
        waitFor(() -> store.keptCursors() == 1); // the other thread's, idle, closed by the flush
        open.seek(key(0));
        assertTrue(open.valid(), "the cursor in use still reads");
      }
      assertEquals(0, store.keptCursors(), "closed when released after the flush");
      assertEquals(range(95, 110), forward(store, Space.ITEMS, 95, 200));
      assertEquals(1, store.keptCursors());
    }
  }

  @Test
  void aKeptStreamsCursorSeesRangeDeletionsMadeSinceItsLastUse() {
    try (RocksStore store = RocksStore.open(null, false)) {
      put(store, Space.STREAMS, 0, 100);
      assertEquals(range(0, 100), forward(store, Space.STREAMS, 0, 100));
      store.deleteRange(Space.STREAMS, key(0), key(40));
      assertEquals(range(40, 100), forward(store, Space.STREAMS, 0, 100));
      put(store, Space.STREAMS, 100, 120);
      store.deleteRange(Space.STREAMS, key(90), key(110));
      List<Integer> expected = range(40, 90);
      expected.addAll(range(110, 120));
      assertEquals(expected, forward(store, Space.STREAMS, 0, 200));
      assertEquals(1, store.keptCursors());
    }
  }

  @Test
  void longBoundsAndOtherSpacesGetCursorsOfTheirOwn() {
    try (RocksStore store = RocksStore.open(null, false)) {
      byte[] longLower = new byte[CursorCache.BOUND_CAPACITY + 1];
      try (KvStore.Cursor c = store.cursor(Space.ITEMS, longLower, new byte[] {(byte) 0xFF})) {
        c.seekToFirst();
        assertFalse(c.valid());
      }
      try (KvStore.Cursor c = store.cursor(Space.META, key(0), key(1))) {
        c.seekToFirst();
        assertFalse(c.valid());
      }
      try (KvStore.Cursor c = store.cursor(Space.ITEMS, null, key(1))) {
        c.seekToFirst();
        assertFalse(c.valid());
      }
      assertEquals(0, store.keptCursors());
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(5);
    }
  }
}
