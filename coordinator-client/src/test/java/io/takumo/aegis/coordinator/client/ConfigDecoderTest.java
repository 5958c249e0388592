package io.takumo.aegis.coordinator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.takumo.aegis.proto.ConfigFiles;
import io.takumo.aegis.proto.config.v1.Config;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ConfigDecoderTest {
  private static FleetConfig decode(String yaml) throws ConfigRejectedException {
    return ConfigDecoder.decode(ConfigFiles.parse(yaml, false));
  }

  @Test
  void decodesEveryField() throws Exception {
    FleetConfig c = decode("""
        policies:
          - name: strict
            rules: [{match: "category:KEY", enforcement: BLOCK}, {match: "*", enforcement: MONITOR}]
        custom_patterns: [{name: acme, pattern: "ACME_[0-9a-f]{32}", category: key, description: ACME}]
        plans: {free: {org_rpm: 100, key_rpm: 10}}
        default_limits: {org_rpm: 500}
        provider_keys: [{provider: Anthropic, api_key: sk-ant-api03-fleetfleetfleet}]
        token_key: 000102030405060708090a0b0c0d0e0f
        revoked_key_hashes: [%s]
        fail_mode: FAIL_OPEN
        upstreams: [{provider: openai, base_url: "https://llm.internal:8443/v1"}]
        proxy:
          intercept_hosts: [{host: LLM.corp.example, provider: OpenAI}]
          ca_cert_pem: "-----BEGIN CERTIFICATE-----"
          ca_key_sealed: "c2VhbGVk"
        """.formatted("ab".repeat(32)));
    assertThat(c.rules()).containsExactly(new FleetConfig.PolicyRule("strict", "category:KEY", Enforcement.BLOCK),
        new FleetConfig.PolicyRule("strict", "*", Enforcement.MONITOR));
    assertThat(c.customPatterns().get(0).category()).isEqualTo("KEY");
    assertThat(c.customPatterns().get(0).enforcement()).isEqualTo(Enforcement.WARN); // unspecified: warn
    assertThat(c.plans()).containsEntry("free", new FleetConfig.PlanLimits(100, 10));
    assertThat(c.defaultLimits()).isEqualTo(new FleetConfig.RateLimits(500, 0, 0));
    assertThat(c.providerKeys()).containsOnlyKeys("anthropic");
    assertThat(c.tokenKey()).hasSize(16);
    assertThat(c.revokedKeyHashes()).containsExactly("ab".repeat(32));
    assertThat(c.failMode()).isEqualTo(FailMode.OPEN);
    assertThat(c.upstreams().get(0).baseUrl()).isEqualTo(URI.create("https://llm.internal:8443/v1"));
    assertThat(c.proxy().interceptHosts()).containsExactly(java.util.Map.entry("llm.corp.example", "openai"));
    assertThat(c.proxy().caKeySealed()).isEqualTo("c2VhbGVk");
    assertThat(c.toString()).doesNotContain("fleetfleet").doesNotContain("0001020304").contains("token key set")
        .doesNotContain("c2VhbGVk").contains("fleet CA");
    assertThat(ConfigDecoder.decode(Config.getDefaultInstance())).isEqualTo(FleetConfig.EMPTY);
  }

  @Test
  void refusalsNameTheFieldAndWhatWasExpectedButNoSecret() {
    assertThatThrownBy(() -> decode("policies: [{rules: [{match: \"category:NOPE\", enforcement: BLOCK}]}]"))
        .hasMessage("policies[0].rules[0].match: category:NOPE (expected: category: followed by one of "
            + "[CONN, HOST, KEY, SECRET, TOKEN, USER])");
    assertThatThrownBy(() -> decode("policies: [{rules: [{match: x}]}]"))
        .hasMessage("policies[0].rules[0].enforcement: ENFORCEMENT_UNSPECIFIED (expected: BLOCK, WARN or MONITOR)");
    assertThatThrownBy(() -> decode("custom_patterns: [{name: a, pattern: x, category: KEY}, {name: a, pattern: y, category: KEY}]"))
        .hasMessageStartingWith("custom_patterns[1].name: 'a' (expected: a unique, non-empty rule id)");
    assertThatThrownBy(() -> decode("token_key: \"0001020304\""))
        .hasMessage("token_key: (5 bytes) (expected: at least 16 bytes)");
    assertThatThrownBy(() -> decode("token_key: \"sk-not base64!\""))
        .hasMessage("token_key: (hidden) (expected: bytes as hex or base64)");
    assertThatThrownBy(() -> decode("provider_keys: [{provider: cohere, api_key: sk-secret-value}]"))
        .hasMessage("provider_keys[0].provider: 'cohere' (expected: one of [anthropic, google, mistral, openai])");
    assertThatThrownBy(() -> decode("provider_keys: [{provider: openai, api_key: a}, {provider: openai, api_key: b}]"))
        .hasMessage("provider_keys[1].api_key: a second key for openai (expected: one non-empty key per provider)");
    String rawKey = "tk_test_" + "ab".repeat(32);
    assertThatThrownBy(() -> decode("revoked_key_hashes: [" + rawKey + "]"))
        .hasMessage("revoked_key_hashes[0]: (not shown, 72 characters) (expected: SHA-256 of the key as 64 lowercase "
            + "hex characters, never the key)");
    assertThatThrownBy(() -> decode("upstreams: [{provider: openai, base_url: \"ftp://x\"}]"))
        .hasMessage("upstreams[0].base_url: (not shown) (expected: an absolute http:// or https:// URL)");
    assertThatThrownBy(() -> decode("proxy: {intercept_hosts: [{host: \"llm corp\", provider: openai}]}"))
        .hasMessage("proxy.intercept_hosts[0].host: 'llm corp' (expected: a host name such as llm.corp.example)");
    assertThatThrownBy(() -> decode("proxy: {intercept_hosts: [{host: a.example, provider: cohere}]}"))
        .hasMessage("proxy.intercept_hosts[0].provider: 'cohere' (expected: one of [anthropic, google, mistral, openai])");
    assertThatThrownBy(() -> decode("proxy: {intercept_hosts: [{host: a.example, provider: openai}, "
        + "{host: A.example, provider: mistral}]}"))
        .hasMessage("proxy.intercept_hosts[1].host: a.example (expected: each host once)");
    assertThatThrownBy(() -> decode("proxy: {ca_cert_pem: x}"))
        .hasMessageStartingWith("proxy.ca_key_sealed: empty (expected: ca_cert_pem and ca_key_sealed together");
    assertThatThrownBy(() -> decode("proxy: {ca_cert_pem: x, ca_key_sealed: \"-----BEGIN PRIVATE KEY-----\"}"))
        .hasMessageStartingWith("proxy.ca_key_sealed: (not shown) (expected: base64");
    assertThatThrownBy(() -> decode("plans: {free: {org_rpm: 0, key_rpm: 1}}"))
        .hasMessageStartingWith("plans[free]: 0/1");
  }
}
