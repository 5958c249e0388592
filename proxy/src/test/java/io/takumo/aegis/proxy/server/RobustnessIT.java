package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.testing.StubUpstream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a real deployment meets at its edge: slow and greedy clients, odd upstreams, base URLs as
 * users write them, clients that go away. Each answered as SPEC §9 says, none logged as an ERROR.
 */
class RobustnessIT {
  private static final Duration HEADER_TIMEOUT = Duration.ofMillis(400);

  @Test
  void aRequestHeadTrickledAByteAtATimeIsCutOffAtTheHeaderDeadline() throws Exception {
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try (GatewayFixture f = GatewayFixture.start(b -> b.headerTimeout(HEADER_TIMEOUT));
        Socket socket = new Socket("127.0.0.1", f.gateway.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      byte[] head = ("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(200) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      int[] sent = {0};
      // One byte every 50 ms: each byte would restart an idle timer, never the header deadline.
      trickle.scheduleAtFixedRate(() -> {
        try {
          if (sent[0] < head.length) {
            out.write(head[sent[0]++]);
            out.flush();
          }
        } catch (Exception e) {
          // the gateway closed the connection: what this test waits for
        }
      }, 0, 50, TimeUnit.MILLISECONDS);
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(answer).startsWith("HTTP/1.1 408").contains("REQUEST_TIMEOUT").contains("connection: close");
      assertThat(sent[0]).isLessThan(head.length);
      assertThat(f.gateway.metrics().connectionsRefused("header_timeout")).isEqualTo(1);
    } finally {
      trickle.shutdownNow();
    }
  }

  @Test
  void aKeepAliveConnectionMayWaitBetweenRequestsLongerThanTheHeaderDeadline() throws Exception {
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    try (GatewayFixture f = GatewayFixture.start(b -> b.headerTimeout(HEADER_TIMEOUT));
        RawHttp http = new RawHttp(f.gateway.port())) {
      http.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(http.read().status()).isEqualTo(200);
      later.schedule(() -> null, HEADER_TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS).get();
      http.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(http.read().status()).isEqualTo(200);
      assertThat(f.gateway.metrics().connectionsRefused("header_timeout")).isZero();
    } finally {
      later.shutdownNow();
    }
  }

  @Test
  void headOnLocalRoutesAnswersHeadersOnlyOnAKeptConnection() throws Exception {
    try (GatewayFixture f = GatewayFixture.start(); RawHttp http = new RawHttp(f.gateway.port())) {
      http.send("HEAD /readyz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response head = http.readHead();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.headers().get("content-length")).isEqualTo("18"); // {"status":"ready"}, not sent
      RawHttp.Response next = http.read(); // the next answer follows at once: no body was sent for HEAD
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.body()).isEqualTo("{\"status\":\"ok\"}");
    }
  }

  @Test
  void connectionsPastThePerAddressCapAreClosedOnAccept() throws Exception {
    try (GatewayFixture f = GatewayFixture.start(b -> b.maxConnectionsPerIp(3))) {
      List<RawHttp> open = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          RawHttp http = new RawHttp(f.gateway.port());
          open.add(http);
          http.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
          assertThat(http.read().status()).isEqualTo(200);
        }
        try (RawHttp fourth = new RawHttp(f.gateway.port())) {
          assertThat(fourth.closedByServer()).isTrue();
        }
        assertThat(f.gateway.metrics().connectionsRefused("per_ip_limit")).isEqualTo(1);
        open.remove(0).close();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
          try (RawHttp again = new RawHttp(f.gateway.port())) {
            again.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(again.read().status()).isEqualTo(200);
          }
        });
      } finally {
        for (RawHttp http : open) {
          http.close();
        }
      }
    }
  }

  @Test
  void anUpstreamThatSwitchesProtocolsOrSendsAnOdd1xxGets502LoggedOnceAtWarn() throws Exception {
    try (GatewayFixture f = GatewayFixture.start(); LogCapture logs = new LogCapture();
        RawHttp http = new RawHttp(f.gateway.port())) {
      String body = "{\"model\":\"claude-x\",\"messages\":[]}";
      for (int status : new int[] {101, 101, 102}) {
        f.anthropic.behavior(StubUpstream.Behavior.status(status, null));
        http.send(f.messagesRequest(body));
        RawHttp.Response response = http.read();
        assertThat(response.status()).as("upstream " + status).isEqualTo(502);
        assertThat(response.body()).contains("\"code\":\"BAD_GATEWAY\"").contains("answered " + status);
      }
      assertThat(logs.atLeast(Level.WARN)).filteredOn(e -> e.getFormattedMessage().contains("answered 101"))
          .hasSize(1);
      assertThat(logs.atLeast(Level.ERROR)).isEmpty();
    }
  }

  @Test
  void aResponseNobodyAskedForIsNeverTheNextRequestsAnswer() throws Exception {
    try (GatewayFixture f = GatewayFixture.start(); LogCapture logs = new LogCapture();
        RawHttp http = new RawHttp(f.gateway.port())) {
      f.anthropic.behavior(StubUpstream.Behavior.stray());
      http.send(f.messagesRequest("{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"one\"}]}"));
      RawHttp.Response first = http.read();
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body()).contains("one").doesNotContain("stray");
      f.anthropic.behavior(StubUpstream.Behavior.normal());
      http.send(f.messagesRequest("{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"two\"}]}"));
      RawHttp.Response second = http.read();
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.body()).contains("two").doesNotContain("stray");
      assertThat(f.anthropic.requests()).hasSize(2);
      assertThat(logs.atLeast(Level.ERROR)).isEmpty();
    }
  }

  @Test
  void aBaseUrlEndingInTheVersionPrefixIsNotDoubled() throws Exception {
    try (StubUpstream openai = StubUpstream.start();
        GatewayFixture f = GatewayFixture.start(b -> b.upstream(Provider.OPENAI,
            URI.create(openai.baseUrl() + "/v1"), "sk-openai"));
        RawHttp http = new RawHttp(f.gateway.port())) {
      String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      http.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + f.key
          + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
      assertThat(http.read().status()).isEqualTo(200);
      assertThat(openai.lastRequest().uri()).isEqualTo("/v1/chat/completions");
    }
  }

  @Test
  void clientsThatResetOrGoAwayAreCountedAnd499NeverAnError() throws Exception {
    try (GatewayFixture f = GatewayFixture.start(); LogCapture logs = new LogCapture()) {
      // An SSE-sized answer the client stops reading, then resets (Ctrl-C in a client, a killed agent).
      f.anthropic.behavior(StubUpstream.Behavior.largeAnswer(8L << 20));
      CompletableFuture<Void> seen = f.anthropic.nextRequestSeen();
      try (Socket socket = new Socket("127.0.0.1", f.gateway.port())) {
        socket.setReceiveBufferSize(4096);
        socket.getOutputStream().write(f.messagesRequest("{\"model\":\"claude-x\",\"messages\":[]}")
            .getBytes(StandardCharsets.US_ASCII));
        seen.get(10, TimeUnit.SECONDS);
        InputStream in = socket.getInputStream();
        in.readNBytes(1024);
        socket.setSoLinger(true, 0); // close with RST
      }
      // A client that goes away in the middle of its request body.
      try (Socket socket = new Socket("127.0.0.1", f.gateway.port())) {
        socket.getOutputStream().write(("POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: " + f.key
            + "\r\nContent-Length: 1000\r\n\r\n{\"model\":").getBytes(StandardCharsets.US_ASCII));
        socket.setSoLinger(true, 0);
      }
      // Malformed requests.
      for (String raw : new String[] {
          "POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 0x10\r\n\r\n",
          "POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 104, 104\r\n\r\n",
          "GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
          "GET /healthz HTTP/1.1\r\n\r\n",
          "\u0001\u0002 nonsense\r\n\r\n"}) {
        try (RawHttp http = new RawHttp(f.gateway.port())) {
          http.send(raw);
          assertThat(http.read().status()).as(raw).isEqualTo(400);
        }
      }
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        assertThat(f.gateway.metrics().connectionResets(true)).isPositive();
        assertThat(logs.accessLines()).anyMatch(line -> line.contains("\"status\":499"));
        assertThat(f.gateway.exchanges().inFlight()).isZero();
      });
      assertThat(logs.atLeast(Level.ERROR)).isEmpty();
      assertThat(logs.accessLines()).noneMatch(line -> line.contains("\"status\":0"));
    }
  }
}
