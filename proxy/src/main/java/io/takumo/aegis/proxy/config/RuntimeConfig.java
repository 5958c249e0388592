package io.takumo.aegis.proxy.config;

import static java.util.Objects.requireNonNull;

import io.netty.handler.ssl.SslContext;
import io.takumo.aegis.coordinator.client.ConfigRejectedException;
import io.takumo.aegis.coordinator.client.FailMode;
import io.takumo.aegis.coordinator.client.FleetConfig;
import io.takumo.aegis.coordinator.client.Snapshot;
import io.takumo.aegis.detect.Category;
import io.takumo.aegis.detect.CustomPattern;
import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.forward.CertificateAuthority;
import io.takumo.aegis.proxy.forward.FleetCa;
import io.takumo.aegis.proxy.policy.Policy;
import io.takumo.aegis.proxy.ratelimit.RateLimiter;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.shield.Shield;
import io.takumo.aegis.shield.TokenMinter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The compiled, ready-to-use view of the configuration a request runs on: the gateway's own
 * settings ({@link GatewayConfig}) overlaid with the fleet config (pushed by the coordinator or read
 * from {@code TAKUMO_CONFIG_FILE}). Built off the event loops by {@link #compile}, published through
 * {@link RuntimeConfigHolder}, pinned by each request at its start. Immutable.
 */
public final class RuntimeConfig {
  private static final Shield BUILT_IN = new Shield(Detector.builtIn());

  private final long version;
  private final Snapshot.@Nullable Source source;
  private final FleetConfig fleet;
  private final Shield shield;
  private final Policy policy;
  private final @Nullable TokenMinter minter;
  private final Map<Provider, UpstreamSpec> upstreams;
  private final Set<String> revokedKeyHashes;
  private final FailMode failMode;
  private final RateLimiter.Limits defaults;
  private final Map<String, RateLimiter.Limits> plans;
  private final boolean serving;
  private final Map<String, Provider> proxyHosts;
  private final @Nullable CertificateAuthority proxyCa;

  private RuntimeConfig(long version, Snapshot.@Nullable Source source, FleetConfig fleet, Shield shield, Policy policy,
      @Nullable TokenMinter minter, Map<Provider, UpstreamSpec> upstreams, FailMode failMode,
      RateLimiter.Limits defaults, Map<String, RateLimiter.Limits> plans, boolean serving,
      Map<String, Provider> proxyHosts, @Nullable CertificateAuthority proxyCa) {
    this.version = version;
    this.source = source;
    this.fleet = fleet;
    this.shield = shield;
    this.policy = policy;
    this.minter = minter;
    this.upstreams = Map.copyOf(upstreams);
    this.revokedKeyHashes = fleet.revokedKeyHashes();
    this.failMode = failMode;
    this.defaults = defaults;
    this.plans = Map.copyOf(plans);
    this.serving = serving;
    this.proxyHosts = Map.copyOf(proxyHosts);
    this.proxyCa = proxyCa;
  }

  /** The gateway's own settings alone (no fleet config): what a gateway without a coordinator runs. */
  public static RuntimeConfig local(GatewayConfig base) {
    try {
      return compile(base, new Snapshot(0, FleetConfig.EMPTY, Snapshot.Source.LOCAL));
    } catch (ConfigRejectedException e) {
      throw new IllegalStateException("the empty fleet config cannot fail", e);
    }
  }

  /**
   * A gateway that waits for its coordinator and never had a config: it refuses provider traffic
   * with 503 in {@code fail_closed}, and serves on its own settings in {@code fail_open}.
   */
  public static RuntimeConfig awaitingCoordinator(GatewayConfig base) {
    RuntimeConfig own = local(base);
    return new RuntimeConfig(0, null, FleetConfig.EMPTY, own.shield, own.policy, null, own.upstreams, base.failMode(),
        own.defaults, own.plans, base.failMode() == FailMode.OPEN, Map.of(), null);
  }

  /**
   * Compiles {@code snapshot} over {@code base}. Throws (the coordinator gets a NACK) when a custom
   * pattern does not compile or an upstream's CA is not valid PEM; the message names the field.
   */
  public static RuntimeConfig compile(GatewayConfig base, Snapshot snapshot) throws ConfigRejectedException {
    FleetConfig fleet = snapshot.config();
    Shield shield = BUILT_IN;
    if (!fleet.customPatterns().isEmpty()) {
      List<CustomPattern> patterns = new ArrayList<>();
      for (int i = 0; i < fleet.customPatterns().size(); i++) {
        FleetConfig.CustomPatternSpec p = fleet.customPatterns().get(i);
        try {
          patterns.add(CustomPattern.of(p.name(), p.pattern(), Category.valueOf(p.category()), p.description()));
        } catch (IllegalArgumentException e) {
          throw new ConfigRejectedException("custom_patterns[" + i + "]." + e.getMessage());
        }
      }
      shield = new Shield(Detector.builtIn().withCustomPatterns(patterns));
    }
    TokenMinter minter = null;
    byte[] tokenKey = fleet.tokenKey();
    if (tokenKey != null) {
      minter = new TokenMinter(tokenKey);
      Arrays.fill(tokenKey, (byte) 0);
    }
    Map<Provider, UpstreamSpec> upstreams = new EnumMap<>(Provider.class);
    for (Provider provider : Provider.values()) {
      upstreams.put(provider, base.upstream(provider));
    }
    fleet.providerKeys().forEach((id, key) -> {
      Provider p = Provider.parse(id);
      UpstreamSpec u = requireNonNull(upstreams.get(p)); // every provider is in the map
      upstreams.put(p, new UpstreamSpec(p, u.baseUrl(), u.apiKey() != null ? u.apiKey() : key, u.sslContext()));
    });
    for (int i = 0; i < fleet.upstreams().size(); i++) {
      FleetConfig.UpstreamSetting s = fleet.upstreams().get(i);
      Provider p = Provider.parse(s.provider());
      UpstreamSpec u = requireNonNull(upstreams.get(p));
      SslContext ssl = u.sslContext();
      if (s.caPem() != null) {
        ssl = UpstreamTls.trusting("upstreams[" + i + "].ca_pem", s.caPem());
      }
      try {
        upstreams.put(p, new UpstreamSpec(p, s.baseUrl() != null ? s.baseUrl() : u.baseUrl(), u.apiKey(), ssl));
      } catch (ConfigException e) { // its message quotes the URL, which may carry credentials
        throw new ConfigRejectedException("upstreams[" + i + "].base_url: (not shown) (expected: an http:// or https:// "
            + "URL with a host and without query or fragment)");
      }
    }
    FleetConfig.RateLimits l = fleet.defaultLimits();
    RateLimiter.Limits defaults = new RateLimiter.Limits(
        l != null && l.orgRpm() > 0 ? l.orgRpm() : base.rateLimitOrgRpm(),
        l != null && l.keyRpm() > 0 ? l.keyRpm() : base.rateLimitUserRpm(),
        l != null && l.ipRpm() > 0 ? l.ipRpm() : base.rateLimitIpRpm());
    Map<String, RateLimiter.Limits> plans = new HashMap<>();
    base.plans().forEach((name, p) -> plans.put(name, new RateLimiter.Limits(p.orgRpm(), p.keyRpm(), defaults.ipPerMinute())));
    fleet.plans().forEach((name, p) -> plans.put(name, new RateLimiter.Limits(p.orgRpm(), p.keyRpm(), defaults.ipPerMinute())));
    FailMode failMode = fleet.failMode() != null ? fleet.failMode() : base.failMode();
    Map<String, Provider> proxyHosts = new HashMap<>();
    fleet.proxy().interceptHosts().forEach((host, provider) -> proxyHosts.put(host, Provider.parse(provider)));
    return new RuntimeConfig(snapshot.version(), snapshot.source(), fleet, shield, Policy.compile(fleet), minter, upstreams,
        failMode, defaults, plans, true, proxyHosts, proxyCa(base, fleet.proxy()));
  }

  /** The fleet's CA for the forward proxy, opened with the gateway's encryption key; null when the fleet has none. */
  private static @Nullable CertificateAuthority proxyCa(GatewayConfig base, FleetConfig.ProxySetting proxy)
      throws ConfigRejectedException {
    String cert = proxy.caCertPem();
    String sealed = proxy.caKeySealed();
    if (cert == null || sealed == null) {
      return null;
    }
    byte[] key = base.encryptionKey();
    if (key == null) {
      throw new ConfigRejectedException("proxy.ca_key_sealed: this gateway has no TAKUMO_ENCRYPTION_KEY to open it "
          + "(expected: the fleet's encryption key on every gateway)");
    }
    try {
      return FleetCa.open(cert, sealed, key);
    } catch (IllegalArgumentException e) {
      throw new ConfigRejectedException(String.valueOf(e.getMessage()));
    }
  }

  /** The fleet config version (0: none from a coordinator). */
  public long version() {
    return version;
  }

  /** Where the fleet config came from; null while waiting for the coordinator's first one. */
  public Snapshot.@Nullable Source source() {
    return source;
  }

  /** False only for a {@code fail_closed} gateway still waiting for its first config: provider routes answer 503. */
  public boolean serving() {
    return serving;
  }

  public FleetConfig fleet() {
    return fleet;
  }

  /** The detector (built-in rules plus the custom patterns) and whole-content tokenization. */
  public Shield shield() {
    return shield;
  }

  public Policy policy() {
    return policy;
  }

  /** The fleet's token minter, or null to use the gateway's own ({@code TAKUMO_TOKEN_KEY}). */
  public @Nullable TokenMinter minter() {
    return minter;
  }

  public UpstreamSpec upstream(Provider provider) {
    return requireNonNull(upstreams.get(provider), "upstream");
  }

  /** Whether the API key with this SHA-256 (lowercase hex) was revoked through the fleet config. */
  public boolean revoked(String sha256Hex) {
    return !revokedKeyHashes.isEmpty() && revokedKeyHashes.contains(sha256Hex);
  }

  public FailMode failMode() {
    return failMode;
  }

  /** The limits of {@code plan}: the fleet's, the gateway's {@code TAKUMO_PLANS}, or the defaults. */
  public RateLimiter.Limits limits(String plan) {
    RateLimiter.Limits p = plans.get(plan);
    return p != null ? p : defaults;
  }

  /** The limits a request of {@code principal} counts against: its plan's (fleet-wide in a fleet). */
  public RateLimiter.Limits limits(Principal principal) {
    return limits(principal.orgSettings().plan());
  }

  public RateLimiter.Limits defaults() {
    return defaults;
  }

  /** The provider the fleet config's {@code proxy.intercept_hosts} names for {@code host}, or null. */
  public @Nullable Provider proxyHost(String host) {
    return proxyHosts.isEmpty() ? null : proxyHosts.get(host.toLowerCase(java.util.Locale.ROOT));
  }

  /** The fleet's CA for the forward proxy's leaves, or null to use the gateway's own. */
  public @Nullable CertificateAuthority proxyCa() {
    return proxyCa;
  }

  @Override
  public String toString() {
    return "RuntimeConfig[version " + version + " from " + source + ", " + fleet + ']';
  }
}
