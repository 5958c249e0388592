package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.testing.StubUpstream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upstream trouble becomes the gateway's 502/504 in the SPEC §9 format. */
class UpstreamFailureIT {
  private static GatewayFixture fixture;
  private static int closedPort;

  @BeforeAll
  static void start() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort(); // nothing listens here once the socket is closed
    }
    fixture = GatewayFixture.start(b -> b
        .upstreamTimeout(Duration.ofMillis(400))
        .upstream(Provider.GOOGLE, URI.create("http://127.0.0.1:" + closedPort), "google-key"));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void reset() {
    fixture.anthropic.behavior(StubUpstream.Behavior.normal());
  }

  private static AnthropicClient client() {
    return AnthropicOkHttpClient.builder().baseUrl(fixture.baseUrl()).apiKey(fixture.key).maxRetries(0)
        .timeout(Duration.ofSeconds(20)).build();
  }

  private static MessageCreateParams params() {
    return MessageCreateParams.builder().model(Model.of("claude-haiku-4-5")).maxTokens(16).addUserMessage("hi").build();
  }

  @Test
  void silentUpstreamIs504() {
    fixture.anthropic.behavior(StubUpstream.Behavior.silent());

    assertThatThrownBy(() -> client().messages().create(params()))
        .isInstanceOfSatisfying(AnthropicServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(504);
          assertThat(e.body().toString()).contains("UPSTREAM_TIMEOUT").contains("did not answer");
        });
  }

  @Test
  void upstreamThatClosesWithoutAnsweringIs502() {
    fixture.anthropic.behavior(StubUpstream.Behavior.close());

    assertThatThrownBy(() -> client().messages().create(params()))
        .isInstanceOfSatisfying(AnthropicServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(502);
          assertThat(e.body().toString()).contains("BAD_GATEWAY");
        });
  }

  @Test
  void unreachableUpstreamIs502() throws Exception {
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      String body = "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}";
      http.send("POST /v1beta/models/gemini-2.5-pro:generateContent HTTP/1.1\r\nHost: x\r\nx-takumo-key: "
          + fixture.key + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
      RawHttp.Response response = http.read();

      assertThat(response.status()).isEqualTo(502);
      assertThat(response.body()).contains("\"code\":\"BAD_GATEWAY\"").contains("google").contains(":" + closedPort);
      assertThat(response.headers()).containsKey("x-aegis-request-id");
    }
  }

  @Test
  void clientThatGoesAwayCancelsTheUpstreamExchange() throws Exception {
    CompletableFuture<Void> release = new CompletableFuture<>();
    fixture.anthropic.behavior(StubUpstream.Behavior.hold(release));
    CompletableFuture<Void> seen = fixture.anthropic.nextRequestSeen();
    CompletableFuture<Void> upstreamClosed = fixture.anthropic.nextConnectionClosed();
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      String body = "{\"model\":\"claude-x\",\"stream\":true,\"messages\":[]}";
      http.send(fixture.messagesRequest(body));
      seen.get(10, TimeUnit.SECONDS);
    } // the client hangs up while the upstream is still working

    upstreamClosed.get(10, TimeUnit.SECONDS);
    release.complete(null);
    assertThat(fixture.gateway.exchanges().inFlight()).isZero();
  }

  @Test
  void gatewayKeepsServingAfterFailures() {
    fixture.anthropic.behavior(StubUpstream.Behavior.close());
    assertThatThrownBy(() -> client().messages().create(params())).isInstanceOf(AnthropicServiceException.class);
    fixture.anthropic.behavior(StubUpstream.Behavior.normal());

    assertThat(client().messages().create(params()).content()).hasSize(1);
    assertThat(fixture.gateway.exchanges().inFlight()).isZero();
  }
}
