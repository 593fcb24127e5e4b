package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.SecondaryIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Secondary index definitions of CreateTable and UpdateTable: DynamoDB's constraint checks and
 * messages, and the index descriptions kept in the table description (each with its internal id
 * under {@link SecondaryIndex#ID_FIELD}; the next id is kept as {@link #NEXT_ID}).
 */
final class IndexDefinitions {
  static final String NEXT_ID = "_NextIndexId";
  static final int MAX_GSI = 20;
  static final int MAX_LSI = 5;
  static final int MAX_PROJECTED = 100;
  static final List<String> PROJECTION_TYPES = List.of("ALL", "INCLUDE", "KEYS_ONLY");

  private IndexDefinitions() {}

  /** Field constraints of one index element (path like "globalSecondaryIndexes.1.member"). */
  static void validateShape(JsonNode index, String path, boolean global, Validation v) {
    Req r = Req.element(index);
    String name = r.str("IndexName");
    v.notNull(name, path + ".indexName");
    v.name(name, path + ".indexName");
    CreateTableOperation.validateKeySchema(r.list("KeySchema"), path + ".keySchema", v, global);
    Req projection = r.obj("Projection");
    v.notNull(projection, path + ".projection");
    if (projection != null) {
      v.oneOf(projection.str("ProjectionType"), path + ".projection.projectionType", PROJECTION_TYPES);
      ArrayNode nonKey = projection.list("NonKeyAttributes");
      if (nonKey != null) {
        if (nonKey.isEmpty()) {
          v.add("[]", path + ".projection.nonKeyAttributes", "Member must have length greater than or equal to 1");
        }
        if (nonKey.size() > 20) {
          v.add(nonKey.toString(), path + ".projection.nonKeyAttributes", "Member must have length less than or equal to 20");
        }
      }
    }
    if (global) {
      Req t = r.obj("ProvisionedThroughput");
      if (t != null) {
        CreateTableOperation.validateThroughput(t, t.integer("ReadCapacityUnits"), t.integer("WriteCapacityUnits"),
            path + ".provisionedThroughput", v);
      }
      OnDemandThroughputs.read(r);
    }
  }

  /** The element checks of CreateTable for all indexes; the index descriptions are added to {@code d}. */
  static void addOnCreate(ObjectNode d, ArrayNode lsis, ArrayNode gsis, ArrayNode keySchema,
      ArrayNode attributeDefinitions, boolean payPerRequest, String tableArn, Set<String> vectorSchemaAttributes) {
    List<String> defined = new ArrayList<>();
    for (JsonNode a : attributeDefinitions) {
      defined.add(a.path("AttributeName").asText());
    }
    Set<String> names = new LinkedHashSet<>();
    Set<String> used = new LinkedHashSet<>();
    for (JsonNode k : keySchema) {
      used.add(k.path("AttributeName").asText());
    }
    String tableHash = keySchema.get(0).path("AttributeName").asText();
    int nextId = 1;
    int projected = 0;
    if (lsis != null) {
      if (lsis.isEmpty()) {
        throw ApiException.invalidParameter("List of LocalSecondaryIndexes is empty");
      }
      if (keySchema.size() != 2) {
        throw ApiException.invalidParameter(
            "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
      }
      ArrayNode out = d.putArray("LocalSecondaryIndexes");
      for (JsonNode i : lsis) {
        String name = i.path("IndexName").asText();
        checkIndexKeySchema(i, defined, false);
        if (i.path("KeySchema").size() != 2) {
          throw ApiException.invalidParameter("Index KeySchema does not have a range key for index: " + name);
        }
        String hash = i.path("KeySchema").get(0).path("AttributeName").asText();
        if (!hash.equals(tableHash)) {
          throw ApiException.invalidParameter("Index KeySchema does not have the same leading hash key as table"
              + " KeySchema for index: " + name + ". index hash key: " + hash + ", table hash key: " + tableHash);
        }
        projected += checkProjection(i);
        if (!names.add(name)) {
          throw ApiException.invalidParameter("Duplicate index name: " + name);
        }
        addKeys(i, used);
        out.add(description(i, nextId++, false, payPerRequest, tableArn, "ACTIVE"));
      }
      if (lsis.size() > MAX_LSI) {
        throw ApiException.invalidParameter(
            "LocalSecondaryIndex count exceeds the per-table limit of " + MAX_LSI);
      }
    }
    if (gsis != null) {
      if (gsis.isEmpty()) {
        throw ApiException.invalidParameter("List of GlobalSecondaryIndexes is empty");
      }
      ArrayNode out = d.putArray("GlobalSecondaryIndexes");
      for (JsonNode i : gsis) {
        String name = i.path("IndexName").asText();
        checkIndexKeySchema(i, defined, true);
        projected += checkProjection(i);
        if (!names.add(name)) {
          throw ApiException.invalidParameter("Duplicate index name: " + name);
        }
        checkGsiThroughput(i, payPerRequest, true);
        addKeys(i, used);
        out.add(description(i, nextId++, true, payPerRequest, tableArn, "ACTIVE"));
      }
      if (gsis.size() > MAX_GSI) {
        throw ApiException.invalidParameter(
            "GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GSI);
      }
    }
    checkProjectedTotal(projected);
    used.addAll(vectorSchemaAttributes); // declared for the vector indexes' search schemas
    if (!used.containsAll(defined) || defined.size() != used.size()) {
      throw ApiException.invalidParameter("Some AttributeDefinitions are not used. AttributeDefinitions: "
          + defined + ", keys used: " + new ArrayList<>(used));
    }
    d.put(NEXT_ID, nextId);
  }

  static void checkProjectedTotal(int projected) {
    if (projected > MAX_PROJECTED) {
      throw ApiException.invalidParameter("Number of projected attributes in all indexes exceeds limit of "
          + MAX_PROJECTED + ", provided: " + projected);
    }
  }

  /** The throughput of a new GSI: ProvisionedThroughput by billing mode, then OnDemandThroughput. */
  static void checkGsiThroughput(JsonNode i, boolean payPerRequest, boolean createTable) {
    String name = i.path("IndexName").asText();
    boolean has = i.hasNonNull("ProvisionedThroughput");
    if (payPerRequest && has) {
      throw ApiException.invalidParameter("ProvisionedThroughput should not be specified for index: " + name
          + " when BillingMode is PAY_PER_REQUEST");
    }
    if (!payPerRequest && !has) {
      throw ApiException.invalidParameter("ProvisionedThroughput must be specified for index: " + name);
    }
    OnDemandThroughputs.check(OnDemandThroughputs.read(Req.element(i)), payPerRequest, name, true, createTable);
  }

  private static void addKeys(JsonNode index, Set<String> used) {
    for (JsonNode k : index.path("KeySchema")) {
      used.add(k.path("AttributeName").asText());
    }
  }

  /** DynamoDB's refusal of a second online index action (GSI or vector index) on one table. */
  static ApiException onlineIndexLimit() {
    return ApiException.limitExceeded(
        "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
  }

  /** True while a GSI of the description is not ACTIVE (being created, backfilled or changed). */
  static boolean gsiActionInFlight(ObjectNode d) {
    for (JsonNode g : d.path("GlobalSecondaryIndexes")) {
      if (!g.path("IndexStatus").asText("ACTIVE").equals("ACTIVE")) {
        return true;
      }
    }
    return false;
  }

  /** GSI key limits: up to 4 partition key and 4 sort key attributes (multi-attribute keys). */
  static final int MAX_GSI_HASH_KEYS = 4;
  static final int MAX_GSI_RANGE_KEYS = 4;

  /**
   * Key schema checks of one index, with the table's messages. A GSI's key may have up to four
   * HASH elements followed by up to four RANGE elements (texts captured from DynamoDB in 2026).
   */
  static void checkIndexKeySchema(JsonNode index, List<String> defined, boolean global) {
    JsonNode ks = index.path("KeySchema");
    List<String> keys = new ArrayList<>();
    for (JsonNode k : ks) {
      keys.add(k.path("AttributeName").asText());
    }
    if (!defined.containsAll(keys)) {
      throw ApiException.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. Keys: "
          + keys + ", AttributeDefinitions: " + defined);
    }
    if (keys.size() == 2 && keys.get(0).equals(keys.get(1))) {
      throw ApiException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    if (!"HASH".equals(ks.get(0).path("KeyType").asText())) {
      throw ApiException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (!global) {
      if (keys.size() == 2 && !"RANGE".equals(ks.get(1).path("KeyType").asText())) {
        throw ApiException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
      }
      return;
    }
    if (new LinkedHashSet<>(keys).size() != keys.size()) {
      throw ApiException.validation("The KeySchema contains multiple key attributes with the same name");
    }
    int hashes = 0;
    int ranges = 0;
    boolean hashAfterRange = false;
    for (JsonNode k : ks) {
      if ("HASH".equals(k.path("KeyType").asText())) {
        hashes++;
        hashAfterRange |= ranges > 0;
      } else {
        ranges++;
      }
    }
    if (hashes > MAX_GSI_HASH_KEYS) {
      throw ApiException.invalidParameter("The KeySchema exceeds the maximum allowed number of HASH key attributes");
    }
    if (ranges > MAX_GSI_RANGE_KEYS) {
      throw ApiException.invalidParameter("The KeySchema exceeds the maximum allowed number of RANGE key attributes");
    }
    if (hashAfterRange) {
      throw ApiException.invalidParameter("All HASH key attributes must precede RANGE key attributes in the KeySchema");
    }
  }

  /** Checks the Projection; returns the number of non-key attributes it projects. */
  static int checkProjection(JsonNode index) {
    JsonNode p = index.path("Projection");
    String type = p.path("ProjectionType").asText(null);
    if (type == null) {
      throw ApiException.invalidParameter("Unknown ProjectionType: null");
    }
    JsonNode nonKey = p.get("NonKeyAttributes");
    boolean hasNonKey = nonKey != null && !nonKey.isNull();
    if (hasNonKey && !type.equals("INCLUDE")) {
      throw ApiException.invalidParameter("ProjectionType is " + type + ", but NonKeyAttributes is specified");
    }
    if (!hasNonKey) {
      if (type.equals("INCLUDE")) {
        throw ApiException.invalidParameter("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
      }
      return 0;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode n : nonKey) {
      if (!seen.add(n.asText())) {
        throw ApiException.invalidParameter("Duplicate value in NonKeyAttributes: " + n.asText());
      }
    }
    return seen.size();
  }

  /** The description of a new index (live ItemCount and IndexSizeBytes are filled in by the view). */
  static ObjectNode description(JsonNode i, int id, boolean global, boolean payPerRequest, String tableArn,
      String status) {
    ObjectNode o = Json.object();
    String name = i.path("IndexName").asText();
    o.put("IndexName", name);
    o.set("KeySchema", i.path("KeySchema").deepCopy());
    ObjectNode projection = o.putObject("Projection");
    projection.put("ProjectionType", i.path("Projection").path("ProjectionType").asText());
    JsonNode nonKey = i.path("Projection").get("NonKeyAttributes");
    if (nonKey != null && !nonKey.isNull()) {
      projection.set("NonKeyAttributes", nonKey.deepCopy());
    }
    if (global) {
      o.put("IndexStatus", status);
      ObjectNode pt = o.putObject("ProvisionedThroughput");
      pt.put("NumberOfDecreasesToday", 0);
      JsonNode given = i.path("ProvisionedThroughput");
      pt.put("ReadCapacityUnits", payPerRequest ? 0 : given.path("ReadCapacityUnits").asLong());
      pt.put("WriteCapacityUnits", payPerRequest ? 0 : given.path("WriteCapacityUnits").asLong());
      OnDemandThroughputs.apply(o, OnDemandThroughputs.read(Req.element(i)));
    }
    o.put("IndexArn", tableArn + "/index/" + name);
    o.put(SecondaryIndex.ID_FIELD, id);
    return o;
  }

  /** Non-key attributes projected by all indexes of a description, as DynamoDB counts them. */
  static int projectedCount(ObjectNode d) {
    int n = 0;
    for (String field : List.of("LocalSecondaryIndexes", "GlobalSecondaryIndexes")) {
      for (JsonNode i : d.path(field)) {
        n += i.path("Projection").path("NonKeyAttributes").size();
      }
    }
    return n;
  }
}
