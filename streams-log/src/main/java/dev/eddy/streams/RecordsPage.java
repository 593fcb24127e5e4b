package dev.eddy.streams;

import java.util.List;

/**
 * One GetRecords answer: the records, each the Streams API's Record as UTF-8 JSON, and the next
 * iterator (null at the end of a closed shard).
 */
public record RecordsPage(List<byte[]> records, String nextShardIterator) {}
