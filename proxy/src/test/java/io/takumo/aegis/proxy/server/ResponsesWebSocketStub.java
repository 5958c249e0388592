package io.takumo.aegis.proxy.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider speaking the Responses API over WebSocket as Codex meets it: one {@code response.create} per
 * turn, answered with {@code response.created}, two {@code response.output_text.delta} events that split
 * the first token between them (the second sent in two fragments), a
 * {@code response.function_call_arguments.delta} whose arguments (JSON in a JSON string) hold the tokens,
 * {@code response.output_text.done} and {@code response.completed} with full-text copies. The text repeats
 * the tokens of the message, or, for a message with none, every token an earlier turn sent (a stateful
 * conversation). Records what it received; can refuse the upgrade or close with a given code; floods a
 * turn whose input says {@code flood} with 64 MiB of deltas, writing only while its connection takes them.
 */
final class ResponsesWebSocketStub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TOKEN = Pattern.compile("__TAKUMO_v1_[A-Z_]+?_[0-9a-f]{8}__");

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;
  /** Every text message received, in order. */
  final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
  /** The handshake requests' headers. */
  final List<Map<String, String>> handshakes = new CopyOnWriteArrayList<>();
  /** Close codes received from the gateway. */
  final LinkedBlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
  private final List<String> remembered = new CopyOnWriteArrayList<>();
  /** A turn whose input says {@code flood} is answered with this many 1 KiB deltas. */
  static final int FLOOD_EVENTS = 65_536;
  /** How many of them the stub had written when its connection first stopped taking more. */
  final java.util.concurrent.CompletableFuture<Integer> stalled = new java.util.concurrent.CompletableFuture<>();
  private volatile FloodStep floodResume;

  private interface FloodStep {
    void run() throws Exception;
  }
  private final Map<String, Integer> settings = new ConcurrentHashMap<>();

  ResponsesWebSocketStub() throws InterruptedException {
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16), new Gate(),
                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                    .websocketPath("/v1/responses").checkStartsWith(true).maxFramePayloadLength(64 << 20).handleCloseFrames(false)
                    .build()),
                new WebSocketFrameAggregator(64 << 20), new Turns());
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  java.net.URI baseUrl() {
    return java.net.URI.create("http://127.0.0.1:" + port());
  }

  /** The next upgrades are answered with {@code status} and an error body instead of 101. */
  void refuseWith(int status) {
    settings.put("refuse", status);
  }

  /** The next upgrades are answered by closing the connection. */
  void drop() {
    settings.put("drop", 1);
  }

  /** The next upgrades get no answer at all. */
  void silent() {
    settings.put("silent", 1);
  }

  /** After the next turn's answer, the stub closes with {@code code}. */
  void closeAfterTurn(int code) {
    settings.put("close", code);
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Records the handshake; refuses it when told to. */
  private final class Gate extends SimpleChannelInboundHandler<FullHttpRequest> {
    Gate() {
      super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
      headers.put(":path", request.uri());
      handshakes.add(headers);
      if (settings.containsKey("drop")) {
        request.release();
        ctx.close(); // the connection ends without an answer
        return;
      }
      if (settings.containsKey("silent")) {
        request.release(); // never answered
        return;
      }
      Integer refuse = settings.get("refuse");
      if (refuse != null) {
        request.release();
        byte[] body = "{\"error\":{\"message\":\"websockets are not enabled for this account\"}}"
            .getBytes(StandardCharsets.UTF_8);
        DefaultFullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(refuse), Unpooled.wrappedBuffer(body));
        answer.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        ctx.writeAndFlush(answer);
        return;
      }
      ctx.fireChannelRead(request);
    }
  }

  /** One turn per {@code response.create}. */
  private final class Turns extends SimpleChannelInboundHandler<WebSocketFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) throws Exception {
      if (frame instanceof CloseWebSocketFrame close) {
        closes.add(close.statusCode());
        ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), close.reasonText()))
            .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
        return;
      }
      if (!(frame instanceof TextWebSocketFrame text)) {
        return;
      }
      String message = text.text();
      received.add(message);
      if (!message.contains("\"response.create\"")) {
        return;
      }
      if (message.contains("flood")) {
        flood(ctx, FLOOD_EVENTS);
        return;
      }
      List<String> tokens = new ArrayList<>();
      Matcher m = TOKEN.matcher(message);
      while (m.find()) {
        if (!tokens.contains(m.group())) {
          tokens.add(m.group());
        }
      }
      if (tokens.isEmpty()) {
        tokens.addAll(remembered);
      } else {
        remembered.addAll(tokens);
      }
      String said = "Use " + String.join(" and ", tokens) + " now.";
      int cut = tokens.isEmpty() ? said.length() / 2 : said.indexOf("__TAKUMO_") + 12; // inside the first token
      ObjectNode created = event("response.created");
      created.putObject("response").put("id", "resp_1").put("status", "in_progress");
      send(ctx, created);
      send(ctx, delta(said.substring(0, cut)));
      String second = JSON.writeValueAsString(delta(said.substring(cut)));
      int half = second.length() / 2;
      ctx.write(new TextWebSocketFrame(false, 0, second.substring(0, half)));
      ctx.writeAndFlush(new ContinuationWebSocketFrame(true, 0, second.substring(half)));
      ObjectNode args = JSON.createObjectNode().put("command", "deploy --keys " + String.join(",", tokens));
      send(ctx, event("response.function_call_arguments.delta").put("item_id", "fc_1").put("output_index", 1)
          .put("delta", JSON.writeValueAsString(args)));
      send(ctx, event("response.output_text.done").put("item_id", "msg_1").put("output_index", 0)
          .put("content_index", 0).put("text", said));
      ObjectNode item = JSON.createObjectNode().put("type", "message").put("id", "msg_1").put("role", "assistant")
          .put("status", "completed");
      item.putArray("content").addObject().put("type", "output_text").put("text", said).putArray("annotations");
      ObjectNode itemDone = event("response.output_item.done").put("output_index", 0);
      itemDone.set("item", item);
      send(ctx, itemDone);
      ObjectNode completed = event("response.completed");
      ObjectNode response = completed.putObject("response").put("id", "resp_1").put("status", "completed");
      response.putArray("output").add(item.deepCopy());
      response.putObject("usage").put("input_tokens", 10).put("output_tokens", 5).put("total_tokens", 15)
          .<ObjectNode>set("input_tokens_details", JSON.createObjectNode().put("cached_tokens", 0))
          .set("output_tokens_details", JSON.createObjectNode().put("reasoning_tokens", 0));
      send(ctx, completed);
      Integer close = settings.remove("close");
      if (close != null) {
        ctx.writeAndFlush(new CloseWebSocketFrame(close, "stub closes"));
      }
    }

    /** Writes {@code left} 1 KiB deltas, then {@code response.completed}, as fast as the gateway reads them. */
    private void flood(ChannelHandlerContext ctx, int left) throws Exception {
      String delta = JSON.writeValueAsString(delta("x".repeat(1000)));
      while (left > 0) {
        if (!ctx.channel().isWritable()) {
          stalled.complete(FLOOD_EVENTS - left); // the gateway stopped reading: resume when it drains
          int rest = left;
          floodResume = () -> flood(ctx, rest);
          ctx.flush();
          return;
        }
        ctx.write(new TextWebSocketFrame(delta));
        left--;
      }
      send(ctx, event("response.completed"));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
      FloodStep resume = floodResume;
      if (ctx.channel().isWritable() && resume != null) {
        floodResume = null;
        resume.run();
      }
      ctx.fireChannelWritabilityChanged();
    }

    private ObjectNode event(String type) {
      return JSON.createObjectNode().put("type", type);
    }

    private ObjectNode delta(String piece) {
      return event("response.output_text.delta").put("item_id", "msg_1").put("output_index", 0)
          .put("content_index", 0).put("delta", piece);
    }

    private void send(ChannelHandlerContext ctx, ObjectNode event) throws Exception {
      ctx.writeAndFlush(new TextWebSocketFrame(JSON.writeValueAsString(event)));
    }
  }
}
