package dev.eddy.streams;

import dev.eddy.api.ApiException;
import dev.eddy.api.Operation;
import dev.eddy.storage.Catalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** The table of contents of the DynamoDBStreams_20120810 operations: name to handler. */
public final class StreamsOperations {
  /** A stream ARN as DynamoDB issues them (any partition and region, 12-digit account). */
  private static final Pattern STREAM_ARN =
      Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/[^/]+");

  private StreamsOperations() {}

  public static Map<String, Operation> create(StreamLog log, Catalog catalog) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(catalog, "catalog");
    Map<String, Operation> ops = new LinkedHashMap<>();
    ops.put("ListStreams", new ListStreamsOperation(log, catalog));
    ops.put("DescribeStream", new DescribeStreamOperation(log));
    ops.put("GetShardIterator", new GetShardIteratorOperation(log));
    ops.put("GetRecords", new GetRecordsOperation(log));
    return Map.copyOf(ops);
  }

  /** ValidationException for a value that cannot be a stream ARN (DynamoDB answers so, not ResourceNotFound). */
  static void requireStreamArnShape(String arn) {
    if (arn != null && !STREAM_ARN.matcher(arn).matches()) {
      throw ApiException.validation("Invalid StreamArn");
    }
  }
}
