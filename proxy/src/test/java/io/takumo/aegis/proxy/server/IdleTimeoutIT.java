package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.testing.StubUpstream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idle connections are closed on both sides of the gateway; an answer that takes longer than the
 * idle timeout is not cut, and its connection idles from its end on.
 */
class IdleTimeoutIT {
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(b -> b.clientIdleTimeout(Duration.ofMillis(600))
        .upstreamPoolIdleTimeout(Duration.ofMillis(600)));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void anIdleKeepAliveClientConnectionIsClosed() throws Exception {
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      http.send("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response response = http.read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.headers().get("connection")).isNull(); // kept alive ...
      assertThat(http.closedByServer()).isTrue(); // ... until idle
    }
  }

  @Test
  void anAnswerSlowerThanTheIdleTimeoutIsRelayedAndItsUpstreamConnectionThenClosesIdle() throws Exception {
    CompletableFuture<Void> release = new CompletableFuture<>();
    fixture.anthropic.behavior(StubUpstream.Behavior.hold(release));
    CompletableFuture<Void> seen = fixture.anthropic.nextRequestSeen();
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      String body = "{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"take your time\"}]}";
      http.send(fixture.messagesRequest(body));
      seen.get(10, TimeUnit.SECONDS);
      CompletableFuture<Void> upstreamClosed = fixture.anthropic.nextConnectionClosed();
      // The subject is time passing with neither side sending: three idle timeouts, then the answer.
      CompletableFuture.runAsync(() -> release.complete(null), CompletableFuture.delayedExecutor(1800, TimeUnit.MILLISECONDS));

      RawHttp.Response answer = http.read();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).contains("take your time");
      assertThat(upstreamClosed).as("the upstream connection is back in the pool, not closed").isNotDone();
      assertThat(http.closedByServer()).isTrue();
      upstreamClosed.get(10, TimeUnit.SECONDS); // the pooled upstream connection idled out too
    } finally {
      fixture.anthropic.behavior(StubUpstream.Behavior.normal());
    }
  }
}
