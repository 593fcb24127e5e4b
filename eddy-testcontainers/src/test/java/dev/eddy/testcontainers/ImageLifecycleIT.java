package dev.eddy.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What the image promises beyond serving: a non-root user, data in the /data volume, a clean
 * stop on SIGTERM (exit status 0, the store flushed) and the data back after a restart.
 */
@ExtendWith(DockerRequired.class)
class ImageLifecycleIT {

  @Test
  void runsAsNonRootStopsCleanlyOnSigtermAndKeepsDataInTheVolume() throws Exception {
    try (EddyContainer eddy = new EddyContainer(DockerRequired.image())) {
      eddy.start();
      DockerClient docker = DockerClientFactory.instance().client();
      String id = eddy.getContainerId();
      InspectContainerResponse info = docker.inspectContainerCmd(id).exec();
      assertEquals("10001:10001", info.getConfig().getUser());
      assertTrue(info.getMounts().stream().anyMatch(m -> m.getDestination().getPath().equals("/data")),
          "a volume at /data");

      try (DynamoDbClient ddb = client(eddy.getEndpoint())) {
        createAndPut(ddb);
      }

      // docker stop: SIGTERM, then the status Eddy exits with.
      docker.stopContainerCmd(id).withTimeout(20).exec();
      InspectContainerResponse stopped = docker.inspectContainerCmd(id).exec();
      assertEquals(0L, stopped.getState().getExitCodeLong(), "exit status after SIGTERM");
      assertTrue(eddy.getLogs().contains("Eddy stopped"), eddy.getLogs());

      // Same container, same volume: the item is still there.
      docker.startContainerCmd(id).exec();
      URI endpoint = endpointAfterRestart(docker, id, eddy.getHost());
      try (DynamoDbClient ddb = client(endpoint)) {
        Map<String, AttributeValue> item = awaitItem(ddb);
        assertEquals("kept", item.get("Value").s());
      }
    }
  }

  private static void createAndPut(DynamoDbClient ddb) {
    ddb.createTable(b -> b.tableName("Kept")
        .attributeDefinitions(AttributeDefinition.builder().attributeName("Id")
            .attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("Id").keyType(KeyType.HASH).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
    ddb.putItem(b -> b.tableName("Kept").item(Map.of(
        "Id", AttributeValue.fromS("a"), "Value", AttributeValue.fromS("kept"))));
  }

  private static URI endpointAfterRestart(DockerClient docker, String id, String host) {
    Ports.Binding[] bindings = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts()
        .getBindings().get(ExposedPort.tcp(EddyContainer.EDDY_PORT));
    return URI.create("http://" + host + ":" + bindings[0].getHostPortSpec());
  }

  /** The restarted server needs a moment to listen again: retry for up to 30 s. */
  private static Map<String, AttributeValue> awaitItem(DynamoDbClient ddb) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return ddb.getItem(b -> b.tableName("Kept").key(Map.of("Id", AttributeValue.fromS("a")))
            .consistentRead(true)).item();
      } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static DynamoDbClient client(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }
}
