package dev.eddy.storage.ops;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import dev.eddy.storage.SecondaryIndex;
import dev.eddy.storage.expr.ProjectionExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a Query or Scan returns for each item: Select (ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES,
 * SPECIFIC_ATTRIBUTES, COUNT) with its validation, the projection, and whether an index read must
 * fetch the table item (an LSI asked for attributes it does not project).
 */
final class ReadSelection {
  /** Select's values in the order DynamoDB lists them in its enum error. */
  static final List<String> SELECTS =
      List.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES");

  /**
   * Query's Select errors start with "1 validation error detected: "; Scan's do not (DynamoDB's
   * answers, recorded by moto's AWS-verified tests).
   */
  static final String QUERY_PREFIX = "1 validation error detected: ";

  private final String select;
  private final ProjectionExpression projection;
  private final boolean needsTableItem;

  private ReadSelection(String select, ProjectionExpression projection, boolean needsTableItem) {
    this.select = select;
    this.projection = projection;
    this.needsTableItem = needsTableItem;
  }

  /**
   * Resolves Select against the projection parameters and the index (null for the table), with
   * DynamoDB's messages.
   *
   * @param projectionParameter "ProjectionExpression" or "AttributesToGet" when one was given
   * @param errorPrefix {@link #QUERY_PREFIX} for Query, "" for Scan
   */
  static ReadSelection of(String select, ProjectionExpression projection, String projectionParameter,
      SecondaryIndex index, String errorPrefix) {
    boolean hasProjection = projection != null;
    if (select == null) {
      select = hasProjection ? "SPECIFIC_ATTRIBUTES" : index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
    } else {
      switch (select) {
        case "ALL_ATTRIBUTES":
          if (hasProjection) {
            throw ApiException.validation(errorPrefix + "Cannot specify the " + projectionParameter
                + " when choosing to get ALL_ATTRIBUTES");
          }
          if (index != null && index.isGlobal() && !index.projectionType().equals("ALL")) {
            throw ApiException.invalidParameter("Select type ALL_ATTRIBUTES is not supported for global secondary"
                + " index " + index.name() + " because its projection type is not ALL");
          }
          break;
        case "ALL_PROJECTED_ATTRIBUTES":
          if (hasProjection) {
            throw ApiException.validation(errorPrefix + "Cannot specify the " + projectionParameter
                + " when choosing to get ALL_PROJECTED_ATTRIBUTES");
          }
          if (index == null) {
            throw ApiException.validation(errorPrefix + "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
          }
          break;
        case "COUNT":
          if (hasProjection) {
            throw ApiException.validation(errorPrefix + "Cannot specify the " + projectionParameter
                + " when choosing to get only the Count");
          }
          break;
        case "SPECIFIC_ATTRIBUTES":
          if (!hasProjection) {
            throw ApiException.validation(errorPrefix
                + "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
          }
          break;
        default:
          throw new IllegalStateException(select);
      }
    }
    if (index != null && index.isGlobal() && select.equals("SPECIFIC_ATTRIBUTES")) {
      requireProjected(index, projection.topLevelAttributes());
    }
    boolean fetch = false;
    if (index != null && !index.isGlobal() && !index.projectionType().equals("ALL")) {
      if (select.equals("ALL_ATTRIBUTES")) {
        fetch = true;
      } else if (select.equals("SPECIFIC_ATTRIBUTES")) {
        for (String a : projection.topLevelAttributes()) {
          fetch |= !index.projects(a);
        }
      }
    }
    return new ReadSelection(select, projection, fetch);
  }

  /**
   * A GSI cannot fetch from the table: asking it for attributes it does not hold is an error,
   * naming them in the order asked (Query, Scan and PartiQL alike).
   */
  static void requireProjected(SecondaryIndex index, Iterable<String> attributes) {
    List<String> missing = new ArrayList<>();
    for (String a : attributes) {
      if (!index.projects(a) && !missing.contains(a)) {
        missing.add(a);
      }
    }
    if (!missing.isEmpty()) {
      throw ApiException.invalidParameter("Global secondary index " + index.name() + " does not project " + missing);
    }
  }

  String select() {
    return select;
  }

  boolean countOnly() {
    return select.equals("COUNT");
  }

  /** True when each index entry must be completed with the table item. */
  boolean needsTableItem() {
    return needsTableItem;
  }

  /** True when every item is returned whole (as the table or index holds it), or only counted. */
  boolean wholeItem() {
    return projection == null;
  }

  /** The attributes returned for an item. */
  Map<String, AttributeValue> output(Map<String, AttributeValue> item) {
    return projection == null ? item : projection.project(item);
  }
}
