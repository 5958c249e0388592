package io.takumo.aegis.proxy.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.takumo.aegis.coordinator.client.FleetStatus;
import io.takumo.aegis.proxy.audit.JsonlAuditSink;
import io.takumo.aegis.proxy.config.RuntimeConfig;
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

  /** @param status the coordinator client's status, or null for a gateway without a coordinator */
  FleetApi(@Nullable Supplier<FleetStatus> status) {
    this.status = status;
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
    try {
      return JsonlAuditSink.json().writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
