package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.route.Provider;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;

/**
 * Codex's transport: the Responses API over a WebSocket through the gateway, with the JDK's WebSocket client
 * and a provider stub speaking the protocol (fragmented messages, split deltas, tool-call arguments).
 */
class ResponsesWebSocketIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AWS = "AKIAIOSFODNN7EXAMPLE";
  private static final String PASSWORD = "hunter2-\"quoted\\path";
  private static final String FILE = "aws_key = \"" + AWS + "\"\npassword: '" + PASSWORD + "'\n";
  private static final long WAIT = 20;

  @Test
  void secretsAreTokenizedUpstreamAndRestoredInEveryEventAndLaterTurns() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> {})) {
      Client first = Client.open(gateway);
      String create = create(FILE, null);
      int cut = create.indexOf(AWS) + 7; // the message in two fragments, split inside the secret
      first.ws.sendText(create.substring(0, cut), false).join();
      first.ws.sendText(create.substring(cut), true).join();
      List<JsonNode> events = first.turn();

      String upstream = stub.received.poll(WAIT, TimeUnit.SECONDS);
      assertThat(upstream).doesNotContain(AWS).doesNotContain("hunter2").contains("__TAKUMO_v1_");
      assertThat(JSON.readTree(upstream).get("type").asText()).isEqualTo("response.create");
      assertThat(stub.handshakes.get(0).get("authorization")).isEqualTo("Bearer " + GatewayFixture.OPENAI_ORG_KEY);
      assertThat(stub.handshakes.get(0).toString()).doesNotContain(gateway.key);

      StringBuilder deltas = new StringBuilder();
      String args = null;
      for (JsonNode e : events) {
        switch (e.get("type").asText()) {
          case "response.output_text.delta" -> deltas.append(e.get("delta").asText());
          case "response.function_call_arguments.delta" -> args = e.get("delta").asText();
          default -> { }
        }
      }
      String said = "Use " + AWS + " and " + PASSWORD + " now.";
      assertThat(deltas.toString()).isEqualTo(said);
      assertThat(JSON.readTree(args).get("command").asText()).isEqualTo("deploy --keys " + AWS + "," + PASSWORD);
      assertThat(text(events, "response.output_text.done").get("text").asText()).isEqualTo(said);
      assertThat(text(events, "response.completed").at("/response/output/0/content/0/text").asText())
          .isEqualTo(said);
      first.close(1000);

      // A new connection, the next turn: only new input and previous_response_id. The stub's answer
      // repeats the first turn's tokens, which only the conversation vault can restore.
      Client second = Client.open(gateway);
      second.ws.sendText(create("go on", "resp_1"), true).join();
      List<JsonNode> later = second.turn();
      assertThat(stub.received.poll(WAIT, TimeUnit.SECONDS)).doesNotContain(AWS).contains("resp_1");
      assertThat(text(later, "response.completed").at("/response/output/0/content/0/text").asText())
          .isEqualTo(said);
      second.close(1000);
      assertThat(stub.closes.poll(WAIT, TimeUnit.SECONDS)).isEqualTo(1000);

      gateway.gateway.audit().flush();
      String audit = Files.readString(gateway.dir().resolve("audit.jsonl"));
      assertThat(audit).contains("\"route\":\"/v1/responses\"").contains("WEBSOCKET").doesNotContain(AWS);
      String metrics = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              URI.create(gateway.baseUrl() + "/metrics")).header("Authorization", "Bearer " + gateway.key).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).contains("aegis_websocket_messages_total{direction=\"to_provider\"}")
          .containsPattern("aegis_vault_conversation_entries [1-9]");
    }
  }

  @Test
  void insideAForwardProxyTunnelTheSessionIsTheSame() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> {})) {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {ForwardProxyIT.trustOf(gateway.dir().resolve("ca"))}, null);
      HttpClient viaProxy = HttpClient.newBuilder().sslContext(tls)
          .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", gateway.gateway.port()))).build();
      Client client = Client.open(gateway, viaProxy, URI.create("wss://api.openai.com/v1/responses"));
      client.ws.sendText(create(FILE, null), true).join();
      List<JsonNode> events = client.turn();
      assertThat(stub.received.poll(WAIT, TimeUnit.SECONDS)).doesNotContain(AWS).contains("__TAKUMO_v1_");
      assertThat(text(events, "response.output_text.done").get("text").asText())
          .isEqualTo("Use " + AWS + " and " + PASSWORD + " now.");
      client.close(1000);
    }
  }

  @Test
  void withHeaderScanningTheUpgradesHeadersAndQueryAreTokenized() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> b.scanHeaders(true))) {
      Client client = Client.open(gateway, HttpClient.newHttpClient(), URI.create("ws://127.0.0.1:"
          + gateway.gateway.port() + "/v1/responses?aws_key=" + AWS), java.util.Map.of("x-debug-aws-key", AWS));
      client.ws.sendText(create("hello", null), true).join();
      client.turn();
      assertThat(stub.handshakes.get(0).toString()).doesNotContain(AWS).contains("__TAKUMO_v1_");
      client.close(1000);
    }
  }

  @Test
  void aSecretEscapedOrNestedAsJsonInAStringIsTokenizedToo() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> {})) {
      Client client = Client.open(gateway);
      // a tool output holding JSON (escaped once more inside the message), and the key's first letter as \u0041
      String toolOutput = JSON.writeValueAsString(java.util.Map.of("env", FILE));
      String message = create(toolOutput, null).replace(AWS, "\\u0041" + AWS.substring(1));
      assertThat(message).doesNotContain(AWS);
      client.ws.sendText(message, true).join();
      client.turn();
      String upstream = stub.received.poll(WAIT, TimeUnit.SECONDS);
      assertThat(upstream).doesNotContain(AWS.substring(1)).doesNotContain("hunter2").contains("__TAKUMO_v1_");
      client.close(1000);
    }
  }

  @Test
  void withoutTheConversationVaultALaterConnectionGetsTokens() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> b.conversations(
            new GatewayConfig.Conversations(Duration.ZERO, 1 << 20, 1 << 20)))) {
      Client first = Client.open(gateway);
      first.ws.sendText(create(FILE, null), true).join();
      first.turn();
      first.close(1000);
      Client second = Client.open(gateway);
      second.ws.sendText(create("go on", "resp_1"), true).join();
      String text = text(second.turn(), "response.completed").at("/response/output/0/content/0/text").asText();
      assertThat(text).contains("__TAKUMO_v1_").doesNotContain(AWS);
      second.close(1000);
    }
  }

  @Test
  void aMessageOverTheLimitClosesWith1009AndBinaryWith1003() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> b.conversations(
            new GatewayConfig.Conversations(Duration.ofHours(1), 1 << 20, 64 << 10)))) {
      Client big = Client.open(gateway);
      String tooLong = "x".repeat(40 << 10);
      big.ws.sendText(tooLong, false).join();
      big.ws.sendText(tooLong, true);
      assertThat(big.closed.get(WAIT, TimeUnit.SECONDS)).isEqualTo(1009);
      assertThat(stub.received).isEmpty();

      Client binary = Client.open(gateway);
      binary.ws.sendBinary(ByteBuffer.wrap(AWS.getBytes(StandardCharsets.US_ASCII)), true);
      assertThat(binary.closed.get(WAIT, TimeUnit.SECONDS)).isEqualTo(1003);
      assertThat(stub.received).isEmpty();
    }
  }

  @Test
  void pingsAreAnsweredAndTheProvidersCloseCodeReachesTheClient() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> {})) {
      Client client = Client.open(gateway);
      client.ws.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3})).join();
      assertThat(client.pongs.poll(WAIT, TimeUnit.SECONDS)).containsExactly(1, 2, 3);
      stub.closeAfterTurn(4001);
      client.ws.sendText(create("hello", null), true).join();
      client.turn();
      assertThat(client.closed.get(WAIT, TimeUnit.SECONDS)).isEqualTo(4001);
    }
  }

  @Test
  void aClientThatStopsReadingStopsTheProvidersStream() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> {})) {
      Client client = Client.open(gateway);
      client.holding = true; // takes the first message, then asks for no more
      client.counting = true; // 64 MiB of deltas: counted, not kept
      client.ws.sendText(create("flood", null), true).join();
      int written = stub.stalled.get(WAIT, TimeUnit.SECONDS);
      assertThat(written).as("the provider was stopped before the end of its 64 MiB")
          .isLessThan(ResponsesWebSocketStub.FLOOD_EVENTS);
      client.holding = false;
      client.ws.request(Long.MAX_VALUE);
      assertThat(client.next().get("type").asText()).isEqualTo("response.completed");
      assertThat(client.deltas.get()).isEqualTo(ResponsesWebSocketStub.FLOOD_EVENTS);
      client.close(1000);
    }
  }

  @Test
  void aProviderThatRefusesTheUpgradeGivesTheClientItsStatus() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> {})) {
      stub.refuseWith(426);
      assertThatThrownBy(() -> Client.open(gateway))
          .isInstanceOf(CompletionException.class)
          .cause().isInstanceOf(WebSocketHandshakeException.class)
          .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(426));
    }
  }

  @Test
  void aProviderThatNeverAnswersTheUpgradeIsA504AfterTheConnectTimeout() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> b.connectTimeout(Duration.ofMillis(300)))) {
      stub.silent();
      assertThatThrownBy(() -> Client.open(gateway))
          .isInstanceOf(CompletionException.class)
          .cause().isInstanceOf(WebSocketHandshakeException.class)
          .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(504));
    }
  }

  @Test
  void aProviderThatClosesDuringTheUpgradeIsA502AndTheConnectionStaysHttp() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> {});
        RawHttp http = new RawHttp(gateway.gateway.port())) {
      stub.drop();
      http.send("GET /v1/responses HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + gateway.key
          + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
      RawHttp.Response refused = http.read();
      assertThat(refused.status()).isEqualTo(502);
      assertThat(refused.body()).contains("\"type\":\"error\"");
      http.send("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n"); // the same connection serves on
      assertThat(http.read().status()).isEqualTo(200);
    }
  }

  @Test
  void aKeyRevokedDuringTheSessionEndsItAtTheNextTurn() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> {})) {
      Client client = Client.open(gateway);
      client.ws.sendText(create("one", null), true).join();
      client.turn();
      gateway.keys.setStatus(io.takumo.aegis.proxy.auth.ApiKeys.prefix(gateway.key),
          io.takumo.aegis.proxy.auth.KeyStatus.REVOKED);
      client.ws.sendText(create("two " + AWS, null), true).join();
      JsonNode refused = client.next();
      assertThat(refused.get("status").asInt()).isEqualTo(401);
      assertThat(refused.at("/error/message").asText()).contains("revoked");
      assertThat(client.closed.get(WAIT, TimeUnit.SECONDS)).isEqualTo(1008);
      assertThat(stub.received.poll(WAIT, TimeUnit.SECONDS)).contains("one");
      assertThat(stub.received).isEmpty(); // the second turn never left
    }
  }

  @Test
  void eachResponseCreateCountsAgainstTheRateLimit() throws Exception {
    try (ResponsesWebSocketStub stub = new ResponsesWebSocketStub();
        GatewayFixture gateway = fixture(stub, b -> b.rateLimits(1000, 2, 1000))) {
      Client client = Client.open(gateway); // the upgrade is the first request of the minute
      client.ws.sendText(create("one", null), true).join();
      client.turn();
      client.ws.sendText(create("two", null), true).join();
      JsonNode refused = client.next();
      assertThat(refused.get("type").asText()).isEqualTo("error");
      assertThat(refused.get("status").asInt()).isEqualTo(429);
      assertThat(refused.at("/headers/retry-after").asText()).isNotEmpty();
      assertThat(stub.received.poll(WAIT, TimeUnit.SECONDS)).contains("one");
      assertThat(stub.received).isEmpty();
      client.close(1000);
    }
  }

  private static GatewayFixture fixture(ResponsesWebSocketStub stub, Consumer<GatewayConfig.Builder> more)
      throws Exception {
    return GatewayFixture.start(b -> {
      b.upstream(Provider.OPENAI, stub.baseUrl(), GatewayFixture.OPENAI_ORG_KEY);
      more.accept(b);
    });
  }

  private static String create(String text, String previous) throws Exception {
    ObjectNode m = JSON.createObjectNode().put("type", "response.create").put("model", "gpt-5-codex")
        .put("instructions", "You are a coding agent.").put("stream", true).put("store", false);
    if (previous != null) {
      m.put("previous_response_id", previous);
    }
    m.putArray("input").addObject().put("type", "message").put("role", "user").putArray("content").addObject()
        .put("type", "input_text").put("text", text);
    return JSON.writeValueAsString(m);
  }

  private static JsonNode text(List<JsonNode> events, String type) {
    return events.stream().filter(e -> e.get("type").asText().equals(type)).findFirst().orElseThrow();
  }

  /** A JDK WebSocket client collecting whole messages. */
  private static final class Client implements WebSocket.Listener {
    final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    volatile boolean holding;
    volatile boolean counting;
    final java.util.concurrent.atomic.AtomicInteger deltas = new java.util.concurrent.atomic.AtomicInteger();
    WebSocket ws;

    static Client open(GatewayFixture gateway) {
      return open(gateway, HttpClient.newHttpClient(),
          URI.create("ws://127.0.0.1:" + gateway.gateway.port() + "/v1/responses"));
    }

    static Client open(GatewayFixture gateway, HttpClient http, URI uri) {
      return open(gateway, http, uri, java.util.Map.of());
    }

    static Client open(GatewayFixture gateway, HttpClient http, URI uri, java.util.Map<String, String> headers) {
      Client c = new Client();
      WebSocket.Builder builder = http.newWebSocketBuilder().header("Authorization", "Bearer " + gateway.key);
      headers.forEach(builder::header);
      try {
        c.ws = builder.buildAsync(uri, c).get(WAIT, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new CompletionException(e.getCause());
      } catch (Exception e) {
        throw new AssertionError("the WebSocket handshake within " + WAIT + " s", e);
      }
      return c;
    }

    JsonNode next() throws Exception {
      String m = messages.poll(WAIT, TimeUnit.SECONDS);
      assertThat(m).as("a message within %d s", WAIT).isNotNull();
      return JSON.readTree(m);
    }

    /** The events up to the turn's {@code response.completed}. */
    List<JsonNode> turn() throws Exception {
      List<JsonNode> events = new ArrayList<>();
      JsonNode e;
      do {
        e = next();
        events.add(e);
      } while (!e.get("type").asText().equals("response.completed"));
      return events;
    }

    void close(int code) throws Exception {
      ws.sendClose(code, "done").join();
      closed.get(WAIT, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        if (counting && message.contains("\"response.output_text.delta\"")) {
          deltas.incrementAndGet();
        } else {
          messages.add(message);
        }
        partial.setLength(0);
      }
      if (!holding) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      byte[] b = new byte[message.remaining()];
      message.get(b);
      pongs.add(b);
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
