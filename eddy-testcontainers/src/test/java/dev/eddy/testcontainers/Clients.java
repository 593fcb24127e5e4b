package dev.eddy.testcontainers;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** AWS SDK v2 clients for a container, configured as the README tells users to. */
final class Clients {
  private Clients() {}

  private static final StaticCredentialsProvider DUMMY =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"));

  static DynamoDbClient dynamoDb(EddyContainer eddy) {
    return DynamoDbClient.builder()
        .endpointOverride(eddy.getEndpoint())
        .region(Region.of(eddy.getRegion()))
        .credentialsProvider(DUMMY)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static DynamoDbStreamsClient streams(EddyContainer eddy) {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(eddy.getEndpoint())
        .region(Region.of(eddy.getRegion()))
        .credentialsProvider(DUMMY)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
