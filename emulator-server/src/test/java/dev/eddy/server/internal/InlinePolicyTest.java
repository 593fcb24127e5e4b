package dev.eddy.server.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InlinePolicyTest {
  @Test
  void pointOperationsRunInlineUnlessWritesWaitForTheDisk() {
    InlinePolicy p = InlinePolicy.pointOperations(false);
    for (String op : new String[] {"GetItem", "PutItem", "UpdateItem", "DeleteItem"}) {
      assertTrue(p.inline("DynamoDB_20120810." + op, 100), op);
    }
    for (String op : new String[] {"Query", "Scan", "BatchWriteItem", "TransactWriteItems", "CreateTable"}) {
      assertFalse(p.inline("DynamoDB_20120810." + op, 100), op);
    }
    assertTrue(p.worthPeeking("DynamoDB_20120810.Query", 100));
    assertTrue(p.worthPeeking("DynamoDB_20120810.Scan", 100));
    assertFalse(p.worthPeeking("DynamoDB_20120810.Scan", InlinePolicy.MAX_INLINE_BODY + 1));
    assertFalse(p.worthPeeking("DynamoDB_20120810.BatchGetItem", 100));
    assertTrue(p.inline(json("{\"Limit\":10}")));
    assertTrue(p.inline(json("{\"Limit\":100}")));
    assertFalse(p.inline(json("{}")), "no Limit: up to 1 MB of items");
    assertFalse(p.inline(json("{\"Limit\":101}")));
    assertFalse(p.inline(json("{\"Limit\":0}")));
    assertFalse(p.inline(json("{\"Limit\":\"10\"}")), "a malformed Limit is the worker's to refuse");
    assertFalse(p.inline(json("{\"Limit\":10,\"Segment\":0,\"TotalSegments\":4}")));
    assertFalse(p.inline("DynamoDBStreams_20120810.GetRecords", 100));
    assertFalse(p.inline(null, 100));
    assertFalse(p.inline("DynamoDB_20120810.PutItem", InlinePolicy.MAX_INLINE_BODY + 1));

    InlinePolicy sync = InlinePolicy.pointOperations(true);
    assertTrue(sync.inline("DynamoDB_20120810.GetItem", 100));
    assertFalse(sync.inline("DynamoDB_20120810.PutItem", 100));
    assertFalse(InlinePolicy.NONE.inline("DynamoDB_20120810.GetItem", 100));
    assertFalse(InlinePolicy.NONE.worthPeeking("DynamoDB_20120810.Query", 100));
    // GetRecords runs inline under a budget, unless synced writes hold the stream's lock for a disk flush
    assertTrue(p.budgeted("DynamoDBStreams_20120810.GetRecords", 100));
    assertFalse(sync.budgeted("DynamoDBStreams_20120810.GetRecords", 100));
    assertFalse(p.budgeted("DynamoDBStreams_20120810.GetRecords", InlinePolicy.MAX_INLINE_BODY + 1));
    assertFalse(p.budgeted("DynamoDBStreams_20120810.DescribeStream", 100));
    assertFalse(p.budgeted("DynamoDB_20120810.Query", 100));
    assertFalse(p.budgeted(null, 100));
    assertFalse(InlinePolicy.NONE.budgeted("DynamoDBStreams_20120810.GetRecords", 100));
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode json(String text) {
    return dev.eddy.api.Json.parseRequest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, text.length());
  }
}
