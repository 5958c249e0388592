package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.testing.StubUpstream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SIGTERM semantics: readiness 503, in-flight exchanges finish, then the gateway stops. */
class ShutdownIT {
  @Test
  void drainLetsInFlightExchangesFinish() throws Exception {
    try (GatewayFixture fixture = GatewayFixture.start(b -> b.shutdownTimeout(Duration.ofSeconds(20)));
        RawHttp inflight = new RawHttp(fixture.gateway.port());
        RawHttp probe = new RawHttp(fixture.gateway.port())) {
      probe.send("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(probe.read().status()).isEqualTo(200);

      CompletableFuture<Void> release = new CompletableFuture<>();
      fixture.anthropic.behavior(StubUpstream.Behavior.hold(release));
      CompletableFuture<Void> seen = fixture.anthropic.nextRequestSeen();
      String body = "{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"drain me\"}]}";
      inflight.send(fixture.messagesRequest(body));
      seen.get(10, TimeUnit.SECONDS);
      assertThat(fixture.gateway.exchanges().inFlight()).isEqualTo(1);

      CompletableFuture<Void> drained = fixture.gateway.drain(); // what SIGTERM starts
      probe.send("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response readiness = probe.read();
      assertThat(readiness.status()).isEqualTo(503);
      assertThat(readiness.body()).contains("draining");
      assertThat(drained).isNotDone();

      release.complete(null);
      RawHttp.Response answer = inflight.read();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).contains("drain me");
      assertThat(answer.headers().get("connection")).isEqualTo("close");
      drained.get(20, TimeUnit.SECONDS);
      assertThat(fixture.gateway.exchanges().inFlight()).isZero();
      fixture.gateway.close(); // nothing left to wait for
    }
  }
}
