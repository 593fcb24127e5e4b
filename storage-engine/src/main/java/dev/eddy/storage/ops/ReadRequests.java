package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.api.AttributeValues;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Json;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;
import dev.eddy.api.ValueLayer;
import dev.eddy.storage.KeyDef;
import dev.eddy.storage.SecondaryIndex;
import dev.eddy.storage.Table;
import dev.eddy.storage.expr.Legacy;
import dev.eddy.storage.expr.ProjectionExpression;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What Query and Scan share: parameter checks, index lookup, start keys, legacy maps, capacity. */
final class ReadRequests {
  private ReadRequests() {}

  /** Field constraints common to Query and Scan. */
  static void validateCommon(Req req, Validation v, boolean query) {
    v.tableName(req.str("TableName"), "tableName");
    String indexName = req.str("IndexName");
    v.name(indexName, "indexName");
    Long limit = req.integer("Limit");
    if (query && limit != null && limit < 1) {
      // Query's newer validation names the member as sent and echoes no value; Scan keeps the older form
      v.addUnechoed("Limit", "Member must have value greater than or equal to 1");
    } else {
      v.range(limit, "limit", 1, Long.MAX_VALUE);
    }
    v.oneOf(req.str("Select"), "select", ReadSelection.SELECTS);
    Capacity.validate(req.str("ReturnConsumedCapacity"), v);
    String conditionalOperator = req.str("ConditionalOperator");
    if (query && conditionalOperator != null && !conditionalOperator.equals("AND") && !conditionalOperator.equals("OR")) {
      // Query's newer validation answers this alone and bare, ahead of the other members' errors
      // (captured from DynamoDB in two regions, 2026-10-09, by a third-party suite)
      throw ApiException.validation("Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]");
    }
    v.oneOf(conditionalOperator, "conditionalOperator", Legacy.CONDITIONAL_OPERATORS);
    Projections.validate(req, v);
  }

  /** The index named by IndexName (null when none), with DynamoDB's checks. */
  static SecondaryIndex index(Req req, Table table, boolean query) {
    String name = req.str("IndexName");
    if (name == null) {
      return null;
    }
    SecondaryIndex index = table.index(name);
    if (index == null && table.vectorIndex(name) != null) {
      // PartiQL's captured refusal of a vector index, with the operation's name (not captured for Query or Scan)
      throw ApiException.validation((query ? "Query" : "Scan") + " operation not supported on this index type");
    }
    if (index == null) {
      throw ApiException.validation("The table does not have the specified index: " + name);
    }
    Boolean consistent = req.bool("ConsistentRead");
    if (index.isGlobal() && consistent != null && consistent) {
      throw ApiException.validation("Consistent reads are not supported on global secondary indexes");
    }
    return index;
  }

  /** A legacy condition map (KeyConditions, QueryFilter, ScanFilter), or null; values read in {@code layer}. */
  static Map<String, Legacy.Condition> conditions(Req req, String field, Validation v, ValueLayer layer) {
    ObjectNode map = req.map(field);
    if (map == null) {
      return null;
    }
    String path = Character.toLowerCase(field.charAt(0)) + field.substring(1);
    Map<String, Legacy.Condition> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Req c = Req.element(e.getValue());
      String op = c.str("ComparisonOperator");
      v.notNull(op, path + "." + e.getKey() + ".member.comparisonOperator");
      ArrayNode list = c.list("AttributeValueList");
      List<AttributeValue> values = null;
      if (list != null) {
        values = new ArrayList<>(list.size());
        for (JsonNode n : list) {
          values.add(AttributeValues.read(n, layer));
        }
      }
      out.put(e.getKey(), new Legacy.Condition(op, values));
    }
    return out;
  }

  /** ProjectionExpression or AttributesToGet, or null. */
  static ProjectionExpression projection(Req req, ReadExpressions expressions) {
    String text = req.str("ProjectionExpression");
    if (text != null) {
      return expressions.projection(text);
    }
    ArrayNode atg = req.list("AttributesToGet");
    if (atg == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (JsonNode n : atg) {
      names.add(n.asText());
    }
    return Legacy.attributesToGet(names);
  }

  static String projectionParameter(Req req) {
    return req.has("ProjectionExpression") ? "ProjectionExpression" : "AttributesToGet";
  }

  /** The key attributes an ExclusiveStartKey must carry: the table's, then the index's. */
  static List<KeyDef> startKeyAttributes(Table table, SecondaryIndex index) {
    List<KeyDef> out = new ArrayList<>();
    out.add(table.keySchema().hash());
    if (table.keySchema().range() != null) {
      out.add(table.keySchema().range());
    }
    if (index != null) {
      for (KeyDef d : index.startKeyAttributes()) {
        if (out.stream().noneMatch(x -> x.name().equals(d.name()))) {
          out.add(d);
        }
      }
    }
    return out;
  }

  /**
   * The validated ExclusiveStartKey, or null. Query reads its values in the current layer (a bad
   * value answers its own message) and answers every malformed key with the short "The provided
   * starting key is invalid"; Scan reads them in the older layer and names what is wrong.
   */
  static Map<String, AttributeValue> exclusiveStartKey(Req req, Table table, SecondaryIndex index, boolean query) {
    Map<String, AttributeValue> esk;
    try {
      esk = req.item("ExclusiveStartKey", query ? ValueLayer.CURRENT : ValueLayer.OLDER);
    } catch (ApiException e) {
      if (e.code() != ErrorCode.VALIDATION || query) {
        throw e;
      }
      throw ApiException.validation("The provided starting key is invalid: " + e.getMessage());
    }
    if (esk == null) {
      return null;
    }
    List<KeyDef> attrs = startKeyAttributes(table, index);
    if (esk.size() != attrs.size()) {
      throw invalidStartKey(query, index != null ? "Exclusive Start Key must have same size as table's key schema"
          : "The provided starting key is invalid: The provided key element does not match the schema");
    }
    for (KeyDef d : attrs) {
      AttributeValue v = esk.get(d.name());
      if (v == null || !v.type().equals(d.type())) {
        throw invalidStartKey(query, "The provided starting key is invalid: The provided key element does not match"
            + " the schema");
      }
    }
    try {
      table.keySchema().validateKey(table.keySchema().keyOf(esk));
      if (index != null) {
        index.validateItem(esk);
      }
    } catch (ApiException e) {
      throw invalidStartKey(query, "The provided starting key is invalid: " + e.getMessage());
    }
    return esk;
  }

  /** Query's short answer to a malformed start key, or Scan's {@code scanMessage}. */
  private static ApiException invalidStartKey(boolean query, String scanMessage) {
    return ApiException.validation(query ? "The provided starting key is invalid" : scanMessage);
  }

  /**
   * ConsumedCapacity of a read of {@code bytes} from the table or from one of its indexes, plus
   * the table items an LSI read fetched ({@code fetchedBlocks} 4 KB blocks), when asked for.
   */
  static void addCapacity(ObjectNode response, String mode, Table table, SecondaryIndex index, long bytes,
      long fetchedBlocks, boolean consistent) {
    double units = Capacity.readUnits(bytes, consistent);
    double fetched = consistent ? fetchedBlocks : fetchedBlocks / 2.0;
    Capacity.Units u = new Capacity.Units(table.name(), index == null ? units : fetched);
    if (index != null) {
      u.addIndex(index, units);
    }
    Capacity.add(response, mode, u, true);
  }
}
