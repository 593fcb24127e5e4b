package dev.eddy.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.server.EddyServer;
import dev.eddy.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running server with its lazily made SDK clients; closed by JUnit with the store that holds
 * it (the test class's, or the root's when shared).
 */
final class EddyInstance implements ExtensionContext.Store.CloseableResource {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** ListTables page size while resetting (small, so tests exercise the paging). */
  static final int LIST_PAGE = 25;

  private final EddyServer server;
  private final HttpClient http;
  private AutoCloseable dynamoDb;
  private AutoCloseable streams;

  private EddyInstance(EddyServer server) {
    this.server = server;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  static EddyInstance start(ServerConfig config) {
    return new EddyInstance(EddyServer.start(config));
  }

  EddyServer server() {
    return server;
  }

  URI endpoint() {
    return server.endpoint();
  }

  synchronized Object dynamoDbClient() {
    if (dynamoDb == null) {
      dynamoDb = SdkClients.dynamoDb(endpoint(), server.config().region());
    }
    return dynamoDb;
  }

  synchronized Object streamsClient() {
    if (streams == null) {
      streams = SdkClients.streams(endpoint(), server.config().region());
    }
    return streams;
  }

  /**
   * Deletes every table and every backup over the server's own API (ListTables, then DeleteTable;
   * deletion protection is switched off first where set; a table whose vector index is still
   * being created is retried until it can go; ListBackups, then DeleteBackup), so no AWS SDK is
   * needed.
   */
  void deleteAllTables() {
    List<String> names = new ArrayList<>();
    String start = null;
    do {
      ObjectNode req = JSON.createObjectNode().put("Limit", LIST_PAGE);
      if (start != null) {
        req.put("ExclusiveStartTableName", start);
      }
      JsonNode page = call("ListTables", req);
      page.path("TableNames").forEach(n -> names.add(n.asText()));
      start = page.hasNonNull("LastEvaluatedTableName") ? page.get("LastEvaluatedTableName").asText() : null;
    } while (start != null);
    for (String name : names) {
      ObjectNode req = JSON.createObjectNode().put("TableName", name);
      Reply reply = send("DeleteTable", req);
      if (reply.status == 400 && reply.body.path("message").asText("").contains("deletion protection")) {
        call("UpdateTable", JSON.createObjectNode().put("TableName", name).put("DeletionProtectionEnabled", false));
        reply = send("DeleteTable", req);
      }
      for (int i = 0; i < 100 && reply.status == 400 && reply.type().endsWith("ResourceInUseException"); i++) {
        pause(); // an index being created (a vector index takes about two seconds)
        reply = send("DeleteTable", req);
      }
      if (reply.status != 200 && !reply.type().endsWith("ResourceNotFoundException")) {
        throw new IllegalStateException("Eddy: cannot delete table " + name + ": " + reply.body);
      }
    }
  }

  /**
   * Deletes every backup (backups outlive their tables), the SYSTEM ones that deleting a table
   * with point-in-time recovery on leaves too.
   */
  void deleteAllBackups() {
    JsonNode page = call("ListBackups", JSON.createObjectNode().put("BackupType", "ALL"));
    for (JsonNode b : page.path("BackupSummaries")) {
      send("DeleteBackup", JSON.createObjectNode().put("BackupArn", b.path("BackupArn").asText()));
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resetting Eddy", e);
    }
  }

  private JsonNode call(String operation, ObjectNode request) {
    Reply reply = send(operation, request);
    if (reply.status != 200) {
      throw new IllegalStateException("Eddy: " + operation + " failed: " + reply.body);
    }
    return reply.body;
  }

  private record Reply(int status, JsonNode body) {
    String type() {
      return body.path("__type").asText("");
    }
  }

  private Reply send(String operation, ObjectNode request) {
    HttpRequest req = HttpRequest.newBuilder(endpoint())
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", EddyServer.DYNAMODB_PREFIX + operation)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(request)))
        .build();
    try {
      HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(res.statusCode(), JSON.readTree(res.body()));
    } catch (IOException e) {
      throw new UncheckedIOException("Eddy: " + operation + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() throws Exception {
    Exception failure = null;
    for (AutoCloseable c : new AutoCloseable[] {dynamoDb, streams}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          failure = e;
        }
      }
    }
    dynamoDb = null;
    streams = null;
    server.close();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "Eddy at " + Objects.toString(endpoint());
  }
}
