package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.takumo.aegis.coordinator.Coordinator;
import io.takumo.aegis.coordinator.CoordinatorSettings;
import io.takumo.aegis.coordinator.JoinKeys;
import io.takumo.aegis.coordinator.client.ConnectorState;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.store.CachingKeyStore;
import io.takumo.aegis.proxy.store.DatabaseUrl;
import io.takumo.aegis.proxy.store.PgKeyStore;
import io.takumo.aegis.proxy.store.PostgresFixture;
import io.takumo.aegis.testing.ManualClock;
import io.takumo.aegis.testing.StablePort;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fleet-wide rate limits through quota leases (SPEC.md §8): a real coordinator and PostgreSQL, three
 * gateways in this JVM, one clock they all share and the test moves. Uneven traffic from one key (or
 * three keys of one organization) is spread over the gateways for two simulated minutes; every
 * calendar minute admits within ±10% of the limit, the first one too. Killing the coordinator
 * mid-minute degrades each gateway to its lease, then to limit / 3: never more than the limit.
 */
class FleetRateLimitIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** 10 requests per simulated second, in steps of 200 ms. */
  private static final Duration STEP = Duration.ofMillis(200);
  private static final int PER_STEP = 2;

  // One second into a minute: the windows are calendar minutes on this clock.
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T09:00:01Z"));
  private PostgresFixture pg;
  private Path dir;
  private CoordinatorSettings settings;
  private Coordinator coordinator;
  private String joinKey;
  private PgKeyStore keyStore;
  private final List<Gateway> gateways = new ArrayList<>();

  /** Thousands of requests per test: their access-log lines would bury the build's output. */
  private final ch.qos.logback.classic.Logger accessLog =
      (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("aegis.access");

  @BeforeEach
  void start() throws Exception {
    accessLog.setLevel(ch.qos.logback.classic.Level.WARN);
    pg = new PostgresFixture();
    dir = Files.createTempDirectory("aegis-fleet-rate");
    DatabaseUrl url = DatabaseUrl.parse("TAKUMO_TEST_DATABASE_URL", PostgresFixture.URL);
    settings = CoordinatorSettings.of(StablePort.pick(), -1, url.jdbcUrl(), url.user(), url.password(), pg.schema,
        null, null);
    coordinator = Coordinator.start(settings, clock);
    joinKey = new JoinKeys(coordinator.dataSource()).create("it").raw();
    keyStore = new PgKeyStore(pg.db);
  }

  @AfterEach
  void stop() throws Exception {
    accessLog.setLevel(ch.qos.logback.classic.Level.INFO); // as logback-test.xml has it
    for (Gateway g : gateways) {
      g.close();
    }
    if (coordinator != null) {
      coordinator.close();
    }
    pg.close();
  }

  private void startGateways(long orgPerMinute, long keyPerMinute) throws Exception {
    for (String name : List.of("a", "b", "c")) {
      gateways.add(Gateway.start(GatewayConfig.builder()
          .listen(new InetSocketAddress("127.0.0.1", 0))
          .environment(KeyEnvironment.TEST)
          .keysFile(dir.resolve("unused-with-postgres.json"))
          .auditFile(dir.resolve("audit-" + name + ".jsonl"))
          .ioThreads(1)
          .rateLimits(orgPerMinute, keyPerMinute, 100_000)
          .fleet(new GatewayConfig.FleetSettings("http://127.0.0.1:" + settings.grpcPort(), joinKey, null,
              dir.resolve("state-" + name), null, clock))
          .build(), new CachingKeyStore(keyStore)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> gateways.stream()
        .allMatch(g -> g.coordinator().state() == ConnectorState.CONNECTED));
  }

  @Test
  void oneKeyAt70To20To10AdmitsItsLimitFleetWideInEveryMinute() throws Exception {
    startGateways(100_000, 60);
    String key = keyStore.create("hot", "org-hot", KeyEnvironment.TEST, Scope.all(), null);
    Traffic traffic = new Traffic(i -> i % 10 < 7 ? 0 : i % 10 < 9 ? 1 : 2, i -> key);
    traffic.run(Duration.ofSeconds(119)); // to the end of the second minute

    assertWithinTenPercent(traffic.admitted, 60);
    assertThat(traffic.admittedBy[0]).isGreaterThan(traffic.admittedBy[2]); // the leases followed the traffic
    // The headers speak of the fleet's limit and never promise more than the gateway's lease holds.
    HttpResponse<String> admitted = traffic.lastAdmitted;
    assertThat(admitted.headers().firstValue("x-ratelimit-limit")).hasValue("60");
    assertThat(Long.parseLong(admitted.headers().firstValue("x-ratelimit-remaining").orElseThrow())).isBetween(0L, 60L);
  }

  @Test
  void threeKeysOfOneOrganizationAt50To30To20AdmitTheOrganizationsLimitInEveryMinute() throws Exception {
    startGateways(120, 100_000);
    List<String> keys = List.of(
        keyStore.create("k1", "org-team", KeyEnvironment.TEST, Scope.all(), null),
        keyStore.create("k2", "org-team", KeyEnvironment.TEST, Scope.all(), null),
        keyStore.create("k3", "org-team", KeyEnvironment.TEST, Scope.all(), null));
    Traffic traffic = new Traffic(i -> i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2, i -> keys.get(i % 3));
    traffic.run(Duration.ofSeconds(119));

    assertWithinTenPercent(traffic.admitted, 120);
  }

  @Test
  void withTheCoordinatorKilledMidMinuteTheFleetNeverAdmitsMoreThanItsLimitAndARestartedOneRebuildsTheBook()
      throws Exception {
    startGateways(100_000, 60);
    String key = keyStore.create("hot", "org-hot", KeyEnvironment.TEST, Scope.all(), null);
    Traffic traffic = new Traffic(i -> i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2, i -> key);
    traffic.run(Duration.ofSeconds(29));
    coordinator.close();
    coordinator = null;
    traffic.run(Duration.ofSeconds(90)); // the rest of minute 1, all of minute 2

    assertThat(traffic.admitted[0]).as("minute 1: leases, then the leases held").isBetween(54, 66);
    // Each gateway falls back to 60 / 3 = 20 per sliding minute, over what it admitted already.
    assertThat(traffic.admitted[1]).as("minute 2: limit / fleet size per gateway").isBetween(1, 60);
    String ops = keyStore.create("ops", "org-ops", KeyEnvironment.TEST, Scope.all(), null);
    for (Gateway g : gateways) {
      JsonNode rate = fleetStatus(g, ops).path("rate_limits");
      assertThat(rate.path("mode").asText()).isEqualTo("fallback");
      assertThat(rate.path("fleet_size").asInt()).isEqualTo(3);
      assertThat(rate.path("last_lease_error").asText()).isNotEmpty();
    }
    assertThat(traffic.lastRefusal.headers().firstValue("retry-after")).isPresent();

    // A new coordinator knows nothing: the gateways' reports rebuild its book (minute 2's use too).
    coordinator = Coordinator.start(settings, clock);
    await().atMost(Duration.ofSeconds(40)).until(() -> gateways.stream()
        .allMatch(g -> g.coordinator().state() == ConnectorState.CONNECTED));
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      for (Gateway g : gateways) {
        if (!fleetStatus(g, ops).at("/rate_limits/mode").asText().equals("leases")) {
          return false;
        }
      }
      return true;
    });
    traffic.run(Duration.ofSeconds(60)); // minute 3
    assertThat(traffic.admitted[2]).as("minute 3, on leases again").isBetween(54, 66);
  }

  private static void assertWithinTenPercent(int[] admitted, int limit) {
    for (int minute = 0; minute < 2; minute++) {
      assertThat(admitted[minute]).as("admitted fleet-wide in minute %d of a limit of %d", minute + 1, limit)
          .isBetween((int) Math.floor(limit * 0.9), (int) Math.ceil(limit * 1.1));
    }
  }

  /** Requests spread over the gateways by request number, counted by simulated minute. */
  private final class Traffic {
    final java.util.function.IntUnaryOperator gateway;
    final java.util.function.IntFunction<String> key;
    final int[] admitted = new int[4];
    final int[] admittedBy = new int[3];
    final Instant start = clock.instant();
    HttpResponse<String> lastRefusal;
    HttpResponse<String> lastAdmitted;
    int sent;

    Traffic(java.util.function.IntUnaryOperator gateway, java.util.function.IntFunction<String> key) {
      this.gateway = gateway;
      this.key = key;
    }

    void run(Duration length) throws Exception {
      Instant end = clock.instant().plus(length);
      while (clock.instant().isBefore(end)) {
        for (int n = 0; n < PER_STEP; n++) {
          int i = sent++;
          int g = gateway.applyAsInt(i);
          HttpResponse<String> r = scan(gateways.get(g), key.apply(i));
          assertThat(r.statusCode()).as(r.body()).isIn(200, 429);
          int minute = (int) (Duration.between(start.minusSeconds(1), clock.instant()).toSeconds() / 60);
          if (r.statusCode() == 200) {
            lastAdmitted = r;
            admitted[minute]++;
            admittedBy[g]++;
          } else {
            lastRefusal = r;
          }
        }
        clock.advance(STEP);
      }
    }
  }

  private static HttpResponse<String> scan(Gateway g, String key) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.port() + "/v1/scan"))
        .header("x-api-key", key).header("content-type", "application/json").timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"hello\"}")).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode fleetStatus(Gateway g, String key) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.port() + "/v1/fleet"))
        .header("x-api-key", key).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }
}
