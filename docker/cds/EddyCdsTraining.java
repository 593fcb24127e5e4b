import dev.eddy.server.EddyServer;
import dev.eddy.server.ServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The class-data-sharing training run of the image (docker/Dockerfile, RUN step): starts Eddy in
 * memory, sends the requests a first user sends (health, CreateTable, PutItem, GetItem,
 * ListTables), stops it. The JVM then writes the classes it loaded to /opt/eddy/eddy.jsa, which
 * the image's java maps at start-up instead of loading and verifying them again.
 */
public final class EddyCdsTraining {
  private EddyCdsTraining() {}

  public static void main(String[] args) throws Exception {
    ServerConfig config = ServerConfig.parse(new String[] {"--in-memory", "--port", "0"}, Map.of());
    try (EddyServer server = EddyServer.start(config)) {
      int port = server.port();
      send(port, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      post(port, "CreateTable", "{\"TableName\":\"Training\",\"AttributeDefinitions\":[{\"AttributeName\":"
          + "\"k\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"k\",\"KeyType\":\"HASH\"}],"
          + "\"BillingMode\":\"PAY_PER_REQUEST\"}");
      post(port, "PutItem", "{\"TableName\":\"Training\",\"Item\":{\"k\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"}}}");
      post(port, "GetItem", "{\"TableName\":\"Training\",\"Key\":{\"k\":{\"S\":\"a\"}}}");
      post(port, "ListTables", "{}");
    }
  }

  private static void post(int port, String operation, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    send(port, "POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + "X-Amz-Target: DynamoDB_20120810." + operation + "\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: " + b.length + "\r\n\r\n" + body);
  }

  private static void send(int port, String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!answer.startsWith("HTTP/1.1 200")) {
        throw new IOException("unexpected answer: " + answer);
      }
    }
  }
}
