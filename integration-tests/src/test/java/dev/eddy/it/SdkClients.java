package dev.eddy.it;

import dev.eddy.server.EddyServer;
import dev.eddy.server.ServerConfig;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Starts an in-memory Eddy on a free port and builds SDK v2 clients for it. */
final class SdkClients {
  private SdkClients() {}

  static EddyServer startInMemory() {
    return EddyServer.start(ServerConfig.builder().host("127.0.0.1").port(0).inMemory(true).build());
  }

  static DynamoDbClient dynamo(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
