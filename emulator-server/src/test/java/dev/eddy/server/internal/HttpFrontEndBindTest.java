package dev.eddy.server.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A bound front end accepts nothing until it serves; clients that connected meanwhile are then answered. */
class HttpFrontEndBindTest {

  @Test
  void clientsWaitInTheBacklogUntilServe() throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(2);
    HttpFrontEnd http = HttpFrontEnd.bind("127.0.0.1", 0, null);
    try (Socket early = new Socket(InetAddress.getLoopbackAddress(), http.port())) {
      early.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
          + "X-Amz-Target: T.Echo\r\nContent-Length: 7\r\n\r\n{\"a\":1}").getBytes(StandardCharsets.US_ASCII));
      early.setSoTimeout(300);
      InputStream in = early.getInputStream();
      assertThrows(SocketTimeoutException.class, in::read, "nothing is served before serve()");

      Dispatcher echo = Dispatcher.builder().register("T.", Map.of("Echo", request -> request)).build();
      http.serve(echo, workers, "ok".getBytes(StandardCharsets.US_ASCII), null, InlinePolicy.NONE);
      early.setSoTimeout(10_000);
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      assertTrue(response.endsWith("{\"a\":1}"), response);
      assertThrows(IllegalStateException.class,
          () -> http.serve(echo, workers, new byte[0], null, InlinePolicy.NONE), "serve() is called once");
    } finally {
      http.close();
      workers.shutdownNow();
    }
  }

  @Test
  void warmupRunsTheWholePipeline() {
    assertTrue(Warmup.run(), "the warm-up request is answered with 200");
    assertTrue(Warmup.run(), "and again");
  }
}
