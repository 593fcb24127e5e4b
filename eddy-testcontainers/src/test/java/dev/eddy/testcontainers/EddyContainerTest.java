package dev.eddy.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/** The container's configuration, checked without Docker. */
class EddyContainerTest {

  @Test
  void typedSettingsBecomeTheServersEnvironmentVariables() {
    try (EddyContainer c = new EddyContainer("eddy:0.1.0")
        .withInMemory()
        .withRegion("eu-west-1")
        .withAccountId("123456789012")
        .withStreamShards(3)
        .withStreamShardRollover(Duration.ofMinutes(5))
        .withStreamRetention(Duration.ofMillis(1500))
        .withTtlSweepInterval(Duration.ofSeconds(1))
        .withControlEndpoint()) {
      Map<String, String> env = c.getEnvMap();
      assertEquals("true", env.get("EDDY_IN_MEMORY"));
      assertEquals("eu-west-1", env.get("EDDY_REGION"));
      assertEquals("123456789012", env.get("EDDY_ACCOUNT_ID"));
      assertEquals("3", env.get("EDDY_STREAM_SHARDS"));
      assertEquals("PT5M", env.get("EDDY_STREAM_SHARD_ROLLOVER"));
      assertEquals("PT1.5S", env.get("EDDY_STREAM_RETENTION"));
      assertEquals("PT1S", env.get("EDDY_TTL_SWEEP_INTERVAL"));
      assertEquals("true", env.get("EDDY_ENABLE_CONTROL_ENDPOINT"));
      assertEquals("eu-west-1", c.getRegion());
      assertEquals(List.of(EddyContainer.EDDY_PORT), c.getExposedPorts());
    }
  }

  @Test
  void defaultsLeaveTheImagesOwnSettings() {
    try (EddyContainer c = new EddyContainer(DockerImageName.parse("eddy:0.1.0"))) {
      assertEquals("us-east-1", c.getRegion());
      assertFalse(c.getEnvMap().containsKey("EDDY_IN_MEMORY"));
      assertFalse(c.getEnvMap().containsKey("EDDY_REGION"));
    }
  }

  @Test
  void defaultImageIsThisReleasesTag() {
    // the project version without -SNAPSHOT, as docker/build-image.sh tags the image
    assertEquals("0.1.0", EddyContainer.DEFAULT_TAG);
  }

  @Test
  void otherImageNamesMustBeDeclaredCompatible() {
    assertThrows(IllegalStateException.class, () -> new EddyContainer("amazon/dynamodb-local:2.5.2"));
    assertThrows(IllegalStateException.class, () -> new EddyContainer("mirror.internal/eddy-copy:1"));
    // Declared compatible: accepted (constructing pulls nothing).
    try (EddyContainer c = new EddyContainer(DockerImageName.parse("mirror.internal/eddy-copy:1")
        .asCompatibleSubstituteFor("eddy"))) {
      assertEquals(List.of(EddyContainer.EDDY_PORT), c.getExposedPorts());
    }
  }

  @Test
  void invalidSettingsAreRejectedBeforeStart() {
    try (EddyContainer c = new EddyContainer("eddy:0.1.0")) {
      assertThrows(IllegalArgumentException.class, () -> c.withRegion("EU WEST"));
      assertThrows(IllegalArgumentException.class, () -> c.withAccountId("123"));
      assertThrows(IllegalArgumentException.class, () -> c.withStreamShards(0));
      assertThrows(IllegalArgumentException.class, () -> c.withStreamRetention(Duration.ZERO));
      assertThrows(IllegalArgumentException.class, () -> c.withStreamShardRollover(Duration.ofSeconds(-1)));
      assertThrows(NullPointerException.class, () -> c.withStreamRetention(null));
      assertEquals("us-east-1", c.getRegion());
    }
  }
}
