package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.takumo.aegis.coordinator.client.Snapshot;
import io.takumo.aegis.proxy.config.ConfigException;
import io.takumo.aegis.proxy.config.GatewayConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §5 enforcement on a gateway without a coordinator, configured by {@code TAKUMO_CONFIG_FILE}. */
class PolicyIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DB_URL = "postgres://app:Xk9mQ2vL8pR4@db.internal:5432/app";
  private static final String AWS_KEY = "AKIAIOSFODNN7EXAMPLE";

  @TempDir Path dir;

  private static GatewayConfig.FleetSettings file(Path config) {
    return new GatewayConfig.FleetSettings(null, null, null, config.resolveSibling("state"), config);
  }

  @Test
  void blockRefusesBeforeAnythingLeavesWarnFlagsTheAnswerMonitorStaysSilent() throws Exception {
    Path config = Files.writeString(dir.resolve("aegis.yaml"), """
        policies:
          - name: no-databases
            rules:
              - {match: "category:CONN", enforcement: BLOCK}
              - {match: jwt, enforcement: MONITOR}
        """);
    try (GatewayFixture f = GatewayFixture.start(b -> b.fleet(file(config)))) {
      assertThat(f.gateway.runtime().source()).isEqualTo(Snapshot.Source.LOCAL);
      HttpResponse<String> blocked = send(f, "connect to " + DB_URL + " please", true);
      assertThat(blocked.statusCode()).isEqualTo(422);
      assertThat(blocked.body()).contains("\"code\":\"POLICY_BLOCKED\"").contains("category CONN")
          .contains("request body at byte").doesNotContain("Xk9mQ2vL8pR4");
      assertThat(f.anthropic.requests()).isEmpty();

      // Chunked: the body is held whole before it is judged, then forwarded with its Content-Length.
      HttpResponse<String> warned = send(f, "aws_key = " + AWS_KEY, false);
      assertThat(warned.statusCode()).isEqualTo(200);
      assertThat(warned.headers().firstValue(io.takumo.aegis.proxy.upstream.RelayHandler.WARNINGS_HEADER)).hasValue("KEY/aws-access-key-id;count=1");
      assertThat(f.anthropic.lastRequest().bodyText()).doesNotContain(AWS_KEY);
      assertThat(f.anthropic.lastRequest().everything()).containsIgnoringCase("content-length");

      String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
      HttpResponse<String> monitored = send(f, "token " + jwt, true);
      assertThat(monitored.statusCode()).isEqualTo(200);
      assertThat(monitored.headers().firstValue(io.takumo.aegis.proxy.upstream.RelayHandler.WARNINGS_HEADER)).isEmpty();
      assertThat(f.anthropic.lastRequest().bodyText()).doesNotContain(jwt); // still tokenized
    }
  }

  @Test
  void aConfigFileThatDoesNotCompileStopsStartUpNamingTheField() throws Exception {
    Path config = Files.writeString(dir.resolve("aegis.json"),
        "{\"custom_patterns\": [{\"name\": \"acme\", \"pattern\": \"(\", \"category\": \"KEY\"}]}");
    assertThatThrownBy(() -> GatewayFixture.start(b -> b.fleet(file(config))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("TAKUMO_CONFIG_FILE: " + config + ": custom_patterns[0].pattern of acme: Unclosed group");
  }

  private static HttpResponse<String> send(GatewayFixture f, String text, boolean fixedLength) throws Exception {
    String body = JSON.writeValueAsString(JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 64)
        .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user").put("content", text))));
    HttpRequest.BodyPublisher publisher = fixedLength ? HttpRequest.BodyPublishers.ofString(body)
        : HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.getBytes()));
    return HTTP.send(HttpRequest.newBuilder(URI.create(f.baseUrl() + "/v1/messages"))
        .header("x-api-key", f.key).header("anthropic-version", "2023-06-01").header("content-type", "application/json")
        .timeout(Duration.ofSeconds(10)).POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
  }
}
