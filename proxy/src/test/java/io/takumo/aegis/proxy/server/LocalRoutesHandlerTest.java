package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.util.CharsetUtil;
import io.takumo.aegis.proxy.audit.AuditLogs;
import io.takumo.aegis.proxy.http.ExchangeTracker;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.RequestContextHandler;
import org.junit.jupiter.api.Test;

import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.shield.ShieldRuntime;

class LocalRoutesHandlerTest {
  private final ProxyMetrics metrics = new ProxyMetrics();
  private final ExchangeTracker tracker = new ExchangeTracker();

  private EmbeddedChannel channel() {
    return HandlerTestSupport.channel(metrics, new RequestContextHandler(tracker, metrics, AuditLogs.discarding(), 1024,
        new io.takumo.aegis.proxy.config.RuntimeConfigHolder(io.takumo.aegis.proxy.config.RuntimeConfig.local(io.takumo.aegis.proxy.config.GatewayConfig.builder().build()))),
        new LocalRoutesHandler(tracker, metrics, new AuditApi(AuditLogs.discarding()),
            new ShieldApi(new ShieldRuntime(GatewayConfig.builder().build()), 1024), new FleetApi(null)));
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
  void unknownRouteIs404AndItsBodyIsReleased() throws Exception {
    EmbeddedChannel channel = channel();
    ByteBuf body = Unpooled.copiedBuffer("ignored", CharsetUtil.UTF_8);

    channel.writeInbound(HandlerTestSupport.post("/v2/whatever", 7), new DefaultLastHttpContent(body));

    assertThat(HandlerTestSupport.readResponse(channel, 404).path("error").path("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(body.refCnt()).isZero();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }
}
