package dev.eddy.server.internal;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids shaped like DynamoDB's: 52 characters of [A-Z0-9]. */
final class RequestIds {
  static final int LENGTH = 52;
  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private RequestIds() {}

  /** Writes a fresh id ({@link #LENGTH} ASCII bytes) to {@code out}. */
  static void write(io.netty.buffer.ByteBuf out) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < LENGTH; i++) {
      out.writeByte(ALPHABET[r.nextInt(ALPHABET.length)]);
    }
  }
}
