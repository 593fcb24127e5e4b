package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.server.EddyServer;
import dev.eddy.server.ServerConfig;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** --tls-cert / --tls-key with a self-signed certificate made by keytool for this test. */
class TlsIT {
  @TempDir
  static Path dir;
  private static Path[] files;

  @org.junit.jupiter.api.BeforeAll
  static void makeCertificate() throws Exception {
    files = selfSigned(dir);
  }

  /** keytool makes a key pair and certificate for 127.0.0.1 / localhost; written out as PEM. */
  private static Path[] selfSigned(Path dir) throws Exception {
    Path store = dir.resolve("eddy.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "eddy", "-keyalg", "EC", "-groupname", "secp256r1",
        "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + out);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(store.toFile())) {
      ks.load(in, "changeit".toCharArray());
    }
    PrivateKey key = (PrivateKey) ks.getKey("eddy", "changeit".toCharArray());
    Certificate cert = ks.getCertificate("eddy");
    Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    Path certFile = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n"
        + pem.encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
    Path keyFile = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
        + pem.encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    return new Path[] {certFile, keyFile, store};
  }

  private static TrustManagerFactory trusting(Path store) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(store.toFile())) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("eddy", ks.getCertificate("eddy"));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    return tmf;
  }

  @Test
  void servesHttpsWithTheGivenCertificate() throws Exception {
    TrustManagerFactory tmf = trusting(files[2]);
    try (EddyServer server = EddyServer.start(ServerConfig.builder().host("127.0.0.1").port(0).inMemory(true)
        .tls(files[0], files[1]).build())) {
      URI endpoint = server.endpoint();
      assertEquals("https", endpoint.getScheme());
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
      HttpResponse<String> health = https.send(HttpRequest.newBuilder(endpoint).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertTrue(health.body().startsWith("healthy: dynamodb.us-east-1.amazonaws.com"), health.body());

      try (DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
          .httpClient(UrlConnectionHttpClient.builder().tlsTrustManagersProvider(tmf::getTrustManagers).build())
          .build()) {
        assertEquals(List.of(), ddb.listTables().tableNames());
      }
      // A client that does not trust the certificate cannot talk to it; plain HTTP gets no answer.
      assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.ofString()));
      assertThrows(java.io.IOException.class, () -> HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port())).GET()
              .timeout(java.time.Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
    }
  }

  @Test
  void anUnusableKeyStopsTheStartWithTheReason() throws Exception {
    Path garbage = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> EddyServer.start(ServerConfig.builder()
        .host("127.0.0.1").port(0).inMemory(true).tls(files[0], garbage).build()));
    assertTrue(e.getMessage().startsWith("cannot use TLS certificate "), e.getMessage());
  }
}
