package io.takumo.aegis.perf;

import io.takumo.aegis.coordinator.client.ConnectorState;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.server.Gateway;
import io.takumo.aegis.proxy.store.PgKeyStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Fleet-wide rate limits in real time (SPEC.md §8, issue 21's table): a coordinator and
 * {@code FLEET_GATEWAYS} (default 2) gateways in this JVM on PostgreSQL, limits of 60 requests/min
 * per key and 300 per organization, and three traffic mixes at about 40 requests/s each for
 * {@code FLEET_MINUTES} (default 2) calendar minutes, starting on a minute boundary:
 * <ul>
 *   <li>one key, 90% of its requests to the first gateway, 10% to the others;
 *   <li>one key, spread evenly;
 *   <li>one organization's ten keys (4 requests/s each), 90/10: the organization's limit binds.
 * </ul>
 * Reports the requests admitted fleet-wide in each minute against the limit.
 */
public final class FleetRateLimits {
  private static final int KEY_LIMIT = 60;
  private static final int ORG_LIMIT = 300;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();

  private FleetRateLimits() {}

  /** One traffic mix: which key and which gateway each request uses, and the limit that binds. */
  private record Mix(String name, int limit, java.util.function.IntFunction<String> key,
      java.util.function.IntUnaryOperator gateway, AtomicIntegerArray admitted, AtomicIntegerArray refused) {}

  public static void main(String[] args) throws Exception {
    System.setProperty("TAKUMO_ACCESS_LOG", "OFF");
    int gatewayCount = Integer.parseInt(System.getenv().getOrDefault("FLEET_GATEWAYS", "2"));
    if (gatewayCount < 2) {
      throw new IllegalArgumentException("FLEET_GATEWAYS: " + gatewayCount + " (expected: 2 or more)");
    }
    int minutes = Integer.parseInt(System.getenv().getOrDefault("FLEET_MINUTES", "2"));
    try (LocalFleet fleet = new LocalFleet("rate_bench", gatewayCount,
        b -> b.rateLimits(ORG_LIMIT, KEY_LIMIT, 1_000_000))) {
      PgKeyStore keys = fleet.keys;
      List<Gateway> gateways = fleet.gateways;
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!gateways.stream()
          .allMatch(g -> java.util.Objects.requireNonNull(g.coordinator()).state() == ConnectorState.CONNECTED)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the gateways did not connect within 20 s");
        }
        Thread.onSpinWait();
      }
      String hot = keys.create("hot", "org-hot", KeyEnvironment.TEST, Scope.all(), null);
      String even = keys.create("even", "org-even", KeyEnvironment.TEST, Scope.all(), null);
      List<String> team = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        team.add(keys.create("team-" + i, "org-team", KeyEnvironment.TEST, Scope.all(), null));
      }
      int n = gatewayCount;
      java.util.function.IntUnaryOperator ninetyTen = i -> i % 10 < 9 ? 0 : 1 + (i / 10) % (n - 1);
      List<Mix> mixes = List.of(
          new Mix("one key, 90/10", KEY_LIMIT, i -> hot, ninetyTen, new AtomicIntegerArray(minutes),
              new AtomicIntegerArray(minutes)),
          new Mix("one key, even", KEY_LIMIT, i -> even, i -> i % n, new AtomicIntegerArray(minutes),
              new AtomicIntegerArray(minutes)),
          new Mix("one organization (10 keys), 90/10", ORG_LIMIT, i -> team.get(i % 10), ninetyTen,
              new AtomicIntegerArray(minutes), new AtomicIntegerArray(minutes)));

      long now = System.currentTimeMillis();
      long start = now - Math.floorMod(now, 60_000) + 60_000 + 100; // the next minute, 100 ms in
      System.out.printf(Locale.ROOT, "fleet rate limits: %d gateways; traffic starts in %.1f s, runs %d minutes%n",
          n, (start - now) / 1000.0, minutes);
      ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
      List<CompletableFuture<Void>> sent = java.util.Collections.synchronizedList(new ArrayList<>());
      int[] count = new int[1];
      var task = clock.scheduleAtFixedRate(() -> {
        int i = count[0]++;
        int minute = (int) ((System.currentTimeMillis() - start + 100) / 60_000);
        if (minute >= minutes) {
          return;
        }
        for (Mix mix : mixes) {
          Gateway g = gateways.get(mix.gateway().applyAsInt(i));
          sent.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.port() + "/v1/scan"))
                  .header("x-api-key", mix.key().apply(i)).header("content-type", "application/json")
                  .timeout(Duration.ofSeconds(10))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"hello\"}")).build(),
              HttpResponse.BodyHandlers.discarding())
              .thenAccept(r -> (r.statusCode() == 200 ? mix.admitted() : mix.refused()).incrementAndGet(minute)));
        }
      }, start - System.currentTimeMillis(), 25, TimeUnit.MILLISECONDS);
      clock.schedule(() -> task.cancel(false), start - System.currentTimeMillis() + minutes * 60_000L,
          TimeUnit.MILLISECONDS).get();
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      clock.shutdown();

      StringBuilder report = new StringBuilder();
      report.append(String.format(Locale.ROOT, "# Fleet-wide rate limits (make bench-fleet)%n%n"
          + "A coordinator and %d gateways in one JVM on PostgreSQL; about 40 requests/s per mix, per calendar "
          + "minute.%nLimits: %d requests/min per key, %d per organization.%n%n"
          + "| mix | minute | admitted fleet-wide | refused | x the limit |%n| --- | ---: | ---: | ---: | ---: |%n",
          n, KEY_LIMIT, ORG_LIMIT));
      for (Mix mix : mixes) {
        for (int m = 0; m < minutes; m++) {
          report.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f |%n", mix.name(), m + 1,
              mix.admitted().get(m), mix.refused().get(m), mix.admitted().get(m) / (double) mix.limit()));
        }
      }
      double calls = 0;
      for (Gateway g : gateways) {
        var counter = g.metrics().registry().find("aegis.rate.lease.calls").tag("outcome", "ok").counter();
        calls += counter == null ? 0 : counter.count();
      }
      report.append(String.format(Locale.ROOT, "%nLease calls: %.1f per gateway per second (one batched call each: "
          + "every limit a gateway needs).%n", calls / n / (minutes * 60.0)));
      PerfRunner.writeResult("fleet-rate-limits.md", report);
    }
    System.exit(0); // the HTTP client's pool
  }
}
