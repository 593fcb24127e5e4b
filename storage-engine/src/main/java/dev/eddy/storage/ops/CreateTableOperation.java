package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** CreateTable: validates the definition as DynamoDB does and registers the table. */
public final class CreateTableOperation implements Operation {
  static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
  static final List<String> TABLE_CLASSES = List.of("STANDARD", "STANDARD_INFREQUENT_ACCESS");
  private final StorageEngine engine;

  public CreateTableOperation(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String tableName = req.str("TableName");
    ArrayNode keySchema = req.list("KeySchema");
    ArrayNode attributeDefinitions = req.list("AttributeDefinitions");
    String billingMode = req.str("BillingMode");
    Req throughput = req.obj("ProvisionedThroughput");
    String tableClass = req.str("TableClass");
    Boolean deletionProtection = req.bool("DeletionProtectionEnabled");
    Req sse = req.obj("SSESpecification");
    ArrayNode tags = req.list("Tags");
    Req onDemand = OnDemandThroughputs.read(req);
    ArrayNode lsis = req.list("LocalSecondaryIndexes");
    ArrayNode gsis = req.list("GlobalSecondaryIndexes");
    ArrayNode vectorIndexes = req.list("VectorIndexes");
    if (tableName == null) {
      // CreateTable's own text, before any other check (PutItem and the rest answer "Value null at 'tableName'")
      throw ApiException.validation("The parameter 'TableName' is required but was not present in the request");
    }

    Validation v = new Validation();
    validateAttributeDefinitions(attributeDefinitions, v);
    v.newTableName(tableName, "tableName");
    validateKeySchema(keySchema, "keySchema", v);
    v.notNull(attributeDefinitions, "attributeDefinitions");
    v.oneOf(billingMode, "billingMode", BILLING_MODES);
    v.oneOf(tableClass, "tableClass", TABLE_CLASSES);
    Long rcu = throughput == null ? null : throughput.integer("ReadCapacityUnits");
    Long wcu = throughput == null ? null : throughput.integer("WriteCapacityUnits");
    if (throughput != null) {
      validateThroughput(throughput, rcu, wcu, "provisionedThroughput", v);
    }
    Tags.validate(tags, "tags", v);
    // DynamoDB lists the GSI members' violations before the LSI members'
    for (int i = 0; gsis != null && i < gsis.size(); i++) {
      IndexDefinitions.validateShape(gsis.get(i), "globalSecondaryIndexes." + (i + 1) + ".member", true, v);
    }
    for (int i = 0; lsis != null && i < lsis.size(); i++) {
      IndexDefinitions.validateShape(lsis.get(i), "localSecondaryIndexes." + (i + 1) + ".member", false, v);
    }
    VectorIndexDefinitions.validateShapes(vectorIndexes, v);
    v.throwIfAny();

    boolean payPerRequest = "PAY_PER_REQUEST".equals(billingMode);
    if (payPerRequest && throughput != null) {
      throw ApiException.invalidParameter(
          "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }
    if (!payPerRequest && throughput == null) {
      throw ApiException.invalidParameter(
          "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    }
    OnDemandThroughputs.check(onDemand, payPerRequest, null, true, true);
    if (vectorIndexes != null) {
      VectorIndexDefinitions.checkOnCreate(vectorIndexes, attributeDefinitions, payPerRequest);
    }
    Set<String> schemaAttributes = VectorIndexDefinitions.schemaAttributes(vectorIndexes);
    checkKeySchemaSemantics(keySchema, attributeDefinitions, lsis != null || gsis != null, schemaAttributes);
    Tags.checkSemantics(tags);

    ObjectNode d = Json.object();
    d.set("AttributeDefinitions", attributeDefinitions.deepCopy());
    d.put("TableName", tableName);
    d.set("KeySchema", keySchema.deepCopy());
    d.put("CreationDateTime", TableDescriptions.now(engine.config().clock()));
    ObjectNode pt = d.putObject("ProvisionedThroughput");
    pt.put("NumberOfDecreasesToday", 0);
    pt.put("ReadCapacityUnits", payPerRequest ? 0 : rcu);
    pt.put("WriteCapacityUnits", payPerRequest ? 0 : wcu);
    d.put("TableArn", engine.tableArn(tableName));
    d.put("TableId", UUID.randomUUID().toString());
    if (billingMode != null) {
      ObjectNode bms = d.putObject("BillingModeSummary");
      bms.put("BillingMode", billingMode);
      if (payPerRequest) {
        bms.put("LastUpdateToPayPerRequestDateTime", d.get("CreationDateTime").decimalValue());
      }
    }
    OnDemandThroughputs.apply(d, onDemand);
    if (tableClass != null) {
      d.putObject("TableClassSummary").put("TableClass", tableClass);
    }
    if (lsis != null || gsis != null) {
      IndexDefinitions.addOnCreate(d, lsis, gsis, keySchema, attributeDefinitions, payPerRequest,
          engine.tableArn(tableName), schemaAttributes);
    }
    if (vectorIndexes != null) {
      VectorIndexDefinitions.addOnCreate(d, vectorIndexes, engine.tableArn(tableName));
    }
    d.put("DeletionProtectionEnabled", deletionProtection != null && deletionProtection);
    Sse.apply(d, sse, engine);
    StreamSpecs.applyOnCreate(d, req.obj("StreamSpecification"), engine.config());
    if (tags != null && !tags.isEmpty()) {
      d.set("_Tags", Tags.toMap(tags));
    }
    String resourcePolicy = req.str("ResourcePolicy");
    if (resourcePolicy != null) {
      ResourcePolicies.checkPolicy(resourcePolicy);
      ResourcePolicies.put(d, engine.tableArn(tableName), resourcePolicy, engine.config().clock().millis());
    }
    Table table = engine.catalog().create(d);
    ObjectNode response = Json.object();
    response.set("TableDescription", TableDescriptions.view(engine, table, "CREATING"));
    return response;
  }

  static void validateAttributeDefinitions(ArrayNode defs, Validation v) {
    if (defs == null) {
      return;
    }
    int i = 1;
    for (JsonNode d : defs) {
      Req r = Req.element(d);
      String name = r.str("AttributeName");
      String type = r.str("AttributeType");
      String path = "attributeDefinitions." + i + ".member";
      v.notNull(name, path + ".attributeName");
      v.length(name, path + ".attributeName", 1, 255);
      v.notNull(type, path + ".attributeType");
      v.oneOf(type, path + ".attributeType", List.of("B", "N", "S"));
      i++;
    }
  }

  static void validateKeySchema(ArrayNode keySchema, String path, Validation v) {
    validateKeySchema(keySchema, path, v, false);
  }

  /**
   * The field constraints of a KeySchema: at most 2 elements for a table or an LSI; a GSI's has no
   * length limit here (up to 4 HASH and 4 RANGE elements are checked later, as DynamoDB does).
   */
  static void validateKeySchema(ArrayNode keySchema, String path, Validation v, boolean global) {
    v.notNull(keySchema, path);
    if (keySchema == null) {
      return;
    }
    int i = 1;
    for (JsonNode k : keySchema) {
      Req r = Req.element(k);
      String name = r.str("AttributeName");
      String type = r.str("KeyType");
      String p = path + "." + i + ".member";
      v.notNull(name, p + ".attributeName");
      v.length(name, p + ".attributeName", 1, 255);
      v.notNull(type, p + ".keyType");
      v.oneOf(type, p + ".keyType", List.of("HASH", "RANGE"));
      i++;
    }
    if (keySchema.size() < 1) {
      v.add("[]", path, "Member must have length greater than or equal to 1");
    }
    if (!global && keySchema.size() > 2) {
      v.add(dump(keySchema), path, "Member must have length less than or equal to 2");
    }
  }

  /**
   * A KeySchema as DynamoDB echoes it in a length violation, the service's Java objects printed:
   * "[KeySchemaElement(attributeName=pk, keyType=HASH), ...]".
   */
  private static String dump(ArrayNode keySchema) {
    List<String> elements = new ArrayList<>();
    for (JsonNode k : keySchema) {
      Req r = Req.element(k);
      elements.add("KeySchemaElement(attributeName=" + r.str("AttributeName") + ", keyType=" + r.str("KeyType") + ")");
    }
    return elements.toString();
  }

  static void validateThroughput(Req t, Long rcu, Long wcu, String path, Validation v) {
    v.notNull(wcu, path + ".writeCapacityUnits");
    v.range(wcu, path + ".writeCapacityUnits", 1, Long.MAX_VALUE);
    v.notNull(rcu, path + ".readCapacityUnits");
    v.range(rcu, path + ".readCapacityUnits", 1, Long.MAX_VALUE);
  }

  /** The checks DynamoDB makes after the field constraints: HASH first, definitions match. */
  static void checkKeySchemaSemantics(ArrayNode keySchema, ArrayNode attributeDefinitions, boolean withIndexes,
      Set<String> schemaAttributes) {
    Set<String> defined = new LinkedHashSet<>();
    for (JsonNode d : attributeDefinitions) {
      String attribute = d.path("AttributeName").asText();
      if (!defined.add(attribute)) {
        // DynamoDB's text as captured in 2026 (a third-party catalogue of the service's messages)
        throw ApiException.validation("Attribute Name is duplicated: " + attribute);
      }
    }
    if (attributeDefinitions.size() < keySchema.size()) {
      // fewer definitions than key elements (none, or a key attribute named twice) is checked first
      throw ApiException.validation("Invalid KeySchema: Some index key attribute have no definition");
    }
    String hash = keySchema.get(0).path("AttributeName").asText();
    if (!"HASH".equals(keySchema.get(0).path("KeyType").asText())) {
      throw ApiException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    List<String> keys = new ArrayList<>();
    keys.add(hash);
    if (keySchema.size() == 2) {
      String range = keySchema.get(1).path("AttributeName").asText();
      if (range.equals(hash)) {
        throw ApiException.validation(
            "Both the Hash Key and the Range Key element in the KeySchema have the same name");
      }
      if (!"RANGE".equals(keySchema.get(1).path("KeyType").asText())) {
        throw ApiException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
      }
      keys.add(range);
    }
    if (!defined.containsAll(keys)) {
      throw ApiException.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. Keys: "
          + keys + ", AttributeDefinitions: " + new ArrayList<>(defined));
    }
    if (!withIndexes && !schemaAttributes.isEmpty()) {
      Set<String> used = new LinkedHashSet<>(keys);
      used.addAll(schemaAttributes);
      if (!used.containsAll(defined)) {
        throw ApiException.invalidParameter("Some AttributeDefinitions are not used. AttributeDefinitions: "
            + new ArrayList<>(defined) + ", keys used: " + new ArrayList<>(used));
      }
    } else if (!withIndexes && defined.size() != keys.size()) {
      throw ApiException.invalidParameter("Number of attributes in KeySchema does not exactly match number of"
          + " attributes defined in AttributeDefinitions");
    }
  }
}
