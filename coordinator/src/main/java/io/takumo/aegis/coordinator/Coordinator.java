package io.takumo.aegis.coordinator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running reference coordinator: the gRPC server (join-key authenticated), the database watcher
 * that pushes config versions and revocations, and the health/metrics HTTP endpoint. Thread-safe.
 */
public final class Coordinator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Coordinator.class);

  private final CoordinatorDb db;
  private final Server server;
  private final ChangeWatcher watcher;
  private final @Nullable HttpServer http;

  private Coordinator(CoordinatorDb db, Server server, ChangeWatcher watcher, @Nullable HttpServer http) {
    this.db = db;
    this.server = server;
    this.watcher = watcher;
    this.http = http;
  }

  /** Migrates the database, binds the ports and starts serving; fails with a message naming the cause. */
  public static Coordinator start(CoordinatorSettings settings) throws IOException, SQLException {
    return start(settings, Clock.systemUTC());
  }

  /** As {@link #start(CoordinatorSettings)}, with the clock of the rate-limit windows (tests: a fake one). */
  public static Coordinator start(CoordinatorSettings settings, Clock clock) throws IOException, SQLException {
    CoordinatorDb db = new CoordinatorDb(settings);
    try {
      db.migrate();
      JoinKeys joinKeys = new JoinKeys(db.dataSource());
      ConfigVersions versions = new ConfigVersions(db.dataSource());
      FleetRegistry fleet = new FleetRegistry(db.dataSource(), settings.staleAfter());
      int fleetBefore = fleet.disconnectAll();
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      CoordinatorService service = new CoordinatorService(fleet, new AuditIngest(db.dataSource()), versions.current(),
          settings.healthInterval(), new LeaseBook(clock, settings.leaseRefresh(), fleetBefore), registry);
      NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(settings.grpcPort()))
          .permitKeepAliveTime(10, TimeUnit.SECONDS)
          .permitKeepAliveWithoutCalls(true)
          .addService(ServerInterceptors.intercept(service, new JoinKeyInterceptor(joinKeys)));
      if (settings.tlsCert() != null && settings.tlsKey() != null) {
        builder.sslContext(GrpcSslContexts.forServer(settings.tlsCert().toFile(), settings.tlsKey().toFile()).build());
      }
      Server server = builder.build().start();
      ChangeWatcher watcher = new ChangeWatcher(db, settings.pollInterval(), () -> sync(versions, joinKeys, service));
      watcher.start();
      HttpServer http = settings.httpPort() < 0 ? null : http(settings.httpPort(), registry, db);
      log.info("coordinator listening: gRPC on {}{}, health and metrics on {}, config version {}", server.getPort(),
          settings.tlsCert() != null ? " (TLS)" : " (plaintext)", http == null ? "none" : http.getAddress().getPort(),
          service.currentVersion());
      return new Coordinator(db, server, watcher, http);
    } catch (IOException | SQLException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public int grpcPort() {
    return server.getPort();
  }

  public int httpPort() {
    return http == null ? -1 : http.getAddress().getPort();
  }

  /** The coordinator's database, for administration (join keys, config versions, the registry). */
  public javax.sql.DataSource dataSource() {
    return db.dataSource();
  }

  @Override
  public void close() {
    watcher.close();
    server.shutdownNow();
    try {
      server.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (http != null) {
      http.stop(0);
    }
    db.close();
    log.info("coordinator stopped");
  }

  /** Fans out API key revocations, pushes a newer version, disconnects gateways of revoked join keys. */
  private static void sync(ConfigVersions versions, JoinKeys joinKeys, CoordinatorService service) {
    try {
      versions.fanOutRevocations();
      service.publish(versions.current());
      Map<String, String> joined = service.streamJoinKeys();
      for (String revoked : joinKeys.revokedAmong(new java.util.HashSet<>(joined.values()))) {
        service.disconnect(revoked);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("syncing with the database: " + e.getMessage(), e);
    }
  }

  private static HttpServer http(int port, PrometheusMeterRegistry registry, CoordinatorDb db) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(port), 16);
    http.createContext("/healthz", ex -> {
      boolean ok;
      try (var c = db.dataSource().getConnection()) {
        ok = c.isValid(1);
      } catch (SQLException e) {
        ok = false;
      }
      reply(ex, ok ? 200 : 503, ok ? "ok\n" : "database unavailable\n", "text/plain");
    });
    http.createContext("/metrics", ex -> reply(ex, 200, registry.scrape(), "text/plain; version=0.0.4"));
    http.setExecutor(null);
    http.start();
    return http;
  }

  private static void reply(HttpExchange ex, int status, String body, String type) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
