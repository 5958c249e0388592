package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.takumo.aegis.proxy.auth.FileKeyStore;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default mints the same token for the same secret across a restart: a conversation
 * that spans one still rehydrates. The token key it made is kept 0600 next to its key file.
 */
class TokenKeyIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path dir;

  @Test
  void tokensSurviveARestartWithoutTakumoTokenKey() throws Exception {
    Path keysFile = dir.resolve("keys.json");
    String key = FileKeyStore.open(keysFile).create("t", "org", KeyEnvironment.TEST, Scope.all(), null);
    GatewayConfig config = GatewayConfig.builder()
        .listen(new InetSocketAddress("127.0.0.1", 0))
        .environment(KeyEnvironment.TEST)
        .keysFile(keysFile)
        .auditFile(dir.resolve("audit.jsonl"))
        .ioThreads(1)
        .build();
    String first;
    try (Gateway gateway = Gateway.start(config)) {
      first = token(gateway, key);
    }
    Path tokenKey = dir.resolve(GatewayStores.TOKEN_KEY_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenKey))).isEqualTo("rw-------");
    try (Gateway restarted = Gateway.start(config)) {
      assertThat(token(restarted, key)).isEqualTo(first);
    }
    Files.delete(tokenKey); // a new key: new tokens
    try (Gateway fresh = Gateway.start(config)) {
      assertThat(token(fresh, key)).isNotEqualTo(first);
    }
  }

  private static String token(Gateway gateway, String key) throws Exception {
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + gateway.port() + "/v1/tokenize"))
        .header("authorization", "Bearer " + key).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"aws AKIAIOSFODNN7EXAMPLE\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).path("detections").get(0).path("token").asText();
  }
}
