package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.Table;
import dev.eddy.storage.VectorIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vector index definitions (DynamoDB vector search): CreateTable's {@code VectorIndexes},
 * UpdateTable's {@code VectorIndexUpdates} and their public view. The checks and texts are those a
 * third-party suite recorded on DynamoDB in 2026 (docs/COMPATIBILITY.md names what was inferred).
 */
final class VectorIndexDefinitions {
  static final int MAX_VECTOR_INDEXES = 5;
  static final int MAX_DIMENSIONS = 4096;
  static final List<String> DISTANCE_FUNCTIONS = List.of("COSINE", "DOT_PRODUCT", "EUCLIDEAN");
  static final List<String> SCHEMA_ELEMENT_TYPES = List.of("HASH", "INLINE_FILTER");

  private VectorIndexDefinitions() {}

  /** The field constraints of one VectorIndex (or UpdateTable Create) element at {@code path}. */
  static void validateShape(JsonNode index, String path, Validation v) {
    Req r = Req.element(index);
    String name = r.str("IndexName");
    v.notNull(name, path + ".indexName");
    v.name(name, path + ".indexName");
    Req attribute = r.obj("VectorAttribute");
    v.notNull(attribute, path + ".vectorAttribute");
    if (attribute != null) {
      String attr = attribute.str("AttributeName");
      v.notNull(attr, path + ".vectorAttribute.attributeName");
      v.length(attr, path + ".vectorAttribute.attributeName", 1, 255);
    }
    Long dimensions = r.integer("Dimensions");
    v.notNull(dimensions, path + ".dimensions");
    v.range(dimensions, path + ".dimensions", 1, Long.MAX_VALUE);
    String distance = r.str("DistanceFunction");
    v.notNull(distance, path + ".distanceFunction");
    v.oneOf(distance, path + ".distanceFunction", DISTANCE_FUNCTIONS);
    Req projection = r.obj("Projection");
    v.notNull(projection, path + ".projection");
    if (projection != null) {
      v.oneOf(projection.str("ProjectionType"), path + ".projection.projectionType", IndexDefinitions.PROJECTION_TYPES);
    }
    ArrayNode schema = r.list("SearchSchema");
    if (schema != null) {
      if (schema.isEmpty()) {
        v.add("[]", path + ".searchSchema", "Member must have length greater than or equal to 1");
      }
      for (int i = 0; i < schema.size(); i++) {
        Req e = Req.element(schema.get(i));
        String p = path + ".searchSchema." + (i + 1) + ".member";
        v.notNull(e.str("AttributeName"), p + ".attributeName");
        v.notNull(e.str("SearchSchemaElementType"), p + ".searchSchemaElementType");
        v.oneOf(e.str("SearchSchemaElementType"), p + ".searchSchemaElementType", SCHEMA_ELEMENT_TYPES);
      }
    }
  }

  /** The field constraints of CreateTable's VectorIndexes. */
  static void validateShapes(ArrayNode list, Validation v) {
    for (int i = 0; list != null && i < list.size(); i++) {
      validateShape(list.get(i), "vectorIndexes." + (i + 1) + ".member", v);
    }
  }

  /** The SearchSchema attributes of the request's vector indexes (they are declared in AttributeDefinitions). */
  static Set<String> schemaAttributes(ArrayNode list) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode i : list == null ? Json.NODES.arrayNode() : list) {
      for (JsonNode e : i.path("SearchSchema")) {
        out.add(e.path("AttributeName").asText());
      }
    }
    return out;
  }

  /**
   * CreateTable's checks of its vector indexes that need only the request, in the order DynamoDB
   * makes them as far as they were captured (before the key schema's own checks, whose "not used"
   * definitions would hide them).
   */
  static void checkOnCreate(ArrayNode list, ArrayNode attributeDefinitions, boolean payPerRequest) {
    if (!payPerRequest) {
      throw ApiException.invalidParameter("Vector indexes are only supported for PAY_PER_REQUEST tables");
    }
    if (list.isEmpty()) {
      throw ApiException.invalidParameter("List of VectorIndexes is empty");
    }
    if (list.size() > MAX_VECTOR_INDEXES) {
      throw ApiException.invalidParameter("VectorIndex count exceeds the per-table limit of " + MAX_VECTOR_INDEXES);
    }
    List<String> declared = new ArrayList<>();
    attributeDefinitions.forEach(a -> declared.add(a.path("AttributeName").asText()));
    ArrayNode checked = Json.NODES.arrayNode();
    for (JsonNode i : list) {
      check(i, declared, checked);
      checked.add(i);
    }
  }

  /** Adds the descriptions of CreateTable's vector indexes to {@code d}: names are unique among all indexes. */
  static void addOnCreate(ObjectNode d, ArrayNode list, String tableArn) {
    Set<String> names = new LinkedHashSet<>();
    for (String field : List.of("LocalSecondaryIndexes", "GlobalSecondaryIndexes")) {
      d.path(field).forEach(i -> names.add(i.path("IndexName").asText()));
    }
    ArrayNode out = d.putArray("VectorIndexes");
    for (JsonNode i : list) {
      String name = i.path("IndexName").asText();
      if (!names.add(name)) {
        throw ApiException.invalidParameter("Duplicate index name: " + name);
      }
      out.add(description(i, tableArn, -1));
    }
  }

  /** The checks of one new index against the request's declarations and the table's other vector indexes. */
  private static void check(JsonNode i, List<String> declared, ArrayNode existing) {
    long dimensions = i.path("Dimensions").asLong();
    if (dimensions > MAX_DIMENSIONS) {
      throw ApiException.invalidParameter("Number of dimensions must be between 1 and " + MAX_DIMENSIONS + " inclusive.");
    }
    int hashes = 0;
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode e : i.path("SearchSchema")) {
      if (e.path("SearchSchemaElementType").asText().equals("HASH")) {
        hashes++;
      }
    }
    if (hashes > 1) {
      throw ApiException.invalidParameter("Value '" + hashes + "' at 'SearchSchema' failed to satisfy constraint: Member"
          + " must have HASH count less than or equal to 1");
    }
    for (JsonNode e : i.path("SearchSchema")) {
      String attr = e.path("AttributeName").asText();
      if (!seen.add(attr)) {
        throw ApiException.invalidParameter("SearchSchema contains a duplicate AttributeName");
      }
      if (!declared.contains(attr)) {
        throw ApiException.invalidParameter("One element in SearchSchema is not defined in attribute definitions");
      }
    }
    String attribute = i.path("VectorAttribute").path("AttributeName").asText();
    if (declared.contains(attribute)) {
      throw ApiException.invalidParameter("Conflicting attribute definition for '" + attribute + "'. An attribute"
          + " cannot be defined in AttributeDefinitions when used as a VectorAttribute.");
    }
    for (JsonNode other : existing) {
      if (other.path("VectorAttribute").path("AttributeName").asText().equals(attribute)
          && other.path("Dimensions").asLong() != dimensions) {
        throw ApiException.invalidParameter("Conflicting attribute definition for '" + attribute + "'. All"
            + " VectorIndexes on the same vector attribute must use the same dimensions.");
      }
    }
  }

  /** The stored description of a new index; {@code createdMillis} is -1 for one created with its table. */
  private static ObjectNode description(JsonNode i, String tableArn, long createdMillis) {
    ObjectNode o = Json.object();
    String name = i.path("IndexName").asText();
    o.put("IndexName", name);
    o.putObject("VectorAttribute").put("AttributeName", i.path("VectorAttribute").path("AttributeName").asText());
    o.put("Dimensions", i.path("Dimensions").asLong());
    o.put("DistanceFunction", i.path("DistanceFunction").asText());
    ObjectNode projection = o.putObject("Projection");
    projection.put("ProjectionType", i.path("Projection").path("ProjectionType").asText());
    JsonNode nonKey = i.path("Projection").get("NonKeyAttributes");
    if (nonKey != null && !nonKey.isNull()) {
      projection.set("NonKeyAttributes", nonKey.deepCopy());
    }
    JsonNode schema = i.get("SearchSchema");
    if (schema != null && !schema.isNull()) {
      o.set("SearchSchema", schema.deepCopy());
    }
    o.put("IndexArn", tableArn + "/index/" + name);
    if (createdMillis >= 0) {
      o.put(VectorIndex.CREATED_FIELD, createdMillis);
    }
    return o;
  }

  /** True when a vector index of the table is in a phase that holds the table UPDATING (resource allocation). */
  static boolean allocating(Table table, long nowMillis) {
    for (VectorIndex i : table.vectorIndexes()) {
      if (i.phase(nowMillis) == VectorIndex.Phase.ALLOCATING) {
        return true;
      }
    }
    return false;
  }

  /** True when a vector index of the table is still being created (either phase). */
  static boolean creating(Table table, long nowMillis) {
    for (VectorIndex i : table.vectorIndexes()) {
      if (i.phase(nowMillis) != VectorIndex.Phase.ACTIVE) {
        return true;
      }
    }
    return false;
  }

  /** The public view of the description's vector indexes: status by phase, counters, internal fields removed. */
  static void applyView(ObjectNode d, Table table, String tableStatus, long nowMillis) {
    JsonNode list = d.get("VectorIndexes");
    if (list == null) {
      return;
    }
    if (list.isEmpty()) {
      d.remove("VectorIndexes");
      return;
    }
    Map<String, VectorIndex> byName = new HashMap<>();
    table.vectorIndexes().forEach(i -> byName.put(i.name(), i));
    for (JsonNode n : list) {
      ObjectNode i = (ObjectNode) n;
      for (Iterator<String> it = i.fieldNames(); it.hasNext(); ) {
        if (it.next().startsWith("_")) {
          it.remove();
        }
      }
      VectorIndex index = byName.get(i.path("IndexName").asText());
      VectorIndex.Phase phase = index == null ? VectorIndex.Phase.ACTIVE : index.phase(nowMillis);
      if (tableStatus.equals("CREATING") || tableStatus.equals("DELETING")) {
        i.put("IndexStatus", tableStatus);
      } else if (phase == VectorIndex.Phase.ACTIVE) {
        i.put("IndexStatus", "ACTIVE");
      } else {
        i.put("IndexStatus", "CREATING");
        i.put("Backfilling", phase == VectorIndex.Phase.BACKFILLING);
      }
      // DynamoDB refreshes these about every six hours; Eddy keeps no separate index to count
      i.put("ItemCount", 0);
      i.put("IndexSizeBytes", 0);
    }
  }

  /** UpdateTable's VectorIndexUpdates, read and checked for their shape; null when absent. */
  static final class Updates {
    private final List<JsonNode> creates = new ArrayList<>();
    private final List<String> deletes = new ArrayList<>();
    private final ArrayNode attributeDefinitions;
    private final List<ObjectNode> deletedViews = new ArrayList<>();

    private Updates(ArrayNode attributeDefinitions) {
      this.attributeDefinitions = attributeDefinitions;
    }

    static Updates read(Req req, Validation v) {
      ArrayNode list = req.list("VectorIndexUpdates");
      if (list == null) {
        return null;
      }
      Updates u = new Updates(req.list("AttributeDefinitions"));
      for (int i = 0; i < list.size(); i++) {
        String path = "vectorIndexUpdates." + (i + 1) + ".member";
        Req e = Req.element(list.get(i));
        Req create = e.obj("Create");
        Req delete = e.obj("Delete");
        if (create != null) {
          validateShape(create.node(), path + ".create", v);
          u.creates.add(create.node());
        }
        if (delete != null) {
          v.notNull(delete.str("IndexName"), path + ".delete.indexName");
          v.name(delete.str("IndexName"), path + ".delete.indexName");
          u.deletes.add(delete.str("IndexName"));
        }
        if (create != null && delete != null) {
          throw ApiException.invalidParameter("Only one vector index action is allowed per VectorIndexUpdate object");
        }
        if (create == null && delete == null) {
          throw ApiException.invalidParameter("One of VectorIndexUpdate.Create, VectorIndexUpdate.Delete must not be"
              + " null");
        }
      }
      return u;
    }

    /** The attributes a Create's SearchSchema declares (they count as used). */
    Set<String> schemaAttributes() {
      Set<String> out = new LinkedHashSet<>();
      creates.forEach(c -> c.path("SearchSchema").forEach(e -> out.add(e.path("AttributeName").asText())));
      return out;
    }

    /** Applies the updates to a private copy of the description (inside Catalog.update). */
    void applyTo(ObjectNode d, Table current, long nowMillis) {
      if (creates.size() + deletes.size() > 1) {
        throw IndexDefinitions.onlineIndexLimit();
      }
      boolean payPerRequest = d.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED")
          .equals("PAY_PER_REQUEST");
      ArrayNode list = d.has("VectorIndexes") ? (ArrayNode) d.get("VectorIndexes") : d.putArray("VectorIndexes");
      for (String name : deletes) {
        VectorIndex index = current.vectorIndex(name);
        if (index == null) {
          throw ApiException.resourceNotFound("Requested resource not found: Index " + name + " for table "
              + current.name());
        }
        if (index.phase(nowMillis) == VectorIndex.Phase.ALLOCATING) {
          throw ApiException.resourceInUse("Attempt to change a resource which is still in use:"
              + " Index creation is in resource allocation phase. Retry deletion during backfilling phase or when the"
              + " index is active. Table: " + current.name() + " Index: " + name);
        }
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i).path("IndexName").asText().equals(name)) {
            ObjectNode view = (ObjectNode) list.get(i).deepCopy();
            view.remove(VectorIndex.CREATED_FIELD);
            view.put("IndexStatus", "DELETING");
            view.put("ItemCount", 0);
            view.put("IndexSizeBytes", 0);
            deletedViews.add(view);
            list.remove(i);
            break;
          }
        }
      }
      for (JsonNode c : creates) {
        String name = c.path("IndexName").asText();
        if (!payPerRequest) {
          throw ApiException.invalidParameter("Vector indexes are only supported for PAY_PER_REQUEST tables");
        }
        if (current.index(name) != null || current.vectorIndex(name) != null) {
          throw ApiException.invalidParameter("Attempting to create an index which already exists");
        }
        if (creating(current, nowMillis) || IndexDefinitions.gsiActionInFlight(d)) {
          throw IndexDefinitions.onlineIndexLimit();
        }
        if (list.size() >= MAX_VECTOR_INDEXES) {
          throw ApiException.limitExceeded("Subscriber limit exceeded: Number of vector secondary indexes exceeds"
              + " per-table limit of " + MAX_VECTOR_INDEXES);
        }
        List<String> declared = new ArrayList<>();
        if (attributeDefinitions != null) {
          attributeDefinitions.forEach(a -> declared.add(a.path("AttributeName").asText()));
        }
        check(c, declared, list);
        String attribute = c.path("VectorAttribute").path("AttributeName").asText();
        String existing = existingKey(current, attribute);
        if (existing != null) {
          // captured for a table key; the same form is assumed for an index key
          throw ApiException.invalidParameter("Attributes cannot be redefined. Please check that your attribute has the"
              + " same type as previously defined. Existing schema: Schema:[SchemaElement: key{" + existing + "}] New"
              + " schema: VectorIndexSchema:[VectorAttribute: key{" + attribute + ":L:"
              + c.path("Dimensions").asLong() + "}]");
        }
        ArrayNode defs = (ArrayNode) d.get("AttributeDefinitions");
        for (JsonNode e : c.path("SearchSchema")) {
          String attr = e.path("AttributeName").asText();
          boolean known = false;
          for (JsonNode a : defs) {
            known |= a.path("AttributeName").asText().equals(attr);
          }
          if (!known) {
            attributeDefinitions.forEach(a -> {
              if (a.path("AttributeName").asText().equals(attr)) {
                defs.add(a.deepCopy());
              }
            });
          }
        }
        list.add(description(c, current.arn(), nowMillis));
      }
      if (list.isEmpty()) {
        d.remove("VectorIndexes");
      }
    }

    /** "name:type:HASH" of a table or index key attribute of that name, or null. */
    private static String existingKey(Table table, String attribute) {
      List<dev.eddy.storage.KeySchema> schemas = new ArrayList<>();
      schemas.add(table.keySchema());
      table.indexes().forEach(i -> schemas.add(i.keySchema()));
      for (dev.eddy.storage.KeySchema ks : schemas) {
        for (dev.eddy.storage.KeyDef k : ks.hashKeys()) {
          if (k.name().equals(attribute)) {
            return attribute + ":" + k.type() + ":HASH";
          }
        }
        for (dev.eddy.storage.KeyDef k : ks.rangeKeys()) {
          if (k.name().equals(attribute)) {
            return attribute + ":" + k.type() + ":RANGE";
          }
        }
      }
      return null;
    }

    boolean changesIndexes() {
      return !creates.isEmpty() || !deletes.isEmpty();
    }

    /** Adds the deleted indexes (DELETING) to UpdateTable's answer. */
    void decorate(ObjectNode view) {
      if (deletedViews.isEmpty()) {
        return;
      }
      ArrayNode list = view.has("VectorIndexes") ? (ArrayNode) view.get("VectorIndexes") : view.putArray("VectorIndexes");
      deletedViews.forEach(list::add);
    }
  }
}
