package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Expired items are deleted by the server's background sweeper, through the real server and the
 * SDK: when the clock passes their TTL (EddyControl.AdvanceClock), and at once when an item is
 * written already expired, though the sweeper skips tables whose items cannot have expired.
 */
class TimeToLiveIT {
  @RegisterExtension
  static final EddyExtension EDDY = new EddyExtension(
      b -> b.controlEndpoint(true).ttlSweepInterval(Duration.ofMillis(50)));

  private static final String TABLE = "ttl_it";

  @Test
  void expiredItemsAreDeletedAndOthersKept() throws Exception {
    DynamoDbClient ddb = EDDY.client();
    ddb.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
    ddb.updateTimeToLive(b -> b.tableName(TABLE)
        .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
    long now = EDDY.clock().millis() / 1000;
    put(ddb, "soon", now + 120);
    put(ddb, "tomorrow", now + 86_400);
    Thread.sleep(300); // several sweeps
    assertTrue(exists(ddb, "soon"));
    assertTrue(exists(ddb, "tomorrow"));

    // written already expired: deleted without the clock moving
    put(ddb, "past", now - 10);
    assertTrue(gone(ddb, "past"), "an item written expired is swept");
    assertTrue(exists(ddb, "soon"));

    try (RawHttp c = new RawHttp(EDDY.port())) {
      RawHttp.Response r = c.exchange(RawHttp.post("EddyControl.AdvanceClock", "{\"Seconds\": 300}"));
      assertEquals(200, r.status(), r.text());
    }
    assertTrue(gone(ddb, "soon"), "swept once the clock passed its TTL");
    assertTrue(exists(ddb, "tomorrow"));
  }

  private static void put(DynamoDbClient ddb, String pk, long expires) {
    ddb.putItem(b -> b.tableName(TABLE).item(Map.of(
        "pk", AttributeValue.fromS(pk), "expires", AttributeValue.fromN(Long.toString(expires)))));
  }

  private static boolean exists(DynamoDbClient ddb, String pk) {
    return ddb.getItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS(pk)))).hasItem();
  }

  /** Waits up to 10 s for the item to be deleted. */
  private static boolean gone(DynamoDbClient ddb, String pk) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!exists(ddb, pk)) {
        return true;
      }
      Thread.sleep(20);
    }
    assertFalse(exists(ddb, pk));
    return false;
  }
}
