package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Req;
import java.util.List;

/**
 * OnDemandThroughput, the request-unit limits of an on-demand table or global secondary index
 * (CreateTable, UpdateTable, their GSI members): checked with DynamoDB's texts, recorded in the
 * description as "OnDemandThroughput" {MaxReadRequestUnits, MaxWriteRequestUnits} and described;
 * never enforced (Eddy does not throttle for capacity).
 *
 * <p>As the API reference and answers captured from DynamoDB have it: a member is a limit of at
 * least 1; on UpdateTable -1 removes that member's limit (the response echoes the -1, the
 * description then leaves the member out, and the whole block once neither is set); members
 * left out keep their limit; PROVISIONED tables take none, and a switch to PROVISIONED drops
 * the limits of the table and its indexes.
 */
final class OnDemandThroughputs {
  static final String FIELD = "OnDemandThroughput";
  private static final List<String> MEMBERS = List.of("MaxReadRequestUnits", "MaxWriteRequestUnits");
  /** The value that removes a limit on UpdateTable. */
  private static final long REMOVE = -1;

  private OnDemandThroughputs() {}

  /** The OnDemandThroughput member of {@code owner} (a request or an index element); null when absent. */
  static Req read(Req owner) {
    Req odt = owner.obj(FIELD);
    if (odt != null) {
      for (String m : MEMBERS) {
        odt.integer(m); // wrong JSON types are SerializationExceptions
      }
    }
    return odt;
  }

  /** True when {@code odt} sets or removes at least one limit. */
  static boolean hasMembers(Req odt) {
    return odt != null && firstMember(odt) != null;
  }

  /**
   * The checks of one OnDemandThroughput. {@code index} is null for the table's; {@code creating}
   * is true for a new table or index (where -1 is out of range too); {@code createTable} picks
   * CreateTable's wording of the PROVISIONED refusal over UpdateTable's.
   */
  static void check(Req odt, boolean payPerRequest, String index, boolean creating, boolean createTable) {
    if (odt == null) {
      return;
    }
    for (String m : MEMBERS) {
      Long v = odt.integer(m);
      if (v != null && v < 1 && (creating || v != REMOVE)) {
        throw ApiException.invalidParameter("Requested " + m + " for OnDemandThroughput "
            + (index == null ? "for table" : "for index : " + index) + " is outside of valid range");
      }
    }
    String first = firstMember(odt);
    if (!payPerRequest && first != null) {
      String of = index == null ? "" : (createTable ? " for index: " : " for index : ") + index;
      throw ApiException.invalidParameter(first + " for OnDemandThroughput" + of + (createTable
          ? " cannot be specified when table BillingMode is PROVISIONED."
          : " cannot be specified when the table BillingMode is PROVISIONED"));
    }
  }

  /**
   * Applies {@code odt} (checked) to the description of a table or index ({@code target}): sets the
   * limits given, removes those given as -1, drops the block once it is empty.
   */
  static void apply(ObjectNode target, Req odt) {
    if (odt != null) {
      set(target, merge(target.path(FIELD), odt, false));
    }
  }

  /** UpdateTable's answer shows a removed limit as -1, as DynamoDB's does (its DescribeTable does not). */
  static void describeRemoved(ObjectNode view, Req odt) {
    if (odt != null) {
      set(view, merge(view.path(FIELD), odt, true));
    }
  }

  /** {@code old}'s limits with {@code odt}'s laid over them, in the members' order; a -1 is kept or drops the member. */
  private static ObjectNode merge(JsonNode old, Req odt, boolean keepRemoved) {
    ObjectNode limits = Json.object();
    for (String m : MEMBERS) {
      Long v = odt.integer(m);
      if (v == null && old.has(m)) {
        limits.set(m, old.get(m));
      } else if (v != null && (v != REMOVE || keepRemoved)) {
        limits.put(m, v);
      }
    }
    return limits;
  }

  private static void set(ObjectNode target, ObjectNode limits) {
    if (limits.isEmpty()) {
      target.remove(FIELD);
    } else {
      target.set(FIELD, limits);
    }
  }

  /** A switch to PROVISIONED: the limits of the table and of every GSI are dropped. */
  static void dropAll(ObjectNode description) {
    description.remove(FIELD);
    for (JsonNode g : description.path("GlobalSecondaryIndexes")) {
      ((ObjectNode) g).remove(FIELD);
    }
  }

  private static String firstMember(Req odt) {
    for (String m : MEMBERS) {
      if (odt.has(m)) {
        return m;
      }
    }
    return null;
  }
}
