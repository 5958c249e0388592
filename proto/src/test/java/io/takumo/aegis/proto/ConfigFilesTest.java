package io.takumo.aegis.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.takumo.aegis.proto.config.v1.Config;
import io.takumo.aegis.proto.config.v1.Enforcement;
import io.takumo.aegis.proto.config.v1.FailMode;
import org.junit.jupiter.api.Test;

class ConfigFilesTest {
  @Test
  void yamlAndJsonReadTheSameSchema() {
    Config yaml = ConfigFiles.parse("""
        fail_mode: FAIL_OPEN
        plans: {free: {org_rpm: 100, key_rpm: 10}}
        policies:
          - name: strict
            rules: [{match: "category:KEY", enforcement: BLOCK}]
        """, false);
    Config json = ConfigFiles.parse("""
        {"failMode": "FAIL_OPEN", "plans": {"free": {"orgRpm": "100", "keyRpm": 10}},
         "policies": [{"name": "strict", "rules": [{"match": "category:KEY", "enforcement": "BLOCK"}]}]}
        """, true);
    assertThat(yaml).isEqualTo(json);
    assertThat(yaml.getFailMode()).isEqualTo(FailMode.FAIL_OPEN);
    assertThat(yaml.getPolicies(0).getRules(0).getEnforcement()).isEqualTo(Enforcement.BLOCK);
    assertThat(ConfigFiles.parse("", false)).isEqualTo(Config.getDefaultInstance());
    assertThat(ConfigFiles.parse(ConfigFiles.toJson(yaml), true)).isEqualTo(yaml);
  }

  @Test
  void aTypoOrBadSyntaxIsRefusedWithoutQuotingTheDocument() {
    assertThatThrownBy(() -> ConfigFiles.parse("fail_mod: FAIL_OPEN\n", false))
        .hasMessageStartingWith("does not match the takumo.config.v1.Config schema");
    String secret = "sk-ant-api03-secretsecretsecret";
    assertThatThrownBy(() -> ConfigFiles.parse("{\"token_key\": " + secret + "}", true))
        .hasMessage("not valid JSON at line 1, column 15")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    // A value in the wrong field (a key pasted as a number, an enum, an object) is not quoted back.
    for (String doc : new String[] {"{\"plans\": {\"x\": {\"org_rpm\": \"" + secret + "\"}}}",
        "{\"fail_mode\": \"" + secret + "\"}", "{\"token_key\": {\"a\": \"" + secret + "\"}}",
        "{\"provider_keys\": \"" + secret + "\"}"}) {
      assertThatThrownBy(() -> ConfigFiles.parse(doc, true))
          .hasMessageStartingWith("does not match the takumo.config.v1.Config schema")
          .hasMessageContaining("(value not shown)")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }
    assertThatThrownBy(() -> ConfigFiles.parse("- a list\n", false))
        .hasMessage("expected a mapping of config fields at the top level");
  }
}
