package io.takumo.aegis.perf;

import io.takumo.aegis.coordinator.Coordinator;
import io.takumo.aegis.coordinator.CoordinatorSettings;
import io.takumo.aegis.coordinator.JoinKeys;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.server.Gateway;
import io.takumo.aegis.proxy.store.CachingKeyStore;
import io.takumo.aegis.proxy.store.Database;
import io.takumo.aegis.proxy.store.DatabaseUrl;
import io.takumo.aegis.proxy.store.PgKeyStore;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A coordinator and {@code n} gateways in this JVM on a fresh schema of the PostgreSQL that
 * {@code TAKUMO_TEST_DATABASE_URL} names (the fleet benchmarks' common set-up); closing stops them
 * and drops the schema.
 */
final class LocalFleet implements AutoCloseable {
  final Database db;
  final Coordinator coordinator;
  final PgKeyStore keys;
  final List<Gateway> gateways = new ArrayList<>();
  private final String schema;

  /** @param tune adds to each gateway's configuration (rate limits, say) */
  LocalFleet(String name, int n, UnaryOperator<GatewayConfig.Builder> tune) throws Exception {
    DatabaseUrl url = DatabaseUrl.parse("TAKUMO_TEST_DATABASE_URL",
        System.getenv().getOrDefault("TAKUMO_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test"));
    schema = "aegis_" + name + "_" + Long.toHexString(System.nanoTime());
    Path dir = Files.createTempDirectory("aegis-" + name);
    db = new Database(url, schema);
    db.migrate();
    coordinator = Coordinator.start(CoordinatorSettings.of(0, -1, url.jdbcUrl(), url.user(), url.password(), schema,
        null, null));
    String joinKey = new JoinKeys(coordinator.dataSource()).create("bench").raw();
    keys = new PgKeyStore(db);
    for (int i = 0; i < n; i++) {
      gateways.add(Gateway.start(tune.apply(GatewayConfig.builder()
          .listen(new InetSocketAddress("127.0.0.1", 0))
          .environment(KeyEnvironment.TEST)
          .keysFile(dir.resolve("unused.json"))
          .auditFile(dir.resolve("audit-" + i + ".jsonl"))
          .ioThreads(1)
          .fleet(new GatewayConfig.FleetSettings("127.0.0.1:" + coordinator.grpcPort(), joinKey, null,
              dir.resolve("state-" + i), null)))
          .build(), new CachingKeyStore(keys)));
    }
  }

  @Override
  public void close() throws Exception {
    for (Gateway g : gateways) {
      g.close();
    }
    coordinator.close();
    try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
      st.execute("DROP SCHEMA " + schema + " CASCADE");
    }
    db.close();
  }
}
