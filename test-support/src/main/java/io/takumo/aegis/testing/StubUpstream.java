package io.takumo.aegis.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A stub AI provider on loopback that answers like the real APIs: Anthropic {@code /v1/messages}
 * and OpenAI-shaped {@code /v1/chat/completions}, as JSON or as SSE (one event per write and
 * flush), echoing the last user message. It records every request it receives (headers and body)
 * and can misbehave on demand: error statuses, silence, slow reading, huge answers.
 *
 * <p>Thread-safe. Close it to free its port and threads.
 */
public final class StubUpstream implements AutoCloseable {
  /** Requests are recorded with at most this many body bytes (the count is always exact). */
  public static final int RECORDED_BODY_LIMIT = 4 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventLoopGroup group;
  private final Channel server;
  private final boolean tls;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  /** Every byte each connection sent, as it came off the wire (after TLS), capped at {@link #RAW_LIMIT} each. */
  private final List<java.io.ByteArrayOutputStream> raw = new CopyOnWriteArrayList<>();
  /** The most raw bytes kept per connection. */
  public static final int RAW_LIMIT = 64 << 20;
  private volatile boolean recordRaw;
  private volatile Behavior behavior = Behavior.normal();
  private volatile String writePath = "/tmp/aegis-stub/out.txt";
  private volatile CompletableFuture<Void> requestSeen = new CompletableFuture<>();
  private volatile CompletableFuture<Void> connectionClosed = new CompletableFuture<>();

  private StubUpstream(@Nullable SslContext sslContext) throws InterruptedException {
    this.tls = sslContext != null;
    this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("stub-upstream", true),
        NioIoHandler.newFactory());
    this.server = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (sslContext != null) {
              ch.pipeline().addLast(sslContext.newHandler(ch.alloc()));
            }
            ch.pipeline().addLast(new RawRecorder(), new HttpServerCodec(), new StubHandler());
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0))
        .sync()
        .channel();
  }

  public static StubUpstream start() throws InterruptedException {
    return new StubUpstream(null);
  }

  /** A stub that speaks TLS with {@code sslContext} (a server context). */
  public static StubUpstream startTls(SslContext sslContext) throws InterruptedException {
    return new StubUpstream(sslContext);
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** {@code http://127.0.0.1:PORT} (or https). */
  public URI baseUrl() {
    return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port());
  }

  /** Where the Write tool calls this stub answers with put their file (a client's working directory). */
  public void writePath(String path) {
    this.writePath = path;
  }

  public void behavior(Behavior behavior) {
    this.behavior = behavior;
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** From now on, keeps every byte connections send ({@link #rawConnections}); off by default (large-body tests). */
  public void recordRaw() {
    recordRaw = true;
  }

  /** The bytes each connection sent so far, one entry per connection in the order they opened. */
  public List<byte[]> rawConnections() {
    List<byte[]> out = new ArrayList<>();
    for (java.io.ByteArrayOutputStream connection : raw) {
      synchronized (connection) {
        out.add(connection.toByteArray());
      }
    }
    return out;
  }

  /** Copies what arrives, before the HTTP codec sees it; leaves the buffer as it was. */
  private final class RawRecorder extends io.netty.channel.ChannelInboundHandlerAdapter {
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      raw.add(bytes);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (recordRaw && msg instanceof ByteBuf buf) {
        synchronized (bytes) {
          int n = Math.min(RAW_LIMIT - bytes.size(), buf.readableBytes());
          if (n > 0) {
            byte[] copy = new byte[n];
            buf.getBytes(buf.readerIndex(), copy);
            bytes.writeBytes(copy);
          }
        }
      }
      ctx.fireChannelRead(msg);
    }
  }

  public Recorded lastRequest() {
    if (requests.isEmpty()) {
      throw new AssertionError("the stub received no request");
    }
    return requests.get(requests.size() - 1);
  }

  /** Completes when the next request head arrives (reset by each call). */
  public CompletableFuture<Void> nextRequestSeen() {
    requestSeen = new CompletableFuture<>();
    return requestSeen;
  }

  /** Completes when the next connection to the stub closes, from either side (reset by each call). */
  public CompletableFuture<Void> nextConnectionClosed() {
    connectionClosed = new CompletableFuture<>();
    return connectionClosed;
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** One request as the stub received it. Header names are lower case. */
  public record Recorded(String method, String uri, Map<String, List<String>> headers, byte[] body, long bodyBytes) {
    public @Nullable String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Every header value and the body, as text: what a leak check searches. */
    public String everything() {
      return headers + "\n" + uri + "\n" + bodyText();
    }
  }

  /** What the stub does with the next requests. */
  public record Behavior(Kind kind, int status, @Nullable String retryAfter, long answerBytes,
      @Nullable CompletableFuture<Void> release, List<byte[]> parts) {
    public enum Kind { NORMAL, STATUS, SILENT, SLOW_READ, LARGE_ANSWER, CLOSE, HOLD, GZIP, ECHO_ERROR, PARTS, GATED_STREAM, STRAY }

    public Behavior(Kind kind, int status, @Nullable String retryAfter, long answerBytes,
        @Nullable CompletableFuture<Void> release) {
      this(kind, status, retryAfter, answerBytes, release, List.of());
    }

    /** Answer 200, chunked, one chunk per part, all written before one flush (so they mostly arrive in one read). */
    public static Behavior parts(List<byte[]> parts) {
      return new Behavior(Kind.PARTS, 200, null, 0, null, List.copyOf(parts));
    }

    public static Behavior normal() {
      return new Behavior(Kind.NORMAL, 200, null, 0, null);
    }

    /** Answer {@code status} with a provider-shaped error body and an optional retry-after. */
    /** Answer normally, but gzip the JSON body whatever the request accepts (providers that ignore identity). */
    /**
     * Answers normally, then, in the same write, a second response nobody asked for (a misbehaving upstream or
     * a middlebox): a gateway must never hand it to the next request on that connection.
     */
    public static Behavior stray() {
      return new Behavior(Kind.STRAY, 200, null, 0, null);
    }

    public static Behavior gzip() {
      return new Behavior(Kind.GZIP, 200, null, 0, null);
    }

    /** Answer {@code status} with the provider's error shape, echoing the last user message in its message. */
    public static Behavior echoError(int status) {
      return new Behavior(Kind.ECHO_ERROR, status, null, 0, null);
    }

    public static Behavior status(int status, @Nullable String retryAfter) {
      return new Behavior(Kind.STATUS, status, retryAfter, 0, null);
    }

    /** Read the request, never answer. */
    public static Behavior silent() {
      return new Behavior(Kind.SILENT, 0, null, 0, null);
    }

    /** Read the body slowly (64 KiB every 2 ms), then answer normally. */
    public static Behavior slowRead() {
      return new Behavior(Kind.SLOW_READ, 200, null, 0, null);
    }

    /** Answer 200 with {@code bytes} of {@code application/octet-stream}, written as the client drains it. */
    public static Behavior largeAnswer(long bytes) {
      return new Behavior(Kind.LARGE_ANSWER, 200, null, bytes, null);
    }

    /** Close the connection as soon as the request has arrived, answering nothing. */
    public static Behavior close() {
      return new Behavior(Kind.CLOSE, 0, null, 0, null);
    }

    /**
     * A streamed answer's first event at once, the others once {@code release} completes: a client
     * that sees the first event before it releases the rest sees events as they come.
     */
    public static Behavior gatedStream(CompletableFuture<Void> release) {
      return new Behavior(Kind.GATED_STREAM, 200, null, 0, release);
    }

    /** Answer normally once {@code release} completes. */
    public static Behavior hold(CompletableFuture<Void> release) {
      return new Behavior(Kind.HOLD, 200, null, 0, release);
    }
  }

  private final class StubHandler extends SimpleChannelInboundHandler<HttpObject> {
    private @Nullable HttpRequest request;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private long bodyBytes;
    private Behavior current = Behavior.normal();

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      if (behavior.kind() == Behavior.Kind.SLOW_READ) {
        Channel ch = ctx.channel();
        ch.config().setAutoRead(false);
        ch.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(64 << 10));
        ch.read();
        ch.eventLoop().scheduleAtFixedRate(() -> {
          if (ch.isActive()) {
            ch.read();
          }
        }, 2, 2, TimeUnit.MILLISECONDS);
      }
      ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      if (msg instanceof HttpRequest head) {
        request = head;
        body.reset();
        bodyBytes = 0;
        current = behavior;
        requestSeen.complete(null);
      }
      if (msg instanceof HttpContent content) {
        ByteBuf buf = content.content();
        bodyBytes += buf.readableBytes();
        int room = RECORDED_BODY_LIMIT - body.size();
        if (room > 0) {
          byte[] bytes = new byte[Math.min(room, buf.readableBytes())];
          buf.getBytes(buf.readerIndex(), bytes);
          body.writeBytes(bytes);
        }
        if (content instanceof LastHttpContent && request != null) {
          HttpRequest head = request;
          request = null;
          Map<String, List<String>> headers = new LinkedHashMap<>();
          for (Map.Entry<String, String> h : head.headers()) {
            headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
          }
          Recorded recorded = new Recorded(head.method().name(), head.uri(), headers, body.toByteArray(), bodyBytes);
          requests.add(recorded);
          respond(ctx, recorded, HttpUtil.isKeepAlive(head));
        }
      }
    }

    private void respond(ChannelHandlerContext ctx, Recorded recorded, boolean keepAlive) {
      switch (current.kind()) {
        case SILENT:
          return;
        case CLOSE:
          ctx.close();
          return;
        case STATUS:
          sendError(ctx, recorded, current);
          return;
        case ECHO_ERROR: {
          ObjectNode error = JSON.createObjectNode().put("type", "error");
          error.putObject("error").put("type", "invalid_request_error").put("message", "Cannot process: " + echo(parse(recorded.body())));
          ctx.writeAndFlush(full(HttpResponseStatus.valueOf(current.status()), error.toString(), "application/json"));
          return;
        }
        case GZIP: {
          JsonNode body = parse(recorded.body());
          String json = anthropicMessage(body.path("model").asText("stub-model"), echo(body));
          java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
          try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
              Unpooled.wrappedBuffer(gz.toByteArray()));
          response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
              .set(HttpHeaderNames.CONTENT_ENCODING, "gzip").setInt(HttpHeaderNames.CONTENT_LENGTH, gz.size());
          ctx.writeAndFlush(response);
          return;
        }
        case LARGE_ANSWER:
          sendLarge(ctx, current.answerBytes());
          return;
        case STRAY: {
          JsonNode body = parse(recorded.body());
          ctx.write(full(HttpResponseStatus.OK, anthropicMessage(body.path("model").asText("stub-model"), echo(body)),
              "application/json"));
          ctx.writeAndFlush(full(HttpResponseStatus.OK, anthropicMessage("stray", "stray answer"), "application/json"));
          return;
        }
        case PARTS: {
          HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
          head.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM)
              .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
          ctx.write(head);
          for (byte[] part : current.parts()) {
            ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(part)));
          }
          ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
          return;
        }
        case HOLD:
          CompletableFuture<Void> release = current.release();
          if (release != null) {
            release.thenRun(() -> ctx.executor().execute(() -> answer(ctx, recorded, keepAlive, null)));
          }
          return;
        case GATED_STREAM:
          answer(ctx, recorded, keepAlive, current.release());
          return;
        default:
          answer(ctx, recorded, keepAlive, null);
      }
    }

    /** The answer a provider gives; a streamed one holds all but its first event until {@code gate} completes. */
    private void answer(ChannelHandlerContext ctx, Recorded recorded, boolean keepAlive,
        @Nullable CompletableFuture<Void> gate) {
      JsonNode body = parse(recorded.body());
      String model = body.path("model").asText("stub-model");
      String text = echo(body);
      boolean openAi = recorded.uri().contains("/chat/completions");
      boolean stream = body.path("stream").asBoolean(false);
      boolean write = offersWrite(body) && !answersATool(body); // a tool's result gets text, as a model gives
      String path = writePath;
      if (!stream) {
        String json = write ? (openAi ? openAiWriteCall(model, text, path) : anthropicWriteCall(model, text, path))
            : openAi ? openAiMessage(model, text) : anthropicMessage(model, text);
        FullHttpResponse response = full(HttpResponseStatus.OK, json, "application/json");
        response.headers().set("request-id", "req_stub_" + requests.size());
        if (!keepAlive) {
          response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ctx.writeAndFlush(response).addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
        return;
      }
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
          .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
          .set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
      ctx.writeAndFlush(head);
      List<String> events = write ? (openAi ? openAiWriteEvents(model, text, path) : anthropicWriteEvents(model, text, path))
          : openAi ? openAiEvents(model, text) : anthropicEvents(model, text);
      if (gate == null) {
        writeEvents(ctx, events, true);
        return;
      }
      writeEvents(ctx, events.subList(0, 1), false);
      gate.thenRun(() -> ctx.executor().execute(() -> writeEvents(ctx, events.subList(1, events.size()), true)));
    }

    private void writeEvents(ChannelHandlerContext ctx, List<String> events, boolean end) {
      for (String event : events) {
        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(event, StandardCharsets.UTF_8)));
      }
      if (end) {
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
      }
    }

    private void sendError(ChannelHandlerContext ctx, Recorded recorded, Behavior b) {
      boolean openAi = recorded.uri().contains("/chat/completions");
      String json = openAi
          ? "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}"
          : "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of requests has exceeded your rate limit\"}}";
      FullHttpResponse response = full(HttpResponseStatus.valueOf(b.status()), json, "application/json");
      response.headers().set("request-id", "req_stub_error");
      if (b.retryAfter() != null) {
        response.headers().set(HttpHeaderNames.RETRY_AFTER, b.retryAfter());
      }
      ctx.writeAndFlush(response);
    }

    private void sendLarge(ChannelHandlerContext ctx, long total) {
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      head.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM)
          .set(HttpHeaderNames.CONTENT_LENGTH, total);
      ctx.writeAndFlush(head);
      new LargeWriter(ctx, total).run();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      connectionClosed.complete(null);
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /** Writes a large body only as fast as the peer drains it, like a real server. */
  private static final class LargeWriter implements Runnable {
    private static final int CHUNK = 16 << 10;
    private final ChannelHandlerContext ctx;
    private long remaining;

    LargeWriter(ChannelHandlerContext ctx, long total) {
      this.ctx = ctx;
      this.remaining = total;
    }

    @Override
    public void run() {
      Channel ch = ctx.channel();
      while (remaining > 0 && ch.isActive()) {
        int n = (int) Math.min(CHUNK, remaining);
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
          bytes[i] = (byte) ('a' + (int) ((remaining - i) % 26));
        }
        // One bulk write: under PARANOID leak detection every single-byte access records a trace.
        ByteBuf chunk = ctx.alloc().buffer(n).writeBytes(bytes);
        remaining -= n;
        if (remaining == 0) {
          ctx.writeAndFlush(new io.netty.handler.codec.http.DefaultLastHttpContent(chunk));
          return;
        }
        ctx.writeAndFlush(new DefaultHttpContent(chunk));
        if (!ch.isWritable()) {
          ch.eventLoop().schedule(this, 1, TimeUnit.MILLISECONDS); // poll until the peer drains
          return;
        }
      }
    }
  }

  private static FullHttpResponse full(HttpResponseStatus status, String json, String type) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, type).setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    return response;
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (java.io.IOException e) {
      return JSON.createObjectNode();
    }
  }

  /** The text of the last user message, in either API's shape. */
  static String echo(JsonNode body) {
    JsonNode messages = body.path("messages");
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonNode message = messages.get(i);
      if (!"user".equals(message.path("role").asText())) {
        continue;
      }
      JsonNode content = message.path("content");
      if (content.isTextual()) {
        return content.asText();
      }
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        if (part.has("text")) {
          text.append(part.path("text").asText());
        }
        JsonNode result = part.path("content"); // tool_result: a string or text blocks
        if ("tool_result".equals(part.path("type").asText())) {
          if (result.isTextual()) {
            text.append(result.asText());
          }
          for (JsonNode block : result) {
            text.append(block.path("text").asText());
          }
        }
      }
      return text.toString();
    }
    return "Hello from the stub.";
  }

  /** Whether the request offers a tool named {@code Write} (Claude Code's file tool), in either API's shape. */
  static boolean offersWrite(JsonNode body) {
    for (JsonNode tool : body.path("tools")) {
      if ("Write".equals(tool.path("name").asText()) || "Write".equals(tool.path("function").path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the last user message carries a tool's result (Anthropic) or the last message is a tool's (OpenAI). */
  static boolean answersATool(JsonNode body) {
    JsonNode messages = body.path("messages");
    if (messages.isEmpty()) {
      return false;
    }
    JsonNode last = messages.get(messages.size() - 1);
    if ("tool".equals(last.path("role").asText())) {
      return true;
    }
    for (JsonNode part : last.path("content")) {
      if ("tool_result".equals(part.path("type").asText())) {
        return true;
      }
    }
    return false;
  }

  /** The Write tool's input: the echoed text becomes the content of the file at {@code path}. */
  static String writeInput(String text, String path) {
    return JSON.createObjectNode().put("file_path", path).put("content", text).toString();
  }

  private static String anthropicWriteCall(String model, String text, String path) {
    ObjectNode message = JSON.createObjectNode();
    message.put("id", "msg_stub02").put("type", "message").put("role", "assistant").put("model", model);
    ObjectNode use = message.putArray("content").addObject().put("type", "tool_use").put("id", "toolu_stub01")
        .put("name", "Write");
    use.set("input", parse(writeInput(text, path).getBytes(StandardCharsets.UTF_8)));
    message.put("stop_reason", "tool_use").putNull("stop_sequence");
    message.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
    return message.toString();
  }

  private static String openAiWriteCall(String model, String text, String path) {
    ObjectNode completion = JSON.createObjectNode();
    completion.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1_700_000_000L)
        .put("model", model);
    ObjectNode choice = completion.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant").putNull("content");
    ObjectNode call = message.putArray("tool_calls").addObject().put("id", "call_stub01").put("type", "function");
    call.putObject("function").put("name", "Write").put("arguments", writeInput(text, path));
    message.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", "tool_calls");
    completion.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
    return completion.toString();
  }



  private static List<String> openAiWriteEvents(String model, String text, String path) {
    List<String> events = new ArrayList<>();
    events.add(openAiChunk(model, "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
        + "\"id\":\"call_stub01\",\"type\":\"function\",\"function\":{\"name\":\"Write\",\"arguments\":\"\"}}]}", null));
    for (String piece : pieces(writeInput(text, path))) {
      ObjectNode delta = JSON.createObjectNode();
      delta.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", piece);
      events.add(openAiChunk(model, delta.toString(), null));
    }
    events.add(openAiChunk(model, "{}", "tool_calls"));
    events.add("data: [DONE]\n\n");
    return events;
  }

  private static String anthropicMessage(String model, String text) {
    ObjectNode message = JSON.createObjectNode();
    message.put("id", "msg_stub01").put("type", "message").put("role", "assistant").put("model", model);
    message.putArray("content").addObject().put("type", "text").put("text", text);
    message.put("stop_reason", "end_turn").putNull("stop_sequence");
    message.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
    return message.toString();
  }

  private static String openAiMessage(String model, String text) {
    ObjectNode completion = JSON.createObjectNode();
    completion.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1_700_000_000L)
        .put("model", model);
    ObjectNode choice = completion.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", text).putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", "stop");
    completion.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
    return completion.toString();
  }

  /** Cuts text into 1–7 character pieces, deterministically. */
  static List<String> pieces(String text) {
    Random random = new Random(text.length());
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int n = Math.min(text.length() - i, 1 + random.nextInt(7));
      if (Character.isHighSurrogate(text.charAt(i + n - 1)) && i + n < text.length()) {
        n++; // never split a surrogate pair
      }
      out.add(text.substring(i, i + n));
      i += n;
    }
    return out;
  }

  private static List<String> anthropicEvents(String model, String text) {
    return anthropicStream(model, "msg_stub01", JSON.createObjectNode().put("type", "text").put("text", ""),
        "text_delta", "text", text, "end_turn", true);
  }

  private static List<String> anthropicWriteEvents(String model, String text, String path) {
    ObjectNode block = JSON.createObjectNode().put("type", "tool_use").put("id", "toolu_stub01").put("name", "Write");
    block.putObject("input");
    return anthropicStream(model, "msg_stub02", block, "input_json_delta", "partial_json", writeInput(text, path), "tool_use",
        false);
  }

  /** A Messages API stream of one content block whose {@code field} arrives in 1–7 character pieces. */
  private static List<String> anthropicStream(String model, String id, ObjectNode block, String deltaType, String field,
      String content, String stopReason, boolean ping) {
    List<String> events = new ArrayList<>();
    ObjectNode start = JSON.createObjectNode().put("type", "message_start");
    ObjectNode message = start.putObject("message");
    message.put("id", id).put("type", "message").put("role", "assistant").put("model", model);
    message.putArray("content");
    message.putNull("stop_reason").putNull("stop_sequence");
    message.putObject("usage").put("input_tokens", 10).put("output_tokens", 1);
    events.add(sse("message_start", start));
    ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
    blockStart.set("content_block", block);
    events.add(sse("content_block_start", blockStart));
    if (ping) {
      events.add("event: ping\ndata: {\"type\": \"ping\"}\n\n");
    }
    for (String piece : pieces(content)) {
      ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
      delta.putObject("delta").put("type", deltaType).put(field, piece);
      events.add(sse("content_block_delta", delta));
    }
    events.add(sse("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0)));
    ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
    messageDelta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
    messageDelta.putObject("usage").put("output_tokens", 5);
    events.add(sse("message_delta", messageDelta));
    events.add(sse("message_stop", JSON.createObjectNode().put("type", "message_stop")));
    return events;
  }


  private static List<String> openAiEvents(String model, String text) {
    List<String> events = new ArrayList<>();
    events.add(openAiChunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", null));
    for (String piece : pieces(text)) {
      events.add(openAiChunk(model, JSON.createObjectNode().put("content", piece).toString(), null));
    }
    events.add(openAiChunk(model, "{}", "stop"));
    events.add("data: [DONE]\n\n");
    return events;
  }

  private static String openAiChunk(String model, String delta, @Nullable String finish) {
    return "data: {\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
        + JSON.createObjectNode().put("m", model).get("m").toString()
        + ",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
        + (finish == null ? "null" : '"' + finish + '"') + "}]}\n\n";
  }

  private static String sse(String event, JsonNode data) {
    return "event: " + event + "\ndata: " + data + "\n\n";
  }
}
