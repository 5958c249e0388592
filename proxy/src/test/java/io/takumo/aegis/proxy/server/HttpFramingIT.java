package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 parsing at the edge: smuggling-prone framing, limits, pipelining, local routes. */
class HttpFramingIT {
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(b -> b.maxBodyBytes(1024));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private String messages(String extraHeaders, String body) {
    return "POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: " + fixture.key + "\r\n" + extraHeaders
        + "Content-Type: application/json\r\n\r\n" + body;
  }

  @Test
  void conflictingContentLengthAndTransferEncodingIsRejectedAndClosed() throws Exception {
    int before = fixture.anthropic.requests().size();
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      http.send(messages("Content-Length: 4\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\nGET /x HTTP/1.1\r\n\r\n"));
      RawHttp.Response response = http.read();

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).contains("\"code\":\"BAD_REQUEST\"");
      assertThat(response.headers().get("connection")).as(response.headers().toString()).isEqualTo("close");
      assertThat(http.closedByServer()).isTrue();
    }
    assertThat(fixture.anthropic.requests()).hasSize(before);
  }

  @Test
  void transferEncodingOtherThanChunkedIsRejected() throws Exception {
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      http.send(messages("Transfer-Encoding: gzip\r\n", "abc"));
      assertThat(http.read().status()).isEqualTo(400);
    }
  }

  @Test
  void aMalformedHeaderHoldingAKeyIsNotEchoed() throws Exception {
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      http.send("GET /v1/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fixture.key + "\u0001x\r\n\r\n");
      RawHttp.Response response = http.read();
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).doesNotContain(fixture.key).doesNotContain(fixture.key.substring(8));
    }
  }

  @Test
  void oversizedHeadersAreRejected() throws Exception {
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      http.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n");
      RawHttp.Response response = http.read();

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).contains("too long");
    }
  }

  @Test
  void declaredBodyOverTheLimitIs413BeforeAnythingIsForwarded() throws Exception {
    int before = fixture.anthropic.requests().size();
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      http.send(messages("Content-Length: 5000\r\n", ""));
      RawHttp.Response response = http.read();

      assertThat(response.status()).isEqualTo(413);
      assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    }
    assertThat(fixture.anthropic.requests()).hasSize(before);
  }

  @Test
  void chunkedBodyOverTheLimitIs413() throws Exception {
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      String chunk = "x".repeat(800);
      http.send(messages("Transfer-Encoding: chunked\r\n",
          Integer.toHexString(800) + "\r\n" + chunk + "\r\n" + Integer.toHexString(800) + "\r\n" + chunk + "\r\n0\r\n\r\n"));
      assertThat(http.read().status()).isEqualTo(413);
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      String body = "{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"first\"}]}";
      String second = body.replace("first", "secnd");
      http.send(messages("Content-Length: " + body.length() + "\r\n", body)
          + messages("Content-Length: " + second.length() + "\r\n", second)
          + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");

      RawHttp.Response one = http.read();
      RawHttp.Response two = http.read();
      RawHttp.Response three = http.read();
      assertThat(one.body()).contains("first");
      assertThat(two.body()).contains("secnd");
      assertThat(three.body()).isEqualTo("{\"status\":\"ok\"}");
      assertThat(one.headers().get("x-aegis-request-id")).isNotEqualTo(two.headers().get("x-aegis-request-id"));
    }
  }

  @Test
  void healthValidatesAKeyOnlyWhenOneIsSent() throws Exception {
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      http.send("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(http.read().status()).isEqualTo(200);
      http.send("GET /v1/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fixture.key + "\r\n\r\n");
      assertThat(http.read().status()).isEqualTo(200);
      http.send("GET /v1/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer tk_test_nope\r\n\r\n");
      RawHttp.Response bad = http.read();
      assertThat(bad.status()).isEqualTo(401);
      assertThat(bad.body()).contains("malformed").doesNotContain("tk_test_nope");
    }
  }

  @Test
  void unknownPathIs404AndDoesNotEchoThePath() throws Exception {
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      http.send("GET /v1/secret-sk-abc123 HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response response = http.read();
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.body()).contains("NOT_FOUND").doesNotContain("sk-abc123");
    }
  }

  @Test
  void webSocketUpgradeOnAProviderRouteOtherThanResponsesIsRefused() throws Exception {
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      http.send("GET /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fixture.key
          + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
      RawHttp.Response response = http.read();
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).contains("\"type\":\"error\"").contains("WebSocket upgrades are served on /v1/responses");
    }
  }

  @Test
  void expectContinueGets100ThenTheAnswer() throws Exception {
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      String body = "{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"cont\"}]}";
      http.send(messages("Expect: 100-continue\r\nContent-Length: " + body.length() + "\r\n", ""));
      assertThat(http.read().status()).isEqualTo(100);
      http.send(body);
      RawHttp.Response response = http.read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).contains("cont");
    }
    assertThat(fixture.anthropic.lastRequest().header("expect")).isNull();
  }
}
