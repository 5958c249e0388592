package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/tokenize}, {@code /v1/rehydrate}, {@code /v1/scan}, sessions and {@code /v1/detections}. */
class ShieldApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static GatewayFixture fixture;
  private static String otherKey;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
    otherKey = fixture.keys.create("other", "org-it", KeyEnvironment.TEST, Set.of(Scope.SHIELD_WRITE), null);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static HttpResponse<String> call(String method, String path, String key, Object body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path)).header("authorization", "Bearer " + key);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
      b.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void tokenizeThenRehydrateGivesBackTheExactContentAndSessionsBelongToTheirKey() throws Exception {
    String content = TokenizationIT.FILE + "again: AKIAIOSFODNN7EXAMPLE\n";
    JsonNode t = ok(call("POST", "/v1/tokenize", fixture.key, JSON.createObjectNode().put("content", content).put("filename", "settings.py")));
    String tokenized = t.get("content").asText();
    for (String secret : TokenizationIT.SECRETS) {
      assertThat(tokenized).doesNotContain(secret);
    }
    String session = t.get("session_id").asText();
    assertThat(session).startsWith("sess_");
    assertThat(t.get("token_count").asInt()).isEqualTo(t.get("detections").size()).isGreaterThanOrEqualTo(6);
    JsonNode aws = t.get("detections").get(0);
    assertThat(aws.get("line").asInt()).isEqualTo(2);
    assertThat(aws.get("column").asInt()).isEqualTo(12);
    assertThat(aws.get("category").asText()).isEqualTo("KEY");
    assertThat(aws.has("value")).isFalse();
    assertThat(tokenized.lines().filter(l -> l.contains(aws.get("token").asText())).count()).isEqualTo(2);

    String answer = "Fixed:\n" + tokenized + "unknown __TAKUMO_v1_KEY_00000000__ and a cut __TAKUMO_v1_SEC";
    JsonNode r = ok(call("POST", "/v1/rehydrate", fixture.key, JSON.createObjectNode().put("content", answer).put("session_id", session)));
    assertThat(r.get("content").asText()).isEqualTo("Fixed:\n" + content + "unknown __TAKUMO_v1_KEY_00000000__ and a cut __TAKUMO_v1_SEC");
    assertThat(r.get("rehydrated_count").asInt()).isEqualTo(t.get("token_count").asInt());
    assertThat(r.get("warnings").findValuesAsText("type")).containsExactly("unknown-token", "partial-match");

    // The same secret in a later call of the session gets the same token.
    JsonNode again = ok(call("POST", "/v1/tokenize", fixture.key, JSON.createObjectNode().put("content", "k=AKIAIOSFODNN7EXAMPLE").put("session_id", session)));
    assertThat(again.get("content").asText()).isEqualTo("k=" + aws.get("token").asText());

    assertThat(call("POST", "/v1/rehydrate", otherKey, JSON.createObjectNode().put("content", tokenized).put("session_id", session)).statusCode()).isEqualTo(404);
    assertThat(call("DELETE", "/v1/sessions/" + session, otherKey, null).statusCode()).isEqualTo(404);
    assertThat(call("DELETE", "/v1/sessions/" + session, fixture.key, null).statusCode()).isEqualTo(204);
    assertThat(call("POST", "/v1/rehydrate", fixture.key, JSON.createObjectNode().put("content", tokenized).put("session_id", session)).statusCode()).isEqualTo(404);
  }

  @Test
  void scanStoresNothingAndBadInputGetsClearErrors() throws Exception {
    JsonNode s = ok(call("POST", "/v1/scan", fixture.key, JSON.createObjectNode().put("content", TokenizationIT.FILE)));
    assertThat(s.get("count").asInt()).isEqualTo(s.get("detections").size()).isGreaterThanOrEqualTo(5);
    assertThat(s.toString()).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("session_id");

    HttpResponse<String> notJson = call("POST", "/v1/tokenize", fixture.key, "{\"content\": ");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notJson.body()).at("/error/code").asText()).isEqualTo("BAD_REQUEST");
    assertThat(call("POST", "/v1/tokenize", fixture.key, JSON.createObjectNode().put("text", "x")).statusCode()).isEqualTo(400);
    assertThat(call("POST", "/v1/rehydrate", fixture.key, JSON.createObjectNode().put("content", "x")).statusCode()).isEqualTo(400);
    HttpResponse<String> forbidden = call("POST", "/v1/tokenize", fixture.readOnlyKey, JSON.createObjectNode().put("content", "x"));
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).contains("shield:write");
    assertThat(call("POST", "/v1/scan", "tk_test_nope", JSON.createObjectNode().put("content", "x")).statusCode()).isEqualTo(401);
  }

  @Test
  void detectionsListsWhatProviderRequestsCarriedWithoutValues() throws Exception {
    TokenizationIT.post(fixture, "/v1/messages", JSON.writeValueAsBytes(JSON.createObjectNode().put("model", "claude-sonnet-4-5")
        .put("max_tokens", 10).set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user")
            .put("content", TokenizationIT.FILE)))), java.util.Map.of());
    fixture.gateway.audit().flush();
    JsonNode d = ok(call("GET", "/v1/detections", fixture.readOnlyKey, null));
    JsonNode event = d.get("data").get(0);
    assertThat(event.get("detections").findValuesAsText("category")).contains("KEY", "SECRET", "CONN");
    assertThat(event.get("tokensRehydrated").asInt()).isGreaterThanOrEqualTo(5);
    for (String secret : TokenizationIT.SECRETS) {
      assertThat(d.toString()).doesNotContain(secret);
    }
    assertThat(fixture.gateway.metrics().scrape()).contains("aegis_secrets_detected_total{category=\"KEY\"}")
        .contains("aegis_tokens_rehydrated_total").contains("aegis_concurrent_sessions");
  }
}
