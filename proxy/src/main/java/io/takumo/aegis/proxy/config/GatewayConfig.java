package io.takumo.aegis.proxy.config;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.coordinator.client.ConfigDecoder;
import io.takumo.aegis.coordinator.client.FailMode;
import io.takumo.aegis.proxy.route.Provider;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a gateway needs to start, deeply immutable and validated on construction.
 *
 * <p>Built from the environment ({@link #fromEnvironment}) or, in tests, through {@link #builder}.
 * {@link #toString()} names no secret.
 */
public record GatewayConfig(
    InetSocketAddress listen,
    @Nullable Path tlsCert,
    @Nullable Path tlsKey,
    KeyEnvironment environment,
    Path keysFile,
    Map<Provider, UpstreamSpec> upstreams,
    @Nullable Path upstreamCaFile,
    Duration connectTimeout,
    Duration upstreamTimeout,
    Duration clientIdleTimeout,
    Duration upstreamPoolIdleTimeout,
    Duration shutdownTimeout,
    long maxBodyBytes,
    int maxHeaderBytes,
    int ioThreads,
    @Nullable String databaseUrl,
    String databaseSchema,
    long rateLimitOrgRpm,
    long rateLimitUserRpm,
    long rateLimitIpRpm,
    Path auditFile,
    boolean tokenize,
    byte @Nullable [] tokenKey,
    int maxVaultEntries,
    int maxSessions,
    Duration sessionTtl,
    byte @Nullable [] encryptionKey,
    Map<String, Plan> plans,
    FailMode failMode,
    FleetSettings fleet) {

  /**
   * Where the fleet config comes from (SPEC.md §11, §13): a coordinator, a local file, or neither.
   *
   * @param coordinatorUrl {@code TAKUMO_COORDINATOR_URL}, or null for a standalone gateway
   * @param joinKey {@code TAKUMO_JOIN_KEY}, required with a coordinator
   * @param coordinatorCa {@code TAKUMO_COORDINATOR_CA}: PEM to trust for the coordinator's TLS
   * @param stateDir {@code TAKUMO_STATE_DIR}: instance id and last good config
   * @param configFile {@code TAKUMO_CONFIG_FILE}: the fleet config schema as JSON or YAML, for a gateway without a coordinator
   */
  public record FleetSettings(@Nullable String coordinatorUrl, @Nullable String joinKey, @Nullable Path coordinatorCa,
      Path stateDir, @Nullable Path configFile) {
    public static final FleetSettings NONE = new FleetSettings(null, null, null, defaultStateDir(), null);

    public FleetSettings {
      requireNonNull(stateDir, "stateDir");
      if (coordinatorUrl != null && joinKey == null) {
        throw ConfigException.of("TAKUMO_JOIN_KEY", "(unset)", "a join key (jk_ + 64 hex) when TAKUMO_COORDINATOR_URL is set");
      }
      if (joinKey != null && !joinKey.matches("jk_[0-9a-f]{64}")) {
        throw ConfigException.of("TAKUMO_JOIN_KEY", "(hidden)", "jk_ followed by 64 lowercase hex characters");
      }
      if (coordinatorUrl != null && configFile != null) {
        throw ConfigException.of("TAKUMO_CONFIG_FILE", configFile.toString(),
            "unset when TAKUMO_COORDINATOR_URL is set (the coordinator is the source of the fleet config)");
      }
      if (configFile != null && !Files.isReadable(configFile)) {
        throw ConfigException.of("TAKUMO_CONFIG_FILE", configFile.toString(), "a readable file");
      }
    }

    @Override
    public String toString() {
      return "FleetSettings[" + (coordinatorUrl != null ? "coordinator " + coordinatorUrl
          : configFile != null ? "file " + configFile : "standalone") + ", state " + stateDir + ']';
    }

    /** {@code $HOME/.takumo/state}. */
    public static Path defaultStateDir() {
      return defaultKeysFile().resolveSibling("state");
    }
  }

  /** Rate limits of a plan (SPEC §8), requests per minute per organization and per key. */
  public record Plan(long orgRpm, long keyRpm) {
    public Plan {
      if (orgRpm < 1 || keyRpm < 1) {
        throw new IllegalArgumentException("plan limits: " + orgRpm + '/' + keyRpm + " (expected: each >= 1)");
      }
    }
  }

  public static final long DEFAULT_MAX_BODY_BYTES = 32L << 20;

  public GatewayConfig {
    requireNonNull(listen, "listen");
    requireNonNull(environment, "environment");
    requireNonNull(keysFile, "keysFile");
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new ConfigException(
          "TAKUMO_TLS_CERT/TAKUMO_TLS_KEY: only one is set (expected: both, or neither)");
    }
    for (Path file : new Path[] {tlsCert, tlsKey, upstreamCaFile}) {
      if (file != null && !Files.isReadable(file)) {
        throw ConfigException.of("file", file.toString(), "a readable file");
      }
    }
    EnumMap<Provider, UpstreamSpec> complete = new EnumMap<>(Provider.class);
    for (Provider provider : Provider.values()) {
      UpstreamSpec spec = upstreams.get(provider);
      complete.put(provider, spec != null ? spec : new UpstreamSpec(provider, provider.defaultBaseUrl(), null));
    }
    upstreams = Map.copyOf(complete);
    if (maxBodyBytes <= 0) {
      throw ConfigException.of("TAKUMO_MAX_BODY_BYTES", Long.toString(maxBodyBytes), "> 0");
    }
    if (maxHeaderBytes < 1024) {
      throw ConfigException.of("TAKUMO_MAX_HEADER_BYTES", Integer.toString(maxHeaderBytes), ">= 1024");
    }
    requireNonNull(databaseSchema, "databaseSchema");
    requireNonNull(auditFile, "auditFile");
    if (rateLimitOrgRpm < 1 || rateLimitUserRpm < 1 || rateLimitIpRpm < 1) {
      throw ConfigException.of("TAKUMO_RATE_LIMIT_*_RPM", rateLimitOrgRpm + "/" + rateLimitUserRpm + "/" + rateLimitIpRpm,
          "whole numbers >= 1");
    }
    if (!databaseSchema.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw ConfigException.of("TAKUMO_DATABASE_SCHEMA", databaseSchema, "a lower-case SQL identifier");
    }
    if (ioThreads < 1) {
      throw ConfigException.of("TAKUMO_IO_THREADS", Integer.toString(ioThreads), ">= 1");
    }
    if (tokenKey != null && tokenKey.length < 16) {
      throw ConfigException.of("TAKUMO_TOKEN_KEY", "(" + tokenKey.length + " bytes)", "at least 16 bytes, hex or base64");
    }
    if (maxVaultEntries < 1 || maxSessions < 1) {
      throw ConfigException.of("TAKUMO_MAX_VAULT_ENTRIES/TAKUMO_MAX_CONCURRENT_SESSIONS", maxVaultEntries + "/" + maxSessions,
          "whole numbers >= 1");
    }
    requireNonNull(sessionTtl, "sessionTtl");
    if (encryptionKey != null && encryptionKey.length != 32) {
      throw ConfigException.of("TAKUMO_ENCRYPTION_KEY", "(" + encryptionKey.length + " bytes)", "32 bytes, hex or base64");
    }
    plans = Map.copyOf(plans);
    requireNonNull(failMode, "failMode");
    requireNonNull(fleet, "fleet");
  }

  /** The limits of {@code plan}: its own when configured, the gateway's defaults otherwise. */
  public Plan plan(String plan) {
    Plan p = plans.get(plan);
    return p != null ? p : new Plan(rateLimitOrgRpm, rateLimitUserRpm);
  }

  public boolean tlsEnabled() {
    return tlsCert != null;
  }

  public UpstreamSpec upstream(Provider provider) {
    return requireNonNull(upstreams.get(provider), "upstream");
  }

  /** The default dev key store: {@code $HOME/.takumo/keys.json}. */
  public static Path defaultKeysFile() {
    String home = System.getenv("HOME");
    return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".takumo", "keys.json");
  }

  /** Reads the variables of SPEC §13 (those this build knows) from {@code env}. */
  public static GatewayConfig fromEnvironment(Map<String, String> env) {
    Builder b = builder();
    String tlsCert = blankToNull(env.get("TAKUMO_TLS_CERT"));
    String tlsKey = blankToNull(env.get("TAKUMO_TLS_KEY"));
    if (tlsCert != null) {
      b.tlsCert = Path.of(tlsCert);
    }
    if (tlsKey != null) {
      b.tlsKey = Path.of(tlsKey);
    }
    String listen = blankToNull(env.get("TAKUMO_LISTEN_ADDR"));
    b.listen = parseAddress("TAKUMO_LISTEN_ADDR", listen != null ? listen : tlsCert != null ? "0.0.0.0:443" : "0.0.0.0:8080");
    String environment = blankToNull(env.get("TAKUMO_ENVIRONMENT"));
    if (environment != null) {
      b.environment = KeyEnvironment.parse("TAKUMO_ENVIRONMENT", environment);
    }
    String keys = blankToNull(env.get("TAKUMO_KEYS_FILE"));
    if (keys != null) {
      b.keysFile = Path.of(keys);
    }
    for (Provider provider : Provider.values()) {
      String urlField = "TAKUMO_" + provider.envStem() + "_BASE_URL";
      String url = blankToNull(env.get(urlField));
      URI base = url == null ? provider.defaultBaseUrl() : parseUri(urlField, url);
      b.upstreams.put(provider, new UpstreamSpec(provider, base, blankToNull(env.get("TAKUMO_" + provider.envStem() + "_API_KEY"))));
    }
    String ca = blankToNull(env.get("TAKUMO_UPSTREAM_CA_FILE"));
    if (ca != null) {
      b.upstreamCaFile = Path.of(ca);
    }
    b.connectTimeout = duration(env, "TAKUMO_UPSTREAM_CONNECT_TIMEOUT", b.connectTimeout);
    b.upstreamTimeout = duration(env, "TAKUMO_UPSTREAM_TIMEOUT", b.upstreamTimeout);
    b.clientIdleTimeout = duration(env, "TAKUMO_CLIENT_IDLE_TIMEOUT", b.clientIdleTimeout);
    b.shutdownTimeout = duration(env, "TAKUMO_SHUTDOWN_TIMEOUT", b.shutdownTimeout);
    String maxBody = blankToNull(env.get("TAKUMO_MAX_BODY_BYTES"));
    if (maxBody != null) {
      b.maxBodyBytes = parseLong("TAKUMO_MAX_BODY_BYTES", maxBody);
    }
    b.databaseUrl = blankToNull(env.get("TAKUMO_DATABASE_URL"));
    String audit = blankToNull(env.get("TAKUMO_AUDIT_FILE"));
    if (audit != null) {
      b.auditFile = Path.of(audit);
    }
    String schema = blankToNull(env.get("TAKUMO_DATABASE_SCHEMA"));
    if (schema != null) {
      b.databaseSchema = schema;
    }
    b.rateLimitOrgRpm = number(env, "TAKUMO_RATE_LIMIT_ORG_RPM", b.rateLimitOrgRpm);
    b.rateLimitUserRpm = number(env, "TAKUMO_RATE_LIMIT_USER_RPM", b.rateLimitUserRpm);
    b.rateLimitIpRpm = number(env, "TAKUMO_RATE_LIMIT_IP_RPM", b.rateLimitIpRpm);
    String tokenize = blankToNull(env.get("TAKUMO_TOKENIZE"));
    if (tokenize != null) {
      if (!tokenize.equals("on") && !tokenize.equals("off")) {
        throw ConfigException.of("TAKUMO_TOKENIZE", tokenize, "on or off");
      }
      b.tokenize = tokenize.equals("on");
    }
    String tokenKey = blankToNull(env.get("TAKUMO_TOKEN_KEY"));
    if (tokenKey != null) {
      b.tokenKey = parseKey(tokenKey);
    }
    b.maxVaultEntries = (int) number(env, "TAKUMO_MAX_VAULT_ENTRIES", b.maxVaultEntries);
    b.maxSessions = (int) number(env, "TAKUMO_MAX_CONCURRENT_SESSIONS", b.maxSessions);
    b.sessionTtl = duration(env, "TAKUMO_SESSION_TTL", b.sessionTtl);
    String encryptionKey = blankToNull(env.get("TAKUMO_ENCRYPTION_KEY"));
    if (encryptionKey != null) {
      b.encryptionKey = parseKey("TAKUMO_ENCRYPTION_KEY", encryptionKey);
    }
    String plans = blankToNull(env.get("TAKUMO_PLANS"));
    if (plans != null) {
      b.plans.putAll(parsePlans(plans));
    }
    String failMode = blankToNull(env.get("TAKUMO_FAIL_MODE"));
    if (failMode != null) {
      try {
        b.failMode = FailMode.parse("TAKUMO_FAIL_MODE", failMode);
      } catch (IllegalArgumentException e) {
        throw ConfigException.of("TAKUMO_FAIL_MODE", failMode, "closed or open");
      }
    }
    String stateDir = blankToNull(env.get("TAKUMO_STATE_DIR"));
    String configFile = blankToNull(env.get("TAKUMO_CONFIG_FILE"));
    String coordinatorCa = blankToNull(env.get("TAKUMO_COORDINATOR_CA"));
    b.fleet = new FleetSettings(blankToNull(env.get("TAKUMO_COORDINATOR_URL")), blankToNull(env.get("TAKUMO_JOIN_KEY")),
        coordinatorCa == null ? null : Path.of(coordinatorCa),
        stateDir == null ? FleetSettings.defaultStateDir() : Path.of(stateDir),
        configFile == null ? null : Path.of(configFile));
    String threads = blankToNull(env.get("TAKUMO_IO_THREADS"));
    if (threads != null) {
      b.ioThreads = (int) parseLong("TAKUMO_IO_THREADS", threads);
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "GatewayConfig[listen=" + listen + ", tls=" + tlsEnabled() + ", environment=" + environment
        + ", keyStore=" + (databaseUrl == null ? keysFile : "postgresql")
        + ", upstreams=" + upstreams.values() + ']';
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Duration duration(Map<String, String> env, String field, Duration fallback) {
    String raw = blankToNull(env.get(field));
    return raw == null ? fallback : Durations.parse(field, raw);
  }

  private static long number(Map<String, String> env, String field, long fallback) {
    String raw = blankToNull(env.get(field));
    return raw == null ? fallback : parseLong(field, raw);
  }

  private static long parseLong(String field, String raw) {
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw ConfigException.of(field, raw, "a whole number");
    }
  }

  /** {@code name:orgRpm/keyRpm,…}, such as {@code free:100/10,enterprise:20000/2000}. */
  static Map<String, Plan> parsePlans(String raw) {
    Map<String, Plan> out = new java.util.LinkedHashMap<>();
    for (String entry : raw.split(",")) {
      String[] nameAndLimits = entry.trim().split(":");
      String[] limits = nameAndLimits.length == 2 ? nameAndLimits[1].split("/") : new String[0];
      if (limits.length != 2 || nameAndLimits[0].isBlank()) {
        throw ConfigException.of("TAKUMO_PLANS", raw, "name:orgRpm/keyRpm entries separated by commas, "
            + "such as free:100/10,enterprise:20000/2000");
      }
      long org = parseLong("TAKUMO_PLANS", limits[0]);
      long key = parseLong("TAKUMO_PLANS", limits[1]);
      if (org < 1 || key < 1) {
        throw ConfigException.of("TAKUMO_PLANS", raw, "limits >= 1 request per minute");
      }
      out.put(nameAndLimits[0].trim(), new Plan(org, key));
    }
    return out;
  }

  private static byte[] parseKey(String raw) {
    return parseKey("TAKUMO_TOKEN_KEY", raw);
  }

  /** A key given as hex (even length) or base64; never echoed in the error. */
  private static byte[] parseKey(String field, String raw) {
    try {
      return ConfigDecoder.keyBytes(raw);
    } catch (IllegalArgumentException e) {
      throw ConfigException.of(field, "(hidden)", "bytes as hex or base64");
    }
  }

  private static URI parseUri(String field, String raw) {
    try {
      return new URI(raw);
    } catch (URISyntaxException e) {
      throw ConfigException.of(field, raw, "a URL such as https://api.example.com");
    }
  }

  static InetSocketAddress parseAddress(String field, String raw) {
    int colon = raw.lastIndexOf(':');
    if (colon <= 0 || colon == raw.length() - 1) {
      throw ConfigException.of(field, raw, "host:port, such as 0.0.0.0:8080");
    }
    String host = raw.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    long port = parseLong(field, raw.substring(colon + 1));
    if (port < 0 || port > 65535) {
      throw ConfigException.of(field, raw, "a port from 0 to 65535");
    }
    return new InetSocketAddress(host, (int) port);
  }

  /** Mutable builder; {@link #build()} validates. Defaults are the production defaults. */
  public static final class Builder {
    private InetSocketAddress listen = new InetSocketAddress("0.0.0.0", 8080);
    private @Nullable Path tlsCert;
    private @Nullable Path tlsKey;
    private KeyEnvironment environment = KeyEnvironment.LIVE;
    private Path keysFile = defaultKeysFile();
    private final Map<Provider, UpstreamSpec> upstreams = new EnumMap<>(Provider.class);
    private @Nullable Path upstreamCaFile;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration upstreamTimeout = Duration.ofMinutes(10);
    private Duration clientIdleTimeout = Duration.ofMinutes(5);
    private Duration upstreamPoolIdleTimeout = Duration.ofSeconds(60);
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxHeaderBytes = 64 << 10;
    private int ioThreads = Runtime.getRuntime().availableProcessors();
    private @Nullable String databaseUrl;
    private String databaseSchema = "public";
    private long rateLimitOrgRpm = 1000;
    private long rateLimitUserRpm = 60;
    private long rateLimitIpRpm = 120;
    private Path auditFile = keysFile.resolveSibling("audit.jsonl");
    private boolean tokenize = true;
    private byte @Nullable [] tokenKey;
    private int maxVaultEntries = 10_000;
    private int maxSessions = 5000;
    private Duration sessionTtl = Duration.ofMinutes(15);
    private byte @Nullable [] encryptionKey;
    private final Map<String, Plan> plans = new java.util.LinkedHashMap<>();
    private FailMode failMode = FailMode.CLOSED;
    private FleetSettings fleet = FleetSettings.NONE;

    public Builder failMode(FailMode failMode) {
      this.failMode = failMode;
      return this;
    }

    public Builder fleet(FleetSettings fleet) {
      this.fleet = fleet;
      return this;
    }

    public Builder encryptionKey(byte[] encryptionKey) {
      this.encryptionKey = encryptionKey.clone();
      return this;
    }

    public Builder plan(String name, long orgRpm, long keyRpm) {
      plans.put(name, new Plan(orgRpm, keyRpm));
      return this;
    }

    private Builder() {}

    /** Off: bodies pass through unscanned (for measuring the relay alone; never in production). */
    public Builder tokenize(boolean tokenize) {
      this.tokenize = tokenize;
      return this;
    }

    public Builder tokenKey(byte[] tokenKey) {
      this.tokenKey = tokenKey.clone();
      return this;
    }

    public Builder maxVaultEntries(int maxVaultEntries) {
      this.maxVaultEntries = maxVaultEntries;
      return this;
    }

    public Builder sessions(int maxSessions, Duration ttl) {
      this.maxSessions = maxSessions;
      this.sessionTtl = ttl;
      return this;
    }

    public Builder auditFile(Path auditFile) {
      this.auditFile = auditFile;
      return this;
    }

    public Builder rateLimits(long orgRpm, long keyRpm, long ipRpm) {
      this.rateLimitOrgRpm = orgRpm;
      this.rateLimitUserRpm = keyRpm;
      this.rateLimitIpRpm = ipRpm;
      return this;
    }

    public Builder database(String url, String schema) {
      this.databaseUrl = url;
      this.databaseSchema = schema;
      return this;
    }

    public Builder listen(InetSocketAddress listen) {
      this.listen = listen;
      return this;
    }

    public Builder tls(Path cert, Path key) {
      this.tlsCert = cert;
      this.tlsKey = key;
      return this;
    }

    public Builder environment(KeyEnvironment environment) {
      this.environment = environment;
      return this;
    }

    public Builder keysFile(Path keysFile) {
      this.keysFile = keysFile;
      return this;
    }

    public Builder upstream(Provider provider, URI baseUrl, @Nullable String apiKey) {
      upstreams.put(provider, new UpstreamSpec(provider, baseUrl, apiKey));
      return this;
    }

    public Builder upstreamCaFile(Path caFile) {
      this.upstreamCaFile = caFile;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder upstreamTimeout(Duration upstreamTimeout) {
      this.upstreamTimeout = upstreamTimeout;
      return this;
    }

    public Builder clientIdleTimeout(Duration clientIdleTimeout) {
      this.clientIdleTimeout = clientIdleTimeout;
      return this;
    }

    public Builder upstreamPoolIdleTimeout(Duration upstreamPoolIdleTimeout) {
      this.upstreamPoolIdleTimeout = upstreamPoolIdleTimeout;
      return this;
    }

    public Builder shutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
      return this;
    }

    public Builder maxBodyBytes(long maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    public Builder ioThreads(int ioThreads) {
      this.ioThreads = ioThreads;
      return this;
    }

    public GatewayConfig build() {
      return new GatewayConfig(
          listen, tlsCert, tlsKey, environment, keysFile, upstreams, upstreamCaFile, connectTimeout,
          upstreamTimeout, clientIdleTimeout, upstreamPoolIdleTimeout, shutdownTimeout, maxBodyBytes,
          maxHeaderBytes, ioThreads, databaseUrl, databaseSchema, rateLimitOrgRpm, rateLimitUserRpm, rateLimitIpRpm,
          auditFile, tokenize, tokenKey, maxVaultEntries, maxSessions, sessionTtl, encryptionKey, plans, failMode, fleet);
    }
  }
}
