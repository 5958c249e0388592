package io.takumo.aegis.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.takumo.aegis.coordinator.client.ConfigDecoder;
import io.takumo.aegis.coordinator.client.FailMode;
import io.takumo.aegis.coordinator.client.Snapshot;
import io.takumo.aegis.proto.ConfigFiles;
import io.takumo.aegis.proxy.route.Provider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {
  private static final GatewayConfig BASE = GatewayConfig.builder()
      .upstream(Provider.OPENAI, URI.create("https://api.openai.com"), "sk-local-env-key")
      .rateLimits(1000, 60, 120)
      .plan("team", 5000, 500)
      .build();

  private static RuntimeConfig compile(String yaml) throws Exception {
    return RuntimeConfig.compile(BASE, new Snapshot(7, ConfigDecoder.decode(ConfigFiles.parse(yaml, false)),
        Snapshot.Source.COORDINATOR));
  }

  @Test
  void customPatternsJoinTheBuiltInRules() throws Exception {
    RuntimeConfig c = compile("custom_patterns: [{name: acme-deploy-key, pattern: \"ACME_[0-9a-f]{32}\", category: KEY}]");
    byte[] text = ("deploy ACME_" + "0123456789abcdef".repeat(2) + " and AKIAIOSFODNN7EXAMPLE").getBytes(StandardCharsets.UTF_8);
    assertThat(c.shield().detector().scan(text)).extracting(f -> f.ruleId())
        .contains("acme-deploy-key", "aws-access-key-id");
    assertThat(RuntimeConfig.local(BASE).shield().detector().scan(text)).extracting(f -> f.ruleId())
        .doesNotContain("acme-deploy-key");
    assertThat(c.version()).isEqualTo(7);
  }

  @Test
  void whatDoesNotCompileIsRefusedNamingTheField() {
    assertThatThrownBy(() -> compile("custom_patterns: [{name: broken, pattern: \"ACME_(\", category: KEY}]"))
        .hasMessageStartingWith("custom_patterns[0].pattern of broken: Unclosed group");
    assertThatThrownBy(() -> compile("upstreams: [{provider: openai, ca_pem: \"-----BEGIN CERTIFICATE-----\\nnope\\n\"}]"))
        .hasMessage("upstreams[0].ca_pem: not valid PEM certificates (expected: -----BEGIN CERTIFICATE----- blocks)");
    assertThatThrownBy(() -> compile("upstreams: [{provider: openai, base_url: \"https://llm.internal/v1?x=1\"}]"))
        .hasMessageStartingWith("upstreams[0].base_url:");
  }

  @Test
  void fleetSettingsOverlayTheGatewaysOwn() throws Exception {
    RuntimeConfig c = compile("""
        provider_keys: [{provider: anthropic, api_key: sk-ant-fleet}, {provider: openai, api_key: sk-openai-fleet}]
        upstreams: [{provider: mistral, base_url: "https://mistral.internal:8443"}]
        default_limits: {key_rpm: 30}
        plans: {team: {org_rpm: 9000, key_rpm: 900}, free: {org_rpm: 100, key_rpm: 10}}
        fail_mode: FAIL_OPEN
        token_key: "%s"
        revoked_key_hashes: ["%s"]
        """.formatted("11".repeat(32), "cd".repeat(32)));
    assertThat(c.upstream(Provider.ANTHROPIC).apiKey()).isEqualTo("sk-ant-fleet");
    assertThat(c.upstream(Provider.OPENAI).apiKey()).isEqualTo("sk-local-env-key"); // the local setting wins
    assertThat(c.upstream(Provider.MISTRAL).baseUrl()).isEqualTo(URI.create("https://mistral.internal:8443"));
    assertThat(c.defaults()).isEqualTo(new io.takumo.aegis.proxy.ratelimit.RateLimiter.Limits(1000, 30, 120));
    assertThat(c.limits("team").orgPerMinute()).isEqualTo(9000);
    assertThat(c.limits("free").keyPerMinute()).isEqualTo(10);
    assertThat(c.limits("unknown")).isEqualTo(c.defaults());
    assertThat(c.failMode()).isEqualTo(FailMode.OPEN);
    assertThat(c.minter()).isNotNull();
    assertThat(c.revoked("cd".repeat(32))).isTrue();
    assertThat(c.revoked("ce".repeat(32))).isFalse();
    assertThat(c.serving()).isTrue();
  }

  @Test
  void theProxySectionAddsHostsAndACaThatOpensOnlyWithTheEncryptionKey() throws Exception {
    io.takumo.aegis.proxy.forward.CertificateAuthority ca = io.takumo.aegis.proxy.forward.CertificateAuthority
        .inDirectory(java.nio.file.Files.createTempDirectory("fleet-ca"));
    byte[] encryption = new byte[32];
    new java.security.SecureRandom().nextBytes(encryption);
    String yaml = "proxy:\n  intercept_hosts: [{host: llm.corp.example, provider: openai}]\n  ca_cert_pem: |\n"
        + ca.certificatePem().lines().map(l -> "    " + l + "\n").reduce("", String::concat)
        + "  ca_key_sealed: " + io.takumo.aegis.proxy.forward.FleetCa.seal(ca, encryption) + "\n";
    GatewayConfig withKey = GatewayConfig.builder().encryptionKey(encryption).build();
    RuntimeConfig c = RuntimeConfig.compile(withKey, new Snapshot(3, ConfigDecoder.decode(ConfigFiles.parse(yaml, false)),
        Snapshot.Source.COORDINATOR));
    assertThat(c.proxyHost("LLM.corp.example")).isEqualTo(Provider.OPENAI);
    assertThat(c.proxyHost("api.openai.com")).as("the gateway's own settings answer for the rest").isNull();
    assertThat(java.util.Objects.requireNonNull(c.proxyCa()).certificate()).isEqualTo(ca.certificate());
    assertThat(compile("proxy: {intercept_hosts: [{host: a.example, provider: mistral}]}").proxyCa()).isNull();
    assertThatThrownBy(() -> compile(yaml)) // BASE has no TAKUMO_ENCRYPTION_KEY
        .hasMessageStartingWith("proxy.ca_key_sealed: this gateway has no TAKUMO_ENCRYPTION_KEY to open it");
  }

  @Test
  void aGatewayWaitingForItsFirstConfigServesOnlyWhenFailOpen() {
    assertThat(RuntimeConfig.awaitingCoordinator(BASE).serving()).isFalse();
    GatewayConfig open = GatewayConfig.builder().failMode(FailMode.OPEN).build();
    assertThat(RuntimeConfig.awaitingCoordinator(open).serving()).isTrue();
    assertThat(RuntimeConfig.awaitingCoordinator(open).source()).isNull();
  }
}
