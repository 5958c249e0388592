package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.proxy.forward.CertificateAuthority;
import io.takumo.aegis.testing.StubUpstream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's "done when", with the real clients: the Claude Code binary (from npm, {@code make e2e-claude-code}
 * installs it and names it in {@code CLAUDE_CODE_BIN}) and curl, each set up as a developer's machine is —
 * {@code HTTPS_PROXY=http://dev:KEY@gateway} and the exported CA — talking to {@code api.anthropic.com}, whose
 * traffic the gateway sends to a stub that behaves like the Messages API (SSE, a Write tool call, then text).
 * Not part of {@code make test}: the binary is a 240 MB download.
 */
class ClaudeCodeE2E {
  private static final String SECRET = "AKIAIOSFODNN7EXAMPLE";
  private static final String PASSWORD = "postgres://app:Xk9#mQ2vLp7wZr4t@db.internal:5432/orders";
  private static GatewayFixture fixture;
  private static Path caPem;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
    caPem = fixture.dir().resolve("takumo-ca.pem"); // as `takumo-aegis ca export > takumo-ca.pem` writes it
    Files.writeString(caPem, CertificateAuthority.inDirectory(fixture.dir().resolve("ca")).certificatePem());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static String proxyUrl() {
    return "http://dev:" + fixture.key + "@127.0.0.1:" + fixture.gateway.port();
  }

  private static Process run(Path dir, Map<String, String> env, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("ANTHROPIC_") || k.toUpperCase().endsWith("_PROXY"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void assertProviderSawNoSecret(int from) {
    List<StubUpstream.Recorded> seen = fixture.anthropic.requests();
    assertThat(seen.size()).isGreaterThan(from);
    for (StubUpstream.Recorded r : seen.subList(from, seen.size())) {
      assertThat(r.everything()).doesNotContain(SECRET).doesNotContain("Xk9#mQ2vLp7wZr4t").doesNotContain(fixture.key);
    }
  }

  @Test
  void claudeCodeWritesTheRealSecretsWhileTheProviderSeesOnlyTokens() throws Exception {
    String binary = System.getenv("CLAUDE_CODE_BIN");
    assertThat(binary).as("CLAUDE_CODE_BIN names the Claude Code binary (make e2e-claude-code sets it)").isNotBlank();
    Path work = Files.createDirectories(fixture.dir().resolve("project"));
    Path home = Files.createDirectories(fixture.dir().resolve("home"));
    Path written = work.resolve("deploy.env");
    fixture.anthropic.writePath(written.toString());
    int before = fixture.anthropic.requests().size();
    Process claude = run(work, Map.of(
        "HOME", home.toString(),
        "HTTPS_PROXY", proxyUrl(),
        "NODE_EXTRA_CA_CERTS", caPem.toString(),
        "ANTHROPIC_API_KEY", fixture.key, // a Takumo key in x-api-key: never forwarded
        "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1",
        "DISABLE_AUTOUPDATER", "1"),
        List.of(binary, "-p", "Save these settings for the deploy: AWS_ACCESS_KEY_ID=" + SECRET + " DATABASE_URL="
            + PASSWORD, "--permission-mode", "acceptEdits", "--allowedTools", "Write", "--max-turns", "3"));
    claude.getOutputStream().close();
    String output = new String(claude.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(claude.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(claude.exitValue()).as(output).isZero();

    // the Write tool got the real values back and wrote them
    assertThat(Files.readString(written)).contains(SECRET).contains(PASSWORD);
    // the provider saw every request of the run, each with tokens only
    assertProviderSawNoSecret(before);
    assertThat(fixture.anthropic.requests().subList(before, fixture.anthropic.requests().size()))
        .anySatisfy(r -> assertThat(r.uri()).startsWith("/v1/messages"))
        .anySatisfy(r -> assertThat(r.bodyText()).contains("__TAKUMO_v1_"));
    System.out.println("claude -p through the forward proxy: upstream saw " + fixture.anthropic.requests()
        .subList(before, fixture.anthropic.requests().size()).stream().map(r -> r.method() + " " + r.uri()).toList()
        + "; output: " + output.strip());
  }

  @Test
  void curlThroughTheProxyWithTheExportedCa() throws Exception {
    int before = fixture.anthropic.requests().size();
    String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":"
        + "\"the key is " + SECRET + "\"}]}";
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail-with-body", "--proxy", proxyUrl(),
        "--cacert", caPem.toString(), "https://api.anthropic.com/v1/messages", "-H", "content-type: application/json",
        "-H", "anthropic-version: 2023-06-01", "--data-binary", body, "-w", "\\n%{http_version}"));
    Process curl = run(fixture.dir(), Map.of(), command);
    String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(curl.exitValue()).as(output).isZero();
    assertThat(output).contains("the key is " + SECRET).endsWith("\n2"); // restored; curl negotiated h2 in the tunnel
    assertProviderSawNoSecret(before);
  }
}
