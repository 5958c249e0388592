package io.takumo.aegis.perf;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many concurrent slow SSE streams through one gateway process in a 512 MiB heap (issue: 10,000):
 * {@code STREAMS} clients (default 9,500: the container's hard limit of 20,000 open files is below
 * the 20,000 sockets 10,000 streams need in the gateway alone) each ask the stub for {@code EVENTS}
 * events {@code SPACING_MS} apart through the full pipeline, opened at {@code OPEN_RATE} per second.
 * Reports streams completed, failed, events received, the gateway's peak RSS, and any LEAK line the
 * gateway (run with leak detection PARANOID) logged. Results in {@code perf/results/slow-streams.md}.
 */
public final class SlowStreams {
  private static final Path ROOT = Files.isDirectory(Path.of("proxy")) ? Path.of(".") : Path.of("..");

  private SlowStreams() {}

  public static void main(String[] args) throws Exception {
    int streams = Integer.parseInt(System.getenv().getOrDefault("STREAMS", "9500"));
    int events = Integer.parseInt(System.getenv().getOrDefault("EVENTS", "60"));
    int spacing = Integer.parseInt(System.getenv().getOrDefault("SPACING_MS", "1000"));
    int openRate = Integer.parseInt(System.getenv().getOrDefault("OPEN_RATE", "500"));
    Path work = Files.createDirectories(ROOT.resolve("perf/target/slow-streams"));
    Path keysFile = work.resolve("keys.json");
    String key = PerfRunner.freshKey(keysFile);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try (PerfStub stub = new PerfStub(1)) {
      PerfRunner.Target gateway = PerfRunner.startGateway(true, "http://127.0.0.1:" + stub.port(), keysFile, key,
          Integer.toString(Math.max(0, PerfRunner.onlineCpus() - 1)), work,
          List.of("-Dio.netty.leakDetection.level=paranoid", "-XX:+UseG1GC"));
      Process process = java.util.Objects.requireNonNull(gateway.process(), "the gateway runs in a process of its own");
      try {
        URI uri = URI.create(gateway.baseUrl());
        byte[] body = ("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"connect with postgres://app:Xk9mQ2vL8pR4@db.internal:5432/app\"}]}").getBytes(StandardCharsets.UTF_8);
        CountDownLatch done = new CountDownLatch(streams);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong eventBytes = new AtomicLong();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
            .handler(new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpClientCodec()).addLast(new SimpleChannelInboundHandler<HttpObject>() {
                  private boolean good;
                  private boolean finished;

                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                    if (msg instanceof HttpResponse r) {
                      good = r.status().code() == 200;
                    }
                    if (msg instanceof HttpContent c) {
                      eventBytes.addAndGet(c.content().readableBytes());
                    }
                    if (msg instanceof LastHttpContent) {
                      end(good);
                      ctx.close();
                    }
                  }

                  @Override
                  public void channelInactive(ChannelHandlerContext ctx) {
                    end(false);
                  }

                  @Override
                  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    ctx.close();
                  }

                  private void end(boolean success) {
                    if (!finished) {
                      finished = true;
                      (success ? ok : failed).incrementAndGet();
                      done.countDown();
                    }
                  }
                });
              }
            });
        long peakRss = 0;
        long start = System.nanoTime();
        for (int i = 0; i < streams; i++) {
          bootstrap.connect(uri.getHost(), uri.getPort()).addListener(f -> {
            if (!f.isSuccess()) {
              failed.incrementAndGet();
              done.countDown();
              return;
            }
            Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                "/v1/messages", Unpooled.wrappedBuffer(body));
            request.headers().set(HttpHeaderNames.HOST, uri.getHost()).set("x-api-key", key)
                .set("anthropic-version", "2023-06-01").set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set("x-stub-events", events).set("x-stub-spacing-ms", spacing);
            ch.writeAndFlush(request);
          });
          if (i % openRate == openRate - 1) {
            peakRss = Math.max(peakRss, rssKib(process));
            long due = start + (i + 1L) * 1_000_000_000L / openRate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait); // pacing the load generator, not synchronizing a test
            }
          }
        }
        while (!done.await(1, TimeUnit.SECONDS)) {
          peakRss = Math.max(peakRss, rssKib(process));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String log = Files.readString(work.resolve("gateway-full.log"));
        long leaks = log.lines().filter(l -> l.contains("LEAK:")).count();
        long oom = log.lines().filter(l -> l.contains("OutOfMemoryError")).count();
        String report = String.format("""
            # Slow streams through one gateway (full pipeline, -Xmx512m, leak detection PARANOID)

            | streams | events each | spacing | completed | failed | SSE bytes received | wall s | gateway peak RSS | LEAK lines | OOM lines |
            | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
            | %d | %d | %d ms | %d | %d | %d | %.1f | %d MiB | %d | %d |
            """, streams, events, spacing, ok.get(), failed.get(), eventBytes.get(), seconds, peakRss / 1024, leaks, oom);
        System.out.print(report);
        Files.createDirectories(ROOT.resolve("perf/results"));
        Files.writeString(ROOT.resolve("perf/results/slow-streams.md"), report);
      } finally {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private static long rssKib(Process p) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (java.io.IOException e) {
      return 0;
    }
    return 0;
  }
}
