package io.takumo.aegis.coordinator.client;

import java.util.Map;

/**
 * What a gateway reports every health interval (SPEC.md §11).
 *
 * @param orgRequests requests per organization since the previous report (for rate-limit shares)
 */
public record GatewayHealth(
    long activeExchanges,
    long vaultEntries,
    long requests,
    long errors5xx,
    double addedLatencyP50Ms,
    double addedLatencyP99Ms,
    Map<String, Long> orgRequests,
    long periodMillis) {
  public GatewayHealth {
    orgRequests = Map.copyOf(orgRequests);
  }
}
