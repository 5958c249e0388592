package io.takumo.aegis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.takumo.aegis.proxy.auth.FileKeyStore;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.testing.StubUpstream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image as {@code make image} built it ({@code localhost/takumo-aegis:latest}, or
 * {@code -Dtakumo.image}), run with podman on the host's network with a read-only root filesystem and driven
 * from here: its first key in its log, {@code /readyz}, a request whose secret is tokenized upstream and restored
 * in the answer, the image's own health check, and a SIGTERM that drains an exchange in flight. Runs under
 * {@code make image-test} only (profile {@code image}).
 */
class ContainerImageIT {
  private static final String IMAGE = System.getProperty("takumo.image", "localhost/takumo-aegis:latest");
  private static final Pattern FIRST_KEY = Pattern.compile("export ANTHROPIC_API_KEY=(tk_test_[0-9a-f]{64})");
  private static final String SECRET = "AKIA" + "Z7Q2M4X3K3P5R2T6";
  private final String name = "aegis-image-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void remove() throws Exception {
    podman("rm", "-f", "-t", "0", name);
  }

  @Test
  void theImageRunsTokenizesAndDrains() throws Exception {
    JsonNode config = new ObjectMapper().readTree(podman("image", "inspect", IMAGE)).get(0).path("Config");
    assertThat(config.path("User").asText()).isEqualTo("10001:10001");
    assertThat(config.at("/Labels/org.opencontainers.image.version").asText()).isNotBlank().isNotEqualTo("unknown");
    assertThat(config.at("/Labels/org.opencontainers.image.licenses").asText()).isNotBlank();
    assertThat(config.at("/Labels/org.opencontainers.image.source").asText()).isNotBlank();
    assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(config.path("ExposedPorts").has("8443/tcp")).isTrue();

    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port;
    try (StubUpstream anthropic = StubUpstream.start()) {
      podman("run", "-d", "--name", name, "--network", "host", "--read-only",
          "-e", "TAKUMO_ENVIRONMENT=test", "-e", "TAKUMO_LISTEN_ADDR=127.0.0.1:" + port,
          "-e", "TAKUMO_ANTHROPIC_BASE_URL=" + anthropic.baseUrl(), "-e", "TAKUMO_ANTHROPIC_API_KEY=sk-ant-org",
          IMAGE);
      Process logs = new ProcessBuilder("podman", "logs", "-f", name).redirectErrorStream(true).start();
      try (BufferedReader log = new BufferedReader(new InputStreamReader(logs.getInputStream(), StandardCharsets.UTF_8))) {
        String key = awaitLine(log, FIRST_KEY).group(1); // printed once the gateway listens, as make run does

        assertThat(get(base + "/readyz").statusCode()).isEqualTo(200);
        HttpResponse<String> answer = http.send(messages(base, key), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains(SECRET);
        String upstream = new String(anthropic.lastRequest().body(), StandardCharsets.UTF_8);
        assertThat(upstream).doesNotContain(SECRET).contains("__TAKUMO_v1_KEY_");
        assertThat(exitOf("podman", "healthcheck", "run", name)).as("the image's HEALTHCHECK").isZero();

        // SIGTERM with an exchange in flight: the listener closes, the exchange finishes, then the process ends.
        CompletableFuture<Void> release = new CompletableFuture<>();
        anthropic.behavior(StubUpstream.Behavior.hold(release));
        CompletableFuture<Void> held = anthropic.nextRequestSeen();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(messages(base, key),
            HttpResponse.BodyHandlers.ofString());
        held.get(30, TimeUnit.SECONDS);
        podman("kill", "--signal", "TERM", name);
        awaitLine(log, Pattern.compile("draining: 1 exchange\\(s\\) in flight"));
        assertThat(readinessWhileDraining(base + "/readyz")).isIn("503", "refused");
        release.complete(null);
        HttpResponse<String> drained = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(drained.statusCode()).isEqualTo(200);
        assertThat(drained.body()).contains(SECRET);
        awaitLine(log, Pattern.compile("gateway stopped"));
      } finally {
        logs.destroy();
      }
      assertThat(podman("wait", name).strip()).as("exit status after SIGTERM (128 + 15)").isEqualTo("143");
      assertThat(podman("logs", name)).doesNotContain(SECRET).doesNotContain(" ERROR ");
    }
  }

  /**
   * Sidecar mode as the chart runs it: the key store is a read-only file from a Secret (hashes only), the token
   * key comes from the environment, and no first key is made; the application's key works at once.
   */
  @Test
  void aSidecarTakesItsKeysFromAReadOnlySecret(@TempDir Path secret) throws Exception {
    String key = FileKeyStore.open(secret.resolve("keys.json"))
        .create("app", "org-app", KeyEnvironment.LIVE, Set.of(Scope.SHIELD_WRITE), null);
    Files.setPosixFilePermissions(secret.resolve("keys.json"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwxr-xr-x")); // as a Secret volume is
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (StubUpstream anthropic = StubUpstream.start()) {
      podman("run", "-d", "--name", name, "--network", "host", "--read-only",
          "-v", secret + ":/etc/takumo/keys:ro", "-e", "TAKUMO_KEYS_FILE=/etc/takumo/keys/keys.json",
          "-e", "TAKUMO_TOKEN_KEY=" + "5a".repeat(32), "-e", "TAKUMO_LISTEN_ADDR=127.0.0.1:" + port,
          "-e", "TAKUMO_ANTHROPIC_BASE_URL=" + anthropic.baseUrl(), "-e", "TAKUMO_ANTHROPIC_API_KEY=sk-ant-org",
          IMAGE, "gateway", "--no-first-key");
      Process logs = new ProcessBuilder("podman", "logs", "-f", name).redirectErrorStream(true).start();
      try (BufferedReader log = new BufferedReader(new InputStreamReader(logs.getInputStream(), StandardCharsets.UTF_8))) {
        awaitLine(log, Pattern.compile("gateway listening on /127\\.0\\.0\\.1:" + port));
        HttpResponse<String> answer = http.send(messages("http://127.0.0.1:" + port, key),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains(SECRET);
        assertThat(new String(anthropic.lastRequest().body(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
      } finally {
        logs.destroy();
      }
      assertThat(podman("logs", name)).doesNotContain("Created the first Takumo API key").doesNotContain(key);
    }
  }

  /** 503, or "refused" once the listener has closed (the log line comes just before it closes). */
  private String readinessWhileDraining(String uri) throws IOException, InterruptedException {
    try {
      return Integer.toString(get(uri).statusCode());
    } catch (ConnectException e) {
      return "refused";
    }
  }

  private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest messages(String base, String key) {
    return HttpRequest.newBuilder(URI.create(base + "/v1/messages")).header("x-api-key", key)
        .header("content-type", "application/json").header("anthropic-version", "2023-06-01")
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"claude-x\",\"max_tokens\":16,\"messages\":"
            + "[{\"role\":\"user\",\"content\":\"deploy with " + SECRET + "\"}]}")).build();
  }

  /** Reads the container's log until a line matches (the log stream blocks; no polling). */
  private static Matcher awaitLine(BufferedReader log, Pattern pattern) throws IOException {
    for (String line = log.readLine(); line != null; line = log.readLine()) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m;
      }
    }
    throw new AssertionError("the container's log ended before a line matching " + pattern);
  }

  private static String podman(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private static int exitOf(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }
}
