package dev.eddy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --sync, --access-keys, --tls-cert / --tls-key. */
class SecurityConfigTest {

  @Test
  void defaultsAcceptAnyCredentialsOverPlainHttpWithoutFsync() throws Exception {
    ServerConfig c = ServerConfig.parse(new String[0], Map.of());
    assertFalse(c.accessKeys().enabled());
    assertFalse(c.syncWrites());
    assertFalse(c.tls());
    assertNull(c.tlsCert());
  }

  @Test
  void accessKeysFromFlagOrEnvironment() throws Exception {
    ServerConfig c = ServerConfig.parse(new String[] {"--access-keys", "AKID1:s3cr/t+1,AKID2:other:colon"}, Map.of());
    assertTrue(c.accessKeys().enabled());
    assertEquals("s3cr/t+1", c.accessKeys().secretOf("AKID1"));
    assertEquals("other:colon", c.accessKeys().secretOf("AKID2"));
    assertNull(c.accessKeys().secretOf("AKID3"));
    ServerConfig e = ServerConfig.parse(new String[0], Map.of("EDDY_ACCESS_KEYS", "K:v", "EDDY_SYNC", "true"));
    assertEquals("v", e.accessKeys().secretOf("K"));
    assertTrue(e.syncWrites());
  }

  @Test
  void secretsNeverAppearInTextsAboutTheConfiguration() throws Exception {
    ServerConfig c = ServerConfig.parse(new String[] {"--access-keys", "AKID1:TopSecretValue"}, Map.of());
    assertFalse(c.toString().contains("TopSecretValue"), c.toString());
    assertTrue(c.toString().contains("AKID1"), c.toString());
    ConfigException bad = assertThrows(ConfigException.class,
        () -> ServerConfig.parse(new String[] {"--access-keys", "AKID1:TopSecretValue,broken"}, Map.of()));
    assertFalse(bad.getMessage().contains("TopSecretValue"), bad.getMessage());
    assertEquals("--access-keys: entry 2 is not ACCESS_KEY_ID:SECRET_ACCESS_KEY", bad.getMessage());
    assertThrows(ConfigException.class, () -> ServerConfig.parse(new String[] {"--access-keys", "A:x,A:y"}, Map.of()));
    assertThrows(ConfigException.class, () -> ServerConfig.parse(new String[] {"--access-keys", ":x"}, Map.of()));
  }

  @Test
  void tlsNeedsBothReadableFiles(@TempDir Path dir) throws Exception {
    Path cert = Files.writeString(dir.resolve("c.pem"), "x");
    Path key = Files.writeString(dir.resolve("k.pem"), "x");
    ServerConfig c = ServerConfig.parse(new String[] {"--tls-cert", cert.toString(), "--tls-key", key.toString()},
        Map.of());
    assertTrue(c.tls());
    assertEquals(cert.toAbsolutePath(), c.tlsCert());
    ConfigException one = assertThrows(ConfigException.class,
        () -> ServerConfig.parse(new String[] {"--tls-cert", cert.toString()}, Map.of()));
    assertTrue(one.getMessage().contains("go together"), one.getMessage());
    ConfigException missing = assertThrows(ConfigException.class, () -> ServerConfig.parse(
        new String[] {"--tls-cert", dir.resolve("none.pem").toString(), "--tls-key", key.toString()}, Map.of()));
    assertTrue(missing.getMessage().startsWith("--tls-cert: cannot read file"), missing.getMessage());
  }

  @Test
  void usageListsTheNewFlags() {
    String u = ServerConfig.usage();
    for (String s : new String[] {"--sync", "EDDY_SYNC", "--access-keys", "EDDY_ACCESS_KEYS", "--tls-cert",
        "--tls-key"}) {
      assertTrue(u.contains(s), s);
    }
  }
}
