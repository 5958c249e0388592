package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.takumo.aegis.proxy.audit.AuditLogs;
import io.takumo.aegis.proxy.auth.Authenticator;
import io.takumo.aegis.proxy.auth.FileKeyStore;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.proxy.config.RuntimeConfigHolder;
import io.takumo.aegis.proxy.http.ExchangeTracker;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.ratelimit.RateLimiter;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.shield.ContentDecoding;
import io.takumo.aegis.proxy.shield.ContentDecodingTest;
import io.takumo.aegis.proxy.shield.ShieldRuntime;
import io.takumo.aegis.proxy.upstream.EmbeddedOrigins;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Fuzz targets of the gateway's parsers (Jazzer): the content decoder, and the whole client
 * pipeline, as the gateway assembles it, fed raw bytes cut anywhere. {@code make test} runs them
 * over the committed inputs in {@code src/test/resources/io/takumo/aegis/proxy/server/
 * ProxyFuzzTestInputs}; {@code make fuzz} runs each for {@code FUZZ_SECONDS}.
 */
class ProxyFuzzTest {
  private static final String AWS = "AKIAZ3MJJWQ5XLOPK7RA";
  private static final String[] CODINGS = {"gzip", "deflate", "br", "zstd"};
  private static final String[] METHODS = {"POST", "GET", "HEAD", "DELETE", "PUT", "OPTIONS", "CONNECT"};
  private static final String[] PATHS = {"/v1/messages", "/v1/chat/completions", "/v1/models/claude-x", "/v1/tokenize",
      "/v1/health", "/readyz", "/v1beta/models/gemini-2.5-pro:generateContent", "/v1/responses",
      "http://gw/v1/messages?beta=true", "api.anthropic.com:443", "example.com:443", "127.0.0.1:443", "[::1]:8080"};
  private static final Fixture FIXTURE = new Fixture();

  /** Any bytes as any coding: a decoded stream within the budget, or a {@code DecodingException}; nothing else. */
  @FuzzTest
  void theDecoderTakesAnyBytes(FuzzedDataProvider data) throws Exception {
    HttpHeaders headers = new DefaultHttpHeaders();
    int layers = data.consumeInt(1, 2);
    for (int i = 0; i < layers; i++) {
      headers.add("content-encoding", data.pickValue(CODINGS));
    }
    byte[] body = data.consumeRemainingAsBytes();
    long[] decoded = {0};
    try (ContentDecoding decoding = ContentDecoding.of(headers, ByteBufAllocator.DEFAULT, 1 << 20)) {
      decoding.decode(Unpooled.wrappedBuffer(body), true, (piece, last) -> {
        decoded[0] += piece.readableBytes();
        piece.release();
      });
    } catch (ContentDecoding.DecodingException expected) {
      // invalid, cut short or too large: refused, which is the point
    }
    assertThat(decoded[0]).isLessThanOrEqualTo(1 << 20);
  }

  /**
   * A request made of fuzzed parts (method, route, headers, framing, codings, a body holding a
   * key in a JSON string), its bytes cut anywhere, through the gateway's own pipeline: never an
   * ERROR (a defect), never a leaked buffer, and neither the key nor the caller's Takumo key in
   * anything written upstream.
   */
  @FuzzTest
  void theClientPipelineNeverForwardsAPlantedSecret(FuzzedDataProvider data) {
    String text = data.consumeString(200);
    String body = "{\"model\":\"" + data.pickValue(new String[] {"claude-x", "gpt-4o", "gemini-2.5-pro", "x"})
        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + escape(text) + " " + AWS + "\"}]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder().append(data.pickValue(METHODS)).append(' ')
        .append(data.consumeBoolean() ? data.pickValue(PATHS) : "/" + data.consumeString(30)).append(" HTTP/1.1\r\n");
    head.append("Host: gw\r\n");
    head.append(data.pickValue(new String[] {"x-api-key: ", "Authorization: Bearer ", "x-goog-api-key: "}))
        .append(FIXTURE.key).append("\r\n");
    int extra = data.consumeInt(0, 3);
    for (int i = 0; i < extra; i++) {
      head.append(data.consumeString(20).replaceAll("[\r\n:]", "")).append(": ")
          .append(data.consumeString(40).replaceAll("[\r\n]", "")).append("\r\n");
    }
    if (data.consumeBoolean()) {
      String coding = data.pickValue(CODINGS);
      bytes = ContentDecodingTest.encode(coding, bytes);
      head.append("Content-Encoding: ").append(coding).append("\r\n");
    }
    boolean chunked = data.consumeBoolean();
    head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes.length + "\r\n").append("\r\n");
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    raw.writeBytes(chunked ? RawHttp.chunked(bytes, data.consumeInt(1, 64)) : bytes);
    byte[] wire = raw.toByteArray();

    EmbeddedOrigins origins = new EmbeddedOrigins(FIXTURE.metrics, true);
    try (LogCapture logs = new LogCapture()) {
      EmbeddedChannel client = FIXTURE.channel(origins);
      int from = 0;
      while (from < wire.length && client.isOpen()) {
        int n = Math.min(wire.length - from, data.consumeInt(1, 4096));
        client.writeInbound(Unpooled.copiedBuffer(wire, from, n));
        client.runPendingTasks();
        from += n;
      }
      for (EmbeddedChannel origin : origins.all()) {
        String upstream = drain(origin);
        assertThat(upstream).doesNotContain(AWS).doesNotContain(FIXTURE.key).doesNotContain(FIXTURE.key.substring(8));
        origin.finishAndReleaseAll();
      }
      drain(client);
      client.finishAndReleaseAll();
      assertThat(logs.atLeast(Level.ERROR)).isEmpty();
    }
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Everything written out of {@code channel} as text (heads and bodies); every message is released. */
  private static String drain(EmbeddedChannel channel) {
    StringBuilder out = new StringBuilder();
    Object msg;
    while ((msg = channel.readOutbound()) != null) {
      try {
        if (msg instanceof HttpRequest request) {
          out.append(request.method()).append(' ').append(request.uri()).append('\n');
          request.headers().forEach(h -> out.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        }
        if (msg instanceof HttpContent content) {
          out.append(content.content().toString(StandardCharsets.UTF_8));
        } else if (msg instanceof ByteBuf buf) {
          out.append(buf.toString(StandardCharsets.UTF_8));
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }
    return out.toString();
  }

  /** What every run shares: a key store with one key, the gateway's configuration and runtime. */
  private static final class Fixture {
    final ProxyMetrics metrics = new ProxyMetrics();
    final String key;
    private final GatewayConfig config;
    private final FileKeyStore keys;
    private final RuntimeConfigHolder runtime;
    private final ShieldRuntime shield;
    private final ForwardProxy forwardProxy;
    private final RateLimiter limiter =
        new RateLimiter(new RateLimiter.Limits(1_000_000, 1_000_000, 1_000_000), Clock.systemUTC(), 1000);

    Fixture() {
      try {
        Path dir = Files.createTempDirectory("aegis-fuzz");
        keys = FileKeyStore.open(dir.resolve("keys.json"));
        key = keys.create("fuzz", "org", KeyEnvironment.TEST, Scope.all(), null);
        config = GatewayConfig.builder().environment(KeyEnvironment.TEST).keysFile(keys.file())
            .maxBodyBytes(1 << 20)
            .upstream(Provider.ANTHROPIC, URI.create("https://anthropic.test"), "sk-ant-org")
            .upstream(Provider.OPENAI, URI.create("https://openai.test"), "sk-openai-org")
            .upstream(Provider.GOOGLE, URI.create("https://google.test"), "AIza-org")
            .build();
        runtime = new RuntimeConfigHolder(RuntimeConfig.local(config));
        shield = new ShieldRuntime(config);
        // CONNECT and absolute-form requests reach the forward proxy; a passthrough tunnel's dial fails.
        forwardProxy = new ForwardProxy(config.forwardProxy(), new io.takumo.aegis.proxy.forward.LeafCertificates(
            io.takumo.aegis.proxy.forward.CertificateAuthority.inDirectory(dir.resolve("ca")), false, metrics.registry()), false,
            new Authenticator(keys, KeyEnvironment.TEST, Clock.systemUTC()),
            (loop, host, port, handler) -> new io.netty.channel.DefaultChannelPromise(new EmbeddedChannel())
                .setFailure(new java.net.ConnectException("no network in the fuzz harness")),
            AuditLogs.discarding(), metrics.registry());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A client connection with the pipeline the gateway assembles, its upstreams from {@code origins}. */
    EmbeddedChannel channel(EmbeddedOrigins origins) {
      return new EmbeddedChannel(new ClientChannelInitializer(config, null,
          new Authenticator(keys, KeyEnvironment.TEST, Clock.systemUTC()), origins, new ExchangeTracker(), metrics,
          new DefaultChannelGroup(GlobalEventExecutor.INSTANCE), limiter, AuditLogs.discarding(), shield, runtime,
          new FleetApi(null, null), forwardProxy));
    }
  }
}
