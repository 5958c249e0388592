package io.takumo.aegis.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.takumo.aegis.proxy.route.Provider;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
  @Test
  void defaultsAreTheProductionDefaults() {
    GatewayConfig config = GatewayEnvironment.parse(Map.of());
    assertThat(config.listen().getPort()).isEqualTo(8080);
    assertThat(config.environment()).isEqualTo(KeyEnvironment.LIVE);
    assertThat(config.maxBodyBytes()).isEqualTo(32L << 20);
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.upstream(Provider.ANTHROPIC).baseUrl().toString()).isEqualTo("https://api.anthropic.com");
    assertThat(config.upstream(Provider.OPENAI).apiKey()).isNull();
  }

  @Test
  void environmentOverridesEverything() {
    GatewayConfig config = GatewayEnvironment.parse(Map.of(
        "TAKUMO_LISTEN_ADDR", "127.0.0.1:9090",
        "TAKUMO_ENVIRONMENT", "test",
        "TAKUMO_ANTHROPIC_BASE_URL", "http://127.0.0.1:7000/prefix/",
        "TAKUMO_ANTHROPIC_API_KEY", "sk-ant-secret-value",
        "TAKUMO_SHUTDOWN_TIMEOUT", "5s",
        "TAKUMO_UPSTREAM_TIMEOUT", "1500ms"));
    assertThat(config.listen().getPort()).isEqualTo(9090);
    assertThat(config.environment()).isEqualTo(KeyEnvironment.TEST);
    UpstreamSpec anthropic = config.upstream(Provider.ANTHROPIC);
    assertThat(anthropic.pathPrefix()).isEqualTo("/prefix");
    assertThat(anthropic.hostHeader()).isEqualTo("127.0.0.1:7000");
    assertThat(anthropic.tls()).isFalse();
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.upstreamTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.toString()).doesNotContain("sk-ant-secret-value");
  }

  @Test
  void conversationsDefaultToAnHourAndZeroSwitchesTheVaultOff() {
    GatewayConfig.Conversations defaults = GatewayEnvironment.parse(Map.of()).conversations();
    assertThat(defaults.vaultTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(defaults.maxWebSocketMessageBytes()).isEqualTo(32L << 20);
    GatewayConfig.Conversations set = GatewayEnvironment.parse(Map.of("TAKUMO_VAULT_TTL", "0",
        "TAKUMO_VAULT_MAX_BYTES", "1048576", "TAKUMO_WS_MAX_MESSAGE_BYTES", "65536")).conversations();
    assertThat(set).isEqualTo(new GatewayConfig.Conversations(Duration.ZERO, 1 << 20, 64 << 10));
    assertThat(GatewayEnvironment.parse(Map.of("TAKUMO_VAULT_TTL", "2h")).conversations().vaultTtl())
        .isEqualTo(Duration.ofHours(2));
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_VAULT_TTL", "-1s")))
        .hasMessage("TAKUMO_VAULT_TTL: -1s (expected: a duration of 0 or more)");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_WS_MAX_MESSAGE_BYTES", "0")))
        .hasMessageContaining("TAKUMO_WS_MAX_MESSAGE_BYTES: 0");
    assertThat(defaults.scanMemoBytes()).isEqualTo(32L << 20);
    assertThat(GatewayEnvironment.parse(Map.of("TAKUMO_SCAN_MEMO_BYTES", "0")).conversations().scanMemoBytes())
        .isZero();
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_SCAN_MEMO_BYTES", "-1")))
        .hasMessage("TAKUMO_SCAN_MEMO_BYTES: -1 (expected: 0 or more)");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_SHUTDOWN_TIMEOUT", "0")))
        .hasMessage("TAKUMO_SHUTDOWN_TIMEOUT: 0 (expected: a duration > 0)");
  }

  @Test
  void badValuesNameTheFieldTheValueAndTheExpectation() {
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_LISTEN_ADDR", "8080")))
        .hasMessage("TAKUMO_LISTEN_ADDR: 8080 (expected: host:port, such as 0.0.0.0:8080)");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_ENVIRONMENT", "prod")))
        .hasMessage("TAKUMO_ENVIRONMENT: prod (expected: live or test)");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_OPENAI_BASE_URL", "ftp://x")))
        .hasMessageContaining("TAKUMO_OPENAI_BASE_URL: ftp://x");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_SHUTDOWN_TIMEOUT", "soon")))
        .hasMessageContaining("TAKUMO_SHUTDOWN_TIMEOUT: soon (expected: a duration");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_TLS_CERT", "/nonexistent/cert.pem")))
        .hasMessageContaining("TAKUMO_TLS_CERT/TAKUMO_TLS_KEY");
  }

  @Test
  void tlsMovesTheDefaultPortTo443(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path cert = java.nio.file.Files.writeString(dir.resolve("c.pem"), "x");
    java.nio.file.Path key = java.nio.file.Files.writeString(dir.resolve("k.pem"), "x");
    GatewayConfig config = GatewayEnvironment.parse(Map.of("TAKUMO_TLS_CERT", cert.toString(),
        "TAKUMO_TLS_KEY", key.toString()));
    assertThat(config.listen().getPort()).isEqualTo(443);
    assertThat(config.listen().getAddress().isAnyLocalAddress()).isTrue(); // [::] with IPv6, else 0.0.0.0
    assertThat(config.tlsEnabled()).isTrue();
    assertThat(GatewayEnvironment.parseAddress("f", "[::1]:8443").getPort()).isEqualTo(8443);
  }

  @Test
  void fleetSettingsComeFromTheEnvironment() {
    String joinKey = "jk_" + "0f".repeat(32);
    GatewayConfig config = GatewayEnvironment.parse(Map.of("TAKUMO_COORDINATOR_URL", "https://coord.internal:50051",
        "TAKUMO_JOIN_KEY", joinKey, "TAKUMO_STATE_DIR", "/var/lib/aegis", "TAKUMO_FAIL_MODE", "open"));
    assertThat(config.fleet().coordinatorUrl()).isEqualTo("https://coord.internal:50051");
    assertThat(config.fleet().stateDir()).isEqualTo(java.nio.file.Path.of("/var/lib/aegis"));
    assertThat(config.failMode()).isEqualTo(io.takumo.aegis.coordinator.client.FailMode.OPEN);
    assertThat(config.fleet().toString()).doesNotContain(joinKey);
    assertThat(GatewayEnvironment.parse(Map.of()).failMode())
        .isEqualTo(io.takumo.aegis.coordinator.client.FailMode.CLOSED);

    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_COORDINATOR_URL", "coord:50051")))
        .hasMessageContaining("TAKUMO_JOIN_KEY");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_COORDINATOR_URL", "coord:50051",
        "TAKUMO_JOIN_KEY", "jk_short"))).hasMessageContaining("TAKUMO_JOIN_KEY").hasMessageNotContaining("jk_short");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_FAIL_MODE", "sometimes")))
        .hasMessageContaining("TAKUMO_FAIL_MODE").hasMessageContaining("closed or open");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_CONFIG_FILE", "/nonexistent/aegis.yaml")))
        .hasMessageContaining("TAKUMO_CONFIG_FILE").hasMessageContaining("a readable file");
  }


  @Test
  void http2SettingsComeFromTheEnvironment() {
    GatewayConfig defaults = GatewayEnvironment.parse(Map.of());
    assertThat(defaults.http2()).isTrue();
    assertThat(defaults.http2Limits()).isEqualTo(Http2Limits.DEFAULT);
    assertThat(defaults.http2Limits().maxHeaderListSize()).isEqualTo(defaults.maxHeaderBytes());

    GatewayConfig tuned = GatewayEnvironment.parse(Map.of("TAKUMO_HTTP2", "off",
        "TAKUMO_HTTP2_MAX_CONCURRENT_STREAMS", "16", "TAKUMO_HTTP2_MAX_RESETS", "20",
        "TAKUMO_HTTP2_STREAM_IDLE_TIMEOUT", "45s", "TAKUMO_MAX_HEADER_BYTES", "32768"));
    assertThat(tuned.http2()).isFalse();
    assertThat(tuned.http2Limits().maxConcurrentStreams()).isEqualTo(16);
    assertThat(tuned.http2Limits().connectionWindow()).isEqualTo(16 * Http2Limits.STREAM_WINDOW);
    assertThat(tuned.http2Limits().maxResets()).isEqualTo(20);
    assertThat(tuned.http2Limits().streamIdleTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(tuned.http2Limits().maxHeaderListSize()).isEqualTo(32768);
    assertThat(tuned.maxHeaderBytes()).isEqualTo(32768);

    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_HTTP2", "yes")))
        .hasMessage("TAKUMO_HTTP2: yes (expected: on or off)");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_HTTP2_MAX_CONCURRENT_STREAMS", "0")))
        .hasMessage("TAKUMO_HTTP2_MAX_CONCURRENT_STREAMS: 0 (expected: 1 to 10000)");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_TLS_CERT_DIR", "/etc/aegis/names")))
        .hasMessageStartingWith("TAKUMO_TLS_CERT_DIR: /etc/aegis/names (expected: a directory");
  }

  @Test
  void requestLimitsComeFromTheEnvironment() {
    GatewayConfig defaults = GatewayEnvironment.parse(Map.of());
    assertThat(defaults.headerTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.maxConnectionsPerIp()).isEqualTo(256);
    assertThat(defaults.scanHeaders()).isFalse();

    GatewayConfig tuned = GatewayEnvironment.parse(Map.of("TAKUMO_HEADER_TIMEOUT", "5s",
        "TAKUMO_MAX_CONNECTIONS_PER_IP", "32", "TAKUMO_SCAN_HEADERS", "on", "TAKUMO_MAX_HELD_BODY_BYTES", "1048576"));
    assertThat(tuned.headerTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(tuned.maxConnectionsPerIp()).isEqualTo(32);
    assertThat(tuned.scanHeaders()).isTrue();
    assertThat(tuned.maxHeldBodyBytes()).isEqualTo(1 << 20);

    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_SCAN_HEADERS", "yes")))
        .hasMessage("TAKUMO_SCAN_HEADERS: yes (expected: on or off)");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_MAX_CONNECTIONS_PER_IP", "many")))
        .hasMessage("TAKUMO_MAX_CONNECTIONS_PER_IP: many (expected: a whole number)");
  }

  @Test
  void forwardProxySettingsComeFromTheEnvironment() {
    ForwardProxySettings defaults = GatewayEnvironment.parse(Map.of("TAKUMO_KEYS_FILE", "/srv/aegis/keys.json")).forwardProxy();
    assertThat(defaults.intercept()).containsOnlyKeys("api.anthropic.com", "api.openai.com", "api.mistral.ai",
        "generativelanguage.googleapis.com");
    assertThat(defaults.passesThrough("pypi.org")).isTrue();
    assertThat(defaults.allowPrivate()).isFalse();
    assertThat(defaults.ports()).containsExactly(443);
    assertThat(defaults.caDir()).isEqualTo(java.nio.file.Path.of("/srv/aegis/ca"));

    ForwardProxySettings tuned = GatewayEnvironment.parse(Map.of("TAKUMO_PROXY_PASSTHROUGH", "*.github.com, pypi.org",
        "TAKUMO_PROXY_PORTS", "8443,9443", "TAKUMO_PROXY_ALLOW_PRIVATE", "true", "TAKUMO_CA_DIR", "/etc/aegis/ca"))
        .forwardProxy();
    assertThat(tuned.passesThrough("api.github.com")).isTrue();
    assertThat(tuned.passesThrough("github.com.evil.example")).isFalse();
    assertThat(tuned.passesThrough("PyPI.org")).isTrue();
    assertThat(tuned.passesThrough("example.com")).isFalse();
    assertThat(tuned.ports()).containsExactly(443, 8443, 9443);
    assertThat(tuned.allowPrivate()).isTrue();
    assertThat(tuned.caDir()).isEqualTo(java.nio.file.Path.of("/etc/aegis/ca"));

    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_PROXY_INTERCEPT_HOSTS", "llm.corp=watsonx")))
        .hasMessageStartingWith("TAKUMO_PROXY_INTERCEPT_HOSTS: llm.corp=watsonx (expected: host=provider pairs");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_PROXY_PORTS", "70000")))
        .hasMessageStartingWith("TAKUMO_PROXY_PORTS: 70000 (expected: ports from 1 to 65535");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_PROXY_ALLOW_PRIVATE", "yes")))
        .hasMessage("TAKUMO_PROXY_ALLOW_PRIVATE: yes (expected: true or false)");
    ForwardProxySettings trusting = GatewayEnvironment.parse(Map.of("TAKUMO_PROXY_TRUSTED_CIDRS", "10.20.0.0/16",
        "TAKUMO_PROXY_TRUSTED_ORG", "acme")).forwardProxy();
    assertThat(trusting.trustedOrgOf(new java.net.InetSocketAddress("10.20.3.4", 5))).isEqualTo("acme");
    assertThat(trusting.trustedOrgOf(new java.net.InetSocketAddress("10.30.3.4", 5))).isNull();
    assertThat(defaults.trustedOrgOf(new java.net.InetSocketAddress("10.20.3.4", 5))).isNull();
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_PROXY_TRUSTED_CIDRS", "10.20.0.0/16")))
        .hasMessageStartingWith("TAKUMO_PROXY_TRUSTED_CIDRS: 10.20.0.0/16 (expected: TAKUMO_PROXY_TRUSTED_CIDRS and "
            + "TAKUMO_PROXY_TRUSTED_ORG together");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_PROXY_TRUSTED_ORG", "acme")))
        .hasMessageStartingWith("TAKUMO_PROXY_TRUSTED_ORG: acme (expected: TAKUMO_PROXY_TRUSTED_CIDRS and");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_PROXY_TRUSTED_CIDRS", "10.20.0.0/16,corp/8",
        "TAKUMO_PROXY_TRUSTED_ORG", "acme")))
        .hasMessage("TAKUMO_PROXY_TRUSTED_CIDRS: 10.20.0.0/16,corp/8 (expected: IP blocks separated by commas, such as "
            + "10.20.0.0/16, fd00:aa::/48 (corp/8 is not one))");
    assertThatThrownBy(() -> GatewayEnvironment.parse(Map.of("TAKUMO_CA_CERT", "/etc/aegis/ca.crt")))
        .hasMessageStartingWith("TAKUMO_CA_CERT: /etc/aegis/ca.crt (expected: TAKUMO_CA_CERT and TAKUMO_CA_KEY together");
  }
}
