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
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The fast stub upstream of {@code make perf}: reads the whole body, answers a small JSON message
 * in the provider's shape, or SSE ({@code "stream":true}) with {@code x-stub-events} events
 * (default 100) spaced {@code x-stub-spacing-ms} apart (default 0; with {@code x-stub-stamp: 1}
 * each event's text is the {@code System.nanoTime()} at which it was written), or echoes the body
 * ({@code x-stub-echo: 1}). No parsing beyond a byte search: it must cost the load-generator core
 * as little as possible.
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
}
