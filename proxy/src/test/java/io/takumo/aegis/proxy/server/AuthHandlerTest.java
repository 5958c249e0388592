package io.takumo.aegis.proxy.server;

import static io.takumo.aegis.proxy.server.HandlerTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import io.takumo.aegis.proxy.audit.AuditLogs;
import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.ApiKeys;
import io.takumo.aegis.proxy.auth.Authenticator;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.KeyStore;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.http.ClientProtocol;
import io.takumo.aegis.proxy.http.ExchangeTracker;
import io.takumo.aegis.proxy.http.PauseReason;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.http.RequestContextHandler;
import io.takumo.aegis.proxy.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class AuthHandlerTest {
  private static final String KEY = "tk_test_" + "cd".repeat(32);
  private final ProxyMetrics metrics = new ProxyMetrics();

  /** A key store that answers only when the test says so, like a database on another thread. */
  private static final class SlowStore implements KeyStore {
    final CompletableFuture<Optional<ApiKeyRecord>> answer = new CompletableFuture<>();

    @Override
    public CompletionStage<Optional<ApiKeyRecord>> findBySha256(byte[] sha256) {
      return answer;
    }
  }

  private static final class Sink extends ChannelInboundHandlerAdapter {
    final List<Object> seen = new ArrayList<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      seen.add(msg);
    }
  }

  private static ApiKeyRecord record(Set<Scope> scopes) {
    return new ApiKeyRecord("key_1", "org", "n", ApiKeys.prefix(KEY), HexFormat.of().formatHex(ApiKeys.sha256(KEY)),
        KeyEnvironment.TEST, scopes, KeyStatus.ACTIVE, null, Instant.now());
  }

  private EmbeddedChannel channel(KeyStore store, Sink sink) {
    return HandlerTestSupport.channel(metrics, new RequestContextHandler(new ExchangeTracker(), metrics, AuditLogs.discarding(), 1 << 20,
        new io.takumo.aegis.proxy.config.RuntimeConfigHolder(io.takumo.aegis.proxy.config.RuntimeConfig.local(io.takumo.aegis.proxy.config.GatewayConfig.builder().build())), ClientProtocol.H1),
        new AuthHandler(new Authenticator(store, KeyEnvironment.TEST, Clock.systemUTC()), metrics,
            new RateLimiter(new RateLimiter.Limits(1000, 1000, 1000), Clock.systemUTC(), 1000)), sink);
  }

  @Test
  void bodyWaitsInOrderWhileTheStoreAnswersThenFollowsTheRequest() {
    SlowStore store = new SlowStore();
    Sink sink = new Sink();
    EmbeddedChannel channel = channel(store, sink);
    ByteBuf one = Unpooled.copiedBuffer("ab", CharsetUtil.UTF_8);
    ByteBuf two = Unpooled.copiedBuffer("cd", CharsetUtil.UTF_8);

    channel.writeInbound(post("/v1/messages", 4, "x-api-key", KEY), new DefaultHttpContent(one),
        new DefaultLastHttpContent(two));
    assertThat(sink.seen).isEmpty();
    assertThat(channel.config().isAutoRead()).isFalse();
    assertThat(metrics.pauses(PauseReason.AUTH)).isEqualTo(1);

    store.answer.complete(Optional.of(record(Set.of(Scope.SHIELD_WRITE))));
    channel.runPendingTasks();

    assertThat(sink.seen).hasSize(3);
    assertThat(sink.seen.get(0)).isInstanceOf(HttpRequest.class);
    assertThat(((HttpContent) sink.seen.get(1)).content()).isSameAs(one);
    assertThat(((HttpContent) sink.seen.get(2)).content()).isSameAs(two);
    assertThat(RequestContext.current(channel).principal().org()).isEqualTo("org");
    assertThat(channel.config().isAutoRead()).isTrue();
    sink.seen.forEach(ReferenceCountUtil::release);
    assertThat(one.refCnt()).isZero();
    assertThat(two.refCnt()).isZero();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void refusedKeyReleasesTheHeldBodyAndAnswers401() throws Exception {
    SlowStore store = new SlowStore();
    Sink sink = new Sink();
    EmbeddedChannel channel = channel(store, sink);
    ByteBuf body = Unpooled.copiedBuffer("secret body", CharsetUtil.UTF_8);

    channel.writeInbound(post("/v1/messages", 11, "x-api-key", KEY), new DefaultLastHttpContent(body));
    store.answer.complete(Optional.empty());
    channel.runPendingTasks();

    var error = HandlerTestSupport.readResponse(channel, 401).path("error");
    assertThat(error.path("code").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(error.toString()).doesNotContain(KEY).doesNotContain("secret body");
    assertThat(sink.seen).isEmpty();
    assertThat(body.refCnt()).isZero();
    assertThat(metrics.authFailures()).isEqualTo(1);
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void missingScopeIs403NamingIt() throws Exception {
    KeyStore store = sha -> CompletableFuture.completedFuture(Optional.of(record(Set.of(Scope.SHIELD_READ))));
    Sink sink = new Sink();
    EmbeddedChannel channel = channel(store, sink);

    channel.writeInbound(post("/v1/chat/completions", 0, "Authorization", "Bearer " + KEY));

    var error = HandlerTestSupport.readResponse(channel, 403).path("error");
    assertThat(error.path("message").asText()).contains("shield:write");
    assertThat(sink.seen).isEmpty();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void storeDownIs503NotA401() throws Exception {
    KeyStore store = sha -> CompletableFuture.failedFuture(new IllegalStateException("connection refused"));
    EmbeddedChannel channel = channel(store, new Sink());

    channel.writeInbound(post("/v1/messages", 0, "x-api-key", KEY));

    assertThat(HandlerTestSupport.readResponse(channel, 503).path("error").path("code").asText())
        .isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void localRoutesPassWithoutAKey() {
    Sink sink = new Sink();
    EmbeddedChannel channel = channel(new SlowStore(), sink);

    channel.writeInbound(HandlerTestSupport.get("/healthz"));

    assertThat(sink.seen).hasSize(1);
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }
}
