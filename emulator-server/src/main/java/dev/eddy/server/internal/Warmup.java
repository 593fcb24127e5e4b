package dev.eddy.server.internal;

import dev.eddy.api.Json;
import io.netty.channel.epoll.Epoll;
import java.nio.charset.StandardCharsets;

/**
 * Loads and initialises the JSON mapper and Netty's native transport, so that this work runs in
 * parallel with opening the store and the first request does not pay for it.
 */
public final class Warmup {
  private Warmup() {}

  public static void run() {
    try {
      byte[] sample = "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1.5\"}}}"
          .getBytes(StandardCharsets.UTF_8);
      Json.toBytes(Json.parseRequest(sample, 0, sample.length));
      Epoll.isAvailable();
      Responses.crc32(sample);
      RequestIds.next();
    } catch (RuntimeException | LinkageError e) {
      // warming up is best effort; the real use reports real problems
    }
  }

  public static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
