package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.takumo.aegis.testing.StubUpstream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** /metrics in Prometheus form with the SPEC §12 names; one access-log line per exchange, no secrets. */
class MetricsAndAccessLogIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void exchangesAreCountedAndLoggedWithoutSecrets() throws Exception {
    Logger accessLogger = (Logger) LoggerFactory.getLogger("aegis.access");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    accessLogger.addAppender(lines);
    try (GatewayFixture fixture = GatewayFixture.start(); RawHttp http = new RawHttp(fixture.gateway.port())) {
      String secretInPrompt = "AKIAIOSFODNN7EXAMPLE";
      String body = "{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"" + secretInPrompt + "\"}]}";
      http.send("POST /v1/messages?beta=true&token=sk-live-query-secret HTTP/1.1\r\nHost: x\r\nx-api-key: "
          + fixture.key + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
      assertThat(http.read().status()).isEqualTo(200);
      http.send("GET /v1/health HTTP/1.1\r\nHost: x\r\nx-api-key: tk_test_" + "0".repeat(64) + "\r\n\r\n");
      assertThat(http.read().status()).isEqualTo(401);
      fixture.anthropic.behavior(StubUpstream.Behavior.close());
      http.send(fixture.messagesRequest(body));
      assertThat(http.read().status()).isEqualTo(502);

      http.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response scrape = http.read();
      assertThat(scrape.status()).isEqualTo(200);
      assertThat(scrape.headers().get("content-type")).startsWith("text/plain");
      assertThat(scrape.body())
          .contains("aegis_requests_total{provider=\"anthropic\",status=\"200\"} 1.0")
          .contains("aegis_requests_total{provider=\"none\",status=\"401\"} 1.0")
          .contains("aegis_upstream_errors_total{provider=\"anthropic\"} 1.0")
          .contains("aegis_auth_failures_total 1.0")
          .contains("aegis_rate_limit_checks_total{result=\"allowed\"}")
          .contains("aegis_added_latency_seconds_count 1") // the 502 never had an upstream answer
          .contains("aegis_request_duration_seconds_bucket")
          .contains("aegis_connections_total{protocol=\"h1\"} 1.0")
          .contains("aegis_http2_streams_open 0.0")
          .containsPattern("aegis_access_log_dropped_total \\d+\\.0")
          .contains("jvm_memory_used_bytes")
          .contains("netty_allocator_memory_used");

      List<ILoggingEvent> logged;
      synchronized (lines) { // AppenderBase.doAppend adds under the appender's lock; an event loop may still log
        logged = List.copyOf(lines.list);
      }
      List<JsonNode> entries = logged.stream().map(e -> {
        try {
          return JSON.readTree(e.getFormattedMessage());
        } catch (Exception ex) {
          throw new AssertionError("not JSON: " + e.getFormattedMessage(), ex);
        }
      }).toList();
      assertThat(entries).hasSize(4); // three exchanges and the scrape itself
      JsonNode first = entries.get(0);
      assertThat(first.path("request_id").asText()).matches("req_[0-9a-f]{16}");
      assertThat(first.path("route").asText()).isEqualTo("/v1/messages");
      assertThat(first.path("protocol").asText()).isEqualTo("h1");
      assertThat(first.path("status").asInt()).isEqualTo(200);
      assertThat(first.path("provider").asText()).isEqualTo("anthropic");
      assertThat(first.path("key_prefix").asText()).isEqualTo(fixture.key.substring(0, 12));
      assertThat(first.path("bytes_in").asLong()).isEqualTo(body.length());
      assertThat(entries.get(1).path("status").asInt()).isEqualTo(401);
      assertThat(entries.get(2).path("status").asInt()).isEqualTo(502);
      assertThat(entries.get(3).path("route").asText()).isEqualTo("/metrics");
      synchronized (lines) {
        logged = List.copyOf(lines.list);
      }
      String all = logged.stream().map(ILoggingEvent::getFormattedMessage).reduce("", String::concat);
      assertThat(all).doesNotContain(fixture.key).doesNotContain(secretInPrompt).doesNotContain("sk-live-query-secret")
          .doesNotContain("0".repeat(64));
    } finally {
      accessLogger.detachAppender(lines);
    }
  }
}
