package io.takumo.aegis.proxy.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.server.Gateway;
import io.takumo.aegis.testing.StubUpstream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first request of a key the gateway has never seen is authenticated by PostgreSQL after its
 * body has arrived (a cache miss): it must be read as any other request, on a route whose body
 * names the provider, with a block rule judged before anything leaves, on a new and on a pooled
 * upstream connection.
 */
class FirstRequestOfANewKeyIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String DB_URL = "postgres://app:Xk9mQ2vL8pR4@db.internal:5432/app";

  @TempDir Path dir;

  @Test
  void aNewKeysFirstRequestIsJudgedWholeOnNewAndPooledConnections() throws Exception {
    Path policy = Files.writeString(dir.resolve("aegis.yaml"), """
        policies:
          - name: no-databases
            rules:
              - {match: "category:CONN", enforcement: BLOCK}
        """);
    try (PostgresFixture pg = new PostgresFixture(); StubUpstream openai = StubUpstream.start()) {
      PgKeyStore store = new PgKeyStore(pg.db);
      try (Gateway gateway = Gateway.start(GatewayConfig.builder()
          .listen(new InetSocketAddress("127.0.0.1", 0))
          .environment(KeyEnvironment.TEST)
          .database(PostgresFixture.URL, pg.schema)
          .keysFile(dir.resolve("unused-with-postgres.json"))
          .upstream(Provider.OPENAI, openai.baseUrl(), "sk-openai-org")
          .fleet(new GatewayConfig.FleetSettings(null, null, null, dir.resolve("state"), policy))
          .ioThreads(1)
          .build())) {
        String base = "http://127.0.0.1:" + gateway.port();
        // A new key, a new upstream connection, a body that must be blocked.
        HttpResponse<String> blocked = chat(base, newKey(store), "connect to " + DB_URL);
        assertThat(blocked.statusCode()).isEqualTo(422);
        assertThat(blocked.body()).contains("POLICY_BLOCKED").doesNotContain("Xk9mQ2vL8pR4");
        assertThat(openai.requests()).isEmpty();

        // A new key with nothing to block: the whole body arrives, tokenized (and the connection is pooled).
        HttpResponse<String> allowed = chat(base, newKey(store), "aws key AKIAIOSFODNN7EXAMPLE");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(openai.requests()).hasSize(1);
        assertThat(openai.lastRequest().bodyText()).doesNotContain("AKIAIOSFODNN7EXAMPLE").contains("\"model\":\"gpt-4o\"");

        // Another new key on the pooled connection: blocked, and the provider receives nothing.
        HttpResponse<String> blockedAgain = chat(base, newKey(store), "connect to " + DB_URL);
        assertThat(blockedAgain.statusCode()).isEqualTo(422);
        assertThat(openai.requests()).hasSize(1);
      }
    }
  }

  private static String newKey(PgKeyStore store) {
    return store.create("first", "org-first", KeyEnvironment.TEST, Scope.all(), null);
  }

  /** The body with the model last, as the OpenAI Python SDK writes it. */
  private static HttpResponse<String> chat(String base, String key, String text) throws Exception {
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}],\"model\":\"gpt-4o\"}";
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
        .header("authorization", "Bearer " + key).header("content-type", "application/json")
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
