package io.takumo.aegis.coordinator.client;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The configuration schema {@code takumo.config.v1.Config}, decoded and checked ({@link
 * ConfigDecoder}): deeply immutable, every field optional (empty or null keeps the gateway's own
 * default). {@link #toString()} names no secret.
 *
 * @param providerKeys provider id ({@code anthropic}, {@code openai}, {@code mistral}, {@code google}) to key
 * @param tokenKey the fleet's token key, or null; callers get a copy
 * @param revokedKeyHashes SHA-256 of revoked API keys, 64 lowercase hex each
 */
public record FleetConfig(
    List<PolicyRule> rules,
    List<CustomPatternSpec> customPatterns,
    Map<String, PlanLimits> plans,
    @Nullable RateLimits defaultLimits,
    Map<String, String> providerKeys,
    byte @Nullable [] tokenKey,
    Set<String> revokedKeyHashes,
    @Nullable FailMode failMode,
    List<UpstreamSetting> upstreams,
    ProxySetting proxy) {

  public static final FleetConfig EMPTY =
      new FleetConfig(List.of(), List.of(), Map.of(), null, Map.of(), null, Set.of(), null, List.of(), ProxySetting.NONE);

  public FleetConfig {
    rules = List.copyOf(rules);
    customPatterns = List.copyOf(customPatterns);
    plans = Map.copyOf(plans);
    providerKeys = Map.copyOf(providerKeys);
    tokenKey = tokenKey == null ? null : tokenKey.clone();
    revokedKeyHashes = Set.copyOf(revokedKeyHashes);
    upstreams = List.copyOf(upstreams);
    requireNonNull(proxy, "proxy");
  }

  @Override
  public byte @Nullable [] tokenKey() {
    return tokenKey == null ? null : tokenKey.clone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FleetConfig c && rules.equals(c.rules) && customPatterns.equals(c.customPatterns)
        && plans.equals(c.plans) && java.util.Objects.equals(defaultLimits, c.defaultLimits)
        && providerKeys.equals(c.providerKeys) && Arrays.equals(tokenKey, c.tokenKey)
        && revokedKeyHashes.equals(c.revokedKeyHashes) && failMode == c.failMode && upstreams.equals(c.upstreams)
        && proxy.equals(c.proxy);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(rules, customPatterns, plans, defaultLimits, providerKeys.keySet(),
        Arrays.hashCode(tokenKey), revokedKeyHashes, failMode, upstreams, proxy);
  }

  @Override
  public String toString() {
    return "FleetConfig[" + rules.size() + " rules, " + customPatterns.size() + " custom patterns, plans "
        + plans.keySet() + ", provider keys for " + providerKeys.keySet() + ", token key "
        + (tokenKey == null ? "unset" : "set") + ", " + revokedKeyHashes.size() + " revoked keys, fail mode "
        + failMode + ", " + upstreams.size() + " upstreams, " + proxy + ']';
  }

  /** One rule of a policy: which findings it matches and what happens to them. */
  public record PolicyRule(String policy, String match, Enforcement enforcement) {
    public PolicyRule {
      requireNonNull(policy, "policy");
      requireNonNull(match, "match");
      requireNonNull(enforcement, "enforcement");
    }
  }

  /** A custom secret format; the pattern is compiled (and may be refused) by the gateway. */
  public record CustomPatternSpec(String name, String pattern, String category, String description,
      Enforcement enforcement) {
    public CustomPatternSpec {
      requireNonNull(name, "name");
      requireNonNull(pattern, "pattern");
      requireNonNull(category, "category");
      requireNonNull(description, "description");
      requireNonNull(enforcement, "enforcement");
    }
  }

  public record PlanLimits(long orgRpm, long keyRpm) {}

  /** Limits without a plan; 0 keeps the gateway's own value. */
  public record RateLimits(long orgRpm, long keyRpm, long ipRpm) {}

  /**
   * The forward proxy's section: more intercepted hosts (host → provider id), and the fleet's CA as a PEM
   * certificate with its key sealed by the fleet's encryption key (both or neither). Opened by the gateway.
   */
  public record ProxySetting(Map<String, String> interceptHosts, @Nullable String caCertPem, @Nullable String caKeySealed) {
    public static final ProxySetting NONE = new ProxySetting(Map.of(), null, null);

    public ProxySetting {
      interceptHosts = Map.copyOf(interceptHosts);
      if ((caCertPem == null) != (caKeySealed == null)) {
        throw new IllegalArgumentException("the CA certificate and its sealed key go together");
      }
    }

    @Override
    public String toString() { // the sealed key is not shown either
      return "proxy[intercept " + interceptHosts.keySet() + (caCertPem == null ? "" : ", fleet CA") + ']';
    }
  }

  /** Where a provider's traffic goes; null fields keep the gateway's own. */
  public record UpstreamSetting(String provider, @Nullable URI baseUrl, @Nullable String caPem) {
    public UpstreamSetting {
      requireNonNull(provider, "provider");
    }

    @Override
    public String toString() {
      return "UpstreamSetting[" + provider + ", " + baseUrl + (caPem == null ? "" : ", own CA") + ']';
    }
  }
}
