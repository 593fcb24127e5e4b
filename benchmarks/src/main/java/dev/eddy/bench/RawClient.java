package dev.eddy.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A minimal DynamoDB JSON client over one keep-alive HTTP/1.1 connection: it sends a prepared
 * body with the headers the AWS SDK sends and reads the status and body back, nothing more.
 *
 * <p>Why it exists: on a 2-core machine the AWS SDK v2 client costs several hundred µs of CPU per
 * request, more than any of the servers it measures, so with client and server on the same
 * machine an SDK-driven benchmark reports the client's speed. This client costs a few µs per
 * request and lets the benchmark show what the server can serve ({@code --client raw}). The
 * requests are the same JSON the SDK sends; the signature is a well-formed placeholder (Eddy
 * without {@code --access-keys} and DynamoDB Local do not verify it).
 *
 * <p>Not thread-safe: one per client thread.
 */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String fixedHeaders;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
  private final StringBuilder line = new StringBuilder(128);

  RawClient(URI endpoint) throws IOException {
    if (!"http".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("--client raw speaks plain http only: " + endpoint);
    }
    int port = endpoint.getPort() < 0 ? 80 : endpoint.getPort();
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(endpoint.getHost(), port), 5_000);
    socket.setSoTimeout(60_000);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    String date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(Instant.now().atOffset(ZoneOffset.UTC));
    fixedHeaders = "Host: " + endpoint.getHost() + ":" + port + "\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\n"
        + "X-Amz-Date: " + date + "\r\n"
        + "Authorization: AWS4-HMAC-SHA256 Credential=bench/" + date.substring(0, 8)
        + "/us-east-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
        + "Signature=0000000000000000000000000000000000000000000000000000000000000000\r\n";
  }

  /** The answer to one request: HTTP status and body. */
  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * POSTs {@code json} as {@code DynamoDB_20120810.<operation>} and returns the body; a status
   * other than 200 is an {@link IOException} carrying the server's answer.
   */
  String ok(String operation, String json) throws IOException {
    Response r = call(operation, json);
    if (r.status() != 200) {
      throw new IOException(operation + ": HTTP " + r.status() + " " + r.text());
    }
    return r.text();
  }

  /** POSTs {@code json} as {@code DynamoDB_20120810.<operation>} and returns the answer. */
  Response call(String operation, String json) throws IOException {
    return post("DynamoDB_20120810." + operation, json);
  }

  /** POSTs {@code json} with the X-Amz-Target {@code target} and returns the answer. */
  Response post(String target, String json) throws IOException {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST / HTTP/1.1\r\n" + fixedHeaders
        + "X-Amz-Target: " + target + "\r\n"
        + "Content-Length: " + payload.length + "\r\n\r\n";
    try {
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(payload);
      out.flush();
      return read();
    } catch (IOException | RuntimeException e) {
      socket.close(); // the exchange is broken: the next call opens a new connection
      throw e;
    }
  }

  boolean isClosed() {
    return socket.isClosed();
  }

  private Response read() throws IOException {
    String status = readLine();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("bad status line: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String h = readLine(); !h.isEmpty(); h = readLine()) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
        chunked = true;
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        close = true;
      }
    }
    body.reset();
    if (chunked) {
      for (long n = Long.parseLong(readLine().split(";")[0].trim(), 16); n > 0;
           n = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
        copy(n);
        readLine();
      }
      while (!readLine().isEmpty()) {
        // trailers
      }
    } else if (length >= 0) {
      copy(length);
    } else {
      throw new IOException("response without Content-Length or chunked encoding");
    }
    if (close) {
      throw new IOException("server closed the connection");
    }
    return new Response(code, body.toByteArray());
  }

  private void copy(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(n, 64 * 1024)];
    while (n > 0) {
      int r = in.read(buf, 0, (int) Math.min(n, buf.length));
      if (r < 0) {
        throw new IOException("connection closed mid-body");
      }
      body.write(buf, 0, r);
      n -= r;
    }
  }

  private String readLine() throws IOException {
    line.setLength(0);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c == '\n') {
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
          line.setLength(len - 1);
        }
        return line.toString();
      }
      line.append((char) c);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
