package dev.eddy.bench.jmh;

/** Item shapes shared by the microbenchmarks, as DynamoDB JSON. */
final class Items {
  private Items() {}

  static String json(String shape) {
    return switch (shape) {
      case "small" -> "{\"pk\":{\"S\":\"user#000123\"},\"sk\":{\"N\":\"42\"},"
          + "\"d\":{\"S\":\"" + "x".repeat(70) + "\"}}";
      case "typical" -> "{\"pk\":{\"S\":\"user#000123\"},\"sk\":{\"N\":\"1700000000123\"},"
          + "\"name\":{\"S\":\"Ada Lovelace\"},\"email\":{\"S\":\"ada@example.com\"},"
          + "\"age\":{\"N\":\"36\"},\"score\":{\"N\":\"12345.678\"},\"active\":{\"BOOL\":true},"
          + "\"tags\":{\"SS\":[\"a\",\"b\",\"c\"]},\"counts\":{\"NS\":[\"1\",\"2\",\"3\"]},"
          + "\"address\":{\"M\":{\"street\":{\"S\":\"12 St James's Square\"},\"city\":{\"S\":\"London\"},"
          + "\"zip\":{\"S\":\"SW1Y 4JH\"}}},"
          + "\"history\":{\"L\":[{\"N\":\"1\"},{\"S\":\"two\"},{\"M\":{\"k\":{\"S\":\"v\"}}}]},"
          + "\"bio\":{\"S\":\"" + "y".repeat(600) + "\"}}";
      default -> throw new IllegalArgumentException(shape);
    };
  }
}
