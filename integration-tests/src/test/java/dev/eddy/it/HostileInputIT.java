package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.eddy.server.EddyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input never crashes the server nor gets a 500: truncated and deeply nested JSON, huge
 * numbers, invalid UTF-8, oversized bodies, slow clients, thousands of idle connections and
 * random expression text. Every answer is checked to be a DynamoDB 4xx error (or a success), and
 * the server keeps answering normal requests afterwards.
 */
class HostileInputIT {
  private static final String DDB = "DynamoDB_20120810.";
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static EddyServer server;

  @BeforeAll
  static void start() throws Exception {
    server = SdkClients.startInMemory();
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = c.exchange(RawHttp.post(DDB + "CreateTable", """
          {"TableName":"hhh","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
           "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
           "BillingMode":"PAY_PER_REQUEST"}"""));
      assertEquals(200, r.status(), r.text());
      r = c.exchange(RawHttp.post(DDB + "PutItem",
          "{\"TableName\":\"hhh\",\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"n\":{\"N\":\"5\"},\"l\":{\"L\":[]}}}"));
      assertEquals(200, r.status(), r.text());
    }
  }

  @AfterAll
  static void stop() {
    System.out.println("HostileInputIT: " + TRIED.get() + " hostile inputs tried, no 500, server still serving");
    server.close();
  }

  /** Sends one request on a fresh connection and checks the answer is a 4xx DynamoDB error (or 200). */
  private static RawHttp.Response send(byte[] request) throws IOException {
    TRIED.incrementAndGet();
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = c.exchange(request);
      assertTrue(r.status() == 200 || r.status() >= 400 && r.status() < 500,
          "status " + r.status() + ": " + r.text());
      if (r.status() != 200) {
        assertTrue(r.text().contains("\"__type\""), r.text());
      }
      return r;
    }
  }

  private static RawHttp.Response post(String op, String body) throws IOException {
    return send(RawHttp.post(DDB + op, body));
  }

  private static RawHttp.Response postBytes(String op, byte[] body) throws IOException {
    String head = "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
        + "X-Amz-Target: " + DDB + op + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    return send(RawHttp.concat(head.getBytes(StandardCharsets.US_ASCII), body));
  }

  private static void assertType(RawHttp.Response r, String type) {
    assertEquals(400, r.status(), r.text());
    assertTrue(r.text().contains("#" + type + "\""), r.text());
  }

  private static void assertServing() throws IOException {
    RawHttp.Response r = post("GetItem", "{\"TableName\":\"hhh\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}}");
    assertEquals(200, r.status(), r.text());
    assertTrue(r.text().contains("\"n\":{\"N\":\"5\"}"), r.text());
  }

  @Test
  void truncatedJsonIsSerializationException() throws IOException {
    String full = "{\"TableName\":\"hhh\",\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"x\":{\"M\":{\"y\":{\"L\":[{\"S\":\"z\"}]}}}}}";
    for (int cut = 1; cut < full.length(); cut++) {
      RawHttp.Response r = post("PutItem", full.substring(0, cut));
      assertType(r, "SerializationException");
    }
    assertServing();
  }

  @Test
  void tenThousandLevelsOfNestingAreRefused() throws IOException {
    int depth = 10_000;
    String arrays = "[".repeat(depth) + "]".repeat(depth);
    assertType(post("PutItem", "{\"TableName\":\"hhh\",\"Item\":" + arrays + "}"), "SerializationException");
    StringBuilder objects = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      objects.append("{\"a\":");
    }
    objects.append("1").append("}".repeat(depth));
    assertType(post("PutItem", objects.toString()), "SerializationException");
    // Deep but well-formed attribute values: {"M":{"a":{"M":...}}}. DynamoDB reads them and refuses
    // them with its nesting error however deep (captured to 101 levels), never a parse failure.
    for (int levels : new int[] {60, 100, 400}) {
      String maps = "{\"M\":{\"a\":".repeat(levels) + "{\"S\":\"x\"}" + "}}".repeat(levels);
      RawHttp.Response deep = post("PutItem",
          "{\"TableName\":\"hhh\",\"Item\":{\"pk\":{\"S\":\"d\"},\"sk\":{\"N\":\"1\"},\"m\":" + maps + "}}");
      assertType(deep, "ValidationException");
      assertTrue(deep.text().contains("Nesting Levels have exceeded supported limits"), deep.text());
    }
    // Deep expressions: a path of 10,000 elements, 10,000 parentheses, 10,000 NOTs.
    String path = "a" + ".b".repeat(depth);
    assertEquals(400, post("UpdateItem", key() + ",\"UpdateExpression\":\"SET " + path + " = :v\","
        + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}").status());
    assertEquals(400, post("UpdateItem", key() + ",\"ConditionExpression\":\"" + "(".repeat(depth) + "attribute_exists(a)"
        + ")".repeat(depth) + "\",\"UpdateExpression\":\"SET a = :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}")
        .status());
    assertEquals(400, post("UpdateItem", key() + ",\"ConditionExpression\":\"" + "NOT ".repeat(depth)
        + "attribute_exists(a)\",\"UpdateExpression\":\"SET a = :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}")
        .status());
    assertEquals(400, post("GetItem", key() + ",\"ProjectionExpression\":\"" + "a" + "[0]".repeat(depth) + "\"}").status());
    assertServing();
  }

  private static String key() {
    return "{\"TableName\":\"hhh\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}";
  }

  @Test
  void hugeNumbersAreRefusedQuickly() throws IOException {
    long t0 = System.nanoTime();
    hugeNumbers();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 20_000, "huge numbers took " + ms + " ms");
  }

  private static void hugeNumbers() throws IOException {
    String[] numbers = {"1e1000000", "-1e1000000", "1e-1000000", "9".repeat(10_000), "0." + "0".repeat(10_000) + "1",
        "1" + "1".repeat(10_000) + "e-10000", "1" + "0".repeat(300_000), "0." + "0".repeat(300_000) + "1",
        "1e999999999", "1e-999999999", "1E+2147483648", "1e-2147483649", "NaN", "Infinity", "0x10", "1e", "--1"};
    for (String n : numbers) {
      assertType(post("PutItem", "{\"TableName\":\"hhh\",\"Item\":{\"pk\":{\"S\":\"n\"},\"sk\":{\"N\":\"" + n + "\"}}}"),
          "ValidationException");
      assertType(post("UpdateItem", key() + ",\"UpdateExpression\":\"ADD n :v\","
          + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"" + n + "\"}}}"), "ValidationException");
      assertType(post("Query", "{\"TableName\":\"hhh\",\"KeyConditionExpression\":\"pk = :p AND sk > :n\","
          + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"},\":n\":{\"N\":\"" + n + "\"}}}"), "ValidationException");
      assertEquals(400, post("PutItem", "{\"TableName\":\"hhh\",\"Item\":{\"pk\":{\"S\":\"n\"},\"sk\":{\"N\":\"1\"},"
          + "\"ns\":{\"NS\":[\"1\",\"" + n + "\"]}}}").status());
    }
    // JSON number literals where the API wants an integer.
    for (String literal : new String[] {"1e1000000", "9".repeat(10_000), "-1e1000000", "1e999999999",
        "-1e999999999", "1e-999999999", "1e400"}) {
      assertEquals(400, post("Scan", "{\"TableName\":\"hhh\",\"Limit\":" + literal + "}").status());
      assertEquals(400, post("PutItem", "{\"TableName\":\"hhh\",\"Item\":{\"pk\":{\"S\":\"n\"},\"sk\":{\"N\":" + literal
          + "}}}").status());
    }
    // 38 digits at the edge of the range are fine, one more is not.
    assertEquals(200, post("UpdateItem", key() + ",\"UpdateExpression\":\"SET big = :v\","
        + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"9.9999999999999999999999999999999999999E+125\"}}}").status());
    assertType(post("UpdateItem", key() + ",\"UpdateExpression\":\"ADD big :v\","
        + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"9.9999999999999999999999999999999999999E+125\"}}}"),
        "ValidationException");
    assertServing();
  }

  @Test
  void invalidUtf8IsRefused() throws IOException {
    byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0x80}, {0}};
    for (byte[] b : bad) {
      byte[] inValue = RawHttp.concat("{\"TableName\":\"hhh\",\"Item\":{\"pk\":{\"S\":\"".getBytes(StandardCharsets.UTF_8), b,
          "\"},\"sk\":{\"N\":\"1\"}}}".getBytes(StandardCharsets.UTF_8));
      assertEquals(400, postBytes("PutItem", inValue).status());
      byte[] inName = RawHttp.concat("{\"TableName\":\"hhh\",\"Item\":{\"pk\":{\"S\":\"u\"},\"sk\":{\"N\":\"1\"},\"".getBytes(
          StandardCharsets.UTF_8), b, "\":{\"S\":\"x\"}}}".getBytes(StandardCharsets.UTF_8));
      assertEquals(400, postBytes("PutItem", inName).status());
      byte[] inTable = RawHttp.concat("{\"TableName\":\"".getBytes(StandardCharsets.UTF_8), b,
          "\"}".getBytes(StandardCharsets.UTF_8));
      assertEquals(400, postBytes("DescribeTable", inTable).status());
    }
    // Lone surrogates escaped in JSON are valid JSON but not valid text.
    RawHttp.Response r = post("PutItem", "{\"TableName\":\"hhh\",\"Item\":{\"pk\":{\"S\":\"\\ud800\"},\"sk\":{\"N\":\"1\"}}}");
    assertTrue(r.status() == 200 || r.status() == 400, r.text());
    assertServing();
  }

  @Test
  void randomBytesAndMangledRequestsNeverGet500() throws IOException {
    Random random = new Random(42);
    String valid = "{\"TableName\":\"hhh\",\"Item\":{\"pk\":{\"S\":\"r\"},\"sk\":{\"N\":\"1\"},\"m\":{\"M\":{\"a\":{\"L\":"
        + "[{\"N\":\"1\"},{\"B\":\"AAEC\"},{\"SS\":[\"a\",\"b\"]},{\"NULL\":true},{\"BOOL\":false}]}}}}}";
    String[] ops = {"PutItem", "UpdateItem", "Query", "Scan", "BatchWriteItem", "TransactWriteItems", "GetItem",
        "CreateTable", "BatchGetItem", "TransactGetItems", "ExecuteStatement", "DescribeTable"};
    for (int i = 0; i < 600; i++) {
      byte[] body = valid.getBytes(StandardCharsets.UTF_8);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(body.length);
        body[at] = (byte) (random.nextBoolean() ? "{}[]\":,0-eE.\\ntfu".charAt(random.nextInt(17)) : random.nextInt(256));
      }
      postBytes(ops[random.nextInt(ops.length)], body);
    }
    for (int i = 0; i < 100; i++) {
      byte[] body = new byte[random.nextInt(300)];
      random.nextBytes(body);
      postBytes(ops[random.nextInt(ops.length)], body);
    }
    assertServing();
  }

  @Test
  void randomExpressionTextIsAValidationError() throws IOException {
    Random random = new Random(7);
    String[] tokens = {"SET", "REMOVE", "ADD", "DELETE", "a", "b.c", "l[0]", "l[99999999999]", "#n", ":v", ":s", "=", "<>",
        "<", "<=", ">", ">=", "+", "-", ",", "(", ")", "[", "]", ".", "AND", "OR", "NOT", "BETWEEN", "IN",
        "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size",
        "if_not_exists", "list_append", "#", ":", "\\\"", "\\u0000", "é", "😀", "pk", "sk", "  ", "1", "-1"};
    for (int i = 0; i < 1500; i++) {
      StringBuilder expr = new StringBuilder();
      int n = 1 + random.nextInt(12);
      for (int t = 0; t < n; t++) {
        expr.append(tokens[random.nextInt(tokens.length)]).append(random.nextInt(3) == 0 ? "" : " ");
      }
      String e = expr.toString();
      String values = "\"ExpressionAttributeNames\":{\"#n\":\"n\"},\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"},"
          + "\":s\":{\"S\":\"a\"}}";
      switch (i % 4) {
        case 0 -> post("UpdateItem", key() + ",\"UpdateExpression\":\"" + e + "\"," + values + "}");
        case 1 -> post("UpdateItem", key() + ",\"UpdateExpression\":\"SET x = :v\",\"ConditionExpression\":\"" + e
            + "\"," + values + "}");
        case 2 -> post("Query", "{\"TableName\":\"hhh\",\"KeyConditionExpression\":\"" + e + "\"," + values + "}");
        default -> post("Query", "{\"TableName\":\"hhh\",\"KeyConditionExpression\":\"pk = :s\",\"FilterExpression\":\""
            + e + "\",\"ProjectionExpression\":\"" + e.replace(":", "") + "\"," + values + "}");
      }
    }
    assertServing();
  }

  @Test
  void bodiesOverSixteenMebibytesAre413WithoutBeingRead() throws IOException {
    // Announced 1 GiB, a few bytes sent: the 413 comes at once, the body is never waited for.
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: " + DDB + "PutItem\r\n"
          + "Content-Length: 1073741824\r\n\r\n{\"TableName\":").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String head = readHead(s.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 413"), head);
      TRIED.incrementAndGet();
    }
    // Chunked: refused once past the limit; the sender sees the 413 or a closed connection.
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: " + DDB + "PutItem\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) ' ');
      byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      try {
        for (int i = 0; i < 40; i++) {
          out.write(size);
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      } catch (IOException closed) {
        // the server stopped reading and closed: fine
      }
      String head = readHead(s.getInputStream());
      assertTrue(head.isEmpty() || head.startsWith("HTTP/1.1 413"), head);
      TRIED.incrementAndGet();
    } catch (java.net.SocketException reset) {
      TRIED.incrementAndGet(); // reset after the 413: fine
    }
    assertServing();
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    try {
      while ((c = in.read()) != -1) {
        b.append((char) c);
        if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
          break;
        }
      }
    } catch (java.net.SocketException reset) {
      // connection reset after the answer
    }
    return b.toString();
  }

  @Test
  void slowClientsSendingByteByByteAreServedAndDoNotBlockOthers() throws Exception {
    byte[] request = RawHttp.post(DDB + "GetItem", key() + "}");
    List<Thread> slow = new ArrayList<>();
    List<Throwable> errors = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread th = new Thread(() -> {
        try (RawHttp c = new RawHttp(server.port())) {
          for (byte b : request) {
            c.send(new byte[] {b});
            Thread.sleep(1);
          }
          RawHttp.Response r = c.read();
          assertEquals(200, r.status(), r.text());
        } catch (Throwable e) {
          synchronized (errors) {
            errors.add(e);
          }
        }
      });
      slow.add(th);
      th.start();
    }
    // While they trickle, normal requests are answered promptly.
    for (int i = 0; i < 20; i++) {
      long t0 = System.nanoTime();
      assertServing();
      assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "a normal request waited behind slow clients");
    }
    for (Thread th : slow) {
      th.join(60_000);
      TRIED.incrementAndGet();
    }
    if (!errors.isEmpty()) {
      throw new AssertionError(errors.get(0));
    }
  }

  @Test
  void twoThousandIdleConnectionsDoNotStopService() throws IOException {
    int wanted = 2000;
    long limit = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
        ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
    // Client and server share this JVM: each connection costs two descriptors here.
    int n = (int) Math.min(wanted, (limit - 500) / 2);
    System.out.println("HostileInputIT: file descriptor limit " + limit + ", holding " + n + " idle connections");
    assertTrue(n >= 500, "ulimit -n too low for the test: " + limit);
    List<Socket> idle = new ArrayList<>(n);
    try {
      for (int i = 0; i < n; i++) {
        Socket s = new Socket("127.0.0.1", server.port());
        if (i % 2 == 0) {
          // half of them have started a request and stopped mid-header
          s.getOutputStream().write("POST / HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII));
        }
        idle.add(s);
      }
      TRIED.addAndGet(n);
      assertServing();
      try (RawHttp c = new RawHttp(server.port())) {
        assertEquals(200, c.exchange(RawHttp.get("/")).status());
      }
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
    assertServing();
  }
}
