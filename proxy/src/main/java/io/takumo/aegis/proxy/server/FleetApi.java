package io.takumo.aegis.proxy.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.takumo.aegis.coordinator.client.FleetStatus;
import io.takumo.aegis.proxy.audit.JsonlAuditSink;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.proxy.ratelimit.FleetLeases;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/fleet} (scope {@code fleet:read}): this gateway's membership in its fleet — the
 * coordinator, the connection state, the config version the request ran on and where it came from,
 * the last refused snapshot. Never a key or a config value. Thread-safe.
 */
final class FleetApi {
  private final @Nullable Supplier<FleetStatus> status;
  private final @Nullable Supplier<FleetLeases.Status> leases;

  /**
   * @param status the coordinator client's status, or null for a gateway without a coordinator
   * @param leases the rate-limit leases' status, or null likewise
   */
  FleetApi(@Nullable Supplier<FleetStatus> status, @Nullable Supplier<FleetLeases.Status> leases) {
    this.status = status;
    this.leases = leases;
  }

  String body(RuntimeConfig config) {
    Map<String, Object> out = new LinkedHashMap<>();
    FleetStatus s = status == null ? null : status.get();
    out.put("instance_id", s == null ? null : s.instanceId());
    out.put("coordinator", s == null ? null : s.coordinator());
    out.put("connector_state", s == null ? "standalone" : s.state().wireName());
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("version", config.version());
    cfg.put("source", config.source() == null ? null : config.source().wireName());
    cfg.put("applied_at", s == null || s.configAppliedAt() == null ? null : s.configAppliedAt().toString());
    cfg.put("serving", config.serving());
    cfg.put("fail_mode", config.failMode().name().toLowerCase(java.util.Locale.ROOT));
    cfg.put("custom_patterns", config.fleet().customPatterns().size());
    cfg.put("policy_rules", config.fleet().rules().size());
    cfg.put("revoked_keys", config.fleet().revokedKeyHashes().size());
    out.put("config", cfg);
    FleetStatus.Nack nack = s == null ? null : s.lastNack();
    out.put("last_nack", nack == null ? null
        : Map.of("version", nack.version(), "message", nack.message(), "at", nack.at().toString()));
    out.put("last_error", s == null ? null : s.lastError());
    out.put("persist_error", s == null ? null : s.persistError());
    FleetLeases.Status l = leases == null ? null : leases.get();
    Map<String, Object> rate = new LinkedHashMap<>();
    rate.put("mode", l == null ? "local" : l.mode()); // local: this gateway alone holds its limits
    rate.put("fleet_size", l == null ? 1 : l.fleetSize());
    rate.put("limits_held", l == null ? 0 : l.limits());
    rate.put("last_lease_at", l == null || l.lastAnswerAt() == null ? null : String.valueOf(l.lastAnswerAt()));
    rate.put("last_lease_error", l == null ? null : l.lastError());
    out.put("rate_limits", rate);
    try {
      return JsonlAuditSink.json().writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
