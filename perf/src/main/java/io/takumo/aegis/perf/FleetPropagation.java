package io.takumo.aegis.perf;

import io.takumo.aegis.coordinator.ConfigVersions;
import io.takumo.aegis.coordinator.Coordinator;
import io.takumo.aegis.proto.config.v1.Config;
import io.takumo.aegis.proto.config.v1.CustomPattern;
import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.server.Gateway;
import io.takumo.aegis.proxy.store.PgKeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * How fast the fleet follows its coordinator (SPEC §11): a coordinator and two gateways in this JVM
 * on PostgreSQL ({@code TAKUMO_TEST_DATABASE_URL}); the time from {@code config set} returning to
 * both gateways running the new version, and from {@code keys revoke} returning to both refusing
 * the key. Prints min/median/p90/max over {@code FLEET_ROUNDS} (default 30) rounds each.
 */
public final class FleetPropagation {
  private FleetPropagation() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(System.getenv().getOrDefault("FLEET_ROUNDS", "30"));
    try (LocalFleet fleet = new LocalFleet("fleet_bench", 2, b -> b)) {
      Coordinator coordinator = fleet.coordinator;
      PgKeyStore keys = fleet.keys;
      List<Gateway> gateways = fleet.gateways;
      waitFor(() -> gateways.stream().allMatch(g -> g.runtime().version() >= 1));
      ConfigVersions versions = new ConfigVersions(coordinator.dataSource());
      List<Long> config = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        Config c = Config.newBuilder().addCustomPatterns(CustomPattern.newBuilder().setName("p" + i)
            .setPattern("ACME" + i + "_[0-9a-f]{32}").setCategory("KEY")).build();
        long v = versions.set(c, "bench");
        long start = System.nanoTime();
        waitFor(() -> gateways.stream().allMatch(g -> g.runtime().version() >= v));
        config.add(System.nanoTime() - start);
      }
      List<Long> revocation = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        keys.create("bench-" + i, "org-bench", KeyEnvironment.TEST, Scope.all(), null);
        ApiKeyRecord key = keys.list().stream().filter(k -> k.status() == KeyStatus.ACTIVE).findFirst().orElseThrow();
        keys.setStatus(key.id(), KeyStatus.REVOKED);
        long start = System.nanoTime();
        waitFor(() -> gateways.stream().allMatch(g -> g.runtime().revoked(key.sha256Hex())));
        revocation.add(System.nanoTime() - start);
      }
      System.out.println("fleet propagation, 2 gateways, " + rounds + " rounds (ms: min / median / p90 / max)");
      System.out.println("  config set -> both running it:   " + summary(config));
      System.out.println("  keys revoke -> both refusing it: " + summary(revocation));
    }
  }

  /** Spins until {@code done}; gives up after 10 s. */
  private static void waitFor(BooleanSupplier done) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the fleet did not follow within 10 s");
      }
      Thread.onSpinWait();
    }
  }

  private static String summary(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format("%.1f / %.1f / %.1f / %.1f", sorted.get(0) / 1e6, sorted.get(sorted.size() / 2) / 1e6,
        sorted.get((int) (sorted.size() * 0.9)) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
  }
}
