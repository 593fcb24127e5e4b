package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.ApiException;
import dev.eddy.api.Json;
import dev.eddy.api.Operation;
import org.junit.jupiter.api.Test;

class DynamoDbOperationsTest {
  @Test
  void everyNamedOperationIsMadeOnItsFirstCall() {
    try (OpsTestSupport t = new OpsTestSupport()) {
      assertEquals(45, t.ops.size());
      for (var e : t.ops.entrySet()) {
        Operation op = e.getValue();
        try {
          op.handle(Json.object()); // an empty request: most answer a ValidationException
        } catch (ApiException expected) {
          // made, and it validated the request
        }
      }
      // the deferred handler of ListTables is made once and answers like one
      assertTrue(OpsTestSupport.call(t.ops.get("ListTables"), "{}").has("TableNames"));
      assertSame(t.ops.get("ListTables"), t.ops.get("ListTables"));
    }
  }
}
