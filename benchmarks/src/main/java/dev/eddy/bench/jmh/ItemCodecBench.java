package dev.eddy.bench.jmh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.storage.ItemCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON decode/encode of items: the PutItem request body into attribute values
 * (Json.parseRequest + AttributeValues.readItem), and the stored form (ItemCodec) both ways.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ItemCodecBench {
  /** "small": 3 attributes, ~100 B; "typical": 12 attributes of mixed types, ~1 KB. */
  @Param({"small", "typical"})
  public String shape;

  private byte[] requestBody;
  private byte[] stored;
  private Map<String, AttributeValue> item;

  @Setup
  public void setup() {
    String itemJson = Items.json(shape);
    requestBody = ("{\"TableName\":\"bench\",\"Item\":" + itemJson + "}").getBytes(StandardCharsets.UTF_8);
    item = AttributeValues.readItem(Json.parseRequest(requestBody, 0, requestBody.length).get("Item"));
    stored = ItemCodec.encode(item);
  }

  @Benchmark
  public Map<String, AttributeValue> decodeRequest() {
    ObjectNode req = Json.parseRequest(requestBody, 0, requestBody.length);
    return AttributeValues.readItem(req.get("Item"));
  }

  @Benchmark
  public byte[] encodeStored() {
    return ItemCodec.encode(item);
  }

  @Benchmark
  public Map<String, AttributeValue> decodeStored() {
    return ItemCodec.decode(stored);
  }

  @Benchmark
  public long itemSize() {
    return AttributeValues.itemSize(item);
  }
}
