package io.takumo.aegis.proxy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.takumo.aegis.proxy.auth.OrgSettings;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Organizations in real PostgreSQL: plans, provider keys and token keys sealed at rest, used by a running gateway. */
class PostgresOrgsIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final byte[] SEALING_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final String OPENAI_KEY = "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34";
  private static final String ORG_ANTHROPIC_KEY = "sk-ant-api03-org-own-key-never-in-clear-at-rest";

  private static HttpResponse<String> message(Gateway gateway, String key, String text) throws Exception {
    String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\""
        + text + "\"}]}";
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/messages"))
        .header("x-api-key", key).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void planProviderKeyAndTokenKeyOfAnOrganizationApplyAndAreSealedAtRest() throws Exception {
    try (PostgresFixture pg = new PostgresFixture(); StubUpstream stub = StubUpstream.start()) {
      SealedColumns sealing = new SealedColumns(SEALING_KEY);
      PgOrgs orgs = new PgOrgs(pg.db, sealing);
      PgKeyStore store = new PgKeyStore(pg.db, orgs);
      String gold = store.create("gold", "org-gold", KeyEnvironment.TEST, Set.of(Scope.SHIELD_WRITE), null);
      String plain = store.create("plain", "org-plain", KeyEnvironment.TEST, Set.of(Scope.SHIELD_WRITE), null);
      orgs.setPlan("org-gold", "enterprise");
      orgs.setProviderKey("org-gold", Provider.ANTHROPIC, ORG_ANTHROPIC_KEY);
      orgs.rotateTokenKey("org-gold");

      try (Connection c = pg.db.dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT provider_keys, token_key FROM organizations WHERE id = 'org-gold'")) {
        rs.next();
        assertThat(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("sk-ant-api03");
        assertThat(rs.getBytes(2)).hasSizeGreaterThan(32 + 12);
      }
      OrgSettings settings = orgs.settings("org-gold");
      assertThat(settings.plan()).isEqualTo("enterprise");
      assertThat(settings.providerKey(Provider.ANTHROPIC)).isEqualTo(ORG_ANTHROPIC_KEY);
      assertThat(settings.toString()).doesNotContain(ORG_ANTHROPIC_KEY);
      assertThatThrownBy(() -> new PgOrgs(pg.db, new SealedColumns(new byte[32])).settings("org-gold"))
          .hasMessageContaining("does not open with TAKUMO_ENCRYPTION_KEY");

      try (Gateway gateway = Gateway.start(GatewayConfig.builder()
          .listen(new InetSocketAddress("127.0.0.1", 0))
          .environment(KeyEnvironment.TEST)
          .keysFile(java.nio.file.Files.createTempDirectory("aegis-pg").resolve("unused.json")) // the CA is made beside it
          .auditFile(Path.of(System.getProperty("java.io.tmpdir"), "aegis-orgs-it-audit.jsonl"))
          .upstream(Provider.ANTHROPIC, stub.baseUrl(), "sk-ant-gateway-key")
          .plan("enterprise", 50_000, 5_000)
          .encryptionKey(SEALING_KEY)
          .ioThreads(1)
          .build(), new CachingKeyStore(store))) {
        HttpResponse<String> goldAnswer = message(gateway, gold, "key " + OPENAI_KEY);
        assertThat(goldAnswer.statusCode()).isEqualTo(200);
        assertThat(goldAnswer.headers().firstValue("x-ratelimit-limit")).hasValue("5000");
        assertThat(stub.lastRequest().header("x-api-key")).isEqualTo(ORG_ANTHROPIC_KEY);
        String goldToken = token(stub.lastRequest().bodyText());

        HttpResponse<String> plainAnswer = message(gateway, plain, "key " + OPENAI_KEY);
        assertThat(plainAnswer.statusCode()).isEqualTo(200);
        assertThat(plainAnswer.headers().firstValue("x-ratelimit-limit")).hasValue("60");
        assertThat(stub.lastRequest().header("x-api-key")).isEqualTo("sk-ant-gateway-key");
        String plainToken = token(stub.lastRequest().bodyText());

        // Each organization mints with its own key: the same secret, different tokens.
        assertThat(goldToken).isNotEqualTo(plainToken);
        assertThat(goldAnswer.body()).contains(OPENAI_KEY);
        assertThat(plainAnswer.body()).contains(OPENAI_KEY);
      }
    }
  }

  private static String token(String body) {
    int at = body.indexOf("__TAKUMO_v1_KEY_");
    assertThat(at).as("a token in %s", body).isNotNegative();
    return body.substring(at, at + 26);
  }
}
