package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.takumo.aegis.testing.StubUpstream;
import io.takumo.aegis.testing.StubUpstream.Recorded;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official Anthropic Java SDK through the gateway to a stub that answers like the Messages API. */
class AnthropicSdkIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROMPT = "Write a haiku about \"gateways\" — with ünïcödé and a newline:\nsecond line";
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void reset() {
    fixture.anthropic.behavior(StubUpstream.Behavior.normal());
  }

  private static AnthropicClient client(String baseUrl, String key) {
    return AnthropicOkHttpClient.builder().baseUrl(baseUrl).apiKey(key).maxRetries(0).build();
  }

  private static MessageCreateParams params() {
    return MessageCreateParams.builder().model(Model.of("claude-sonnet-4-5")).maxTokens(256).addUserMessage(PROMPT).build();
  }

  @Test
  void nonStreamingAnswerArrivesIntact() {
    Message message = client(fixture.baseUrl(), fixture.key).messages().create(params());

    assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo(PROMPT);
    Recorded seen = fixture.anthropic.lastRequest();
    assertThat(seen.uri()).isEqualTo("/v1/messages");
    assertThat(seen.header("x-api-key")).isEqualTo(GatewayFixture.ANTHROPIC_ORG_KEY);
    assertThat(seen.header("anthropic-version")).isNotBlank();
    assertThat(seen.header("host")).isEqualTo("127.0.0.1:" + fixture.anthropic.port());
    assertThat(seen.everything()).doesNotContain(fixture.key).doesNotContain("tk_test_");
  }

  @Test
  void streamingAnswerArrivesEventByEvent() {
    StringBuilder text = new StringBuilder();
    int deltas = 0;
    try (StreamResponse<RawMessageStreamEvent> stream = client(fixture.baseUrl(), fixture.key).messages()
        .createStreaming(params())) {
      for (RawMessageStreamEvent event : (Iterable<RawMessageStreamEvent>) stream.stream()::iterator) {
        if (event.contentBlockDelta().isPresent()) {
          deltas++;
          event.contentBlockDelta().get().delta().text().ifPresent(t -> text.append(t.text()));
        }
      }
    }

    assertThat(text.toString()).isEqualTo(PROMPT);
    assertThat(deltas).isGreaterThan(5);
    assertThat(fixture.anthropic.lastRequest().everything()).doesNotContain(fixture.key);
  }

  @Test
  void baseUrlEndingInV1IsAcceptedAndQueryKept() throws Exception {
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      http.send("POST /v1/v1/messages?beta=true HTTP/1.1\r\nHost: x\r\nx-api-key: " + fixture.key
          + "\r\nanthropic-version: 2023-06-01\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
          + "\r\n\r\n" + body);
      RawHttp.Response response = http.read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.headers().get("x-aegis-request-id")).matches("req_[0-9a-f]{16}");
    }
    assertThat(fixture.anthropic.lastRequest().uri()).isEqualTo("/v1/messages?beta=true");
  }

  @Test
  void bearerTakumoKeyWorksLikeSdk1x() {
    AnthropicClient bearer = AnthropicOkHttpClient.builder().baseUrl(fixture.baseUrl()).authToken(fixture.key)
        .maxRetries(0).build();

    bearer.messages().create(params());

    Recorded seen = fixture.anthropic.lastRequest();
    assertThat(seen.header("authorization")).isNull();
    assertThat(seen.header("x-api-key")).isEqualTo(GatewayFixture.ANTHROPIC_ORG_KEY);
  }

  @Test
  void clientProviderKeyIsPassedThroughWhenTakumoKeyComesSeparately() {
    AnthropicClient own = AnthropicOkHttpClient.builder().baseUrl(fixture.baseUrl()).apiKey("sk-ant-users-own-key")
        .putHeader("x-takumo-key", fixture.key).maxRetries(0).build();

    own.messages().create(params());

    Recorded seen = fixture.anthropic.lastRequest();
    // The SDK chooses the header; the gateway keeps whichever it used and injects nothing.
    String sent = seen.header("x-api-key") != null ? seen.header("x-api-key") : seen.header("authorization");
    assertThat(sent).endsWith("sk-ant-users-own-key");
    assertThat(seen.everything()).doesNotContain(fixture.key).doesNotContain(GatewayFixture.ANTHROPIC_ORG_KEY);
  }

  @Test
  void badKeyGets401InSpecFormat() throws Exception {
    String wrong = "tk_test_" + "0".repeat(64);
    assertThatThrownBy(() -> client(fixture.baseUrl(), wrong).messages().create(params()))
        .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(401);
          JsonNode body = JSON.valueToTree(e.body());
          assertThat(body.path("type").asText()).isEqualTo("error");
          assertThat(body.path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
          assertThat(body.path("error").path("request_id").asText()).matches("req_[0-9a-f]{16}");
          assertThat(body.toString()).doesNotContain(wrong);
        });
    assertThat(fixture.anthropic.requests().stream().map(Recorded::everything)).noneMatch(s -> s.contains(wrong));
  }

  @Test
  void liveKeyOnTestGatewayIsRefusedSayingSo() {
    String live = "tk_live_" + "a".repeat(64);
    assertThatThrownBy(() -> client(fixture.baseUrl(), live).messages().create(params()))
        .isInstanceOfSatisfying(UnauthorizedException.class,
            e -> assertThat(e.body().toString()).contains("live key").contains("test environment"));
  }

  @Test
  void keyWithoutShieldWriteGets403NamingTheScope() {
    assertThatThrownBy(() -> client(fixture.baseUrl(), fixture.readOnlyKey).messages().create(params()))
        .isInstanceOfSatisfying(AnthropicServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(403);
          assertThat(e.body().toString()).contains("FORBIDDEN").contains("shield:write");
        });
  }

  @Test
  void providerErrorStatusIsRelayedWithRetryAfter() {
    fixture.anthropic.behavior(StubUpstream.Behavior.status(429, "17"));

    assertThatThrownBy(() -> client(fixture.baseUrl(), fixture.key).messages().create(params()))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.headers().values("retry-after")).containsExactly("17");
          assertThat(e.headers().values("request-id")).containsExactly("req_stub_error");
          assertThat(e.headers().values("x-aegis-request-id")).hasSize(1);
          assertThat(e.body().toString()).contains("rate_limit_error");
        });
  }

  @Test
  void keepAliveConnectionsToTheUpstreamAreReused() {
    AnthropicClient client = client(fixture.baseUrl(), fixture.key);
    long reusedBefore = fixture.gateway.metrics().upstreamReuses();

    for (int i = 0; i < 5; i++) {
      client.messages().create(params());
    }

    assertThat(fixture.gateway.metrics().upstreamReuses() - reusedBefore).isGreaterThanOrEqualTo(3);
    assertThat(List.of(fixture.gateway.exchanges().inFlight())).containsExactly(0);
  }
}
