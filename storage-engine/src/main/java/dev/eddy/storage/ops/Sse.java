package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Req;
import dev.eddy.storage.StorageEngine;
import java.util.List;

/** SSESpecification: accepted and described (Eddy does not encrypt; see COMPATIBILITY.md). */
final class Sse {
  private Sse() {}

  static void apply(ObjectNode description, Req sse, StorageEngine engine) {
    if (sse == null) {
      return;
    }
    Boolean enabled = sse.bool("Enabled");
    String type = sse.str("SSEType");
    String key = sse.str("KMSMasterKeyId");
    if (type != null && !List.of("AES256", "KMS").contains(type)) {
      throw ApiException.validation("1 validation error detected: Value '" + type
          + "' at 'sSESpecification.sSEType' failed to satisfy constraint: Member must satisfy enum value set: [AES256, KMS]");
    }
    // DynamoDB's texts as captured in 2026 (a third-party catalogue of the service's messages)
    if (enabled == null || !enabled) {
      if (type != null) {
        throw ApiException.invalidParameter("SSEType can not be specified if Enabled is false");
      }
      if (key != null) {
        throw ApiException.invalidParameter("KMSMasterKeyId can not be specified if Enabled is false");
      }
      description.remove("SSEDescription");
      return;
    }
    if ("AES256".equals(type)) {
      throw ApiException.invalidParameter("SSEType AES256 is not supported");
    }
    if (key != null && type == null) {
      throw ApiException.invalidParameter("SSEType KMS is required if KMSMasterKeyId is specified");
    }
    String region = engine.config().region();
    String account = engine.config().accountId();
    String arn;
    if (key == null) {
      arn = "arn:aws:kms:" + region + ":" + account + ":key/00000000-0000-0000-0000-000000000000";
    } else if (key.startsWith("arn:")) {
      arn = key;
    } else {
      arn = "arn:aws:kms:" + region + ":" + account + ":key/" + key;
    }
    ObjectNode d = description.putObject("SSEDescription");
    d.put("Status", "ENABLED");
    d.put("SSEType", "KMS");
    d.put("KMSMasterKeyArn", arn);
  }

  /**
   * UpdateTable's answer to an SSESpecification: DynamoDB describes the change as in progress,
   * {@code Status: UPDATING} with the new key, or with the old one while KMS encryption is turned
   * off. Eddy applies it at once, so DescribeTable shows the result.
   */
  static void describeUpdating(ObjectNode view, ObjectNode before) {
    JsonNode now = view.get("SSEDescription");
    JsonNode old = before.get("SSEDescription");
    JsonNode shown = now != null ? now : old;
    if (shown == null) {
      return;
    }
    ObjectNode d = shown.deepCopy();
    d.put("Status", "UPDATING");
    view.set("SSEDescription", d);
  }
}
