package io.takumo.aegis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayEnvironment;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.server.Gateway;
import io.takumo.aegis.testing.StubUpstream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the Grafana dashboard queries exists in {@code /metrics} of a running gateway, started from the
 * environment as {@code takumo-aegis gateway} starts (a fleet connector included), after the traffic each panel
 * is about: a tokenized and restored request, a refused key, an upstream that is down.
 */
class GrafanaDashboardIT {
  static final Path DASHBOARD = Path.of("grafana/takumo-aegis.json");
  private static final Pattern METRIC = Pattern.compile("\\b((?:aegis|jvm|netty|process)_[a-z0-9_]+)\\b");
  private static final String SECRET = "AKIA" + "Z7Q2M4X3K3P5R2T6"; // an AWS access key id: category KEY

  @Test
  void everyQueriedMetricIsExported(@TempDir Path dir) throws Exception {
    List<String> queries = queries(new ObjectMapper().readTree(Files.readString(DASHBOARD)));
    assertThat(queries).hasSizeGreaterThan(15);

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort(); // an upstream (and a coordinator) that is down
    }
    try (StubUpstream anthropic = StubUpstream.start()) {
      Gateway gateway = Gateway.start(GatewayEnvironment.parse(Map.ofEntries(
          Map.entry("TAKUMO_LISTEN_ADDR", "127.0.0.1:0"),
          Map.entry("TAKUMO_ENVIRONMENT", "test"),
          Map.entry("TAKUMO_KEYS_FILE", dir.resolve("keys.json").toString()),
          Map.entry("TAKUMO_AUDIT_FILE", dir.resolve("audit.jsonl").toString()),
          Map.entry("TAKUMO_STATE_DIR", dir.resolve("state").toString()),
          Map.entry("TAKUMO_ANTHROPIC_BASE_URL", anthropic.baseUrl().toString()),
          Map.entry("TAKUMO_ANTHROPIC_API_KEY", "sk-ant-org"),
          Map.entry("TAKUMO_GOOGLE_BASE_URL", "http://127.0.0.1:" + closed),
          Map.entry("TAKUMO_GOOGLE_API_KEY", "google-org"),
          Map.entry("TAKUMO_COORDINATOR_URL", "127.0.0.1:" + closed),
          Map.entry("TAKUMO_JOIN_KEY", "jk_" + "0".repeat(64)),
          Map.entry("TAKUMO_FAIL_MODE", "open"))));
      try {
        String key = Objects.requireNonNull(gateway.stores().fileKeys())
            .create("dashboard", "org", KeyEnvironment.TEST, Scope.all(), null);
        String base = "http://127.0.0.1:" + gateway.port();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> tokenized = http.send(post(base + "/v1/messages", key,
            "{\"model\":\"claude-x\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"key " + SECRET
                + "\"}]}"), HttpResponse.BodyHandlers.ofString());
        assertThat(tokenized.statusCode()).isEqualTo(200);
        assertThat(tokenized.body()).contains(SECRET); // restored on the way back
        assertThat(new String(anthropic.lastRequest().body(), java.nio.charset.StandardCharsets.UTF_8))
            .doesNotContain(SECRET);
        assertThat(http.send(post(base + "/v1/messages", "tk_test_" + "0".repeat(64), "{}"),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(post(base + "/v1beta/models/gemini-x:generateContent", key, "{\"contents\":[]}"),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(502);

        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        Set<String> exported = new TreeSet<>();
        metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
            .forEach(line -> exported.add(line.split("[{ ]", 2)[0]));
        Set<String> queried = new TreeSet<>();
        for (String query : queries) {
          Matcher m = METRIC.matcher(query);
          while (m.find()) {
            queried.add(m.group(1));
          }
        }
        assertThat(queried).contains("aegis_requests_total", "aegis_added_latency_seconds_bucket",
            "aegis_secrets_detected_total", "aegis_tokens_rehydrated_total", "aegis_rate_limit_checks_total",
            "aegis_upstream_errors_total", "aegis_connector_state");
        assertThat(exported).containsAll(queried);
      } finally {
        gateway.close();
      }
    }
  }

  private static HttpRequest post(String uri, String key, String body) {
    return HttpRequest.newBuilder(URI.create(uri)).header("x-api-key", key).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  /** The PromQL of every panel and of the template variables. */
  static List<String> queries(JsonNode dashboard) {
    List<String> out = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        out.add(target.path("expr").asText());
      }
    }
    for (JsonNode variable : dashboard.at("/templating/list")) {
      if (variable.path("type").asText().equals("query")) {
        out.add(variable.path("query").asText());
      }
    }
    return out;
  }
}
