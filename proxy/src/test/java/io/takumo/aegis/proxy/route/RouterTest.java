package io.takumo.aegis.proxy.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTest {
  @Test
  void anthropicRoutesAreFixedToAnthropic() {
    Route route = Router.route(HttpMethod.POST, "/v1/messages?beta=true");
    assertThat(route.kind()).isEqualTo(RouteKind.PROVIDER);
    assertThat(route.provider()).isEqualTo(Provider.ANTHROPIC);
    assertThat(route.pathAndQuery()).isEqualTo("/v1/messages?beta=true");
    assertThat(Router.route(HttpMethod.POST, "/v1/messages/count_tokens").provider()).isEqualTo(Provider.ANTHROPIC);
  }

  @Test
  void doubledV1PrefixCollapses() {
    Route route = Router.route(HttpMethod.POST, "/v1/v1/messages");
    assertThat(route.path()).isEqualTo("/v1/messages");
    assertThat(route.provider()).isEqualTo(Provider.ANTHROPIC);
  }

  @ParameterizedTest
  @CsvSource({"/v1/chat/completions", "/v1/completions", "/v1/responses", "/v1/embeddings"})
  void openAiShapedRoutesChooseByModel(String path) {
    Route route = Router.route(HttpMethod.POST, path);
    assertThat(route.kind()).isEqualTo(RouteKind.PROVIDER);
    assertThat(route.provider()).isNull();
    assertThat(route.modelFromBody()).isTrue();
  }

  @Test
  void aWebSocketUpgradeOnAPostRouteReachesTheRelay() {
    assertThat(Router.route(HttpMethod.GET, "/v1/responses", true).kind()).isEqualTo(RouteKind.PROVIDER);
    assertThat(Router.route(HttpMethod.GET, "/v1/messages", true).kind()).isEqualTo(RouteKind.PROVIDER);
    assertThat(Router.route(HttpMethod.GET, "/v1/responses", false).kind()).isEqualTo(RouteKind.NOT_FOUND);
    assertThat(Router.route(HttpMethod.GET, "/v1/tokenize", true).kind()).isEqualTo(RouteKind.NOT_FOUND);
  }

  @Test
  void googleRoutesCarryTheModelInThePath() {
    Route route = Router.route(HttpMethod.POST, "/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
    assertThat(route.provider()).isEqualTo(Provider.GOOGLE);
    assertThat(route.pathModel()).isEqualTo("gemini-2.5-pro");
    assertThat(route.query()).isEqualTo("?alt=sse");
    assertThat(Router.route(HttpMethod.POST, "/v1beta/models/gemini-2.5-pro:deleteEverything").kind())
        .isEqualTo(RouteKind.NOT_FOUND);
  }

  @Test
  void modelsListingAndSingleModel() {
    assertThat(Router.route(HttpMethod.GET, "/v1/models").kind()).isEqualTo(RouteKind.PROVIDER);
    assertThat(Router.route(HttpMethod.GET, "/v1/models/claude-opus-4-1").pathModel()).isEqualTo("claude-opus-4-1");
  }

  @ParameterizedTest
  @CsvSource({"GET,/v1/health,HEALTH", "GET,/healthz,LIVENESS", "GET,/readyz,READINESS", "POST,/v1/health,NOT_FOUND",
      "GET,/v1/messages,NOT_FOUND", "GET,/,NOT_FOUND", "DELETE,/v1/chat/completions,NOT_FOUND"})
  void localRoutesAndWrongMethods(String method, String path, RouteKind kind) {
    assertThat(Router.route(HttpMethod.valueOf(method), path).kind()).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource({"claude-sonnet-4-5,ANTHROPIC", "gpt-4o,OPENAI", "o3-mini,OPENAI", "o1,OPENAI", "o4-mini,OPENAI",
      "chatgpt-4o-latest,OPENAI", "text-embedding-3-small,OPENAI", "mistral-large-latest,MISTRAL",
      "codestral-latest,MISTRAL", "magistral-medium,MISTRAL", "devstral-small,MISTRAL", "gemini-2.5-flash,GOOGLE",
      "anthropic/claude-3-haiku,ANTHROPIC", "GPT-4O,OPENAI"})
  void modelNamesPickProviders(String model, Provider provider) {
    assertThat(Provider.forModel(model)).isEqualTo(provider);
  }

  @Test
  void unknownModelHasNoProvider() {
    assertThat(Provider.forModel("llama-3-70b")).isNull();
    assertThat(Provider.forModel("")).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GET|/v1/models/claude-x/../../v1/messages/batches",
      "GET|/v1/models/claude-x%2F..%2F..%2Fv1%2Fmessages",
      "GET|/v1/models/%2e%2e/secret",
      "GET|/v1/models/./claude-x",
      "POST|/v1//messages",
      "POST|/v1/messages;jsessionid=1",
      "POST|/v1\\messages",
      "POST|/v1/messages%5Cx",
      "POST|/v1/mess%00ages",
      "POST|/v1/messages%252F",
      "POST|/v1/messages%zz",
      "POST|v1/messages",
      "GET|/v1/models/tk_live_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
  void pathsThatAServerBehindCouldReadOtherwiseAreRefused(String method, String path) {
    Route route = Router.route(HttpMethod.valueOf(method), path);
    assertThat(route.kind()).isEqualTo(RouteKind.BAD_PATH);
    assertThat(route.refusal()).isNotBlank().doesNotContain("tk_live_").doesNotContain("..%");
  }

  @Test
  void encodedCharactersThatPathsUseAreDecodedAndParametersAreOneSegment() {
    Route google = Router.route(HttpMethod.POST, "/v1beta/models/gemini-2.5-pro%3AgenerateContent");
    assertThat(google.kind()).isEqualTo(RouteKind.PROVIDER);
    assertThat(google.path()).isEqualTo("/v1beta/models/gemini-2.5-pro:generateContent");
    assertThat(google.template()).isEqualTo("/v1beta/models/{model}:generateContent");
    assertThat(Router.route(HttpMethod.GET, "/v1/models/a/b").kind()).isEqualTo(RouteKind.NOT_FOUND);
    Route model = Router.route(HttpMethod.GET, "/v1/models/ft:gpt-4o-mini:acme::abc123");
    assertThat(model.pathModel()).isEqualTo("ft:gpt-4o-mini:acme::abc123");
    assertThat(model.template()).isEqualTo("/v1/models/{id}");
  }

  @Test
  void logsAndAuditNameTheTemplateNeverTheParameter() {
    assertThat(Router.route(HttpMethod.GET, "/v1/models/claude-opus-4-1").template()).isEqualTo("/v1/models/{id}");
    assertThat(Router.route(HttpMethod.DELETE, "/v1/sessions/sess_abc").template()).isEqualTo("/v1/sessions/{id}");
    assertThat(Router.route(HttpMethod.POST, "/v1/messages?beta=true").template()).isEqualTo("/v1/messages");
    assertThat(Router.route(HttpMethod.GET, "/sk-ant-in-a-path").template()).isEqualTo("-");
  }
}
