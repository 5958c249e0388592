package io.takumo.aegis.proxy.config;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.coordinator.client.FailMode;
import io.takumo.aegis.proxy.route.Provider;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a gateway needs to start, deeply immutable and validated on construction.
 *
 * <p>Built from the environment ({@link GatewayEnvironment#parse}) or, in tests, through {@link #builder}.
 * {@link #toString()} names no secret.
 */
public record GatewayConfig(
    InetSocketAddress listen,
    @Nullable Path tlsCert,
    @Nullable Path tlsKey,
    @Nullable Path tlsCertDir,
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
    long maxHeldBodyBytes,
    int maxHeaderBytes,
    Duration headerTimeout,
    int maxConnectionsPerIp,
    boolean http2,
    Http2Limits http2Limits,
    int ioThreads,
    @Nullable String databaseUrl,
    String databaseSchema,
    long rateLimitOrgRpm,
    long rateLimitUserRpm,
    long rateLimitIpRpm,
    Path auditFile,
    boolean tokenize,
    boolean scanHeaders,
    byte @Nullable [] tokenKey,
    int maxVaultEntries,
    int maxSessions,
    Duration sessionTtl,
    byte @Nullable [] encryptionKey,
    Map<String, Plan> plans,
    FailMode failMode,
    FleetSettings fleet,
    ForwardProxySettings forwardProxy,
    Conversations conversations) {

  /**
   * Stateful conversations (decisions.md, <em>Conversation vault</em> and <em>Responses over WebSocket</em>).
   *
   * @param vaultTtl {@code TAKUMO_VAULT_TTL}: how long a secret stays restorable after it was last sent (zero: for
   *     its exchange only)
   * @param vaultMaxBytes {@code TAKUMO_VAULT_MAX_BYTES}: the conversation vault's bound, secrets and overhead
   * @param maxWebSocketMessageBytes {@code TAKUMO_WS_MAX_MESSAGE_BYTES}: the largest WebSocket message, reassembled
   * @param scanMemoBytes {@code TAKUMO_SCAN_MEMO_BYTES}: what the remembered findings of long strings may weigh,
   *     so a string an agent sends again with its next turn is not scanned again (0: off; off with the vault too)
   */
  public record Conversations(Duration vaultTtl, long vaultMaxBytes, long maxWebSocketMessageBytes,
      long scanMemoBytes) {
    public static final Conversations DEFAULT = new Conversations(Duration.ofHours(1), 64L << 20, 32L << 20, 32L << 20);

    /** The defaults' scan memo. */
    public Conversations(Duration vaultTtl, long vaultMaxBytes, long maxWebSocketMessageBytes) {
      this(vaultTtl, vaultMaxBytes, maxWebSocketMessageBytes, DEFAULT.scanMemoBytes());
    }

    public Conversations {
      requireNonNull(vaultTtl, "vaultTtl");
      if (vaultTtl.isNegative()) {
        throw ConfigException.of("TAKUMO_VAULT_TTL", vaultTtl.toString(), "a duration of 0 or more");
      }
      if (vaultMaxBytes <= 0) {
        throw ConfigException.of("TAKUMO_VAULT_MAX_BYTES", Long.toString(vaultMaxBytes), "a positive number of bytes");
      }
      if (scanMemoBytes < 0) {
        throw ConfigException.of("TAKUMO_SCAN_MEMO_BYTES", Long.toString(scanMemoBytes), "0 or more");
      }
      if (maxWebSocketMessageBytes <= 0 || maxWebSocketMessageBytes > Integer.MAX_VALUE - 8) {
        throw ConfigException.of("TAKUMO_WS_MAX_MESSAGE_BYTES", Long.toString(maxWebSocketMessageBytes),
            "a positive number of bytes below 2 GiB");
      }
    }
  }

  /**
   * Where the fleet config comes from (SPEC.md §11, §13): a coordinator, a local file, or neither.
   *
   * @param coordinatorUrl {@code TAKUMO_COORDINATOR_URL}, or null for a standalone gateway
   * @param joinKey {@code TAKUMO_JOIN_KEY}, required with a coordinator
   * @param coordinatorCa {@code TAKUMO_COORDINATOR_CA}: PEM to trust for the coordinator's TLS
   * @param stateDir {@code TAKUMO_STATE_DIR}: instance id and last good config
   * @param configFile {@code TAKUMO_CONFIG_FILE}: the fleet config schema as JSON or YAML, for a gateway without a coordinator
   * @param clock the clock of the fleet's rate-limit windows (the system's; tests share a fake one
   *     with their coordinator)
   */
  public record FleetSettings(@Nullable String coordinatorUrl, @Nullable String joinKey, @Nullable Path coordinatorCa,
      Path stateDir, @Nullable Path configFile, java.time.Clock clock) {
    public static final FleetSettings NONE = new FleetSettings(null, null, null, defaultStateDir(), null);

    public FleetSettings(@Nullable String coordinatorUrl, @Nullable String joinKey, @Nullable Path coordinatorCa,
        Path stateDir, @Nullable Path configFile) {
      this(coordinatorUrl, joinKey, coordinatorCa, stateDir, configFile, java.time.Clock.systemUTC());
    }

    public FleetSettings {
      requireNonNull(stateDir, "stateDir");
      requireNonNull(clock, "clock");
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
  /**
   * What one exchange may hold of a body before any of it goes upstream: the whole body when a
   * block rule applies, the start of it until an OpenAI-shaped body names its model.
   */
  public static final long DEFAULT_MAX_HELD_BODY_BYTES = 8L << 20;

  public GatewayConfig {
    requireNonNull(listen, "listen");
    requireNonNull(environment, "environment");
    requireNonNull(keysFile, "keysFile");
    if (tlsCertDir != null && (tlsCert == null || !Files.isDirectory(tlsCertDir))) {
      throw ConfigException.of("TAKUMO_TLS_CERT_DIR", tlsCertDir.toString(),
          "a directory of name.crt/name.key pairs, next to TAKUMO_TLS_CERT and TAKUMO_TLS_KEY (the default pair)");
    }
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
    if (maxHeldBodyBytes <= 0) {
      throw ConfigException.of("TAKUMO_MAX_HELD_BODY_BYTES", Long.toString(maxHeldBodyBytes), "> 0");
    }
    if (headerTimeout.isNegative() || headerTimeout.isZero()) {
      throw ConfigException.of("TAKUMO_HEADER_TIMEOUT", headerTimeout.toString(), "a duration > 0, such as 30s");
    }
    if (maxConnectionsPerIp < 1) {
      throw ConfigException.of("TAKUMO_MAX_CONNECTIONS_PER_IP", Integer.toString(maxConnectionsPerIp), ">= 1");
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
    requireNonNull(http2Limits, "http2Limits");
    requireNonNull(fleet, "fleet");
    requireNonNull(forwardProxy, "forwardProxy");
  }

  /** The limits of {@code plan}: its own when configured, the gateway's defaults otherwise. */
  public Plan plan(String plan) {
    Plan p = plans.get(plan);
    return p != null ? p : new Plan(rateLimitOrgRpm, rateLimitUserRpm);
  }

  /** This configuration with {@code key} as its token key (the embedded default's, made at start). */
  public GatewayConfig withTokenKey(byte[] key) {
    return new GatewayConfig(listen, tlsCert, tlsKey, tlsCertDir, environment, keysFile, upstreams, upstreamCaFile, connectTimeout,
        upstreamTimeout, clientIdleTimeout, upstreamPoolIdleTimeout, shutdownTimeout, maxBodyBytes, maxHeldBodyBytes,
        maxHeaderBytes, headerTimeout, maxConnectionsPerIp, http2, http2Limits, ioThreads, databaseUrl, databaseSchema, rateLimitOrgRpm,
        rateLimitUserRpm, rateLimitIpRpm, auditFile, tokenize, scanHeaders, key.clone(), maxVaultEntries, maxSessions, sessionTtl,
        encryptionKey, plans, failMode, fleet, forwardProxy, conversations);
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

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "GatewayConfig[listen=" + listen + ", tls=" + tlsEnabled() + ", environment=" + environment
        + ", keyStore=" + (databaseUrl == null ? keysFile : "postgresql")
        + ", upstreams=" + upstreams.values() + ']';
  }

  /** Mutable builder; {@link #build()} validates. Defaults are the production defaults. */
  public static final class Builder {
    InetSocketAddress listen = new InetSocketAddress("0.0.0.0", 8080);
    @Nullable Path tlsCert;
    @Nullable Path tlsKey;
    @Nullable Path tlsCertDir;
    KeyEnvironment environment = KeyEnvironment.LIVE;
    Path keysFile = defaultKeysFile();
    final Map<Provider, UpstreamSpec> upstreams = new EnumMap<>(Provider.class);
    @Nullable Path upstreamCaFile;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration upstreamTimeout = Duration.ofMinutes(10);
    Duration clientIdleTimeout = Duration.ofMinutes(5);
    Duration upstreamPoolIdleTimeout = Duration.ofSeconds(60);
    Duration shutdownTimeout = Duration.ofSeconds(30);
    long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    long maxHeldBodyBytes = DEFAULT_MAX_HELD_BODY_BYTES;
    int maxHeaderBytes = 64 << 10;
    Duration headerTimeout = Duration.ofSeconds(30);
    int maxConnectionsPerIp = 256;
    boolean http2 = true;
    Http2Limits http2Limits = Http2Limits.DEFAULT;
    int ioThreads = Runtime.getRuntime().availableProcessors();
    @Nullable String databaseUrl;
    String databaseSchema = "public";
    long rateLimitOrgRpm = 1000;
    long rateLimitUserRpm = 60;
    long rateLimitIpRpm = 120;
    Path auditFile = keysFile.resolveSibling("audit.jsonl");
    boolean tokenize = true;
    boolean scanHeaders;
    byte @Nullable [] tokenKey;
    int maxVaultEntries = 10_000;
    int maxSessions = 5000;
    Duration sessionTtl = Duration.ofMinutes(15);
    @Nullable ForwardProxySettings forwardProxy; // default: SPEC §10's hosts, the CA beside the key file
    byte @Nullable [] encryptionKey;
    final Map<String, Plan> plans = new java.util.LinkedHashMap<>();
    FailMode failMode = FailMode.CLOSED;
    FleetSettings fleet = FleetSettings.NONE;
    Conversations conversations = Conversations.DEFAULT;

    public Builder conversations(Conversations conversations) {
      this.conversations = conversations;
      return this;
    }

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

    /** On: secrets in non-credential header values and query parameters are tokenized too (off by default). */
    public Builder scanHeaders(boolean scanHeaders) {
      this.scanHeaders = scanHeaders;
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

    /** More certificates by host name (SNI): {@code name.crt} with {@code name.key}. */
    public Builder tlsCertDir(Path dir) {
      this.tlsCertDir = dir;
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

    public Builder maxHeldBodyBytes(long maxHeldBodyBytes) {
      this.maxHeldBodyBytes = maxHeldBodyBytes;
      return this;
    }

    public Builder headerTimeout(Duration headerTimeout) {
      this.headerTimeout = headerTimeout;
      return this;
    }

    public Builder maxConnectionsPerIp(int maxConnectionsPerIp) {
      this.maxConnectionsPerIp = maxConnectionsPerIp;
      return this;
    }

    /** Off: HTTP/1.1 only (ALPN offers no h2, the cleartext port ignores the HTTP/2 preface). */
    public Builder http2(boolean http2) {
      this.http2 = http2;
      return this;
    }

    public Builder http2Limits(Http2Limits http2Limits) {
      this.http2Limits = http2Limits;
      return this;
    }

    public Builder forwardProxy(ForwardProxySettings forwardProxy) {
      this.forwardProxy = forwardProxy;
      return this;
    }

    public Builder ioThreads(int ioThreads) {
      this.ioThreads = ioThreads;
      return this;
    }

    public GatewayConfig build() {
      return new GatewayConfig(
          listen, tlsCert, tlsKey, tlsCertDir, environment, keysFile, upstreams, upstreamCaFile, connectTimeout,
          upstreamTimeout, clientIdleTimeout, upstreamPoolIdleTimeout, shutdownTimeout, maxBodyBytes,
          maxHeldBodyBytes, maxHeaderBytes, headerTimeout, maxConnectionsPerIp, http2, http2Limits, ioThreads, databaseUrl,
          databaseSchema,
          rateLimitOrgRpm, rateLimitUserRpm, rateLimitIpRpm,
          auditFile, tokenize, scanHeaders, tokenKey, maxVaultEntries, maxSessions, sessionTtl, encryptionKey, plans, failMode, fleet,
          forwardProxy != null ? forwardProxy : ForwardProxySettings.defaults(keysFile.resolveSibling("ca")),
          conversations);
    }
  }
}
