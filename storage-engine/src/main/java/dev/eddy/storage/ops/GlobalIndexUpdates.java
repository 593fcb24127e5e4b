package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.storage.SecondaryIndex;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates: Create (the index is CREATING and Backfilling while
 * the existing items are indexed in the background), Update (provisioned or on-demand throughput)
 * and Delete (entries removed). One index can be created or deleted per request.
 */
final class GlobalIndexUpdates {
  private final List<JsonNode> creates = new ArrayList<>();
  private final List<JsonNode> updates = new ArrayList<>();
  private final List<String> deletes = new ArrayList<>();
  private final ArrayNode attributeDefinitions;
  private final List<SecondaryIndex> dropped = new ArrayList<>();
  private final List<ObjectNode> droppedViews = new ArrayList<>();

  private GlobalIndexUpdates(ArrayNode attributeDefinitions) {
    this.attributeDefinitions = attributeDefinitions;
  }

  /** Field constraints of GlobalSecondaryIndexUpdates and reads them; null when absent. */
  static GlobalIndexUpdates read(Req req, Validation v) {
    ArrayNode list = req.list("GlobalSecondaryIndexUpdates");
    if (list == null) {
      return null;
    }
    ArrayNode defs = req.list("AttributeDefinitions");
    if (defs != null) {
      CreateTableOperation.validateAttributeDefinitions(defs, v);
    }
    GlobalIndexUpdates u = new GlobalIndexUpdates(defs);
    for (int i = 0; i < list.size(); i++) {
      String path = "globalSecondaryIndexUpdates." + (i + 1) + ".member";
      Req e = Req.element(list.get(i));
      Req create = e.obj("Create");
      Req update = e.obj("Update");
      Req delete = e.obj("Delete");
      if (create != null) {
        IndexDefinitions.validateShape(create.node(), path + ".create", true, v);
        u.creates.add(create.node());
      }
      if (update != null) {
        String name = update.str("IndexName");
        v.notNull(name, path + ".update.indexName");
        Req t = update.obj("ProvisionedThroughput");
        OnDemandThroughputs.read(update);
        if (t != null) {
          CreateTableOperation.validateThroughput(t, t.integer("ReadCapacityUnits"), t.integer("WriteCapacityUnits"),
              path + ".update.provisionedThroughput", v);
        }
        u.updates.add(update.node());
      }
      if (delete != null) {
        v.notNull(delete.str("IndexName"), path + ".delete.indexName");
        u.deletes.add(delete.str("IndexName"));
      }
      int actions = (create != null ? 1 : 0) + (update != null ? 1 : 0) + (delete != null ? 1 : 0);
      if (actions != 1) {
        throw ApiException.invalidParameter("One of GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Update"
            + " or GlobalSecondaryIndexUpdate.Delete must be specified, and only one");
      }
    }
    return u;
  }

  /** Applies the updates to a private copy of the description (inside Catalog.update). */
  void applyTo(ObjectNode d, Table current, String tableArn) {
    if (creates.size() + deletes.size() > 1) {
      throw IndexDefinitions.onlineIndexLimit();
    }
    boolean payPerRequest = d.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED")
        .equals("PAY_PER_REQUEST");
    if ((!creates.isEmpty() || !deletes.isEmpty()) && IndexDefinitions.gsiActionInFlight(d)) {
      throw IndexDefinitions.onlineIndexLimit();
    }
    for (JsonNode c : creates) {
      create(d, c, payPerRequest, tableArn);
    }
    for (JsonNode u : updates) {
      update(find(d, u.path("IndexName").asText()), Req.element(u), payPerRequest);
    }
    for (String name : deletes) {
      ObjectNode g = find(d, name);
      SecondaryIndex idx = current.index(name);
      ArrayNode gsis = (ArrayNode) d.get("GlobalSecondaryIndexes");
      for (int i = 0; i < gsis.size(); i++) {
        if (gsis.get(i) == g) {
          gsis.remove(i);
          break;
        }
      }
      if (gsis.isEmpty()) {
        d.remove("GlobalSecondaryIndexes");
      }
      pruneAttributeDefinitions(d);
      ObjectNode view = g.deepCopy();
      view.put("IndexStatus", "DELETING");
      view.remove(SecondaryIndex.ID_FIELD);
      droppedViews.add(view);
      if (idx != null) {
        dropped.add(idx);
      }
    }
  }

  /**
   * An Update action: the index's ProvisionedThroughput (PROVISIONED tables) or OnDemandThroughput
   * (PAY_PER_REQUEST tables; WarmThroughput is accepted and not kept).
   */
  private static void update(ObjectNode g, Req u, boolean payPerRequest) {
    String name = g.path("IndexName").asText();
    Req odt = OnDemandThroughputs.read(u);
    boolean hasPt = u.has("ProvisionedThroughput");
    OnDemandThroughputs.check(odt, payPerRequest, name, false, false);
    if (payPerRequest) {
      if (hasPt || !(OnDemandThroughputs.hasMembers(odt) || u.has("WarmThroughput"))) {
        throw ApiException.invalidParameter("The only Updates for index: " + name
            + " when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
      }
      OnDemandThroughputs.apply(g, odt);
      return;
    }
    if (!hasPt) {
      if (u.has("WarmThroughput")) {
        return;
      }
      throw ApiException.invalidParameter("ProvisionedThroughput must be specified for index: " + name);
    }
    ObjectNode pt = (ObjectNode) g.path("ProvisionedThroughput");
    pt.put("ReadCapacityUnits", u.node().path("ProvisionedThroughput").path("ReadCapacityUnits").asLong());
    pt.put("WriteCapacityUnits", u.node().path("ProvisionedThroughput").path("WriteCapacityUnits").asLong());
  }

  private void create(ObjectNode d, JsonNode c, boolean payPerRequest, String tableArn) {
    String name = c.path("IndexName").asText();
    for (String field : List.of("LocalSecondaryIndexes", "GlobalSecondaryIndexes", "VectorIndexes")) {
      for (JsonNode i : d.path(field)) {
        if (i.path("IndexName").asText().equals(name)) {
          throw ApiException.validation("One or more parameter values were invalid: Attempting to create an index"
              + " which already exists");
        }
      }
    }
    if (d.path("GlobalSecondaryIndexes").size() >= IndexDefinitions.MAX_GSI) {
      throw ApiException.limitExceeded("One or more parameter values were invalid: GlobalSecondaryIndex count"
          + " exceeds the per-table limit of " + IndexDefinitions.MAX_GSI);
    }
    if (attributeDefinitions == null) {
      throw ApiException.invalidParameter("AttributeDefinitions is not specified for index: " + name);
    }
    // The request's AttributeDefinitions must define every key attribute of the new index, the
    // table's own included: the stored definitions do not stand in for them. Its other entries
    // (unused, or redeclaring another attribute with another type) are ignored, as DynamoDB does.
    List<String> declared = new ArrayList<>();
    for (JsonNode a : attributeDefinitions) {
      declared.add(a.path("AttributeName").asText());
    }
    IndexDefinitions.checkIndexKeySchema(c, declared, true);
    int projected = IndexDefinitions.checkProjection(c);
    IndexDefinitions.checkProjectedTotal(IndexDefinitions.projectedCount(d) + projected);
    IndexDefinitions.checkGsiThroughput(c, payPerRequest, false);
    ArrayNode defs = (ArrayNode) d.get("AttributeDefinitions");
    for (JsonNode k : c.path("KeySchema")) {
      String attr = k.path("AttributeName").asText();
      JsonNode given = attributeDefinitions.get(declared.indexOf(attr));
      JsonNode stored = null;
      for (JsonNode a : defs) {
        if (a.path("AttributeName").asText().equals(attr)) {
          stored = a;
        }
      }
      if (stored == null) {
        defs.add(given.deepCopy());
      } else if (!stored.path("AttributeType").asText().equals(given.path("AttributeType").asText())) {
        throw ApiException.invalidParameter("Cannot change the type of an existing attribute definition: " + attr);
      }
    }
    int id = d.path(IndexDefinitions.NEXT_ID).asInt(1);
    d.put(IndexDefinitions.NEXT_ID, id + 1);
    ObjectNode g = IndexDefinitions.description(c, id, true, payPerRequest, tableArn, "CREATING");
    g.put("Backfilling", true);
    ArrayNode gsis = d.has("GlobalSecondaryIndexes") ? (ArrayNode) d.get("GlobalSecondaryIndexes")
        : d.putArray("GlobalSecondaryIndexes");
    gsis.add(g);
  }

  private static ObjectNode find(ObjectNode d, String name) {
    for (JsonNode g : d.path("GlobalSecondaryIndexes")) {
      if (g.path("IndexName").asText().equals(name)) {
        return (ObjectNode) g;
      }
    }
    throw ApiException.resourceNotFound("Requested resource not found: Index: " + name + " not found");
  }

  /** AttributeDefinitions keep exactly the attributes used by the table and index key schemas. */
  private static void pruneAttributeDefinitions(ObjectNode d) {
    Set<String> used = new LinkedHashSet<>();
    for (JsonNode k : d.path("KeySchema")) {
      used.add(k.path("AttributeName").asText());
    }
    for (String field : List.of("LocalSecondaryIndexes", "GlobalSecondaryIndexes")) {
      for (JsonNode i : d.path(field)) {
        for (JsonNode k : i.path("KeySchema")) {
          used.add(k.path("AttributeName").asText());
        }
      }
    }
    for (Iterator<JsonNode> it = d.path("AttributeDefinitions").iterator(); it.hasNext(); ) {
      if (!used.contains(it.next().path("AttributeName").asText())) {
        it.remove();
      }
    }
  }

  /** True when an index is created or deleted (the table is UPDATING). */
  boolean changesIndexes() {
    return !creates.isEmpty() || !deletes.isEmpty();
  }

  /** After the catalog change: start backfills, drop the entries of deleted indexes. */
  void afterCommit(StorageEngine engine, Table before, Table after) {
    for (JsonNode c : creates) {
      engine.indexes().startBackfill(after.name(), c.path("IndexName").asText());
    }
    for (SecondaryIndex idx : dropped) {
      engine.indexes().dropEntries(before, idx);
    }
  }

  /** Adds the deleted indexes (status DELETING) to the response's description. */
  void decorate(ObjectNode view) {
    if (droppedViews.isEmpty()) {
      return;
    }
    ArrayNode gsis = view.has("GlobalSecondaryIndexes") ? (ArrayNode) view.get("GlobalSecondaryIndexes")
        : view.putArray("GlobalSecondaryIndexes");
    for (ObjectNode g : droppedViews) {
      gsis.add(g);
    }
  }
}
