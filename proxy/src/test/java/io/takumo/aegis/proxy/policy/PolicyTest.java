package io.takumo.aegis.proxy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.coordinator.client.ConfigDecoder;
import io.takumo.aegis.coordinator.client.Enforcement;
import io.takumo.aegis.detect.Category;
import io.takumo.aegis.proto.ConfigFiles;
import io.takumo.aegis.shield.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTest {
  private static Policy policy(String yaml) throws Exception {
    return Policy.compile(ConfigDecoder.decode(ConfigFiles.parse(yaml, false)));
  }

  private static Detection found(Category category, String rule) {
    return new Detection(category, rule, 0, 10, "__TAKUMO_v1_" + category + "_00000000__");
  }

  @Test
  void withoutRulesEverythingWarns() {
    assertThat(Policy.DEFAULT.enforcement("aws-access-key-id", "KEY")).isEqualTo(Enforcement.WARN);
    assertThat(Policy.DEFAULT.blocks()).isFalse();
  }

  @Test
  void aKeyPublicByDesignIsMonitoredUnlessAPolicyAsksMore() throws Exception {
    assertThat(Policy.DEFAULT.enforcement("stripe-publishable-key", "KEY")).isEqualTo(Enforcement.MONITOR);
    assertThat(Policy.DEFAULT.enforcement("stripe-key", "KEY")).isEqualTo(Enforcement.WARN); // its secret sibling
    Policy asks = policy("""
        policies: [{name: strict, rules: [{match: stripe-publishable-key, enforcement: WARN}]}]
        """);
    assertThat(asks.enforcement("stripe-publishable-key", "KEY")).isEqualTo(Enforcement.WARN);
  }

  @Test
  void theStrictestMatchingRuleWinsWhateverTheOrder() throws Exception {
    Policy p = policy("""
        policies:
          - name: lenient
            rules: [{match: "*", enforcement: MONITOR}, {match: github-pat, enforcement: WARN}]
          - name: strict
            rules: [{match: "category:CONN", enforcement: BLOCK}]
        """);
    assertThat(p.enforcement("postgres-url", "CONN")).isEqualTo(Enforcement.BLOCK);
    assertThat(p.enforcement("github-pat", "TOKEN")).isEqualTo(Enforcement.WARN); // stricter than * monitor
    assertThat(p.enforcement("jwt", "TOKEN")).isEqualTo(Enforcement.MONITOR);
    assertThat(p.blocks()).isTrue();
  }

  @Test
  void aCustomPatternKeepsItsOwnEnforcementUnlessARuleNamesIt() throws Exception {
    Policy own = policy("custom_patterns: [{name: acme, pattern: x, category: KEY, enforcement: BLOCK}]");
    assertThat(own.enforcement("acme", "KEY")).isEqualTo(Enforcement.BLOCK);
    assertThat(own.blocks()).isTrue();
    Policy named = policy("""
        custom_patterns: [{name: acme, pattern: x, category: KEY, enforcement: BLOCK}]
        policies: [{name: p, rules: [{match: acme, enforcement: MONITOR}]}]
        """);
    assertThat(named.enforcement("acme", "KEY")).isEqualTo(Enforcement.MONITOR);
  }

  @Test
  void theVerdictCountsPerRuleAndSaysWhatToAudit() throws Exception {
    Policy p = policy("""
        policies: [{name: p, rules: [{match: postgres-url, enforcement: BLOCK}, {match: jwt, enforcement: MONITOR}]}]
        """);
    Policy.Verdict v = p.judge(List.of(found(Category.KEY, "aws-access-key-id"), found(Category.KEY, "aws-access-key-id"),
        found(Category.CONN, "postgres-url"), found(Category.TOKEN, "jwt")));
    assertThat(v.blocked()).containsExactly(java.util.Map.entry("CONN/postgres-url", 1));
    assertThat(v.warningHeader()).isEqualTo("KEY/aws-access-key-id;count=2");
    assertThat(v.actions()).containsExactly("block:CONN/postgres-url", "warn:KEY/aws-access-key-id");
    assertThat(Policy.DEFAULT.judge(List.of()).warningHeader()).isNull();
  }
}
