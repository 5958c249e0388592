package io.takumo.aegis.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import io.takumo.aegis.coordinator.client.ConfigDecoder;
import io.takumo.aegis.coordinator.client.Snapshot;
import io.takumo.aegis.proto.ConfigFiles;
import io.takumo.aegis.proxy.audit.AuditLogs;
import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.ApiKeys;
import io.takumo.aegis.proxy.auth.Authenticator;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.KeyStore;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.proxy.config.RuntimeConfigHolder;
import io.takumo.aegis.proxy.http.ClientProtocol;
import io.takumo.aegis.proxy.http.ExchangeTracker;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.ReadGate;
import io.takumo.aegis.proxy.http.RequestContextHandler;
import io.takumo.aegis.proxy.ratelimit.RateLimiter;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.server.AuthHandler;
import io.takumo.aegis.proxy.shield.ShieldRuntime;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request body's arrival is one truth, whatever the order of events: the key lookup answering
 * before the body, between its parts or after its last part; a pooled or a new upstream
 * connection; a block or a warn rule; a route that names its provider or one whose body does. A
 * blocked request never leaves a byte upstream; a valid one arrives whole and tokenized.
 */
class ExchangeOrderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "tk_test_" + "ab".repeat(32);
  private static final String DB_URL = "postgres://app:Xk9mQ2vL8pR4@db.internal:5432/app";
  private static final String AWS_KEY = "AKIAIOSFODNN7EXAMPLE";

  enum Auth { AT_ONCE, BETWEEN_PARTS, AFTER_LAST_PART }

  static Stream<Arguments> orders() {
    List<Arguments> all = new ArrayList<>();
    for (Auth auth : Auth.values()) {
      for (boolean pooled : new boolean[] {true, false}) {
        for (boolean block : new boolean[] {true, false}) {
          for (String route : new String[] {"/v1/messages", "/v1/chat/completions"}) {
            all.add(Arguments.of(auth, pooled, block, route));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "auth {0}, pooled {1}, block {2}, {3}")
  @MethodSource("orders")
  void theBodyIsJudgedWholeAndForwardedOnlyWhenAllowed(Auth auth, boolean pooled, boolean block, String route)
      throws Exception {
    ProxyMetrics metrics = new ProxyMetrics();
    GatewayConfig base = GatewayConfig.builder()
        .upstream(Provider.ANTHROPIC, URI.create("https://anthropic.test"), "sk-ant-org")
        .upstream(Provider.OPENAI, URI.create("https://openai.test"), "sk-openai-org")
        .build();
    RuntimeConfigHolder holder = new RuntimeConfigHolder(RuntimeConfig.compile(base, new Snapshot(1,
        ConfigDecoder.decode(ConfigFiles.parse("""
            policies:
              - name: no-databases
                rules:
                  - {match: "category:CONN", enforcement: BLOCK}
            """, false)), Snapshot.Source.LOCAL)));
    CompletableFuture<Optional<ApiKeyRecord>> lookup = new CompletableFuture<>();
    KeyStore store = sha -> lookup;
    EmbeddedOrigins origins = new EmbeddedOrigins(metrics, pooled);
    EmbeddedChannel client = new EmbeddedChannel();
    ReadGate.install(client, metrics);
    client.pipeline().addLast(
        new RequestContextHandler(new ExchangeTracker(), metrics, AuditLogs.discarding(), base.maxBodyBytes(), holder,
            ClientProtocol.H1),
        new AuthHandler(new Authenticator(store, KeyEnvironment.TEST, Clock.systemUTC()), metrics,
            new RateLimiter(new RateLimiter.Limits(1000, 1000, 1000), Clock.systemUTC(), 1000)),
        EmbeddedOrigins.relay(base, origins, metrics, new ShieldRuntime(base)));

    String model = route.equals("/v1/messages") ? "claude-sonnet-4-5" : "gpt-4o";
    String secret = block ? DB_URL : AWS_KEY;
    byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode()
        .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user")
            .put("content", "use " + secret + " for the report"))));
    // The model comes last, as the OpenAI Python SDK writes it: the provider is known only at the end.
    String text = new String(body, CharsetUtil.UTF_8);
    text = text.substring(0, text.length() - 1) + ",\"model\":\"" + model + "\"}";
    byte[] whole = text.getBytes(CharsetUtil.UTF_8);
    int cut = whole.length / 2;
    HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, route);
    head.headers().set("host", "gateway").set("x-api-key", KEY).setInt("content-length", whole.length);
    ByteBuf first = Unpooled.copiedBuffer(whole, 0, cut);
    ByteBuf second = Unpooled.copiedBuffer(whole, cut, whole.length - cut);

    if (auth == Auth.AT_ONCE) {
      lookup.complete(Optional.of(record()));
    }
    client.writeInbound(head, new DefaultHttpContent(first));
    if (auth == Auth.BETWEEN_PARTS) {
      lookup.complete(Optional.of(record()));
      client.runPendingTasks();
    }
    client.writeInbound(new DefaultLastHttpContent(second));
    if (auth == Auth.AFTER_LAST_PART) {
      lookup.complete(Optional.of(record()));
      client.runPendingTasks();
    }
    origins.connect(); // a new connection opens now (a pooled one was there at once)
    client.runPendingTasks();

    if (block) {
      FullHttpResponse refused = client.readOutbound();
      assertThat(refused.status().code()).isEqualTo(422);
      assertThat(refused.content().toString(CharsetUtil.UTF_8)).contains("POLICY_BLOCKED").doesNotContain("Xk9mQ2vL8pR4");
      refused.release();
      assertThat(origins.acquired()).as("no upstream connection for a blocked request").isZero();
    } else {
      EmbeddedChannel origin = origins.origin();
      HttpRequest sent = origin.readOutbound();
      assertThat(sent.uri()).isEqualTo(route);
      String upstreamBody = readBody(origin);
      assertThat(upstreamBody).doesNotContain(AWS_KEY).contains("__TAKUMO_v1_KEY_").endsWith("\"" + model + "\"}");
      assertThat(sent.headers().get("content-length")).as("held whole: framed by its length")
          .isEqualTo(Integer.toString(upstreamBody.length()));

      HttpResponse answer = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      answer.headers().set("content-type", "application/json").setInt("content-length", 2);
      origin.writeInbound(answer, new DefaultLastHttpContent(Unpooled.copiedBuffer("{}", CharsetUtil.UTF_8)));
      HttpResponse relayed = client.readOutbound();
      assertThat(relayed.status().code()).isEqualTo(200);
      assertThat(relayed.headers().get(RelayHandler.WARNINGS_HEADER)).isEqualTo("KEY/aws-access-key-id;count=1");
      releaseAll(client);
      assertThat(origins.releasedReusable).isTrue();
      assertThat(origin.finishAndReleaseAll()).isFalse();
    }
    assertThat(first.refCnt()).isZero();
    assertThat(second.refCnt()).isZero();
    assertThat(client.finishAndReleaseAll()).isFalse();
  }

  private static ApiKeyRecord record() {
    return new ApiKeyRecord("key_1", "org", "n", ApiKeys.prefix(KEY), HexFormat.of().formatHex(ApiKeys.sha256(KEY)),
        KeyEnvironment.TEST, Set.of(Scope.SHIELD_WRITE), KeyStatus.ACTIVE, null, Instant.now());
  }

  /** The body parts written upstream, as text; every part is released. */
  private static String readBody(EmbeddedChannel origin) {
    StringBuilder out = new StringBuilder();
    Object msg;
    while ((msg = origin.readOutbound()) != null) {
      if (msg instanceof HttpContent content) {
        out.append(content.content().toString(CharsetUtil.UTF_8));
      }
      ReferenceCountUtil.release(msg);
    }
    return out.toString();
  }

  private static void releaseAll(EmbeddedChannel channel) {
    Object msg;
    while ((msg = channel.readOutbound()) != null) {
      ReferenceCountUtil.release(msg);
    }
  }
}
