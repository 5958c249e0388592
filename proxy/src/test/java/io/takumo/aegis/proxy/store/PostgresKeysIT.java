package io.takumo.aegis.proxy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.ApiKeys;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.server.Gateway;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** API keys in real PostgreSQL: administration, a running gateway's view of them, the database going away. */
class PostgresKeysIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Gateway gateway(CachingKeyStore keys) throws InterruptedException, java.io.IOException {
    return Gateway.start(GatewayConfig.builder()
        .listen(new InetSocketAddress("127.0.0.1", 0))
        .environment(KeyEnvironment.TEST)
        .keysFile(java.nio.file.Files.createTempDirectory("aegis-pg").resolve("unused.json")) // the CA is made beside it
        .ioThreads(1)
        .build(), keys);
  }

  private static int health(Gateway gateway, String key) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/health"))
        .header("x-api-key", key).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void createListRevokeDisableEnableRoundTrip() {
    try (PostgresFixture pg = new PostgresFixture()) {
      PgKeyStore store = new PgKeyStore(pg.db);
      String raw = store.create("ci", "org-a", KeyEnvironment.LIVE, Set.of(Scope.SHIELD_WRITE, Scope.AUDIT_READ),
          Instant.parse("2030-01-01T00:00:00Z"));
      assertThat(raw).matches("tk_live_[0-9a-f]{64}");

      List<ApiKeyRecord> keys = store.list();
      assertThat(keys).singleElement().satisfies(k -> {
        assertThat(k.prefix()).isEqualTo(raw.substring(0, 12));
        assertThat(k.org()).isEqualTo("org-a");
        assertThat(k.scopes()).containsExactlyInAnyOrder(Scope.SHIELD_WRITE, Scope.AUDIT_READ);
        assertThat(k.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
      });
      assertThat(store.findBySha256(ApiKeys.sha256(raw)).toCompletableFuture().join()).isPresent();

      assertThat(store.setStatus(raw.substring(0, 12), KeyStatus.DISABLED).status()).isEqualTo(KeyStatus.DISABLED);
      assertThat(store.setStatus(keys.get(0).id(), KeyStatus.ACTIVE).status()).isEqualTo(KeyStatus.ACTIVE);
      assertThat(store.setStatus(raw.substring(0, 12), KeyStatus.REVOKED).status()).isEqualTo(KeyStatus.REVOKED);
      assertThatThrownBy(() -> store.setStatus(raw.substring(0, 12), KeyStatus.ACTIVE))
          .hasMessageContaining("non-revoked");
      assertThatThrownBy(() -> store.setStatus("tk_live_nope", KeyStatus.DISABLED)).hasMessageContaining("0 match");
    }
  }

  @Test
  void onlyTheHashIsStoredAndLastUsedIsWrittenInBatches() throws Exception {
    try (PostgresFixture pg = new PostgresFixture()) {
      PgKeyStore store = new PgKeyStore(pg.db);
      String raw = store.create("ci", "org-a", KeyEnvironment.TEST, Scope.all(), null);
      ApiKeyRecord key = store.list().get(0);

      store.recordUse(key);
      store.recordUse(key);
      assertThat(store.flushLastUsed()).isEqualTo(1); // two uses, one write

      try (Connection c = pg.db.dataSource().getConnection();
          PreparedStatement ps = c.prepareStatement("SELECT * FROM api_keys");
          ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getTimestamp("last_used_at")).isNotNull();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          assertThat(String.valueOf(rs.getObject(i))).doesNotContain(raw).doesNotContain(raw.substring(8));
        }
      }
    }
  }

  @Test
  void auditEventsRoundTripThroughPostgresPageByPage() {
    try (PostgresFixture pg = new PostgresFixture()) {
      io.takumo.aegis.proxy.audit.PgAuditSink sink = new io.takumo.aegis.proxy.audit.PgAuditSink(pg.db);
      List<io.takumo.aegis.proxy.audit.AuditEvent> events = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        events.add(new io.takumo.aegis.proxy.audit.AuditEvent(Instant.parse("2026-11-23T10:00:00Z").plusSeconds(i),
            "req_" + i, i == 4 ? "other-org" : "org-a", "tk_test_abcd", "anthropic", "POST", "/v1/messages", 200, 0.2,
            3.5, 100, 200, List.of(new io.takumo.aegis.proxy.audit.AuditEvent.Detection("KEY", "aws-access-key-id",
                "messages[0].content", 2)), 2, 0, List.of("tokenized")));
      }
      sink.write(events);
      var first = sink.read("org-a", Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"), null, 3);
      assertThat(first.events()).extracting(io.takumo.aegis.proxy.audit.AuditEvent::requestId)
          .containsExactly("req_3", "req_2", "req_1");
      assertThat(first.events().get(0).detections()).singleElement()
          .satisfies(d -> assertThat(d.count()).isEqualTo(2));
      var second = sink.read("org-a", Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"), first.nextCursor(), 3);
      assertThat(second.events()).extracting(io.takumo.aegis.proxy.audit.AuditEvent::requestId).containsExactly("req_0");
      assertThat(second.nextCursor()).isNull();
    }
  }

  @Test
  void aRunningGatewayRefusesARevokedKeyWithinFiveSeconds() throws Exception {
    try (PostgresFixture pg = new PostgresFixture()) {
      PgKeyStore store = new PgKeyStore(pg.db);
      String raw = store.create("ci", "org-a", KeyEnvironment.TEST, Scope.all(), null);
      try (Gateway gateway = gateway(new CachingKeyStore(store))) {
        assertThat(health(gateway, raw)).isEqualTo(200);

        store.setStatus(raw.substring(0, 12), KeyStatus.REVOKED);
        long revokedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
            .until(() -> health(gateway, raw) == 401);
        long delayMs = (System.nanoTime() - revokedAt) / 1_000_000;
        System.out.println("revocation took effect after " + delayMs + " ms");
        assertThat(delayMs).isLessThan(5000);
      }
    }
  }

  @Test
  void whenPostgresGoesAwayCachedKeysWorkUnknownKeysGet503AndItRecovers() throws Exception {
    URI direct = URI.create(PostgresFixture.URL.replace("postgresql://", "http://"));
    try (TcpRelay relay = new TcpRelay(direct.getHost(), direct.getPort() > 0 ? direct.getPort() : 5432);
        PostgresFixture pg = new PostgresFixture(PostgresFixture.URL.replace(
            direct.getHost() + ':' + (direct.getPort() > 0 ? direct.getPort() : 5432), "127.0.0.1:" + relay.port()))) {
      PgKeyStore store = new PgKeyStore(pg.db);
      String known = store.create("known", "org-a", KeyEnvironment.TEST, Scope.all(), null);
      String unknown = store.create("not-yet-used", "org-a", KeyEnvironment.TEST, Scope.all(), null);
      try (Gateway gateway = gateway(new CachingKeyStore(store))) {
        assertThat(health(gateway, known)).isEqualTo(200);

        relay.stop();
        // Past the cache's 3 s staleness bound, the known key is served from the last good record.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(500))
            .until(() -> health(gateway, known) == 200);
        assertThat(health(gateway, unknown)).isEqualTo(503);

        relay.start();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
            .until(() -> health(gateway, unknown) == 200);
      }
    }
  }
}
