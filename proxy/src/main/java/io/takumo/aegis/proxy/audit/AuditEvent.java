package io.takumo.aegis.proxy.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the audit trail keeps of one exchange (SPEC §12). Built from the request context: it has no
 * field that could hold a secret (no bodies, no header values, no query strings, the key's prefix
 * only). Detection, rehydration and enforcement fields are empty until tokenization lands.
 *
 * @param detections {@code {category, type, location, count}} of what was found, never values
 */
public record AuditEvent(
    Instant at,
    String requestId,
    String org,
    @Nullable String keyPrefix,
    String provider,
    String method,
    String route,
    int status,
    double addedLatencyMs,
    double upstreamLatencyMs,
    long bytesIn,
    long bytesOut,
    List<Detection> detections,
    int tokensRehydrated,
    int unknownTokens,
    List<String> actions) {

  public AuditEvent {
    requireNonNull(at, "at");
    requireNonNull(requestId, "requestId");
    requireNonNull(org, "org");
    requireNonNull(provider, "provider");
    requireNonNull(method, "method");
    requireNonNull(route, "route");
    detections = List.copyOf(detections);
    actions = List.copyOf(actions);
  }

  /** A kind of finding and how often it occurred. */
  public record Detection(String category, String type, String location, int count) {}
}
