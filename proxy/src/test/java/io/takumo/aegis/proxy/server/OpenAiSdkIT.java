package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.takumo.aegis.testing.StubUpstream;
import io.takumo.aegis.testing.StubUpstream.Recorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK through the gateway; the model picks OpenAI or Mistral. */
class OpenAiSdkIT {
  private static final String PROMPT = "Explain \\\"escaping\\\" — ünïcödé too\nand lines";
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
    fixture.openai.behavior(StubUpstream.Behavior.normal());
  }

  private static OpenAIClient client(String key) {
    return OpenAIOkHttpClient.builder().baseUrl(fixture.baseUrl() + "/v1").apiKey(key).maxRetries(0).build();
  }

  private static ChatCompletionCreateParams params(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage(PROMPT).build();
  }

  @Test
  void nonStreamingAnswerArrivesIntact() {
    ChatCompletion completion = client(fixture.key).chat().completions().create(params("gpt-4o"));

    assertThat(completion.choices().get(0).message().content()).contains(PROMPT);
    Recorded seen = fixture.openai.lastRequest();
    assertThat(seen.uri()).isEqualTo("/v1/chat/completions");
    assertThat(seen.header("authorization")).isEqualTo("Bearer " + GatewayFixture.OPENAI_ORG_KEY);
    assertThat(seen.everything()).doesNotContain(fixture.key);
  }

  @Test
  void streamingAnswerArrivesChunkByChunk() {
    StringBuilder text = new StringBuilder();
    int chunks = 0;
    try (StreamResponse<ChatCompletionChunk> stream = client(fixture.key).chat().completions()
        .createStreaming(params("gpt-4o-mini"))) {
      for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
        chunks++;
        chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
      }
    }

    assertThat(text.toString()).isEqualTo(PROMPT);
    assertThat(chunks).isGreaterThan(5);
    assertThat(fixture.openai.lastRequest().everything()).doesNotContain(fixture.key);
  }

  @Test
  void mistralModelGoesToMistral() {
    int openAiBefore = fixture.openai.requests().size();

    ChatCompletion completion = client(fixture.key).chat().completions().create(params("mistral-large-latest"));

    assertThat(completion.choices().get(0).message().content()).contains(PROMPT);
    assertThat(fixture.mistral.lastRequest().header("authorization")).isEqualTo("Bearer " + GatewayFixture.MISTRAL_ORG_KEY);
    assertThat(fixture.openai.requests()).hasSize(openAiBefore);
  }

  @Test
  void claudeModelOnOpenAiRouteGoesToAnthropic() {
    client(fixture.key).chat().completions().create(params("claude-sonnet-4-5"));

    Recorded seen = fixture.anthropic.lastRequest();
    assertThat(seen.uri()).isEqualTo("/v1/chat/completions");
    assertThat(seen.header("x-api-key")).isEqualTo(GatewayFixture.ANTHROPIC_ORG_KEY);
    assertThat(seen.everything()).doesNotContain(fixture.key);
  }

  @Test
  void unknownModelIsUnsupportedProvider() {
    assertThatThrownBy(() -> client(fixture.key).chat().completions().create(params("llama-3-70b")))
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.body().toString()).contains("UNSUPPORTED_PROVIDER").contains("llama-3-70b"));
  }

  @Test
  void badKeyGets401() {
    assertThatThrownBy(() -> client("tk_test_" + "f".repeat(64)).chat().completions().create(params("gpt-4o")))
        .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
  }

  @Test
  void rateLimitFromProviderIsRelayed() {
    fixture.openai.behavior(StubUpstream.Behavior.status(429, "3"));

    assertThatThrownBy(() -> client(fixture.key).chat().completions().create(params("gpt-4o")))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.headers().values("retry-after")).containsExactly("3");
          assertThat(e.body().toString()).contains("rate_limit_exceeded");
        });
  }
}
