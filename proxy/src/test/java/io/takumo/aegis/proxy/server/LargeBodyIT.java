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
import io.takumo.aegis.testing.TestBodies;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

  /** What a test writes as a request body. */
  private interface Body {
    void write(OutputStream out) throws java.io.IOException;
  }

  /** POSTs {@code total} bytes that {@code body} writes to /v1/messages, streamed; the answer's status (its body read). */
  private static int post(GatewayFixture fixture, long total, Body body) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) URI.create(fixture.baseUrl() + "/v1/messages").toURL()
        .openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(total);
    connection.setRequestProperty("x-api-key", fixture.key);
    connection.setRequestProperty("content-type", "application/json");
    try (OutputStream out = connection.getOutputStream()) {
      body.write(out);
    }
    int status = connection.getResponseCode();
    try (InputStream in = connection.getInputStream()) {
      in.readAllBytes();
    }
    return status;
  }

  @Test
  void uploadOf32MibToASlowUpstreamStreamsThrough() throws Exception {
    try (GatewayFixture fixture = GatewayFixture.start()) {
      fixture.anthropic.behavior(StubUpstream.Behavior.slowRead());
      long total = 32L * MIB;

      byte[] block = new byte[64 << 10];
      Arrays.fill(block, (byte) 'x');
      assertThat(post(fixture, total, out -> {
        for (long sent = 0; sent < total; sent += block.length) {
          out.write(block);
        }
      })).isEqualTo(200);

      assertThat(fixture.anthropic.lastRequest().bodyBytes()).isEqualTo(total);
      assertThat(fixture.gateway.metrics().pauses(PauseReason.UPSTREAM_UNWRITABLE)).isPositive();
    }
  }

  @Test
  void aJsonBodyWhoseOneString32MibStreamsThroughLikeText() throws Exception {
    try (GatewayFixture fixture = GatewayFixture.start()) {
      fixture.anthropic.behavior(StubUpstream.Behavior.slowRead());
      byte[] head = TestBodies.ONE_STRING_HEAD;
      byte[] tail = TestBodies.ONE_STRING_TAIL;
      byte[] block = TestBodies.stringBlock(); // 64 KiB, an escaped newline and an AWS key in each
      long blocks = 32L * MIB / block.length - 1; // under the 32 MiB body limit with the JSON around it
      long total = head.length + blocks * block.length + tail.length;

      assertThat(post(fixture, total, out -> {
        out.write(head);
        for (long i = 0; i < blocks; i++) {
          out.write(block);
        }
        out.write(tail);
      })).isEqualTo(200);

      StubUpstream.Recorded recorded = fixture.anthropic.lastRequest();
      long tokenGrowth = blocks * ("__TAKUMO_v1_KEY_12345678__".length() - "AKIAIOSFODNN7EXAMPLE".length());
      assertThat(recorded.bodyBytes()).isEqualTo(total + tokenGrowth);
      assertThat(recorded.bodyText()).doesNotContain("AKIAIOSFODNN7EXAMPLE").contains("__TAKUMO_v1_KEY_");
      assertThat(fixture.gateway.metrics().pauses(PauseReason.UPSTREAM_UNWRITABLE)).isPositive();
    }
  }

  @Test
  void aBodyPastTheHeldBudgetIs413NeverAnOutOfMemory() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("aegis-held");
    java.nio.file.Path policy = java.nio.file.Files.writeString(dir.resolve("aegis.yaml"), """
        policies:
          - name: no-databases
            rules:
              - {match: "category:CONN", enforcement: BLOCK}
        """);
    try (GatewayFixture fixture = GatewayFixture.start(b -> b.fleet(
            new io.takumo.aegis.proxy.config.GatewayConfig.FleetSettings(null, null, null, dir.resolve("state"), policy)));
        java.net.Socket socket = new java.net.Socket("127.0.0.1", fixture.gateway.port())) {
      long total = 32L * MIB;
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: " + fixture.key + "\r\nContent-Length: " + total
          + "\r\ncontent-type: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
        byte[] block = new byte[64 << 10];
        Arrays.fill(block, (byte) 'x');
        block[0] = '{'; // text after the first block: the body is held whole all the same
        try {
          for (long sent = 0; sent < total; sent += block.length) {
            out.write(block);
            block[0] = 'x';
          }
        } catch (java.io.IOException e) {
          // the gateway answered and closed: the rest is not wanted
        }
      });
      byte[] answer = socket.getInputStream().readAllBytes();
      String text = new String(answer, StandardCharsets.UTF_8);
      assertThat(text).startsWith("HTTP/1.1 413").contains("TAKUMO_MAX_HELD_BODY_BYTES");
      sending.get(60, TimeUnit.SECONDS);
      assertThat(fixture.anthropic.requests()).isEmpty();
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
