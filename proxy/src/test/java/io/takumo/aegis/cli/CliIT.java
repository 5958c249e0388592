package io.takumo.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The takumo-aegis CLI as a user runs it: a separate JVM, environment variables, stdout and signals. */
class CliIT {
  @TempDir Path home;

  private Process start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("HOME", home.toString());
    builder.environment().keySet().removeIf(k -> k.startsWith("TAKUMO_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static String read(java.io.InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void keysCreatePrintsOnlyTheKeyAndStoresOnlyItsHash() throws Exception {
    Path store = home.resolve("keys.json");
    Process create = start(Map.of("TAKUMO_KEYS_FILE", store.toString()), "keys", "create", "--name", "laptop",
        "--scopes", "shield:write,audit:read", "--env", "live");
    String out = read(create.getInputStream());
    String err = read(create.getErrorStream());
    assertThat(create.waitFor()).isZero();

    assertThat(out.lines().toList()).hasSize(1);
    String key = out.trim();
    assertThat(key).matches("tk_live_[0-9a-f]{64}");
    assertThat(err).contains(key.substring(0, 12)).doesNotContain(key);
    assertThat(Files.readString(store)).doesNotContain(key).contains("audit:read");

    Process list = start(Map.of("TAKUMO_KEYS_FILE", store.toString()), "keys", "list");
    String listed = read(list.getInputStream());
    assertThat(list.waitFor()).isZero();
    assertThat(listed).contains(key.substring(0, 12)).contains("laptop").doesNotContain(key);

    Process revoke = start(Map.of("TAKUMO_KEYS_FILE", store.toString()), "keys", "revoke", key.substring(0, 12));
    assertThat(revoke.waitFor()).isZero();
    assertThat(Files.readString(store)).contains("\"revoked\"");
  }

  @Test
  void usageErrorsExit2() throws Exception {
    Process bad = start(Map.of(), "keys", "create", "--name", "x", "--scopes", "shield:everything");
    String err = read(bad.getErrorStream());
    assertThat(bad.waitFor()).isEqualTo(2);
    assertThat(err).contains("shield:everything").contains("expected one of");

    Process version = start(Map.of(), "--version");
    assertThat(read(version.getInputStream())).startsWith("takumo-aegis ");
    assertThat(version.waitFor()).isZero();
  }

  @Test
  void badConfigurationFailsStartNamingTheField() throws Exception {
    Process gateway = start(Map.of("TAKUMO_LISTEN_ADDR", "nowhere"), "gateway");
    String err = read(gateway.getErrorStream());
    assertThat(gateway.waitFor()).isEqualTo(2);
    assertThat(err).contains("TAKUMO_LISTEN_ADDR: nowhere (expected: host:port");
  }

  @Test
  void gatewayPrintsAFirstKeyServesAndDrainsOnSigterm() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process gateway = start(Map.of("TAKUMO_LISTEN_ADDR", "127.0.0.1:" + port, "TAKUMO_ENVIRONMENT", "test"), "gateway");
    CompletableFuture<Void> listening = new CompletableFuture<>();
    StringBuilder log = new StringBuilder();
    Thread stderr = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(gateway.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          synchronized (log) {
            log.append(line).append('\n');
          }
          if (line.contains("gateway listening on")) {
            listening.complete(null);
          }
        }
      } catch (IOException e) {
        listening.completeExceptionally(e);
      }
    });
    stderr.start();
    try {
      BufferedReader stdout = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8));
      String key = null;
      String line;
      while (key == null && (line = stdout.readLine()) != null) {
        if (line.contains("export ANTHROPIC_API_KEY=")) {
          key = line.substring(line.indexOf('=') + 1);
        }
      }
      assertThat(key).matches("tk_test_[0-9a-f]{64}");
      assertThat(Files.readString(home.resolve(".takumo/keys.json"))).doesNotContain(key);
      listening.get(30, TimeUnit.SECONDS);

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/health"))
          .header("x-api-key", key).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    } finally {
      gateway.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its pipes
    }
    assertThat(gateway.waitFor(40, TimeUnit.SECONDS)).isTrue();
    stderr.join(10_000);
    synchronized (log) {
      assertThat(log.toString()).contains("draining").contains("gateway stopped");
    }
  }
}
