package dev.eddy.storage.internal.rocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.eddy.storage.KvStore;
import dev.eddy.storage.KvStore.Space;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RocksStoreCursorTest {
  private RocksStore store;

  @BeforeEach
  void open() {
    store = RocksStore.open(null, false);
    try (KvStore.Batch b = store.batch()) {
      for (int i = 0; i < 10; i++) {
        b.put(Space.ITEMS, key(i), new byte[] {(byte) i});
      }
      store.write(b);
    }
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static byte[] key(int i) {
    return new byte[] {'k', (byte) ('0' + i)};
  }

  private static List<Integer> forward(KvStore.Cursor c, byte[] from) {
    List<Integer> out = new ArrayList<>();
    for (c.seek(from); c.valid(); c.next()) {
      out.add(c.key()[1] - '0');
    }
    return out;
  }

  @Test
  void boundedCursorsStayInTheirRange() {
    try (KvStore.Cursor c = store.cursor(Space.ITEMS, key(3), key(7))) {
      assertEquals(List.of(3, 4, 5, 6), forward(c, key(0)));
      assertEquals(List.of(5, 6), forward(c, key(5)));
      c.seekForPrev(key(9)); // past the upper bound: the last key below it
      assertArrayEquals(key(6), c.key());
      List<Integer> back = new ArrayList<>();
      for (; c.valid(); c.prev()) {
        back.add(c.key()[1] - '0');
      }
      assertEquals(List.of(6, 5, 4, 3), back);
      c.seek(key(7));
      assertFalse(c.valid());
    }
    try (KvStore.Cursor c = store.cursor(Space.ITEMS, null, key(2))) {
      assertEquals(List.of(0, 1), forward(c, key(0)));
    }
    try (KvStore.Cursor c = store.cursor(Space.ITEMS, key(8), null)) {
      assertEquals(List.of(8, 9), forward(c, key(0)));
    }
    try (KvStore.Cursor c = store.cursor(Space.ITEMS)) {
      assertEquals(10, forward(c, key(0)).size());
    }
  }

  @Test
  void boundedCursorsSkipDeletedKeys() {
    try (KvStore.Batch b = store.batch()) {
      b.delete(Space.ITEMS, key(4));
      store.write(b);
    }
    try (KvStore.Cursor c = store.cursor(Space.ITEMS, key(3), key(6))) {
      assertEquals(List.of(3, 5), forward(c, key(3)));
    }
  }
}
