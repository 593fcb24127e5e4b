package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.storage.StorageEngine;
import dev.eddy.storage.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * ListTagsOfResource: the tags of a table, in the order they were added. A page holds up to
 * {@link #PAGE_SIZE} tags (as DynamoDB, a table's 50 tags fit one page); NextToken is the key of
 * the last tag returned, so paging continues correctly if tags change in between.
 */
public final class ListTagsOfResourceOperation implements Operation {
  static final int PAGE_SIZE = 50;
  private final StorageEngine engine;
  private final int pageSize;

  public ListTagsOfResourceOperation(StorageEngine engine) {
    this(engine, PAGE_SIZE);
  }

  ListTagsOfResourceOperation(StorageEngine engine, int pageSize) {
    this.engine = engine;
    this.pageSize = pageSize;
  }

  @Override
  public ObjectNode handle(ObjectNode request) {
    Req req = new Req(request);
    String arn = req.str("ResourceArn");
    String token = req.str("NextToken");
    Tags.checkArn(arn, engine, () -> { });
    Table table = Tags.table(arn, engine);
    List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
    JsonNode stored = table.description().get(Tags.FIELD);
    if (stored != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
        all.add(it.next());
      }
    }
    int start = 0;
    if (token != null) {
      String after = decode(token);
      start = all.size();
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).getKey().equals(after)) {
          start = i + 1;
          break;
        }
      }
    }
    ObjectNode response = Json.object();
    ArrayNode out = response.putArray("Tags");
    int end = Math.min(all.size(), start + pageSize);
    for (int i = start; i < end; i++) {
      ObjectNode t = out.addObject();
      t.put("Key", all.get(i).getKey());
      t.put("Value", all.get(i).getValue().asText());
    }
    if (end < all.size()) {
      response.put("NextToken", Base64.getUrlEncoder().withoutPadding()
          .encodeToString(("v1:" + all.get(end - 1).getKey()).getBytes(StandardCharsets.UTF_8)));
    }
    return response;
  }

  private static String decode(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (s.startsWith("v1:")) {
        return s.substring(3);
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw ApiException.validation("Invalid NextToken");
  }
}
