package dev.eddy.bench.jmh;

import dev.eddy.api.AttributeValue;
import dev.eddy.storage.KeyCodec;
import dev.eddy.storage.KeyDef;
import dev.eddy.storage.KeySchema;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Order-preserving key encoding (KeyCodec) of string and number keys, and of a composite key. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class KeyCodecBench {
  private final AttributeValue s = new AttributeValue.S("user#000123");
  private final AttributeValue n = AttributeValue.N.of("1700000000123");
  private final AttributeValue fraction = AttributeValue.N.of("-12345.678");
  private final KeySchema schema = new KeySchema(new KeyDef("pk", "S"), new KeyDef("sk", "N"));
  private final Map<String, AttributeValue> item = Map.of("pk", s, "sk", n,
      "d", new AttributeValue.S("payload"));
  private final byte[] encodedN = KeyCodec.encode(n);

  @Benchmark
  public byte[] encodeString() {
    return KeyCodec.encode(s);
  }

  @Benchmark
  public byte[] encodeNumber() {
    return KeyCodec.encode(n);
  }

  @Benchmark
  public byte[] encodeNegativeFraction() {
    return KeyCodec.encode(fraction);
  }

  @Benchmark
  public byte[] encodeCompositeKey() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    schema.encode(item, out);
    return out.toByteArray();
  }

  @Benchmark
  public AttributeValue decodeNumber() {
    return KeyCodec.decode("N", encodedN, new int[] {0});
  }
}
