package dev.eddy.bench;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A minimal DynamoDB JSON client over one keep-alive HTTP/1.1 connection: it sends a prepared
 * body with the headers the AWS SDK sends and reads the status and body back, nothing more.
 *
 * <p>Why it exists: on a 2-core machine the AWS SDK v2 client costs several hundred µs of CPU per
 * request, more than any of the servers it measures, so with client and server on the same
 * machine an SDK-driven benchmark reports the client's speed. This client writes each request
 * with one system call and parses the answer in place, and lets the benchmark show what the
 * server can serve ({@code --client raw}). The requests are the same JSON the SDK sends; the
 * signature is a well-formed placeholder (Eddy without {@code --access-keys} and DynamoDB Local
 * do not verify it).
 *
 * <p>Not thread-safe: one per client thread.
 */
final class RawClient implements AutoCloseable {
  private static final byte[] CRLFCRLF = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String fixedHeaders;
  /** Per target: the request head up to and including "Content-Length: ". */
  private final Map<String, byte[]> heads = new HashMap<>();
  private byte[] request = new byte[8 * 1024];
  private byte[] buf = new byte[64 * 1024];
  /** Unread bytes of the previous read: buf[pos, limit). */
  private int pos;
  private int limit;

  RawClient(URI endpoint) throws IOException {
    if (!"http".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("--client raw speaks plain http only: " + endpoint);
    }
    int port = endpoint.getPort() < 0 ? 80 : endpoint.getPort();
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(endpoint.getHost(), port), 5_000);
    socket.setSoTimeout(60_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
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
    byte[] head = heads.computeIfAbsent(target, t -> ("POST / HTTP/1.1\r\n" + fixedHeaders
        + "X-Amz-Target: " + t + "\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII));
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    byte[] length = Integer.toString(payload.length).getBytes(StandardCharsets.US_ASCII);
    int n = head.length + length.length + CRLFCRLF.length + payload.length;
    if (request.length < n) {
      request = new byte[Math.max(n, request.length * 2)];
    }
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(length, 0, request, head.length, length.length);
    System.arraycopy(CRLFCRLF, 0, request, head.length + length.length, CRLFCRLF.length);
    System.arraycopy(payload, 0, request, n - payload.length, payload.length);
    try {
      out.write(request, 0, n);
      return read();
    } catch (IOException | RuntimeException e) {
      socket.close(); // the exchange is broken: the next call opens a new connection
      throw e;
    }
  }

  boolean isClosed() {
    return socket.isClosed();
  }

  /** Reads one response: head parsed in the buffer, body by Content-Length or chunks. */
  private Response read() throws IOException {
    int headEnd;
    while ((headEnd = indexOf(CRLFCRLF, pos, limit)) < 0) {
      fill();
    }
    String head = new String(buf, pos, headEnd - pos, StandardCharsets.ISO_8859_1);
    pos = headEnd + CRLFCRLF.length;
    if (!head.startsWith("HTTP/1.1 ") || head.length() < 12) {
      throw new IOException("bad status line: " + head.lines().findFirst().orElse(""));
    }
    int code = Integer.parseInt(head.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String h : head.split("\r\n")) {
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
    byte[] body;
    if (chunked) {
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      for (int size = chunkSize(); size > 0; size = chunkSize()) {
        all.write(take(size));
        take(2); // the chunk's CRLF
      }
      while (!line().isEmpty()) {
        // trailers
      }
      body = all.toByteArray();
    } else if (length >= 0) {
      body = take((int) length);
    } else {
      throw new IOException("response without Content-Length or chunked encoding");
    }
    if (close) {
      throw new IOException("server closed the connection");
    }
    return new Response(code, body);
  }

  private int chunkSize() throws IOException {
    return Integer.parseInt(line().split(";")[0].trim(), 16);
  }

  private String line() throws IOException {
    int end;
    while ((end = indexOf(CRLFCRLF, pos, limit, 2)) < 0) {
      fill();
    }
    String s = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
    pos = end + 2;
    return s;
  }

  /** The next {@code n} bytes of the stream. */
  private byte[] take(int n) throws IOException {
    byte[] out = new byte[n];
    int have = Math.min(n, limit - pos);
    System.arraycopy(buf, pos, out, 0, have);
    pos += have;
    while (have < n) {
      int r = in.read(out, have, n - have);
      if (r < 0) {
        throw new IOException("connection closed mid-body");
      }
      have += r;
    }
    return out;
  }

  /** Reads more bytes after buf[limit), compacting or growing the buffer first. */
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int r = in.read(buf, limit, buf.length - limit);
    if (r < 0) {
      throw new IOException("connection closed");
    }
    limit += r;
  }

  private int indexOf(byte[] needle, int from, int to) {
    return indexOf(needle, from, to, needle.length);
  }

  /** Where the first {@code len} bytes of {@code needle} occur in buf[from, to), or -1. */
  private int indexOf(byte[] needle, int from, int to, int len) {
    outer:
    for (int i = from; i <= to - len; i++) {
      for (int j = 0; j < len; j++) {
        if (buf[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
