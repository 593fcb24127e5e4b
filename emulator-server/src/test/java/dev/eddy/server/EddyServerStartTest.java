package dev.eddy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store opens on one thread while the port is bound on another: whichever fails, the other
 * is undone (the store closed, the port released), and a started server answers at once.
 */
class EddyServerStartTest {
  @TempDir
  Path dir;

  private ServerConfig.Builder onDisk(Path data, int port) {
    return ServerConfig.builder().host("127.0.0.1").port(port).dataDir(data);
  }

  @Test
  void portInUseFailsAndClosesTheStore() throws IOException {
    Path data = dir.resolve("data");
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> EddyServer.start(onDisk(data, taken.getLocalPort()).build()));
      assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
    }
    // the store's lock was released: the same data directory opens again
    try (EddyServer again = EddyServer.start(onDisk(data, 0).build())) {
      assertEquals(200, get(again.port()));
    }
  }

  @Test
  void lockedDataDirectoryFailsAndReleasesThePort() throws IOException {
    Path data = dir.resolve("data");
    try (EddyServer first = EddyServer.start(onDisk(data, 0).build())) {
      int port = freePort();
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> EddyServer.start(onDisk(data, port).build()));
      assertTrue(e.getMessage().contains("in use by another Eddy process"), e.getMessage());
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)); // free again
      }
      assertEquals(200, get(first.port()));
    }
  }

  @Test
  void answersTheFirstRequestsAndRestartsOnTheSameData() throws IOException {
    Path data = dir.resolve("data");
    for (int i = 0; i < 2; i++) {
      try (EddyServer s = EddyServer.start(onDisk(data, 0).build())) {
        assertEquals(200, get(s.port()));
        assertEquals("{\"TableNames\":[]}", post(s.port(), "DynamoDB_20120810.ListTables", "{}"));
      }
    }
    try (EddyServer s = EddyServer.start(ServerConfig.builder().host("127.0.0.1").port(0).inMemory(true).build())) {
      assertEquals("{\"TableNames\":[]}", post(s.port(), "DynamoDB_20120810.ListTables", "{}"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static int get(int port) throws IOException {
    String response = exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    return Integer.parseInt(response.substring(9, 12));
  }

  private static String post(int port, String target, String body) throws IOException {
    String response = exchange(port, "POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Amz-Target: " + target
        + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    assertTrue(response.startsWith("HTTP/1.1 200"), response);
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }

  private static String exchange(int port, String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
