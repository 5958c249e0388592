package io.takumo.aegis.perf;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The fast stub upstream of {@code make perf}: reads the whole body, answers a small JSON message
 * in the provider's shape, or SSE ({@code "stream":true}) with {@code x-stub-events} events
 * (default 100) spaced {@code x-stub-spacing-ms} apart (default 0; with {@code x-stub-stamp: 1}
 * each event's text is the {@code System.nanoTime()} at which it was written), or echoes the body
 * ({@code x-stub-echo: 1}). {@code /v1/responses} streams Responses events instead, and its
 * {@code Upgrade: websocket} is accepted: each text message gets the same 100 events as WebSocket
 * messages. No parsing beyond a byte search: it must cost the load-generator core as little as possible.
 */
public final class PerfStub implements AutoCloseable {
  private static final byte[] STREAM = "\"stream\":true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ANTHROPIC = ("{\"id\":\"msg_perf\",\"type\":\"message\",\"role\":\"assistant\","
      + "\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"text\",\"text\":\"Looks good. One nit: rename x.\"}],"
      + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":4000,\"output_tokens\":9}}")
      .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OPENAI = ("{\"id\":\"chatcmpl-perf\",\"object\":\"chat.completion\",\"created\":1700000000,"
      + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
      + "\"Looks good. One nit: rename x.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":4000,"
      + "\"completion_tokens\":9,\"total_tokens\":4009}}").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DELTA = ("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
      + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Looks good \"}}\n\n").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STOP = ("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
      + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n").getBytes(StandardCharsets.US_ASCII);

  private static final byte[] RESPONSES_DELTA = ("{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_perf\","
      + "\"output_index\":0,\"content_index\":0,\"delta\":\"Looks good \"}").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RESPONSES_DONE = ("{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_perf\","
      + "\"status\":\"completed\"}}").getBytes(StandardCharsets.US_ASCII);
  private static final int RESPONSES_EVENTS = 100;

  private final EventLoopGroup group;
  private final Channel server;

  public PerfStub(int threads) throws InterruptedException {
    boolean epoll = Epoll.isAvailable();
    group = new MultiThreadIoEventLoopGroup(threads, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    server = new ServerBootstrap().group(group)
        .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 << 20), new Handler());
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
  }

  public int port() {
    return ((java.net.InetSocketAddress) server.localAddress()).getPort();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      ByteBuf body = request.content();
      if (request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory("/v1/responses", null, false,
            64 << 20).newHandshaker(request);
        ctx.pipeline().addLast(new WebSocketFrameAggregator(64 << 20), new Turns());
        ctx.pipeline().remove(this);
        handshaker.handshake(ctx.channel(), request);
        return;
      }
      if (request.uri().startsWith("/v1/responses") && ByteBufUtil.indexOf(Unpooled.wrappedBuffer(STREAM), body) >= 0) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
            .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        ctx.write(head);
        for (int i = 0; i < RESPONSES_EVENTS; i++) {
          ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(sse("response.output_text.delta", RESPONSES_DELTA))));
        }
        ctx.writeAndFlush(new io.netty.handler.codec.http.DefaultLastHttpContent(
            Unpooled.wrappedBuffer(sse("response.completed", RESPONSES_DONE))));
        return;
      }
      if ("1".equals(request.headers().get("x-stub-echo"))) {
        full(ctx, body.retainedDuplicate());
        return;
      }
      if (ByteBufUtil.indexOf(Unpooled.wrappedBuffer(STREAM), body) < 0) {
        full(ctx, Unpooled.wrappedBuffer(request.uri().contains("/chat/completions") ? OPENAI : ANTHROPIC));
        return;
      }
      int events = request.headers().getInt("x-stub-events", 100);
      long spacing = request.headers().getInt("x-stub-spacing-ms", 0);
      boolean stamp = "1".equals(request.headers().get("x-stub-stamp"));
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
          .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      ctx.write(head);
      send(ctx, events, spacing, stamp);
    }

    private static void send(ChannelHandlerContext ctx, int remaining, long spacing, boolean stamp) {
      while (remaining > 0) {
        ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(stamp ? stamped() : DELTA)));
        remaining--;
        if (spacing > 0 && remaining > 0) {
          ctx.flush();
          int left = remaining;
          ctx.executor().schedule(() -> send(ctx, left, spacing, stamp), spacing, TimeUnit.MILLISECONDS);
          return;
        }
      }
      ctx.writeAndFlush(new io.netty.handler.codec.http.DefaultLastHttpContent(Unpooled.wrappedBuffer(STOP)));
    }

    private static byte[] sse(String name, byte[] data) {
      byte[] head = ("event: " + name + "\ndata: ").getBytes(StandardCharsets.US_ASCII);
      byte[] out = java.util.Arrays.copyOf(head, head.length + data.length + 2);
      System.arraycopy(data, 0, out, head.length, data.length);
      out[out.length - 2] = '\n';
      out[out.length - 1] = '\n';
      return out;
    }

    /** A text delta whose text is {@code t<System.nanoTime()>}: when the stub wrote it. */
    private static byte[] stamped() {
      return ("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
          + "\"delta\":{\"type\":\"text_delta\",\"text\":\"t" + System.nanoTime() + "\"}}\n\n")
          .getBytes(StandardCharsets.US_ASCII);
    }

    private static void full(ChannelHandlerContext ctx, ByteBuf content) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
          .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
      ctx.writeAndFlush(response);
    }
  }

  /** A Responses WebSocket session: each text message is a turn, answered with the SSE path's events as messages. */
  private static final class Turns extends SimpleChannelInboundHandler<WebSocketFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      if (frame instanceof CloseWebSocketFrame) {
        ctx.close();
        return;
      }
      if (!(frame instanceof TextWebSocketFrame)) {
        return;
      }
      for (int i = 0; i < RESPONSES_EVENTS; i++) {
        ctx.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(RESPONSES_DELTA)));
      }
      ctx.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(RESPONSES_DONE)));
    }
  }
}
