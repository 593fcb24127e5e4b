package dev.eddy.storage;

/**
 * Something that must change in the same batch as an item (index entries). Called for each
 * real change, under the item's lock, before the batch is written.
 */
@FunctionalInterface
public interface WriteHook {
  void onChange(ItemChange change, KvStore.Batch batch);
}
