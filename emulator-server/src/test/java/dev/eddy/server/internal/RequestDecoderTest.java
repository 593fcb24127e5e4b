package dev.eddy.server.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The request reader alone: bytes in, {@link Request}s out, however the bytes are split. */
class RequestDecoderTest {
  private static final int LIMIT = 1 << 20;

  private static final String SIGNED = "POST /?a=b%20c HTTP/1.1\r\n"
      + "Host: localhost:8000\r\n"
      + "X-Amz-Target: DynamoDB_20120810.GetItem\r\n"
      + "content-type: application/x-amz-json-1.0\r\n"
      + "X-Amz-Date:20261122T180000Z\r\n"
      + "X-Custom: one\r\n"
      + "x-custom:  two  \r\n"
      + "Content-Length: 12\r\n"
      + "\r\n"
      + "{\"Key\":\"\u00e9\"}";

  /** Feeds {@code wire} in pieces cut at {@code cuts} and returns what came out. */
  private static List<Request> decode(byte[] wire, int... cuts) {
    EmbeddedChannel ch = new EmbeddedChannel(new RequestDecoder(LIMIT));
    int from = 0;
    for (int cut : cuts) {
      ch.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(wire, from, cut)));
      from = cut;
    }
    ch.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(wire, from, wire.length)));
    List<Request> out = new ArrayList<>();
    for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
      out.add((Request) o);
    }
    for (Object o = ch.readOutbound(); o != null; o = ch.readOutbound()) {
      ((ByteBuf) o).release();
    }
    ch.finishAndReleaseAll();
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String body(Request r) {
    return new String(r.bodyBytes(), 0, r.bodyLength(), StandardCharsets.UTF_8);
  }

  private static void assertSigned(Request r) {
    assertNull(r.failure());
    assertEquals("POST", r.method());
    assertEquals("/?a=b%20c", r.uri());
    assertFalse(r.http10());
    assertEquals("DynamoDB_20120810.GetItem", r.header("x-amz-target"));
    assertEquals("application/x-amz-json-1.0", r.header("Content-Type"));
    assertEquals("20261122T180000Z", r.header("X-AMZ-DATE"), "no space after the colon");
    assertEquals(List.of("one", "two"), r.headers("X-Custom"), "every value, trimmed, in order");
    assertEquals(List.of(), r.headers("Authorization"));
    assertNull(r.header("Authorization"));
    assertTrue(r.keepAlive());
    assertEquals("{\"Key\":\"\u00e9\"}", body(r));
  }

  @Test
  void readsTheRequestLineHeadersAndBody() {
    List<Request> out = decode(bytes(SIGNED));
    assertEquals(1, out.size());
    assertSigned(out.get(0));
  }

  @Test
  void everySplitOfTheBytesGivesTheSameRequest() {
    byte[] wire = bytes(SIGNED);
    for (int cut = 1; cut < wire.length; cut++) {
      List<Request> out = decode(wire, cut);
      assertEquals(1, out.size(), "cut at " + cut);
      assertSigned(out.get(0));
    }
    int[] everyByte = new int[wire.length - 1];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = i + 1;
    }
    assertSigned(decode(wire, everyByte).get(0));
  }

  @Test
  void pipelinedRequestsComeOutInOrder() {
    String chunked = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n0\r\nTrailer: x\r\n\r\n";
    String wire = SIGNED + "\r\n" + "GET / HTTP/1.1\r\n\r\n" + chunked + SIGNED;
    byte[] b = bytes(wire);
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      int[] cuts = random.ints(5, 1, b.length).sorted().distinct().toArray();
      List<Request> out = decode(b, cuts);
      assertEquals(4, out.size(), Arrays.toString(cuts));
      assertSigned(out.get(0));
      assertEquals("GET", out.get(1).method());
      assertEquals(0, out.get(1).bodyLength());
      assertEquals("abc", body(out.get(2)));
      assertSigned(out.get(3));
    }
  }

  @Test
  void chunkedBodiesAreJoined() {
    String wire = "POST / HTTP/1.1\r\ntransfer-encoding: Chunked\r\nContent-Length: 99\r\n\r\n"
        + "5\r\nhello\r\nA\r\n, world! 0\r\n00\r\n\r\n";
    Request r = decode(bytes(wire)).get(0);
    assertNull(r.failure());
    assertEquals("hello, world! 0", body(r), "Transfer-Encoding wins over Content-Length");
  }

  @Test
  void bareLineFeedsAndLeadingEmptyLinesAreAccepted() {
    Request r = decode(bytes("\r\n\nPOST / HTTP/1.0\nContent-Length: 2\nConnection: keep-alive\n\n{}")).get(0);
    assertNull(r.failure());
    assertTrue(r.http10());
    assertTrue(r.keepAlive());
    assertEquals("{}", body(r));
  }

  @Test
  void aLargeBodyArrivingInPiecesIsWhole() {
    byte[] big = new byte[300_000];
    new Random(1).nextBytes(big);
    byte[] head = bytes("POST / HTTP/1.1\r\nContent-Length: " + big.length + "\r\n\r\n");
    byte[] wire = new byte[head.length + big.length];
    System.arraycopy(head, 0, wire, 0, head.length);
    System.arraycopy(big, 0, wire, head.length, big.length);
    Request r = decode(wire, 10, head.length + 1, head.length + 70_000, head.length + 200_000).get(0);
    assertEquals(big.length, r.bodyLength());
    assertEquals(big.length, r.bodyBytes().length, "grown to the announced length, not past it");
    assertArrayEquals(big, Arrays.copyOf(r.bodyBytes(), r.bodyLength()));
  }

  @Test
  void keepAliveFollowsTheVersionAndConnectionTokens() {
    assertFalse(decode(bytes("GET / HTTP/1.1\r\nConnection: TE, close\r\n\r\n")).get(0).keepAlive());
    assertFalse(decode(bytes("GET / HTTP/1.0\r\n\r\n")).get(0).keepAlive());
    assertTrue(decode(bytes("GET / HTTP/1.1\r\nConnection: keep-alive\r\n\r\n")).get(0).keepAlive());
  }

  @Test
  void tokensAndLengthsAreReadFromTheHeaderBytes() {
    Request r = decode(bytes("POST / HTTP/1.1\r\nConnection:close\r\nX-List: a , Keep-Alive\t,\r\n"
        + "Content-Length:  2 ,2\r\nContent-Length: 2\r\n\r\n{}")).get(0);
    assertNull(r.failure());
    assertFalse(r.keepAlive(), "no space after the colon");
    assertTrue(r.hasToken("x-list", "keep-alive"), "trimmed, any case");
    assertTrue(r.hasToken("X-List", "a"));
    assertTrue(r.hasToken("X-List", ""), "the empty element after the last comma");
    assertFalse(r.hasToken("X-List", "keep"));
    assertFalse(r.hasToken("Absent", "a"));
    assertEquals(2, r.contentLength());
    assertEquals("{}", body(r));
    assertEquals(0, decode(bytes("GET / HTTP/1.1\r\n\r\n")).get(0).contentLength());
  }

  @Test
  void aUtf8TargetIsKeptAsItsBytes() {
    Request r = decode(bytes("GET /caf\u00e9 HTTP/1.1\r\n\r\n")).get(0);
    assertNull(r.failure());
    assertEquals(5 + 1, r.uri().length(), "two ISO-8859-1 characters for the two bytes of \u00e9");
  }

  private static void assertMalformed(String wire) {
    List<Request> out = decode(bytes(wire));
    assertEquals(1, out.size(), wire);
    assertNotNull(out.get(0).failure(), wire);
    assertEquals("com.amazon.coral.service#SerializationException", out.get(0).failure().code().type(), wire);
  }

  @Test
  void malformedRequestsFailAndTheRestIsDiscarded() {
    assertMalformed("GARBAGE\r\n\r\n");
    assertMalformed("GET /\r\n\r\n");
    assertMalformed("GET / HTTP/2.0\r\n\r\n");
    assertMalformed("GET / HTTP/1.1 extra\r\n\r\n");
    assertMalformed("G(T / HTTP/1.1\r\n\r\n");
    assertMalformed("GET / HTTP/1.1\r\nNo-Colon\r\n\r\n");
    assertMalformed("GET / HTTP/1.1\r\nName : value\r\n\r\n");
    assertMalformed("GET / HTTP/1.1\r\n: value\r\n\r\n");
    assertMalformed("GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n");
    assertMalformed("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n");
    assertMalformed("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n");
    assertMalformed("POST / HTTP/1.1\r\nContent-Length: 2,\r\n\r\n{}");
    assertMalformed("POST / HTTP/1.1\r\nContent-Length: \r\n\r\n");
    assertMalformed("POST / HTTP/1.1\r\nContent-Length: 1 2\r\n\r\n{}");
    assertMalformed("POST / HTTP/1.1\r\nContent-Length: 1234567890123456789\r\n\r\n");
    assertMalformed("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
    assertMalformed("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n");
    assertMalformed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    assertMalformed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY");
    assertMalformed("GET / HTTP/1.1\r\nX: " + "y".repeat(RequestDecoder.MAX_HEAD) + "\r\n\r\n");
    assertMalformed("GET /" + "y".repeat(RequestDecoder.MAX_LINE) + " HTTP/1.1\r\n\r\n");
    // identical repeated lengths are one length
    Request r = decode(bytes("POST / HTTP/1.1\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\n{}")).get(0);
    assertEquals("{}", body(r));
    // nothing after a failure comes out
    assertEquals(1, decode(bytes("BAD\r\n\r\nGET / HTTP/1.1\r\n\r\n")).size());
  }

  @Test
  void anEndlessHeadFailsOnceItPassesTheLimit() {
    EmbeddedChannel ch = new EmbeddedChannel(new RequestDecoder(LIMIT));
    ch.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\n", StandardCharsets.US_ASCII));
    for (int sent = 0; sent <= RequestDecoder.MAX_HEAD; sent += 1000) {
      assertNull(ch.readInbound());
      ch.writeInbound(Unpooled.copiedBuffer("X-A: " + "b".repeat(993) + "\r\n", StandardCharsets.US_ASCII));
    }
    Request r = ch.readInbound();
    assertNotNull(r.failure());
    ch.finishAndReleaseAll();
  }

  @Test
  void tooLargeBodiesAre413() {
    List<Request> out = decode(bytes("POST / HTTP/1.1\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n"));
    assertEquals("com.amazon.coral.service#RequestEntityTooLarge", out.get(0).failure().code().type());
    assertEquals(413, out.get(0).failure().code().httpStatus());
    String chunk = Integer.toHexString(LIMIT / 2 + 1);
    out = decode(bytes("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + "\r\n"
        + "x".repeat(LIMIT / 2 + 1) + "\r\n" + chunk + "\r\n"));
    assertEquals(413, out.get(0).failure().code().httpStatus());
  }
}
