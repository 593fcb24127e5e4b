package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.ItemCodec;
import dev.eddy.storage.KeyDef;
import dev.eddy.storage.KeySchema;
import dev.eddy.storage.KvStore;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import dev.eddy.storage.VectorIndex;
import dev.eddy.storage.expr.ConditionExpression;
import dev.eddy.storage.expr.ExpressionKind;
import dev.eddy.storage.expr.ProjectionExpression;
import dev.eddy.storage.expr.SearchCondition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * SearchVectors (DynamoDB vector search): the TopK items of a vector index nearest to a query
 * vector. Eddy searches exactly: it reads the table's items, keeps those in the index that pass
 * the SearchConditionExpression's equalities and scores each vector (as 32-bit floats, as the
 * index stores them) by the index's distance function. Checks and texts follow what a third-party
 * suite recorded on DynamoDB in 2026, in the order it recorded where it did.
 */
public final class SearchVectorsOperation implements Operation {
  static final int MAX_TOP_K = 100;
  private final StorageEngine engine;

  public SearchVectorsOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    // the service reads this request with a strict JSON binder: JSON null and missing members have its texts
    nullMember(request, "TableName", "a string");
    nullMember(request, "IndexName", "a string");
    nullMember(request, "SearchVector", "a sequence");
    nullMember(request, "TopK", "i32");
    for (String field : List.of("TableName", "IndexName", "SearchVector", "TopK")) {
      if (!request.has(field)) {
        throw ApiException.validation("missing field `" + field + "` at line 1 column " + column(request));
      }
    }
    Req req = new Req(request);
    String tableName = req.str("TableName");
    String indexName = req.str("IndexName");
    ArrayNode vector = req.list("SearchVector");
    Long topK = req.integer("TopK");
    Validation v = new Validation();
    v.tableName(tableName, "tableName");
    if (indexName.length() < 3) {
      v.addUnechoed("IndexName", "Member must have length greater than or equal to 3");
    }
    if (vector.isEmpty()) {
      v.addUnechoed("SearchVector", "Member must have length greater than or equal to 1");
    }
    v.range(topK, "topK", 1, Long.MAX_VALUE);
    Capacity.validate(req.str("ReturnConsumedCapacity"), v);
    v.throwIfAny();
    if (topK > MAX_TOP_K) {
      throw ApiException.validation("Provided TopK value '" + topK + "' is out of valid range. The value must be"
          + " between 1 and " + MAX_TOP_K + " inclusive");
    }
    ReadExpressions expressions = ReadExpressions.of(req, ValueLayer.CURRENT);
    SearchCondition condition = req.has("SearchConditionExpression")
        ? SearchCondition.of(ConditionExpression.parse(req.str("SearchConditionExpression"), expressions.context,
            ExpressionKind.SEARCH_CONDITION))
        : null;
    ProjectionExpression projection = req.has("ProjectionExpression")
        ? expressions.projection(req.str("ProjectionExpression")) : null;
    expressions.checkAllUsed();

    Table table = engine.catalog().require(tableName);
    VectorIndex index = table.vectorIndex(indexName);
    VectorIndex.Phase phase = index == null ? null : index.phase(engine.config().clock().millis());
    if (index == null || phase == VectorIndex.Phase.ALLOCATING) {
      throw ApiException.validation("The table does not have the specified index: " + indexName);
    }
    if (phase == VectorIndex.Phase.BACKFILLING) {
      throw ApiException.validation("Cannot search backfilling vector index: " + indexName);
    }
    float[] query = queryVector(vector);
    if (query.length != index.dimensions()) {
      throw ApiException.validation("Input search vector dimension " + query.length + " does not match vector index"
          + " dimension " + index.dimensions());
    }
    Map<String, AttributeValue> equalities = equalities(index, condition);

    Found found = search(table, index, query, equalities, topK.intValue());
    ObjectNode response = Json.object();
    ArrayNode results = response.putArray("SearchResults");
    for (Hit h : found.hits()) {
      ObjectNode r = results.addObject();
      r.set("Item", AttributeValues.itemToJson(output(table, index, h, projection)));
      r.put("Score", h.score);
    }
    String mode = req.str("ReturnConsumedCapacity");
    if (mode != null && !mode.equals("NONE")) {
      // DynamoDB's figure is the bytes its search read (and varies between calls); Eddy's counts the
      // vectors compared, at 4 bytes a dimension, with a floor of 1 KB
      long bytes = Math.max(1024, found.compared() * 4L * index.dimensions());
      response.putObject("ConsumedCapacity").put("VectorSearchRequestBytes", (double) bytes);
    }
    return response;
  }

  private static void nullMember(ObjectNode request, String field, String expected) {
    JsonNode n = request.get(field);
    if (n != null && n.isNull()) {
      throw ApiException.serialization("invalid type: null, expected " + expected + " at line 1 column "
          + column(request));
    }
  }

  /** The column a strict binder reports at the request's end (the request is one line). */
  private static int column(ObjectNode request) {
    return request.toString().length();
  }

  /** The query vector as 32-bit floats: every element a number within the float range. */
  private static float[] queryVector(ArrayNode vector) {
    float[] out = new float[vector.size()];
    for (int i = 0; i < out.length; i++) {
      AttributeValue a;
      try {
        a = AttributeValues.read(vector.get(i), ValueLayer.CURRENT);
      } catch (ApiException e) {
        a = null;
      }
      if (!(a instanceof AttributeValue.N n) || !VectorIndex.fitsFloat(n.value())) {
        throw ApiException.validation("Search vector contains invalid values. All values in the search vector must be"
            + " a 32-bit floating-point number attribute");
      }
      out[i] = n.value().floatValue();
    }
    return out;
  }

  /** The condition's equalities by attribute, checked against the index's search schema. */
  private static Map<String, AttributeValue> equalities(VectorIndex index, SearchCondition condition) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    if (condition != null) {
      for (SearchCondition.Equality e : condition.equalities()) {
        if (!index.inSchema(e.attribute())) {
          throw ApiException.validation("SearchConditionExpression must not contain any attributes that is not in"
              + " SearchSchema. Invalid attribute: " + e.attribute());
        }
      }
      for (SearchCondition.Equality e : condition.equalities()) {
        if (e.nested()) {
          throw ApiException.validation("Invalid SearchConditionExpression: SearchConditionExpression cannot have"
              + " conditions on nested attributes");
        }
        if (out.put(e.attribute(), e.value()) != null) {
          throw ApiException.validation("Invalid SearchConditionExpression: SearchConditionExpression must only contain"
              + " one condition per attribute");
        }
      }
    }
    VectorIndex.SchemaElement hash = index.hash();
    if (hash != null && !out.containsKey(hash.name())) {
      throw ApiException.validation("SearchConditionExpression must be provided when SearchSchema has a HASH key");
    }
    for (VectorIndex.SchemaElement s : index.searchSchema()) {
      AttributeValue value = out.get(s.name());
      if (value == null) {
        continue;
      }
      if (!value.type().equals(s.type())) {
        throw ApiException.validation("Type of '" + s.name() + "' attribute in SearchConditionExpression ("
            + value.type() + ") does not match type in search schema (" + s.type() + ")");
      }
      if (s.isHash()) {
        KeySchema.checkConditionValue(new KeyDef(s.name(), s.type()), value);
      }
    }
    return out;
  }

  /** One scored item (its stored row), and its place in the table's key order (ties keep that order). */
  private record Hit(byte[] stored, float[] vector, double score, long order) {}

  /** The hits, best first, and how many vectors were compared. */
  private record Found(List<Hit> hits, long compared) {}

  private Found search(Table table, VectorIndex index, float[] query, Map<String, AttributeValue> equalities,
      int topK) {
    boolean higherIsCloser = index.distance().equals("DOT_PRODUCT");
    // the worst of the kept hits at the head, so that it is the one dropped
    PriorityQueue<Hit> kept = new PriorityQueue<>((a, b) -> {
      int c = higherIsCloser ? Double.compare(a.score, b.score) : Double.compare(b.score, a.score);
      return c != 0 ? c : Long.compare(b.order, a.order);
    });
    byte[] lower = table.rowPrefix();
    byte[] upper = KeyBytes.prefixEnd(lower);
    long order = 0;
    long compared = 0;
    // only the vector (straight to floats) and the search schema are read from each row; a hit's
    // whole item is read at the end
    Set<String> schema = new HashSet<>();
    index.searchSchema().forEach(e -> schema.add(e.name()));
    try (KvStore.Cursor c = engine.store().cursor(KvStore.Space.ITEMS, lower, upper)) {
      for (c.seek(lower); c.valid() && KeyBytes.compare(c.key(), upper) < 0; c.next()) {
        byte[] stored = c.value();
        Map<String, AttributeValue> read = schema.isEmpty() ? Map.of() : ItemCodec.decode(stored, schema);
        float[] v = index.vectorOfRow(stored, read);
        if (v == null || !SearchCondition.holds(read, equalities)) {
          continue;
        }
        compared++;
        kept.add(new Hit(stored, v, score(index.distance(), query, v), order++));
        if (kept.size() > topK) {
          kept.poll();
        }
      }
    }
    List<Hit> out = new ArrayList<>(kept);
    out.sort((a, b) -> {
      int cmp = higherIsCloser ? Double.compare(b.score, a.score) : Double.compare(a.score, b.score);
      return cmp != 0 ? cmp : Long.compare(a.order, b.order);
    });
    return new Found(out, compared);
  }

  /**
   * The score of a vector: COSINE 1 - cos (0 identical, 2 opposite; 1 when either has no
   * magnitude), EUCLIDEAN the distance, DOT_PRODUCT the product (higher is closer). Summed in
   * double over the 32-bit values and given as a 32-bit float, never infinite.
   */
  static double score(String distance, float[] q, float[] s) {
    double result;
    switch (distance) {
      case "EUCLIDEAN" -> {
        double sum = 0;
        for (int i = 0; i < q.length; i++) {
          double d = (double) q[i] - s[i];
          sum += d * d;
        }
        result = Math.sqrt(sum);
      }
      case "DOT_PRODUCT" -> {
        double sum = 0;
        for (int i = 0; i < q.length; i++) {
          sum += (double) q[i] * s[i];
        }
        result = sum;
      }
      default -> {
        double dot = 0;
        double qq = 0;
        double ss = 0;
        for (int i = 0; i < q.length; i++) {
          dot += (double) q[i] * s[i];
          qq += (double) q[i] * q[i];
          ss += (double) s[i] * s[i];
        }
        result = qq == 0 || ss == 0 ? 1.0 : Math.min(2.0, Math.max(0.0, 1.0 - dot / Math.sqrt(qq * ss)));
      }
    }
    float f = (float) result;
    if (Float.isInfinite(f)) {
      f = f > 0 ? Float.MAX_VALUE : -Float.MAX_VALUE;
    }
    return f;
  }

  /**
   * A hit's Item: the attributes the index projects, without the vector unless the
   * ProjectionExpression names it (then as the index's 32-bit copy).
   */
  private static Map<String, AttributeValue> output(Table table, VectorIndex index, Hit h,
      ProjectionExpression projection) {
    Map<String, AttributeValue> entry = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> e : ItemCodec.decode(h.stored).entrySet()) {
      if (e.getKey().equals(index.attribute())) {
        entry.put(e.getKey(), floats(h.vector));
      } else if (index.projects(e.getKey(), table.keySchema())) {
        entry.put(e.getKey(), e.getValue());
      }
    }
    if (projection != null) {
      return projection.project(entry);
    }
    entry.remove(index.attribute());
    return entry;
  }

  private static AttributeValue floats(float[] vector) {
    List<AttributeValue> out = new ArrayList<>(vector.length);
    for (float f : vector) {
      out.add(new AttributeValue.N(new BigDecimal(Float.toString(f))));
    }
    return new AttributeValue.L(out);
  }
}
