package dev.eddy.storage;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks over item rows: a read-modify-write of an item holds its row's stripe, so
 * conditional writes and counters are atomic. Several rows are locked in stripe order, so
 * transactions cannot deadlock.
 */
final class RowLocks {
  private static final int STRIPES = 4096;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  RowLocks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  private static int stripe(byte[] rowKey) {
    int h = Arrays.hashCode(rowKey);
    h ^= (h >>> 16);
    return h & (STRIPES - 1);
  }

  /** Locks the stripes of all given rows; close the result to unlock. */
  Held lock(byte[]... rowKeys) {
    int[] stripes = new int[rowKeys.length];
    for (int i = 0; i < rowKeys.length; i++) {
      stripes[i] = stripe(rowKeys[i]);
    }
    Arrays.sort(stripes);
    int n = 0;
    for (int i = 0; i < stripes.length; i++) {
      if (i == 0 || stripes[i] != stripes[i - 1]) {
        stripes[n++] = stripes[i];
      }
    }
    int[] held = Arrays.copyOf(stripes, n);
    for (int s : held) {
      locks[s].lock();
    }
    return new Held(held);
  }

  final class Held implements AutoCloseable {
    private final int[] stripes;

    private Held(int[] stripes) {
      this.stripes = stripes;
    }

    @Override
    public void close() {
      for (int i = stripes.length - 1; i >= 0; i--) {
        locks[stripes[i]].unlock();
      }
    }
  }
}
