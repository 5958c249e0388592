package io.takumo.aegis.coordinator.client;

import java.util.Map;

/**
 * The part of each fleet-wide limit one gateway enforces (SPEC.md §8), each in (0, 1].
 *
 * @param orgShares by organization id; organizations not named use {@code defaultShare}
 */
public record RateLimitShares(double defaultShare, Map<String, Double> orgShares) {
  public static final RateLimitShares WHOLE = new RateLimitShares(1, Map.of());

  public RateLimitShares {
    orgShares = Map.copyOf(orgShares);
    if (!(defaultShare > 0 && defaultShare <= 1)) {
      throw new IllegalArgumentException("defaultShare: " + defaultShare + " (expected: in (0, 1])");
    }
  }

  public double share(String org) {
    Double s = orgShares.get(org);
    return s != null && s > 0 && s <= 1 ? s : defaultShare;
  }
}
