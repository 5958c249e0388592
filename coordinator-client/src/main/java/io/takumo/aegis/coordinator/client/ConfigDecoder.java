package io.takumo.aegis.coordinator.client;

import io.takumo.aegis.proto.config.v1.Config;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decodes {@code takumo.config.v1.Config} into a {@link FleetConfig}, checking what can be checked
 * without compiling (names, enums, hashes, URLs, key sizes). What only the gateway can compile
 * (regexes, PEM) it checks when it builds its runtime config. Every message names the field (with
 * its index), the value when it is not a secret, and what was expected.
 */
public final class ConfigDecoder {
  /** SPEC.md §2 token categories. */
  public static final Set<String> CATEGORIES = Set.of("KEY", "SECRET", "CONN", "HOST", "TOKEN", "USER");
  public static final Set<String> PROVIDERS = Set.of("anthropic", "openai", "mistral", "google");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern HEX = Pattern.compile("([0-9a-fA-F]{2})+");
  private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

  private ConfigDecoder() {}

  public static FleetConfig decode(Config c) throws ConfigRejectedException {
    List<FleetConfig.PolicyRule> rules = new ArrayList<>();
    for (int p = 0; p < c.getPoliciesCount(); p++) {
      var policy = c.getPolicies(p);
      String name = policy.getName().isBlank() ? "policy-" + p : policy.getName();
      for (int r = 0; r < policy.getRulesCount(); r++) {
        var rule = policy.getRules(r);
        String field = "policies[" + p + "].rules[" + r + "]";
        String match = rule.getMatch().trim();
        if (match.isEmpty()) {
          throw new ConfigRejectedException(field + ".match: empty (expected: a rule id, category:<CATEGORY> or *)");
        }
        if (match.startsWith("category:") && !CATEGORIES.contains(match.substring(9))) {
          throw new ConfigRejectedException(field + ".match: " + match + " (expected: category: followed by one of "
              + sorted(CATEGORIES) + ')');
        }
        rules.add(new FleetConfig.PolicyRule(name, match, enforcement(field + ".enforcement", rule.getEnforcement(), null)));
      }
    }
    List<FleetConfig.CustomPatternSpec> patterns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < c.getCustomPatternsCount(); i++) {
      var cp = c.getCustomPatterns(i);
      String field = "custom_patterns[" + i + "]";
      if (cp.getName().isBlank() || !names.add(cp.getName())) {
        throw new ConfigRejectedException(field + ".name: '" + cp.getName() + "' (expected: a unique, non-empty rule id)");
      }
      if (cp.getPattern().isEmpty()) {
        throw new ConfigRejectedException(field + ".pattern: empty (expected: a Java regular expression)");
      }
      String category = cp.getCategory().trim().toUpperCase(Locale.ROOT);
      if (!CATEGORIES.contains(category)) {
        throw new ConfigRejectedException(field + ".category: '" + cp.getCategory() + "' (expected: one of "
            + sorted(CATEGORIES) + ')');
      }
      patterns.add(new FleetConfig.CustomPatternSpec(cp.getName(), cp.getPattern(), category, cp.getDescription(),
          enforcement(field + ".enforcement", cp.getEnforcement(), Enforcement.WARN)));
    }
    Map<String, FleetConfig.PlanLimits> plans = new HashMap<>();
    for (var e : c.getPlansMap().entrySet()) {
      if (e.getKey().isBlank() || e.getValue().getOrgRpm() < 1 || e.getValue().getKeyRpm() < 1) {
        throw new ConfigRejectedException("plans[" + e.getKey() + "]: " + e.getValue().getOrgRpm() + '/'
            + e.getValue().getKeyRpm() + " (expected: a named plan with org_rpm >= 1 and key_rpm >= 1)");
      }
      plans.put(e.getKey(), new FleetConfig.PlanLimits(e.getValue().getOrgRpm(), e.getValue().getKeyRpm()));
    }
    FleetConfig.RateLimits limits = null;
    if (c.hasDefaultLimits()) {
      var d = c.getDefaultLimits();
      if (d.getOrgRpm() < 0 || d.getKeyRpm() < 0 || d.getIpRpm() < 0) {
        throw new ConfigRejectedException("default_limits: " + d.getOrgRpm() + '/' + d.getKeyRpm() + '/' + d.getIpRpm()
            + " (expected: requests per minute >= 0, 0 keeps the gateway's own)");
      }
      limits = new FleetConfig.RateLimits(d.getOrgRpm(), d.getKeyRpm(), d.getIpRpm());
    }
    Map<String, String> providerKeys = new HashMap<>();
    for (int i = 0; i < c.getProviderKeysCount(); i++) {
      var pk = c.getProviderKeys(i);
      String field = "provider_keys[" + i + "]";
      String provider = provider(field + ".provider", pk.getProvider());
      if (pk.getApiKey().isBlank() || providerKeys.put(provider, pk.getApiKey()) != null) {
        throw new ConfigRejectedException(field + ".api_key: " + (pk.getApiKey().isBlank() ? "empty" : "a second key for "
            + provider) + " (expected: one non-empty key per provider)");
      }
    }
    byte[] tokenKey = null;
    if (!c.getTokenKey().isEmpty()) {
      try {
        tokenKey = keyBytes(c.getTokenKey());
      } catch (IllegalArgumentException e) {
        throw new ConfigRejectedException("token_key: (hidden) (expected: bytes as hex or base64)");
      }
      if (tokenKey.length < 16) {
        throw new ConfigRejectedException("token_key: (" + tokenKey.length + " bytes) (expected: at least 16 bytes)");
      }
    }
    Set<String> revoked = new HashSet<>();
    for (int i = 0; i < c.getRevokedKeyHashesCount(); i++) {
      String hash = c.getRevokedKeyHashes(i);
      if (!SHA256_HEX.matcher(hash).matches()) {
        // not echoed: an operator may have pasted the raw key itself
        throw new ConfigRejectedException("revoked_key_hashes[" + i + "]: (not shown, " + hash.length()
            + " characters) (expected: SHA-256 of the key as 64 lowercase hex characters, never the key)");
      }
      revoked.add(hash);
    }
    FailMode failMode = switch (c.getFailMode()) {
      case FAIL_CLOSED -> FailMode.CLOSED;
      case FAIL_OPEN -> FailMode.OPEN;
      case FAIL_MODE_UNSPECIFIED -> null;
      case UNRECOGNIZED -> throw new ConfigRejectedException("fail_mode: " + c.getFailModeValue()
          + " (expected: FAIL_CLOSED or FAIL_OPEN)");
    };
    List<FleetConfig.UpstreamSetting> upstreams = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < c.getUpstreamsCount(); i++) {
      var u = c.getUpstreams(i);
      String field = "upstreams[" + i + "]";
      String provider = provider(field + ".provider", u.getProvider());
      if (!seen.add(provider)) {
        throw new ConfigRejectedException(field + ".provider: " + provider + " (expected: each provider once)");
      }
      URI baseUrl = null;
      if (!u.getBaseUrl().isBlank()) {
        try {
          baseUrl = new URI(u.getBaseUrl());
        } catch (URISyntaxException e) {
          baseUrl = null;
        }
        if (baseUrl == null || baseUrl.getHost() == null
            || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
          // not echoed: a URL may carry credentials
          throw new ConfigRejectedException(field + ".base_url: (not shown) (expected: an absolute http:// or https:// URL)");
        }
      }
      upstreams.add(new FleetConfig.UpstreamSetting(provider, baseUrl, u.getCaPem().isBlank() ? null : u.getCaPem()));
    }
    return new FleetConfig(rules, patterns, plans, limits, providerKeys, tokenKey, revoked, failMode, upstreams,
        proxy(c));
  }

  private static FleetConfig.ProxySetting proxy(Config c) throws ConfigRejectedException {
    if (!c.hasProxy()) {
      return FleetConfig.ProxySetting.NONE;
    }
    var p = c.getProxy();
    Map<String, String> hosts = new HashMap<>();
    for (int i = 0; i < p.getInterceptHostsCount(); i++) {
      var h = p.getInterceptHosts(i);
      String field = "proxy.intercept_hosts[" + i + "]";
      String host = h.getHost().trim().toLowerCase(Locale.ROOT);
      if (!HOST.matcher(host).matches()) {
        throw new ConfigRejectedException(field + ".host: '" + abbreviate(h.getHost()) + "' (expected: a host name such as "
            + "llm.corp.example)");
      }
      if (hosts.put(host, provider(field + ".provider", h.getProvider())) != null) {
        throw new ConfigRejectedException(field + ".host: " + host + " (expected: each host once)");
      }
    }
    String cert = p.getCaCertPem().isBlank() ? null : p.getCaCertPem();
    String sealed = p.getCaKeySealed().isBlank() ? null : p.getCaKeySealed().trim();
    if ((cert == null) != (sealed == null)) {
      throw new ConfigRejectedException((cert == null ? "proxy.ca_cert_pem: empty" : "proxy.ca_key_sealed: empty")
          + " (expected: ca_cert_pem and ca_key_sealed together, as `takumo-aegis ca export --fleet` prints them)");
    }
    if (sealed != null) {
      try {
        Base64.getDecoder().decode(sealed);
      } catch (IllegalArgumentException e) { // not echoed: it is key material, however sealed
        throw new ConfigRejectedException("proxy.ca_key_sealed: (not shown) (expected: base64, as `takumo-aegis ca "
            + "export --fleet` prints it)");
      }
    }
    return new FleetConfig.ProxySetting(hosts, cert, sealed);
  }

  /** Key bytes given as hex (even length) or base64, as the TAKUMO_*_KEY variables take them. */
  public static byte[] keyBytes(String raw) {
    String s = raw.trim();
    if (HEX.matcher(s).matches()) {
      return HexFormat.of().parseHex(s);
    }
    return Base64.getDecoder().decode(s);
  }

  private static Enforcement enforcement(String field, io.takumo.aegis.proto.config.v1.Enforcement e,
      @Nullable Enforcement unspecified) throws ConfigRejectedException {
    return switch (e) {
      case BLOCK -> Enforcement.BLOCK;
      case WARN -> Enforcement.WARN;
      case MONITOR -> Enforcement.MONITOR;
      case ENFORCEMENT_UNSPECIFIED, UNRECOGNIZED -> {
        if (unspecified != null && e == io.takumo.aegis.proto.config.v1.Enforcement.ENFORCEMENT_UNSPECIFIED) {
          yield unspecified;
        }
        throw new ConfigRejectedException(field + ": " + e + " (expected: BLOCK, WARN or MONITOR)");
      }
    };
  }

  private static String provider(String field, String raw) throws ConfigRejectedException {
    String p = raw.trim().toLowerCase(Locale.ROOT);
    if (!PROVIDERS.contains(p)) {
      throw new ConfigRejectedException(field + ": '" + abbreviate(raw) + "' (expected: one of " + sorted(PROVIDERS) + ')');
    }
    return p;
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
