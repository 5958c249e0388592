package io.takumo.aegis.coordinator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a coordinator runs. {@link #toString()} hides the database password.
 *
 * @param grpcPort 0 picks a free port (tests)
 * @param httpPort health and metrics; 0 picks a free port, -1 none
 * @param schema the PostgreSQL schema; the same as the gateways' key store when revocations are to be fanned out
 */
public record CoordinatorSettings(
    int grpcPort,
    int httpPort,
    String jdbcUrl,
    @Nullable String user,
    @Nullable String password,
    String schema,
    @Nullable Path tlsCert,
    @Nullable Path tlsKey,
    Duration staleAfter,
    Duration healthInterval,
    Duration pollInterval,
    Duration leaseRefresh) {

  public CoordinatorSettings {
    requireNonNull(jdbcUrl, "jdbcUrl");
    requireNonNull(schema, "schema");
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("TAKUMO_TLS_CERT/TAKUMO_TLS_KEY: only one is set (expected: both, or neither)");
    }
    if (grpcPort < 0 || grpcPort > 65535) {
      throw new IllegalArgumentException("TAKUMO_GRPC_PORT: " + grpcPort + " (expected: 0-65535)");
    }
    requireNonNull(leaseRefresh, "leaseRefresh");
    if (leaseRefresh.toMillis() < 10) {
      throw new IllegalArgumentException("lease refresh: " + leaseRefresh + " (expected: at least 10 ms)");
    }
    if (httpPort < -1 || httpPort > 65535) {
      throw new IllegalArgumentException("TAKUMO_HTTP_PORT: " + httpPort + " (expected: 0-65535)");
    }
  }

  /**
   * The SPEC.md §11 defaults: stale after 90 s without a report, reports every 30 s; rate-limit
   * leases refreshed every 500 ms.
   */
  public static CoordinatorSettings of(int grpcPort, int httpPort, String jdbcUrl, @Nullable String user,
      @Nullable String password, String schema, @Nullable Path tlsCert, @Nullable Path tlsKey) {
    return new CoordinatorSettings(grpcPort, httpPort, jdbcUrl, user, password, schema, tlsCert, tlsKey,
        Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMillis(500));
  }

  @Override
  public String toString() {
    return "CoordinatorSettings[grpc " + grpcPort + ", http " + httpPort + ", " + jdbcUrl + " schema " + schema
        + (tlsCert != null ? ", TLS" : "") + ']';
  }
}
