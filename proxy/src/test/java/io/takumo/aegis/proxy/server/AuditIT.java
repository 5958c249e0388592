package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** One audit event per exchange, metadata only; GET /v1/audit pages through them with audit:read. */
class AuditIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void exchangesAreAuditedAndReadBackPageByPage() throws Exception {
    try (GatewayFixture fixture = GatewayFixture.start(); RawHttp http = new RawHttp(fixture.gateway.port())) {
      String planted = "AKIAIOSFODNN7EXAMPLE";
      String body = "{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"" + planted + "\"}]}";
      for (int i = 0; i < 3; i++) {
        http.send("POST /v1/messages?beta=true HTTP/1.1\r\nHost: x\r\nx-api-key: " + fixture.key + "\r\nContent-Length: "
            + body.length() + "\r\n\r\n" + body);
        assertThat(http.read().status()).isEqualTo(200);
      }
      fixture.gateway.audit().flush();

      http.send("GET /v1/audit?limit=2 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fixture.key + "\r\n\r\n");
      RawHttp.Response first = http.read();
      assertThat(first.status()).isEqualTo(200);
      JsonNode page = JSON.readTree(first.body());
      assertThat(page.path("data")).hasSize(2);
      JsonNode event = page.path("data").get(0);
      assertThat(event.path("org").asText()).isEqualTo("org-it");
      assertThat(event.path("keyPrefix").asText()).isEqualTo(fixture.key.substring(0, 12));
      assertThat(event.path("route").asText()).isEqualTo("/v1/messages");
      assertThat(event.path("status").asInt()).isEqualTo(200);
      assertThat(event.path("provider").asText()).isEqualTo("anthropic");
      String cursor = page.path("next_cursor").asText();
      assertThat(cursor).isNotEmpty();

      http.send("GET /v1/audit?limit=2&cursor=" + cursor + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fixture.key
          + "\r\n\r\n");
      JsonNode second = JSON.readTree(http.read().body());
      assertThat(second.path("data")).hasSize(1);
      assertThat(second.path("next_cursor").isNull()).isTrue();

      http.send("GET /v1/audit?from=2099-01-01T00:00:00Z HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fixture.key
          + "\r\n\r\n");
      assertThat(JSON.readTree(http.read().body()).path("data")).isEmpty();

      http.send("GET /v1/audit?from=yesterday HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fixture.key + "\r\n\r\n");
      assertThat(http.read().status()).isEqualTo(400);

      http.send("GET /v1/audit HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fixture.readOnlyKey + "\r\n\r\n");
      RawHttp.Response forbidden = http.read();
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(forbidden.body()).contains("audit:read");

      String trail = Files.readString(fixture.dir().resolve("audit.jsonl"));
      assertThat(trail.lines()).hasSize(3);
      assertThat(trail).doesNotContain(planted).doesNotContain(fixture.key).doesNotContain("beta=true");
    }
  }
}
