package io.takumo.aegis.coordinator;

import io.takumo.aegis.proto.coordinator.v1.HealthReport;
import io.takumo.aegis.proto.coordinator.v1.OrgUsage;
import io.takumo.aegis.proto.coordinator.v1.RateLimitShares;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits each fleet-wide rate limit among the connected gateways in proportion to the traffic each
 * reported (SPEC.md §8): gateway g enforces {@code (u_g + 1) / Σ(u + 1)} of an organization's limit,
 * where u is its requests of that organization in the last report. The +1 keeps a share for a
 * gateway that saw no traffic yet, and the shares of the connected gateways sum to 1, so the fleet
 * as a whole admits the limit. Organizations no gateway reported get {@code 1 / N}. Thread-safe.
 */
final class RateShares {
  private final Map<String, Map<String, Long>> usageByGateway = new ConcurrentHashMap<>();

  void report(HealthReport report) {
    Map<String, Long> usage = new HashMap<>();
    for (OrgUsage u : report.getUsageList()) {
      usage.merge(u.getOrgId(), Math.max(0, u.getRequests()), Long::sum);
    }
    usageByGateway.put(report.getInstanceId(), Map.copyOf(usage));
  }

  void forget(String instanceId) {
    usageByGateway.remove(instanceId);
  }

  /** The shares of {@code instanceId} among the {@code connected} gateways (which include it). */
  RateLimitShares sharesOf(String instanceId, Set<String> connected) {
    Set<String> fleet = new HashSet<>(connected);
    fleet.add(instanceId);
    int n = fleet.size();
    Set<String> orgs = new HashSet<>();
    for (String g : fleet) {
      orgs.addAll(usageByGateway.getOrDefault(g, Map.of()).keySet());
    }
    RateLimitShares.Builder out = RateLimitShares.newBuilder().setDefaultShare(1.0 / n);
    for (String org : orgs) {
      double total = 0;
      for (String g : fleet) {
        total += usageByGateway.getOrDefault(g, Map.of()).getOrDefault(org, 0L) + 1;
      }
      double mine = usageByGateway.getOrDefault(instanceId, Map.of()).getOrDefault(org, 0L) + 1;
      out.putOrgShares(org, mine / total);
    }
    return out.build();
  }
}
