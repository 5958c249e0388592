package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** X-RateLimit-* on every answer (200, 401, 403, 429), Retry-After on 429, probes never counted. */
class RateLimitIT {
  private static void assertRateHeaders(Map<String, String> headers, long limit) {
    assertThat(headers.get("x-ratelimit-limit")).isEqualTo(Long.toString(limit));
    assertThat(Long.parseLong(headers.get("x-ratelimit-remaining"))).isBetween(0L, limit);
    assertThat(Long.parseLong(headers.get("x-ratelimit-reset"))).isGreaterThan(System.currentTimeMillis() / 1000 - 1);
  }

  @Test
  void everyAnswerCarriesTheHeadersAndTheLimitHolds() throws Exception {
    try (GatewayFixture fixture = GatewayFixture.start(b -> b.rateLimits(1000, 3, 2));
        RawHttp http = new RawHttp(fixture.gateway.port())) {
      for (int i = 0; i < 5; i++) { // probes: reported, not counted
        http.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        RawHttp.Response probe = http.read();
        assertThat(probe.status()).isEqualTo(200);
        assertRateHeaders(probe.headers(), 2);
      }
      String body = "{\"model\":\"claude-x\",\"messages\":[]}";
      String request = fixture.messagesRequest(body);
      for (int i = 0; i < 3; i++) {
        http.send(request);
        RawHttp.Response ok = http.read();
        assertThat(ok.status()).isEqualTo(200);
        assertRateHeaders(ok.headers(), 3);
        assertThat(ok.headers().get("x-ratelimit-remaining")).isEqualTo(Integer.toString(2 - i));
      }
      http.send(request);
      RawHttp.Response limited = http.read();
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.body()).contains("\"code\":\"RATE_LIMITED\"").contains("Try again in");
      assertThat(Long.parseLong(limited.headers().get("retry-after"))).isBetween(1L, 60L);
      assertThat(limited.headers().get("x-ratelimit-remaining")).isEqualTo("0");
    }
  }

  @Test
  void refusedKeysCountAgainstTheClientAddress() throws Exception {
    try (GatewayFixture fixture = GatewayFixture.start(b -> b.rateLimits(1000, 100, 2))) {
      String wrong = "tk_test_" + "0".repeat(64);
      int[] statuses = new int[3];
      for (int i = 0; i < 3; i++) {
        try (RawHttp http = new RawHttp(fixture.gateway.port())) {
          http.send("GET /v1/health HTTP/1.1\r\nHost: x\r\nx-api-key: " + wrong + "\r\n\r\n");
          RawHttp.Response response = http.read();
          statuses[i] = response.status();
          assertRateHeaders(response.headers(), 2);
        }
      }
      assertThat(statuses).containsExactly(401, 401, 429);
      try (RawHttp http = new RawHttp(fixture.gateway.port())) { // a key missing a scope: 403 with headers
        http.send("POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: " + fixture.readOnlyKey
            + "\r\nContent-Length: 0\r\n\r\n");
        RawHttp.Response forbidden = http.read();
        assertThat(forbidden.status()).isEqualTo(403);
        assertRateHeaders(forbidden.headers(), 100);
      }
    }
  }
}
