package dev.eddy.it;

import dev.eddy.server.EddyServer;
import dev.eddy.server.ServerConfig;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Static shortcuts for tests that manage the server themselves (see {@link EddyExtension}). */
final class SdkClients {
  private SdkClients() {}

  static EddyServer startInMemory() {
    return EddyServer.start(ServerConfig.builder().host("127.0.0.1").port(0).inMemory(true).build());
  }

  static DynamoDbClient dynamo(URI endpoint) {
    return EddyExtension.clientFor(endpoint, b -> { });
  }
}
