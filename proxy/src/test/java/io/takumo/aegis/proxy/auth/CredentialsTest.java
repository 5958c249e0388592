package io.takumo.aegis.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static final String KEY = "tk_test_" + "ab".repeat(32);

  private static Credentials of(String... nameValues) {
    HttpHeaders headers = new DefaultHttpHeaders();
    for (int i = 0; i < nameValues.length; i += 2) {
      headers.add(nameValues[i], nameValues[i + 1]);
    }
    return Credentials.from(headers);
  }

  @Test
  void takumoKeyInEveryAcceptedPlace() {
    assertThat(of("x-api-key", KEY).takumoKey()).isEqualTo(KEY);
    assertThat(of("Authorization", "Bearer " + KEY).takumoKey()).isEqualTo(KEY);
    assertThat(of("authorization", "bearer " + KEY).takumoKey()).isEqualTo(KEY);
    assertThat(of("x-takumo-key", KEY).takumoKey()).isEqualTo(KEY);
    assertThat(of("Proxy-Authorization", "Bearer " + KEY).takumoKey()).isEqualTo(KEY);
    String basic = Base64.getEncoder().encodeToString(("user:" + KEY).getBytes(StandardCharsets.UTF_8));
    assertThat(of("Proxy-Authorization", "Basic " + basic).takumoKey()).isEqualTo(KEY);
  }

  @Test
  void providerKeyAlongsideIsRecognizedForPassThrough() {
    Credentials anthropic = of("x-api-key", "sk-ant-api03-xyz", "x-takumo-key", KEY);
    assertThat(anthropic.takumoKey()).isEqualTo(KEY);
    assertThat(anthropic.providerKeyHeader().toString()).isEqualTo("x-api-key");

    Credentials openai = of("Authorization", "Bearer sk-proj-abc", "x-api-key", KEY);
    assertThat(openai.takumoKey()).isEqualTo(KEY);
    assertThat(openai.providerKeyHeader().toString()).isEqualToIgnoringCase("authorization");

    Credentials google = of("x-goog-api-key", "AIza-whatever", "x-takumo-key", KEY);
    assertThat(google.providerKeyHeader().toString()).isEqualTo("x-goog-api-key");
  }

  @Test
  void noKeyAtAll() {
    Credentials none = of("content-type", "application/json");
    assertThat(none.takumoKey()).isNull();
    assertThat(none.anyCredential()).isFalse();
    Credentials providerOnly = of("x-api-key", "sk-ant-only");
    assertThat(providerOnly.takumoKey()).isNull();
    assertThat(providerOnly.anyCredential()).isTrue();
  }

  @Test
  void toStringNeverPrintsTheKey() {
    assertThat(of("x-api-key", KEY).toString()).doesNotContain(KEY).contains("tk_test_abab");
  }

  @Test
  void aTakumoKeyWhereGoogleClientsPutTheirsIsTheTakumoKeyNeverAProviderKey() {
    Credentials header = of("x-goog-api-key", KEY);
    assertThat(header.takumoKey()).isEqualTo(KEY);
    assertThat(header.providerKeyHeader()).isNull();
    HttpHeaders none = new DefaultHttpHeaders();
    Credentials query = Credentials.from(none, "?alt=sse&key=" + KEY);
    assertThat(query.takumoKey()).isEqualTo(KEY);
    assertThat(query.providerKeyHeader()).isNull();
    assertThat(Credentials.from(none, "?key=AIza-not-ours").takumoKey()).isNull();
  }

  @Test
  void takumoKeysAreFoundInTextAndQueriesLoseThem() {
    assertThat(ApiKeys.appearsIn("session=1; t=" + KEY)).isTrue();
    assertThat(ApiKeys.appearsIn("tk_live_0123abcd")).isTrue(); // cut short: still a key's worth
    assertThat(ApiKeys.appearsIn("tk_live_ and tk_test_xyz")).isFalse();
    assertThat(Queries.withoutTakumoKeys("?beta=true&key=" + KEY + "&x=1")).isEqualTo("?beta=true&x=1");
    assertThat(Queries.withoutTakumoKeys("?k=%74k_test_" + "ab".repeat(32))).isEmpty();
    assertThat(Queries.withoutTakumoKeys("?beta=true")).isEqualTo("?beta=true");
  }
}
