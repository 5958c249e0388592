package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.takumo.aegis.proxy.http.PauseReason;
import io.takumo.aegis.testing.StubUpstream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bodies larger than this JVM can hold (it runs with a 96 MiB heap and 24 MiB of direct memory,
 * see the proxy POM): both directions must stream with back-pressure, never buffer whole.
 */
class LargeBodyIT {
  private static final int MIB = 1 << 20;

  @Test
  void uploadOf32MibToASlowUpstreamStreamsThrough() throws Exception {
    try (GatewayFixture fixture = GatewayFixture.start()) {
      fixture.anthropic.behavior(StubUpstream.Behavior.slowRead());
      long total = 32L * MIB;

      HttpURLConnection connection = (HttpURLConnection) URI.create(fixture.baseUrl() + "/v1/messages").toURL()
          .openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(total);
      connection.setRequestProperty("x-api-key", fixture.key);
      connection.setRequestProperty("content-type", "application/json");
      byte[] block = new byte[64 << 10];
      Arrays.fill(block, (byte) 'x');
      try (OutputStream out = connection.getOutputStream()) {
        for (long sent = 0; sent < total; sent += block.length) {
          out.write(block);
        }
      }
      assertThat(connection.getResponseCode()).isEqualTo(200);
      try (InputStream in = connection.getInputStream()) {
        in.readAllBytes();
      }

      assertThat(fixture.anthropic.lastRequest().bodyBytes()).isEqualTo(total);
      assertThat(fixture.gateway.metrics().pauses(PauseReason.UPSTREAM_UNWRITABLE)).isPositive();
    }
  }

  @Test
  void slowReadingClientOnALargeAnswerPausesTheUpstream() throws Exception {
    long total = 32L * MIB;
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try (GatewayFixture fixture = GatewayFixture.start()) {
      fixture.anthropic.behavior(StubUpstream.Behavior.largeAnswer(total));
      AtomicLong received = new AtomicLong();
      CompletableFuture<Integer> done = new CompletableFuture<>();
      Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
          .option(ChannelOption.AUTO_READ, false)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(16 << 10))
          .option(ChannelOption.SO_RCVBUF, 16 << 10)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new HttpClientCodec(), new SimpleChannelInboundHandler<HttpObject>() {
                private int status;

                @Override
                protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                  if (msg instanceof HttpResponse response) {
                    status = response.status().code();
                  }
                  if (msg instanceof HttpContent content) {
                    received.addAndGet(content.content().readableBytes());
                    if (content instanceof LastHttpContent) {
                      done.complete(status);
                    }
                  }
                }

                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                  done.completeExceptionally(cause);
                }
              });
            }
          })
          .connect("127.0.0.1", fixture.gateway.port()).sync().channel();
      DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/messages");
      request.headers().set("x-api-key", fixture.key).set("content-length", 0).set("host", "gateway");
      channel.writeAndFlush(request).sync();
      // A slow reader: one 16 KiB read every millisecond (about 16 MB/s), paced by the event loop.
      channel.eventLoop().scheduleAtFixedRate(channel::read, 0, 1, TimeUnit.MILLISECONDS);

      assertThat(done.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      assertThat(received.get()).isEqualTo(total);
      assertThat(fixture.gateway.metrics().pauses(PauseReason.PEER_UNWRITABLE)).isPositive();
      channel.close().sync();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }
}
