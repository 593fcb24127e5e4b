package dev.eddy.bench.jmh;

import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.storage.expr.ConditionExpression;
import dev.eddy.storage.expr.ExpressionContext;
import dev.eddy.storage.expr.UpdateExpression;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Expression evaluation: parse (+ resolve/check) of a condition and of an update, test of a
 * parsed condition, and apply of a parsed update (SET + ADD, the load generator's update).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ExpressionBench {
  static final String CONDITION =
      "attribute_exists(pk) AND (#age BETWEEN :lo AND :hi OR contains(#tags, :tag)) AND #addr.city = :city";
  static final String UPDATE = "SET #name = :name, #addr.city = :city ADD #age :one";

  private final Map<String, AttributeValue> conditionValues = Map.of(
      ":lo", AttributeValue.N.of(18), ":hi", AttributeValue.N.of(65),
      ":tag", new AttributeValue.S("b"), ":city", new AttributeValue.S("London"));
  private final Map<String, AttributeValue> updateValues = Map.of(
      ":name", new AttributeValue.S("Ada King"), ":city", new AttributeValue.S("Paris"),
      ":one", AttributeValue.N.of(1));
  private Map<String, AttributeValue> item;
  private ConditionExpression condition;
  private UpdateExpression update;

  @Setup
  public void setup() throws Exception {
    item = AttributeValues.readItem(Json.mapper().readTree(Items.json("typical")));
    condition = parseCondition();
    update = parseUpdate();
    if (!condition.test(item)) {
      throw new IllegalStateException("condition should hold for the benchmark item");
    }
  }

  @Benchmark
  public ConditionExpression parseCondition() {
    return ConditionExpression.parse(CONDITION, new ExpressionContext(
        Map.of("#age", "age", "#tags", "tags", "#addr", "address"), conditionValues));
  }

  @Benchmark
  public boolean testCondition() {
    return condition.test(item);
  }

  @Benchmark
  public UpdateExpression parseUpdate() {
    return UpdateExpression.parse(UPDATE, new ExpressionContext(
        Map.of("#name", "name", "#addr", "address", "#age", "age"), updateValues));
  }

  @Benchmark
  public Map<String, AttributeValue> applyUpdate() {
    return update.apply(item);
  }
}
