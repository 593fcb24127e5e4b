package dev.eddy.storage;

import java.util.List;

/**
 * The port through which every committed change reaches the stream log. The storage engine
 * calls {@link #prepare} while it holds the locks of the changed items and before the batch is
 * written, so the stream records commit in the same atomic batch as the items; the returned
 * {@link Commit} is closed right after the write (whether it succeeded or not).
 */
public interface ChangeCapture {

  /** Adds stream records for the changes to the batch. Only called with real (non no-op) changes. */
  Commit prepare(List<ItemChange> changes, KvStore.Batch batch);

  /**
   * A table was created, changed (e.g. its stream specification) or deleted: {@code before} is
   * null on creation, {@code after} null on deletion. Called inside the catalog batch.
   */
  void tableChanged(Table before, Table after, KvStore.Batch batch);

  /** Released after the batch is written. */
  interface Commit extends AutoCloseable {
    Commit NONE = () -> { };

    @Override
    void close();
  }

  ChangeCapture NONE = new ChangeCapture() {
    @Override
    public Commit prepare(List<ItemChange> changes, KvStore.Batch batch) {
      return Commit.NONE;
    }

    @Override
    public void tableChanged(Table before, Table after, KvStore.Batch batch) {
      // no stream log
    }
  };
}
