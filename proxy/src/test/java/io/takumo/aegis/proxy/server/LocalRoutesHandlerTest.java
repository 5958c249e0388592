package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.util.CharsetUtil;
import io.takumo.aegis.proxy.audit.AuditLogs;
import io.takumo.aegis.proxy.http.ClientProtocol;
import io.takumo.aegis.proxy.http.ExchangeTracker;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.RequestContextHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.KeyStore;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.proxy.config.RuntimeConfigHolder;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.shield.ShieldRuntime;

class LocalRoutesHandlerTest {
  private final ProxyMetrics metrics = new ProxyMetrics();
  private final ExchangeTracker tracker = new ExchangeTracker();

  /** What the key store says of itself: null (it answers) unless a test sets a reason. */
  private volatile String storeDown;
  private final KeyStore keys = new KeyStore() {
    @Override
    public CompletionStage<Optional<ApiKeyRecord>> findBySha256(byte[] sha256) {
      return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public String unavailable() {
      return storeDown;
    }
  };

  private EmbeddedChannel channel() {
    return channel(RuntimeConfig.local(GatewayConfig.builder().build()));
  }

  private EmbeddedChannel channel(RuntimeConfig runtime) {
    return HandlerTestSupport.channel(metrics, new RequestContextHandler(tracker, metrics, AuditLogs.discarding(), 1024,
        new RuntimeConfigHolder(runtime), ClientProtocol.H1),
        new LocalRoutesHandler(tracker, metrics, new AuditApi(AuditLogs.discarding()),
            new ShieldApi(new ShieldRuntime(GatewayConfig.builder().build()), 1024), new FleetApi(null, null), keys));
  }

  @Test
  void healthAndLivenessAnswerOk() throws Exception {
    EmbeddedChannel channel = channel();
    channel.writeInbound(HandlerTestSupport.get("/healthz"));
    assertThat(HandlerTestSupport.readResponse(channel, 200).path("status").asText()).isEqualTo("ok");
    channel.writeInbound(HandlerTestSupport.get("/v1/health"));
    assertThat(HandlerTestSupport.readResponse(channel, 200).path("status").asText()).isEqualTo("ok");
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void readinessTurns503WhileDraining() throws Exception {
    EmbeddedChannel channel = channel();
    channel.writeInbound(HandlerTestSupport.get("/readyz"));
    assertThat(HandlerTestSupport.readResponse(channel, 200).path("status").asText()).isEqualTo("ready");
    tracker.drain();
    channel.writeInbound(HandlerTestSupport.get("/readyz"));
    assertThat(HandlerTestSupport.readResponse(channel, 503).path("error").path("code").asText())
        .isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void readinessIs503WithoutAConfigInFailClosedAndSaysWhy() throws Exception {
    EmbeddedChannel channel = channel(RuntimeConfig.awaitingCoordinator(GatewayConfig.builder().build()));
    channel.writeInbound(HandlerTestSupport.get("/readyz"));
    assertThat(HandlerTestSupport.readResponse(channel, 503).path("error").path("message").asText())
        .contains("no configuration from the coordinator yet");
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void readinessIs503WhileTheKeyStoreCannotAnswerForNewKeys() throws Exception {
    EmbeddedChannel channel = channel();
    storeDown = "the key store (PostgreSQL) does not answer";
    channel.writeInbound(HandlerTestSupport.get("/readyz"));
    assertThat(HandlerTestSupport.readResponse(channel, 503).path("error").path("message").asText())
        .contains("PostgreSQL");
    storeDown = null;
    channel.writeInbound(HandlerTestSupport.get("/readyz"));
    assertThat(HandlerTestSupport.readResponse(channel, 200).path("status").asText()).isEqualTo("ready");
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void headOnLocalRoutesGetsTheHeadersWithoutABody() {
    EmbeddedChannel channel = channel();
    for (String path : new String[] {"/v1/health", "/healthz", "/readyz", "/metrics"}) {
      channel.writeInbound(HandlerTestSupport.request(HttpMethod.HEAD, path));
      FullHttpResponse response = channel.readOutbound();
      assertThat(response.status().code()).as(path).isEqualTo(200);
      assertThat(response.content().readableBytes()).as(path).isZero();
      assertThat(response.headers().getInt("content-length")).as(path).isPositive();
      response.release();
    }
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void unknownRouteIs404AndItsBodyIsReleased() throws Exception {
    EmbeddedChannel channel = channel();
    ByteBuf body = Unpooled.copiedBuffer("ignored", CharsetUtil.UTF_8);

    channel.writeInbound(HandlerTestSupport.post("/v2/whatever", 7), new DefaultLastHttpContent(body));

    assertThat(HandlerTestSupport.readResponse(channel, 404).path("error").path("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(body.refCnt()).isZero();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }
}
