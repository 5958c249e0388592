package io.takumo.aegis.proxy.config;

import io.takumo.aegis.coordinator.client.ConfigDecoder;
import io.takumo.aegis.coordinator.client.FailMode;
import io.takumo.aegis.proxy.route.Provider;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's environment variables (SPEC §13) read into a {@link GatewayConfig}: the parser,
 * apart from the value it builds. Every refusal names the variable, the value (never a secret's)
 * and what was expected.
 */
public final class GatewayEnvironment {
  private GatewayEnvironment() {}

  /** Reads the variables of SPEC §13 (those this build knows) from {@code env}. */
  public static GatewayConfig parse(Map<String, String> env) {
    GatewayConfig.Builder b = GatewayConfig.builder();
    String tlsCert = blankToNull(env.get("TAKUMO_TLS_CERT"));
    String tlsKey = blankToNull(env.get("TAKUMO_TLS_KEY"));
    if (tlsCert != null) {
      b.tlsCert = Path.of(tlsCert);
    }
    if (tlsKey != null) {
      b.tlsKey = Path.of(tlsKey);
    }
    String certDir = blankToNull(env.get("TAKUMO_TLS_CERT_DIR"));
    if (certDir != null) {
      b.tlsCertDir = Path.of(certDir);
    }
    String listen = blankToNull(env.get("TAKUMO_LISTEN_ADDR"));
    b.listen = parseAddress("TAKUMO_LISTEN_ADDR", listen != null ? listen
        : tlsCert != null ? (hasIpv6() ? "[::]:443" : "0.0.0.0:443") : "0.0.0.0:8080");
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
    b.maxHeldBodyBytes = number(env, "TAKUMO_MAX_HELD_BODY_BYTES", b.maxHeldBodyBytes);
    b.headerTimeout = duration(env, "TAKUMO_HEADER_TIMEOUT", b.headerTimeout);
    b.maxConnectionsPerIp = (int) number(env, "TAKUMO_MAX_CONNECTIONS_PER_IP", b.maxConnectionsPerIp);
    b.http2 = flag(env, "TAKUMO_HTTP2", "on", "off", b.http2);
    String maxHeader = blankToNull(env.get("TAKUMO_MAX_HEADER_BYTES"));
    if (maxHeader != null) {
      b.maxHeaderBytes = (int) parseLong("TAKUMO_MAX_HEADER_BYTES", maxHeader);
    }
    b.http2Limits = new Http2Limits(
        (int) number(env, "TAKUMO_HTTP2_MAX_CONCURRENT_STREAMS", Http2Limits.DEFAULT.maxConcurrentStreams()),
        b.maxHeaderBytes, (int) number(env, "TAKUMO_HTTP2_MAX_RESETS", Http2Limits.DEFAULT.maxResets()),
        Http2Limits.DEFAULT.resetWindow(),
        duration(env, "TAKUMO_HTTP2_STREAM_IDLE_TIMEOUT", Http2Limits.DEFAULT.streamIdleTimeout()));
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
    b.tokenize = flag(env, "TAKUMO_TOKENIZE", "on", "off", b.tokenize);
    b.scanHeaders = flag(env, "TAKUMO_SCAN_HEADERS", "on", "off", b.scanHeaders);
    String tokenKey = blankToNull(env.get("TAKUMO_TOKEN_KEY"));
    if (tokenKey != null) {
      b.tokenKey = parseKey(tokenKey);
    }
    b.maxVaultEntries = (int) number(env, "TAKUMO_MAX_VAULT_ENTRIES", b.maxVaultEntries);
    b.maxSessions = (int) number(env, "TAKUMO_MAX_CONCURRENT_SESSIONS", b.maxSessions);
    b.sessionTtl = duration(env, "TAKUMO_SESSION_TTL", b.sessionTtl);
    String vaultTtl = blankToNull(env.get("TAKUMO_VAULT_TTL"));
    b.conversations = new GatewayConfig.Conversations(
        vaultTtl == null ? GatewayConfig.Conversations.DEFAULT.vaultTtl() : Durations.parseOrZero("TAKUMO_VAULT_TTL", vaultTtl),
        number(env, "TAKUMO_VAULT_MAX_BYTES", GatewayConfig.Conversations.DEFAULT.vaultMaxBytes()),
        number(env, "TAKUMO_WS_MAX_MESSAGE_BYTES", GatewayConfig.Conversations.DEFAULT.maxWebSocketMessageBytes()),
        number(env, "TAKUMO_SCAN_MEMO_BYTES", GatewayConfig.Conversations.DEFAULT.scanMemoBytes()));
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
    b.fleet = new GatewayConfig.FleetSettings(blankToNull(env.get("TAKUMO_COORDINATOR_URL")), blankToNull(env.get("TAKUMO_JOIN_KEY")),
        coordinatorCa == null ? null : Path.of(coordinatorCa),
        stateDir == null ? GatewayConfig.FleetSettings.defaultStateDir() : Path.of(stateDir),
        configFile == null ? null : Path.of(configFile));
    b.forwardProxy = forwardProxy(env, b.keysFile.resolveSibling("ca"));
    String threads = blankToNull(env.get("TAKUMO_IO_THREADS"));
    if (threads != null) {
      b.ioThreads = (int) parseLong("TAKUMO_IO_THREADS", threads);
    }
    return b.build();
  }

  /** {@code TAKUMO_PROXY_*} and {@code TAKUMO_CA_*} (SPEC §10). */
  static ForwardProxySettings forwardProxy(Map<String, String> env, Path defaultCaDir) {
    Map<String, Provider> hosts = ForwardProxySettings.defaultHosts();
    String extra = blankToNull(env.get("TAKUMO_PROXY_INTERCEPT_HOSTS"));
    if (extra != null) {
      for (String entry : extra.split(",")) {
        String[] hostAndProvider = entry.trim().split("=", 2);
        try {
          if (hostAndProvider.length != 2 || hostAndProvider[0].isBlank()) {
            throw new IllegalArgumentException(entry);
          }
          hosts.put(hostAndProvider[0].trim().toLowerCase(Locale.ROOT), Provider.parse(hostAndProvider[1].trim()));
        } catch (IllegalArgumentException e) {
          throw ConfigException.of("TAKUMO_PROXY_INTERCEPT_HOSTS", extra,
              "host=provider pairs separated by commas, such as llm.corp.example=openai");
        }
      }
    }
    List<String> passthrough = ForwardProxySettings.ALL;
    String through = blankToNull(env.get("TAKUMO_PROXY_PASSTHROUGH"));
    if (through != null) {
      passthrough = switch (through) {
        case "all" -> ForwardProxySettings.ALL;
        case "none" -> List.of();
        default -> Arrays.stream(through.split(",")).map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
            .toList();
      };
    }
    boolean allowPrivate = flag(env, "TAKUMO_PROXY_ALLOW_PRIVATE", "true", "false", false);
    Set<Integer> ports = new TreeSet<>(Set.of(443));
    String listed = blankToNull(env.get("TAKUMO_PROXY_PORTS"));
    if (listed != null) {
      for (String port : listed.split(",")) {
        long n = parseLong("TAKUMO_PROXY_PORTS", port.trim());
        if (n < 1 || n > 65535) {
          throw ConfigException.of("TAKUMO_PROXY_PORTS", listed, "ports from 1 to 65535 separated by commas");
        }
        ports.add((int) n);
      }
    }
    String caDir = blankToNull(env.get("TAKUMO_CA_DIR"));
    String caCert = blankToNull(env.get("TAKUMO_CA_CERT"));
    String caKey = blankToNull(env.get("TAKUMO_CA_KEY"));
    if ((caCert == null) != (caKey == null)) {
      throw ConfigException.of(caCert == null ? "TAKUMO_CA_KEY" : "TAKUMO_CA_CERT", caCert == null ? "(set)" : caCert,
          "TAKUMO_CA_CERT and TAKUMO_CA_KEY together");
    }
    String cidrs = blankToNull(env.get("TAKUMO_PROXY_TRUSTED_CIDRS"));
    String trustedOrg = blankToNull(env.get("TAKUMO_PROXY_TRUSTED_ORG"));
    TrustedNetworks trusted = TrustedNetworks.NONE;
    if (cidrs != null) {
      try {
        trusted = TrustedNetworks.parse(cidrs);
      } catch (IllegalArgumentException e) {
        throw ConfigException.of("TAKUMO_PROXY_TRUSTED_CIDRS", cidrs,
            "IP blocks separated by commas, such as 10.20.0.0/16, fd00:aa::/48 (" + e.getMessage() + " is not one)");
      }
    }
    if (trusted.isEmpty() != (trustedOrg == null)) {
      throw ConfigException.of(trustedOrg == null ? "TAKUMO_PROXY_TRUSTED_CIDRS" : "TAKUMO_PROXY_TRUSTED_ORG",
          trustedOrg == null ? String.valueOf(cidrs) : trustedOrg,
          "TAKUMO_PROXY_TRUSTED_CIDRS and TAKUMO_PROXY_TRUSTED_ORG together (the networks, and the organization "
              + "their callers act as)");
    }
    return new ForwardProxySettings(hosts, passthrough, allowPrivate, ports,
        caDir == null ? defaultCaDir : Path.of(caDir), caCert == null ? null : Path.of(caCert),
        caKey == null ? null : Path.of(caKey), trusted, trustedOrg);
  }

  /** A two-valued setting: {@code yes} or {@code no} as written, {@code fallback} when unset, else refused. */
  private static boolean flag(Map<String, String> env, String field, String yes, String no, boolean fallback) {
    String raw = blankToNull(env.get(field));
    if (raw == null) {
      return fallback;
    }
    if (!raw.equals(yes) && !raw.equals(no)) {
      throw ConfigException.of(field, raw, yes + " or " + no);
    }
    return raw.equals(yes);
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
  static Map<String, GatewayConfig.Plan> parsePlans(String raw) {
    Map<String, GatewayConfig.Plan> out = new java.util.LinkedHashMap<>();
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
      out.put(nameAndLimits[0].trim(), new GatewayConfig.Plan(org, key));
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

  /**
   * Whether this host has an IPv6 address: then the edge default {@code [::]:443} takes IPv6 and, on
   * a dual-stack socket (Linux's default, {@code net.ipv6.bindv6only=0}), IPv4 too.
   */
  static boolean hasIpv6() {
    if (Boolean.getBoolean("java.net.preferIPv4Stack")) {
      return false;
    }
    try {
      return NetworkInterface.networkInterfaces().filter(GatewayEnvironment::isUp)
          .flatMap(NetworkInterface::inetAddresses).anyMatch(a -> a instanceof Inet6Address);
    } catch (SocketException e) {
      return false;
    }
  }

  private static boolean isUp(NetworkInterface nic) {
    try {
      return nic.isUp();
    } catch (SocketException e) {
      return false;
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

}
