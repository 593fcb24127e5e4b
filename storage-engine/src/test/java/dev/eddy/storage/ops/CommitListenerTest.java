package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.storage.ItemChange;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CommitListenerTest {
  @Test
  void listenersHearWrittenChangesAndTheirFailuresDoNotFailTheWrite() {
    try (OpsTestSupport t = new OpsTestSupport()) {
      t.call("CreateTable", "{'TableName':'tab1','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],"
          + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'BillingMode':'PAY_PER_REQUEST'}");
      List<ItemChange> heard = new CopyOnWriteArrayList<>();
      Consumer<List<ItemChange>> failing = changes -> {
        throw new IllegalStateException("listener bug");
      };
      Consumer<List<ItemChange>> recording = heard::addAll;
      t.engine.items().addCommitListener(failing);
      t.engine.items().addCommitListener(recording);
      t.call("PutItem", "{'TableName':'tab1','Item':{'pk':{'S':'a'}}}");
      assertTrue(t.call("GetItem", "{'TableName':'tab1','Key':{'pk':{'S':'a'}}}").has("Item"));
      assertEquals(1, heard.size());
      assertEquals("INSERT", heard.get(0).eventName());

      t.engine.items().removeCommitListener(recording);
      t.call("PutItem", "{'TableName':'tab1','Item':{'pk':{'S':'b'}}}");
      assertEquals(1, heard.size());
    }
  }
}
