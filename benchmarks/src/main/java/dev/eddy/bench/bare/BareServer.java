package dev.eddy.bench.bare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.rocksdb.Env;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksMemEnv;
import org.rocksdb.WriteOptions;

/**
 * The "bare" baseline of issue 9: Netty + Jackson + RocksDB and nothing else. PutItem parses the
 * body, writes (table, pk, sk) -> item JSON into RocksDB (in memory, like {@code eddy --in-memory})
 * and answers {@code {}} with the x-amz-crc32 header the SDK checks. GetItem parses the body,
 * reads that key and answers {@code {"Item":<stored JSON>}}; BatchWriteItem stores its
 * PutRequests (the load phase). Query (the load generator's {@code pk = :p AND sk >= :s} with a
 * Limit) seeks a RocksDB iterator to (pk, :s), answers up to Limit stored items as they are, and
 * a LastEvaluatedKey read from the last one when the page is full. No validation, no stream, no
 * conditions: an upper bound for what a DynamoDB-shaped PutItem, GetItem or Query can cost on
 * this machine. CreateTable/DescribeTable answer
 * just enough for the load generator's set-up; every other target answers {@code {}} and stores
 * nothing.
 * Runs every request on the Netty event loop.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.eddy.bench.bare.BareServer --port 8002</pre>
 */
public final class BareServer implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  private final EventLoopGroup group;
  private final Channel channel;
  private final RocksDB db;
  private final Env env;
  private final Options rocksOptions;
  private final WriteOptions writeOptions;
  private final AtomicLong puts;

  private BareServer(EventLoopGroup group, Channel channel, RocksDB db, Env env, Options rocksOptions,
      WriteOptions writeOptions, AtomicLong puts) {
    this.puts = puts;
    this.group = group;
    this.channel = channel;
    this.db = db;
    this.env = env;
    this.rocksOptions = rocksOptions;
    this.writeOptions = writeOptions;
  }

  public static void main(String[] args) throws Exception {
    int port = 8002;
    String host = "127.0.0.1";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--host" -> host = args[i + 1];
        default -> {
          System.err.println("Usage: BareServer [--port P] [--host H]");
          System.exit(2);
        }
      }
    }
    BareServer server = start(host, port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("bare server on http://" + host + ":" + server.port());
    server.channel.closeFuture().sync();
  }

  public static BareServer start(String host, int port) {
    RocksDB.loadLibrary();
    Env env = new RocksMemEnv(Env.getDefault());
    Options options = new Options().setCreateIfMissing(true).setEnv(env);
    RocksDB db;
    try {
      db = RocksDB.open(options, "/bare-in-memory");
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
    WriteOptions writeOptions = new WriteOptions().setSync(false);
    AtomicLong puts = new AtomicLong();
    int threads = Runtime.getRuntime().availableProcessors();
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = epoll ? new EpollEventLoopGroup(threads) : new NioEventLoopGroup(threads);
    ChannelHandler init = new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(16 * 1024 * 1024),
            new Handler(db, writeOptions, puts));
      }
    };
    ServerBootstrap b = new ServerBootstrap().group(group)
        .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(init);
    Channel ch;
    try {
      ch = b.bind(new InetSocketAddress(host, port)).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new BareServer(group, ch, db, env, options, writeOptions, puts);
  }

  /** PutItem requests stored so far. */
  public long puts() {
    return puts.get();
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully().syncUninterruptibly();
    db.close();
    writeOptions.close();
    rocksOptions.close();
    env.close();
  }

  private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final AtomicLong REQUEST_IDS = new AtomicLong();
    private final RocksDB db;
    private final WriteOptions writeOptions;
    private final AtomicLong puts;

    Handler(RocksDB db, WriteOptions writeOptions, AtomicLong puts) {
      this.db = db;
      this.writeOptions = writeOptions;
      this.puts = puts;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) throws Exception {
      String target = req.headers().get("X-Amz-Target", "");
      String op = target.substring(target.indexOf('.') + 1);
      byte[] body;
      int status = 200;
      switch (op) {
        case "PutItem" -> body = putItem(req.content());
        case "GetItem" -> body = getItem(req.content());
        case "Query" -> body = query(req.content());
        case "BatchWriteItem" -> body = batchWriteItem(req.content());
        case "CreateTable" -> body = tableReply("TableDescription", req.content());
        case "DescribeTable" -> body = tableReply("Table", req.content());
        default -> body = "{}".getBytes(StandardCharsets.UTF_8);
      }
      ByteBuf content = Unpooled.wrappedBuffer(body);
      FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
          HttpResponseStatus.valueOf(status), content);
      CRC32 crc = new CRC32();
      crc.update(body);
      resp.headers()
          .set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
          .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
          .set("x-amzn-RequestId", Long.toString(REQUEST_IDS.incrementAndGet()))
          .set("x-amz-crc32", Long.toString(crc.getValue()));
      boolean keepAlive = HttpUtil.isKeepAlive(req);
      if (keepAlive) {
        ctx.writeAndFlush(resp);
      } else {
        ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
      }
    }

    private byte[] putItem(ByteBuf content) throws IOException, RocksDBException {
      JsonNode req = MAPPER.readTree((java.io.InputStream) new ByteBufInputStream(content));
      JsonNode item = req.path("Item");
      db.put(writeOptions, key(req.path("TableName").asText(), item), MAPPER.writeValueAsBytes(item));
      puts.incrementAndGet();
      return "{}".getBytes(StandardCharsets.UTF_8);
    }

    /** The item stored under the key, as {@code {"Item":...}}; {@code {}} when there is none. */
    private byte[] getItem(ByteBuf content) throws IOException, RocksDBException {
      JsonNode req = MAPPER.readTree((java.io.InputStream) new ByteBufInputStream(content));
      byte[] item = db.get(key(req.path("TableName").asText(), req.path("Key")));
      if (item == null) {
        return "{}".getBytes(StandardCharsets.UTF_8);
      }
      byte[] prefix = "{\"Item\":".getBytes(StandardCharsets.UTF_8);
      byte[] body = java.util.Arrays.copyOf(prefix, prefix.length + item.length + 1);
      System.arraycopy(item, 0, body, prefix.length, item.length);
      body[body.length - 1] = '}';
      return body;
    }

    /**
     * The load generator's Query: {@code pk = :p AND sk >= :s}, Limit items, stored items sent
     * as they are; LastEvaluatedKey (pk and sk of the last item) when the page is full.
     */
    private byte[] query(ByteBuf content) throws IOException {
      JsonNode req = MAPPER.readTree((java.io.InputStream) new ByteBufInputStream(content));
      JsonNode values = req.path("ExpressionAttributeValues");
      String table = req.path("TableName").asText();
      String pk = values.path(":p").path("S").asText();
      int limit = req.path("Limit").asInt(100);
      byte[] prefix = (table + '\0' + pk + '\0').getBytes(StandardCharsets.UTF_8);
      byte[] from = (table + '\0' + pk + '\0' + sortable(values.path(":s").path("N").asText()))
          .getBytes(StandardCharsets.UTF_8);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(2048);
      out.write("{\"Items\":[".getBytes(StandardCharsets.UTF_8));
      int count = 0;
      byte[] last = null;
      try (org.rocksdb.RocksIterator it = db.newIterator()) {
        for (it.seek(from); it.isValid() && count < limit; it.next()) {
          byte[] key = it.key();
          if (!startsWith(key, prefix)) {
            break;
          }
          last = it.value();
          if (count++ > 0) {
            out.write(',');
          }
          out.write(last);
        }
      }
      out.write(("],\"Count\":" + count + ",\"ScannedCount\":" + count).getBytes(StandardCharsets.UTF_8));
      if (count == limit && last != null) {
        JsonNode item = MAPPER.readTree(last);
        ObjectNode lek = MAPPER.createObjectNode();
        lek.set("pk", item.path("pk"));
        lek.set("sk", item.path("sk"));
        out.write((",\"LastEvaluatedKey\":" + MAPPER.writeValueAsString(lek)).getBytes(StandardCharsets.UTF_8));
      }
      out.write('}');
      return out.toByteArray();
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
      return key.length >= prefix.length
          && java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** A non-negative integer sort key as 10 digits, so that byte order is numeric order. */
    private static String sortable(String n) {
      return n.length() >= 10 ? n : "0000000000".substring(n.length()) + n;
    }

    /** Stores the PutRequests (the load phase's items, which get reads back). */
    private byte[] batchWriteItem(ByteBuf content) throws IOException, RocksDBException {
      JsonNode req = MAPPER.readTree((java.io.InputStream) new ByteBufInputStream(content));
      var tables = req.path("RequestItems").fields();
      while (tables.hasNext()) {
        var table = tables.next();
        for (JsonNode write : table.getValue()) {
          JsonNode item = write.path("PutRequest").path("Item");
          if (item.isObject()) {
            db.put(writeOptions, key(table.getKey(), item), MAPPER.writeValueAsBytes(item));
          }
        }
      }
      return "{}".getBytes(StandardCharsets.UTF_8);
    }

    /**
     * table NUL pk NUL sk, from an item or a key (attributes named pk and sk, as the load
     * generator's); a number sk as {@link #sortable} digits.
     */
    private static byte[] key(String table, JsonNode item) {
      StringBuilder key = new StringBuilder(table).append('\0');
      JsonNode pk = item.path("pk");
      if (pk.isObject() && pk.fields().hasNext()) {
        key.append(pk.fields().next().getValue().asText());
      }
      key.append('\0');
      JsonNode sk = item.path("sk");
      if (sk.isObject() && sk.fields().hasNext()) {
        key.append(sk.has("N") ? sortable(sk.get("N").asText()) : sk.fields().next().getValue().asText());
      }
      return key.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] tableReply(String field, ByteBuf content) throws IOException {
      JsonNode req = MAPPER.readTree((java.io.InputStream) new ByteBufInputStream(content));
      String name = req.path("TableName").asText();
      String json = "{\"" + field + "\":{\"TableName\":" + MAPPER.writeValueAsString(name)
          + ",\"TableStatus\":\"ACTIVE\"}}";
      return json.getBytes(StandardCharsets.UTF_8);
    }
  }
}
