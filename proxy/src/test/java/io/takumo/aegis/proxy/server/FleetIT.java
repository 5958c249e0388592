package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import io.takumo.aegis.coordinator.ConfigVersions;
import io.takumo.aegis.coordinator.Coordinator;
import io.takumo.aegis.coordinator.CoordinatorSettings;
import io.takumo.aegis.coordinator.FleetRegistry;
import io.takumo.aegis.coordinator.JoinKeys;
import io.takumo.aegis.coordinator.client.ConnectorState;
import io.takumo.aegis.coordinator.client.Snapshot;
import io.takumo.aegis.proto.ConfigFiles;
import io.takumo.aegis.proto.config.v1.Config;
import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.store.CachingKeyStore;
import io.takumo.aegis.proxy.store.DatabaseUrl;
import io.takumo.aegis.proxy.store.PgKeyStore;
import io.takumo.aegis.proxy.store.PostgresFixture;
import io.takumo.aegis.testing.StablePort;
import io.takumo.aegis.testing.StubUpstream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real coordinator (TLS, PostgreSQL), two gateways that join it with a join key, and the fleet
 * behaviour of SPEC.md §11: config pushed to both, NACKs visible in the registry, API key and join
 * key revocations, the coordinator dying and coming back, a gateway restarted while it is away.
 */
class FleetIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AWS_KEY = "AKIAIOSFODNN7EXAMPLE";
  private static final String ACME_KEY = "ACME_" + "0123456789abcdef".repeat(2);

  private PostgresFixture pg;
  private StubUpstream anthropic;
  private Path dir;
  private Path caPem;
  private Path certPem;
  private Path keyPem;
  private CoordinatorSettings settings;
  private Coordinator coordinator;
  private String joinKey;
  private String joinKeyId;
  private String apiKey;
  private ApiKeyRecord apiKeyRecord;
  private PgKeyStore keyStore;
  private final List<Gateway> gateways = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    pg = new PostgresFixture(); // the gateways' key store and the coordinator share one schema
    anthropic = StubUpstream.start();
    dir = Files.createTempDirectory("aegis-fleet");
    Instant now = Instant.now();
    X509Bundle ca = new CertificateBuilder().subject("CN=Fleet Test CA").setIsCertificateAuthority(true)
        .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS)).ecp256().buildSelfSigned();
    X509Bundle leaf = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
        .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS)).ecp256().buildIssuedBy(ca);
    caPem = Files.writeString(dir.resolve("ca.pem"), ca.getCertificatePEM());
    certPem = Files.writeString(dir.resolve("cert.pem"), leaf.getCertificatePathPEM());
    keyPem = Files.writeString(dir.resolve("key.pem"), leaf.getPrivateKeyPEM());
    DatabaseUrl url = DatabaseUrl.parse("TAKUMO_TEST_DATABASE_URL", PostgresFixture.URL);
    // A restart binds the same port, so it must not be one a reconnecting gateway can self-connect to.
    settings = CoordinatorSettings.of(StablePort.pick(), -1, url.jdbcUrl(), url.user(), url.password(), pg.schema,
        certPem, keyPem);
    coordinator = Coordinator.start(settings);
    JoinKeys.Created created = new JoinKeys(coordinator.dataSource()).create("it");
    joinKey = created.raw();
    joinKeyId = created.key().id();
    keyStore = new PgKeyStore(pg.db);
    apiKey = keyStore.create("fleet-it", "org-fleet", KeyEnvironment.TEST, Scope.all(), null);
    apiKeyRecord = keyStore.list().get(0);
    gateways.add(gateway("a"));
    gateways.add(gateway("b"));
    awaitVersion(1);
  }

  @AfterEach
  void stop() throws Exception {
    for (Gateway g : gateways) {
      g.close();
    }
    if (coordinator != null) {
      coordinator.close();
    }
    anthropic.close();
    pg.close();
  }

  private Gateway gateway(String name) throws Exception {
    return Gateway.start(GatewayConfig.builder()
        .listen(new InetSocketAddress("127.0.0.1", 0))
        .environment(KeyEnvironment.TEST)
        .keysFile(dir.resolve("unused-with-postgres.json"))
        .auditFile(dir.resolve("audit-" + name + ".jsonl"))
        .ioThreads(1)
        .upstream(Provider.ANTHROPIC, anthropic.baseUrl(), "sk-ant-gateway-key")
        .fleet(new GatewayConfig.FleetSettings("https://localhost:" + settings.grpcPort(), joinKey, caPem,
            dir.resolve("state-" + name), null))
        .build(), new CachingKeyStore(keyStore));
  }

  @Test
  void aConfigChangeReachesBothWithinASecondAndAConfigThatDoesNotCompileIsRefusedByBoth() throws Exception {
    ConfigVersions versions = new ConfigVersions(coordinator.dataSource());
    long v2 = versions.set(ConfigFiles.parse("""
        custom_patterns:
          - name: acme-deploy-key
            pattern: "ACME_[0-9a-f]{32}"
            category: KEY
            description: ACME deploy keys
        policies:
          - name: strict
            rules:
              - match: acme-deploy-key
                enforcement: BLOCK
              - match: "category:KEY"
                enforcement: WARN
        """, false), "it");
    await().atMost(Duration.ofSeconds(1)).until(() -> gateways.stream().allMatch(g -> g.runtime().version() == v2));

    Gateway a = gateways.get(0);
    HttpResponse<String> blocked = messages(a, "deploy with " + ACME_KEY);
    assertThat(blocked.statusCode()).isEqualTo(422);
    assertThat(blocked.body()).contains("POLICY_BLOCKED").contains("acme-deploy-key").doesNotContain(ACME_KEY);
    int seen = anthropic.requests().size();
    HttpResponse<String> warned = messages(gateways.get(1), "aws_key = " + AWS_KEY);
    assertThat(warned.statusCode()).isEqualTo(200);
    assertThat(warned.headers().firstValue("x-aegis-warnings")).hasValue("KEY/aws-access-key-id;count=1");
    assertThat(warned.body()).contains(AWS_KEY); // rehydrated for the client
    assertThat(anthropic.requests()).hasSize(seen + 1); // the blocked one never left
    assertThat(anthropic.lastRequest().bodyText()).doesNotContain(AWS_KEY);

    long v3 = versions.set(ConfigFiles.parse("""
        {"custom_patterns": [{"name": "broken", "pattern": "ACME_(", "category": "KEY"}]}
        """, true), "a regex that does not compile");
    await().atMost(Duration.ofSeconds(5)).until(() -> fleet().stream()
        .allMatch(g -> g.nackVersion() != null && g.nackVersion() == v3));
    for (FleetRegistry.Gateway g : fleet()) {
      assertThat(g.ackedVersion()).isEqualTo(v2);
      assertThat(g.nackError()).startsWith("custom_patterns[0].pattern of broken: Unclosed group");
    }
    for (Gateway g : gateways) {
      assertThat(g.runtime().version()).isEqualTo(v2); // still serving the last good one
      JsonNode status = fleetStatus(g);
      assertThat(status.at("/connector_state").asText()).isEqualTo("connected");
      assertThat(status.at("/config/version").asLong()).isEqualTo(v2);
      assertThat(status.at("/last_nack/version").asLong()).isEqualTo(v3);
    }
    assertThat(messages(a, "deploy with " + ACME_KEY).statusCode()).isEqualTo(422);

    // Audit events reach the coordinator in batches (every 5 s at the latest), metadata only.
    await().atMost(Duration.ofSeconds(15)).until(() -> shippedEvents().size() >= 3);
    List<String> shipped = shippedEvents();
    assertThat(shipped).anyMatch(e -> e.contains("block:KEY/acme-deploy-key") && e.contains("\"status\": 422"));
    assertThat(shipped).anyMatch(e -> e.contains("warn:KEY/aws-access-key-id"));
    assertThat(String.join("\n", shipped)).doesNotContain(ACME_KEY).doesNotContain(AWS_KEY).doesNotContain(apiKey);
  }

  private List<String> shippedEvents() throws Exception {
    try (var c = coordinator.dataSource().getConnection(); var st = c.createStatement();
        var rs = st.executeQuery("SELECT event::text FROM coordinator_audit_events")) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  @Test
  void aRevokedApiKeyStopsWorkingOnBothWithinASecond() throws Exception {
    for (Gateway g : gateways) {
      assertThat(health(g)).isEqualTo(200);
    }
    keyStore.setStatus(apiKeyRecord.id(), KeyStatus.REVOKED);
    // Faster than the key cache's own refresh: the coordinator pushes the revocation.
    await().atMost(Duration.ofSeconds(1)).until(() -> gateways.stream()
        .allMatch(g -> g.runtime().revoked(apiKeyRecord.sha256Hex())));
    for (Gateway g : gateways) {
      assertThat(health(g)).isEqualTo(401);
    }
  }

  @Test
  void gatewaysServeOnTheirLastConfigWhileTheCoordinatorIsAwayAndAGatewayRestartedMeanwhileUsesItsPersistedConfig()
      throws Exception {
    ConfigVersions versions = new ConfigVersions(coordinator.dataSource());
    long v2 = versions.set(ConfigFiles.parse("""
        custom_patterns: [{name: acme-deploy-key, pattern: "ACME_[0-9a-f]{32}", category: KEY}]
        policies: [{name: strict, rules: [{match: acme-deploy-key, enforcement: BLOCK}]}]
        """, false), "it");
    awaitVersion(v2);

    coordinator.close();
    coordinator = null;
    await().atMost(Duration.ofSeconds(10)).until(() -> gateways.stream()
        .allMatch(g -> g.coordinator().state() == ConnectorState.BACKOFF));
    for (Gateway g : gateways) {
      assertThat(messages(g, "hello").statusCode()).isEqualTo(200);
      assertThat(messages(g, "deploy with " + ACME_KEY).statusCode()).isEqualTo(422);
    }

    gateways.remove(1).close();
    Gateway restarted = gateway("b"); // same state directory, coordinator still down
    gateways.add(restarted);
    assertThat(restarted.runtime().version()).isEqualTo(v2);
    assertThat(restarted.runtime().source()).isEqualTo(Snapshot.Source.PERSISTED);
    assertThat(messages(restarted, "deploy with " + ACME_KEY).statusCode()).isEqualTo(422);
    assertThat(messages(restarted, "hello").statusCode()).isEqualTo(200);

    coordinator = Coordinator.start(settings);
    await().atMost(Duration.ofSeconds(40)).until(() -> gateways.stream()
        .allMatch(g -> g.coordinator().state() == ConnectorState.CONNECTED));
    assertThat(restarted.runtime().version()).isEqualTo(v2);
    long v3 = new ConfigVersions(coordinator.dataSource()).set(Config.getDefaultInstance(), "it");
    awaitVersion(v3);
    assertThat(messages(restarted, "deploy with " + ACME_KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void aRevokedJoinKeyDisconnectsItsGateways() throws Exception {
    new JoinKeys(coordinator.dataSource()).revoke(joinKeyId);
    await().atMost(Duration.ofSeconds(5)).until(() -> gateways.stream()
        .allMatch(g -> g.coordinator().state() == ConnectorState.REJECTED));
    await().atMost(Duration.ofSeconds(5)).until(() -> fleet().stream()
        .allMatch(g -> g.state() == FleetRegistry.State.DISCONNECTED));
    for (Gateway g : gateways) {
      assertThat(messages(g, "hello").statusCode()).isEqualTo(200); // still serving its last config
      assertThat(fleetStatus(g).at("/last_error").asText()).startsWith("UNAUTHENTICATED: join key");
    }
  }

  @Test
  void aGatewayThatNeverHadAConfigRefusesProviderTrafficWhenFailClosed() throws Exception {
    Gateway lonely = Gateway.start(GatewayConfig.builder()
        .listen(new InetSocketAddress("127.0.0.1", 0))
        .environment(KeyEnvironment.TEST)
        .keysFile(dir.resolve("unused-with-postgres.json"))
        .auditFile(dir.resolve("audit-lonely.jsonl"))
        .ioThreads(1)
        .upstream(Provider.ANTHROPIC, anthropic.baseUrl(), "sk-ant-gateway-key")
        .fleet(new GatewayConfig.FleetSettings("https://localhost:1", joinKey, caPem, dir.resolve("state-lonely"), null))
        .build(), new CachingKeyStore(keyStore));
    gateways.add(lonely);
    HttpResponse<String> refused = messages(lonely, "hello");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("SERVICE_UNAVAILABLE").contains("fail_closed");
    assertThat(fleetStatus(lonely).at("/config/serving").asBoolean()).isFalse();
    assertThat(health(lonely)).isEqualTo(200); // the gateway itself answers
  }

  private void awaitVersion(long version) {
    await().atMost(Duration.ofSeconds(10)).until(() -> gateways.stream()
        .allMatch(g -> g.runtime().version() == version && g.coordinator().state() == ConnectorState.CONNECTED));
  }

  private List<FleetRegistry.Gateway> fleet() throws Exception {
    return new FleetRegistry(coordinator.dataSource(), Duration.ofSeconds(90)).list();
  }

  private HttpResponse<String> messages(Gateway g, String text) throws Exception {
    String body = JSON.writeValueAsString(JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 64)
        .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user").put("content", text))));
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.port() + "/v1/messages"))
        .header("x-api-key", apiKey).header("anthropic-version", "2023-06-01").header("content-type", "application/json")
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int health(Gateway g) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.port() + "/v1/health"))
        .header("x-api-key", apiKey).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private JsonNode fleetStatus(Gateway g) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.port() + "/v1/fleet"))
        .header("x-api-key", apiKey).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
