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
    assertFalse(p.inline("DynamoDBStreams_20120810.GetRecords", 100));
    assertFalse(p.inline(null, 100));
    assertFalse(p.inline("DynamoDB_20120810.PutItem", InlinePolicy.MAX_INLINE_BODY + 1));

    InlinePolicy sync = InlinePolicy.pointOperations(true);
    assertTrue(sync.inline("DynamoDB_20120810.GetItem", 100));
    assertFalse(sync.inline("DynamoDB_20120810.PutItem", 100));
    assertFalse(InlinePolicy.NONE.inline("DynamoDB_20120810.GetItem", 100));
  }
}
