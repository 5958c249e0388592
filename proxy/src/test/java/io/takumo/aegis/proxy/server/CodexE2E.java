package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.proxy.route.Provider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's "done when", with the real client: the Codex CLI binary (from npm; {@code make e2e-codex} installs it
 * and names it in {@code CODEX_BIN}) pointed at the gateway with {@code openai_base_url}, a Takumo key as its
 * OpenAI key, and a prompt with a secret. The provider is {@link ResponsesWebSocketStub}: Codex must reach it over
 * a WebSocket on its first attempt (one handshake, no fallback to HTTP), the stub must see only tokens, and Codex
 * must print the secret its answer repeats. Not part of {@code make test}: the binary is a download.
 */
class CodexE2E {
  private static final String SECRET = "AKIAIOSFODNN7EXAMPLE";

  @Test
  void codexSpeaksWebSocketThroughTheGatewayAndGetsItsSecretBack() throws Exception {
    String bin = System.getenv("CODEX_BIN");
    assertThat(bin).as("CODEX_BIN (make e2e-codex sets it)").isNotBlank();
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture fixture = GatewayFixture.start(
            b -> b.upstream(Provider.OPENAI, stub.baseUrl(), GatewayFixture.OPENAI_ORG_KEY))) {
      Path home = Files.createDirectories(fixture.dir().resolve("codex-home"));
      Path work = Files.createDirectories(fixture.dir().resolve("work"));
      ProcessBuilder builder = new ProcessBuilder(List.of(bin, "exec", "--skip-git-repo-check", "--sandbox",
          "read-only", "-c", "openai_base_url=\"" + fixture.baseUrl() + "/v1\"", "-m", "gpt-5-codex",
          "Check this config line: aws_key = \"" + SECRET + "\""))
          .directory(work.toFile()).redirectErrorStream(true);
      builder.environment().keySet().removeIf(k -> k.startsWith("OPENAI_") || k.startsWith("CODEX_")
          || k.toUpperCase().endsWith("_PROXY"));
      builder.environment().putAll(Map.of("CODEX_HOME", home.toString(), "CODEX_API_KEY", fixture.key,
          "RUST_LOG", "codex_api=info")); // the README's setup: the Takumo key as Codex's API key
      Process codex = builder.start();
      codex.getOutputStream().close();
      boolean ended = codex.waitFor(180, TimeUnit.SECONDS);
      String output = new String(codex.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!ended) {
        codex.destroyForcibly();
      }
      System.out.println(output);
      assertThat(ended).as("codex ended").isTrue();
      assertThat(codex.exitValue()).as(output).isZero();
      assertThat(stub.handshakes).as("one WebSocket handshake, no retry, no HTTP fallback").hasSize(1);
      assertThat(stub.handshakes.get(0).get("upgrade")).isEqualToIgnoringCase("websocket");
      assertThat(stub.handshakes.get(0).get("authorization")).isEqualTo("Bearer " + GatewayFixture.OPENAI_ORG_KEY);
      String sent = String.join("\n", stub.received);
      assertThat(sent).contains("response.create").contains("__TAKUMO_v1_").doesNotContain(SECRET)
          .doesNotContain(fixture.key);
      assertThat(output).as("Codex prints the answer with the secret restored").contains("Use " + SECRET + " now.");
    }
  }
}
