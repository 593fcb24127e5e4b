package dev.eddy.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One GetRecords answer: the records, and the next iterator (null at the end of a closed shard). */
public record RecordsPage(List<ObjectNode> records, String nextShardIterator) {}
