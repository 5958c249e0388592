package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.netty.pkitesting.X509Bundle;
import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.proxy.http.ClientProtocol;
import io.takumo.aegis.proxy.http.PauseReason;
import io.takumo.aegis.testing.StubUpstream;
import io.takumo.aegis.testing.TestBodies;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 from clients as they come: the official SDKs and the JDK's client negotiating h2 over TLS,
 * and OkHttp with prior knowledge on the cleartext port (h2c), many streams on one connection. Each
 * stream runs the exchange an HTTP/1.1 request runs: secrets tokenized upstream, restored in the
 * answer, errors on their own stream.
 */
class Http2IT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");
  private static GatewayFixture fixture;
  private static OkHttpClient h2c;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
    h2c = new OkHttpClient.Builder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE))
        .readTimeout(Duration.ofSeconds(30)).build();
    h2c.dispatcher().setMaxRequestsPerHost(64);
  }

  @AfterAll
  static void stop() {
    h2c.dispatcher().executorService().shutdown();
    h2c.connectionPool().evictAll();
    fixture.close();
  }

  @BeforeEach
  void reset() {
    fixture.anthropic.behavior(StubUpstream.Behavior.normal());
    fixture.openai.behavior(StubUpstream.Behavior.normal());
    fixture.mistral.behavior(StubUpstream.Behavior.normal());
  }

  private static Request messages(String key, String body) {
    return new Request.Builder().url(fixture.baseUrl() + "/v1/messages").header("x-api-key", key)
        .header("anthropic-version", "2023-06-01").post(RequestBody.create(body, APPLICATION_JSON)).build();
  }

  private static String anthropicBody(String text, boolean stream) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 256)
        .put("stream", stream);
    body.putArray("messages").addObject().put("role", "user").put("content", text);
    return JSON.writeValueAsString(body);
  }

  /** The text of an Anthropic answer, whole or streamed as SSE. */
  private static String answerText(String body) throws IOException {
    if (!body.startsWith("event:")) {
      return JSON.readTree(body).at("/content/0/text").asText();
    }
    StringBuilder text = new StringBuilder();
    for (String line : body.split("\n")) {
      if (line.startsWith("data: ")) {
        JsonNode delta = JSON.readTree(line.substring(6)).path("delta");
        text.append(delta.path("text").asText(""));
      }
    }
    return text.toString();
  }

  @Test
  void h2cWithPriorKnowledgeCarriesTheWholeExchange() throws Exception {
    long before = fixture.gateway.metrics().connectionsOpened(ClientProtocol.H2C);
    try (Response response = h2c.newCall(messages(fixture.key, anthropicBody(TokenizationIT.FILE, true))).execute()) {
      assertThat(response.protocol()).isEqualTo(Protocol.H2_PRIOR_KNOWLEDGE);
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("x-aegis-request-id")).matches("req_[0-9a-f]{16}");
      assertThat(response.header("connection")).isNull();
      assertThat(answerText(response.body().string())).isEqualTo(TokenizationIT.FILE);
    }
    TokenizationIT.assertProviderSawNoSecret(fixture.anthropic);
    StubUpstream.Recorded seen = fixture.anthropic.lastRequest();
    assertThat(seen.header("x-api-key")).isEqualTo(GatewayFixture.ANTHROPIC_ORG_KEY);
    assertThat(seen.headers().keySet()).noneMatch(name -> name.startsWith("x-http2-"));
    assertThat(seen.everything()).doesNotContain(fixture.key);
    assertThat(fixture.gateway.metrics().connectionsOpened(ClientProtocol.H2C)).isGreaterThanOrEqualTo(before);
  }

  @Test
  void manyStreamsOnOneConnectionKeepTheirSecretsApart() throws Exception {
    h2c.newCall(messages(fixture.key, anthropicBody("warm up", false))).execute().close(); // one connection, open
    long connections = fixture.gateway.metrics().connectionsOpened(ClientProtocol.H2C);
    List<String> secrets = openAiKeys(32);
    ExecutorService threads = Executors.newFixedThreadPool(32);
    try {
      List<CompletableFuture<String>> answers = new ArrayList<>();
      for (String secret : secrets) {
        answers.add(CompletableFuture.supplyAsync(() -> {
          try (Response response = h2c.newCall(messages(fixture.key,
              anthropicBody("client = OpenAI(api_key=\"" + secret + "\")", secret.hashCode() % 2 == 0))).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return answerText(response.body().string());
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }, threads));
      }
      for (int i = 0; i < secrets.size(); i++) {
        String answer = answers.get(i).get(60, TimeUnit.SECONDS);
        assertThat(answer).isEqualTo("client = OpenAI(api_key=\"" + secrets.get(i) + "\")");
      }
    } finally {
      threads.shutdown();
    }
    assertThat(fixture.gateway.metrics().connectionsOpened(ClientProtocol.H2C)).isEqualTo(connections);
    String everything = String.join("\n", fixture.anthropic.requests().stream().map(StubUpstream.Recorded::everything)
        .toList());
    for (String secret : secrets) {
      assertThat(everything).doesNotContain(secret);
    }
  }

  /** {@code n} distinct OpenAI project keys the detector finds. */
  private static List<String> openAiKeys(int n) {
    Random random = new Random(15);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    Detector detector = Detector.builtIn();
    List<String> keys = new ArrayList<>();
    while (keys.size() < n) {
      StringBuilder key = new StringBuilder("sk-proj-");
      for (int i = 0; i < 48; i++) {
        key.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (!detector.scan(key.toString().getBytes(StandardCharsets.US_ASCII)).isEmpty()) {
        keys.add(key.toString());
      }
    }
    return keys;
  }

  @Test
  void anErrorStaysOnItsStreamAndTheConnectionServesOn() throws Exception {
    h2c.newCall(messages(fixture.key, anthropicBody("warm up", false))).execute().close();
    long connections = fixture.gateway.metrics().connectionsOpened(ClientProtocol.H2C);
    fixture.mistral.behavior(StubUpstream.Behavior.close());
    try (Response unauthorized = h2c.newCall(messages("tk_test_not-a-key", anthropicBody("x", false))).execute()) {
      assertThat(unauthorized.code()).isEqualTo(401);
      assertThat(JSON.readTree(unauthorized.body().string()).at("/error/type").asText()).isEqualTo("unauthorized");
    }
    Request mistral = new Request.Builder().url(fixture.baseUrl() + "/v1/chat/completions")
        .header("authorization", "Bearer " + fixture.key)
        .post(RequestBody.create("{\"model\":\"mistral-large-latest\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            APPLICATION_JSON)).build();
    try (Response failed = h2c.newCall(mistral).execute()) {
      assertThat(failed.code()).isEqualTo(502);
      assertThat(JSON.readTree(failed.body().string()).at("/error/type").asText()).isNotBlank();
    }
    try (Response ok = h2c.newCall(messages(fixture.key, anthropicBody("still here", false))).execute()) {
      assertThat(ok.code()).isEqualTo(200);
      assertThat(answerText(ok.body().string())).isEqualTo("still here");
    }
    assertThat(fixture.gateway.metrics().connectionsOpened(ClientProtocol.H2C)).isEqualTo(connections);
  }

  @Test
  void sseEventsArriveAsTheyComeOnAStream() throws Exception {
    CompletableFuture<Void> release = new CompletableFuture<>();
    fixture.anthropic.behavior(StubUpstream.Behavior.gatedStream(release));
    try (Response response = h2c.newCall(messages(fixture.key, anthropicBody("event by event", true))).execute();
        BufferedReader lines = new BufferedReader(new InputStreamReader(response.body().byteStream(),
            StandardCharsets.UTF_8))) {
      // The first event arrives while the stub still holds the others: nothing waits for a buffer to fill.
      assertThat(lines.readLine()).startsWith("event: ");
      assertThat(lines.readLine()).startsWith("data: ");
      release.complete(null);
      StringBuilder rest = new StringBuilder();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        rest.append(line).append('\n');
      }
      assertThat(answerText(rest.toString().strip())).isEqualTo("event by event");
    } finally {
      release.complete(null);
    }
  }

  @Test
  void aLargeUploadOnOneStreamDoesNotHoldUpAnotherStreamsAnswer() throws Exception {
    h2c.newCall(messages(fixture.key, anthropicBody("warm up", false))).execute().close();
    long pausesBefore = fixture.gateway.metrics().pauses(PauseReason.UPSTREAM_UNWRITABLE);
    fixture.anthropic.behavior(StubUpstream.Behavior.slowRead());
    byte[] head = TestBodies.ONE_STRING_HEAD;
    byte[] tail = TestBodies.ONE_STRING_TAIL;
    byte[] block = TestBodies.stringBlock(); // 64 KiB, an escaped newline and an AWS key in each
    long blocks = 32L * (1 << 20) / block.length - 1;
    long total = head.length + blocks * block.length + tail.length;
    CompletableFuture<Void> uploadUnderWay = new CompletableFuture<>();
    CompletableFuture<Void> otherAnswered = new CompletableFuture<>();
    long connections = fixture.gateway.metrics().connectionsOpened(ClientProtocol.H2C);
    RequestBody upload = new RequestBody() {
      @Override
      public MediaType contentType() {
        return APPLICATION_JSON;
      }

      @Override
      public long contentLength() {
        return total;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(head);
        for (long i = 0; i < blocks; i++) {
          if (i == 16) { // a MiB in: the other stream's whole exchange happens now
            sink.flush();
            uploadUnderWay.complete(null);
            otherAnswered.join();
          }
          sink.write(block);
        }
        sink.write(tail);
      }
    };
    CompletableFuture<Integer> uploaded = CompletableFuture.supplyAsync(() -> {
      try (Response response = h2c.newCall(new Request.Builder().url(fixture.baseUrl() + "/v1/messages")
          .header("x-api-key", fixture.key).post(upload).build()).execute()) {
        response.body().bytes();
        return response.code();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    try {
      uploadUnderWay.get(60, TimeUnit.SECONDS);
      Request stream = new Request.Builder().url(fixture.baseUrl() + "/v1/chat/completions")
          .header("authorization", "Bearer " + fixture.key)
          .post(RequestBody.create("{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
              + "\"streams on\"}]}", APPLICATION_JSON)).build();
      try (Response response = h2c.newCall(stream).execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body().string()).contains("data: [DONE]");
      }
      assertThat(uploaded).isNotDone();
    } finally {
      otherAnswered.complete(null);
    }
    assertThat(uploaded.get(120, TimeUnit.SECONDS)).isEqualTo(200);
    StubUpstream.Recorded recorded = fixture.anthropic.lastRequest();
    long tokenGrowth = blocks * ("__TAKUMO_v1_KEY_12345678__".length() - "AKIAIOSFODNN7EXAMPLE".length());
    assertThat(recorded.bodyBytes()).isEqualTo(total + tokenGrowth);
    assertThat(fixture.gateway.metrics().pauses(PauseReason.UPSTREAM_UNWRITABLE)).isGreaterThan(pausesBefore);
    assertThat(fixture.gateway.metrics().connectionsOpened(ClientProtocol.H2C)).isEqualTo(connections);
  }

  @Test
  void theJdkClientAskingForH2cByUpgradeIsServedHttp11() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "/v1/messages"))
        .header("x-api-key", fixture.key).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(anthropicBody("upgrade declined", false))).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1); // prior knowledge only: see docs/decisions.md
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(answerText(response.body())).isEqualTo("upgrade declined");
  }

  /** Over TLS: ALPN offers h2 first, and every client here takes it. */
  @Test
  void sdksAndTheJdkClientNegotiateH2OverTls() throws Exception {
    TestPki pki = TestPki.create();
    X509Bundle leaf = pki.leaf("localhost");
    Path cert = pki.dir.resolve("cert.pem");
    Path key = pki.dir.resolve("key.pem");
    TestPki.install(leaf, cert, key);
    try (GatewayFixture tls = GatewayFixture.start(b -> b.tls(cert, key))) {
      String base = "https://localhost:" + tls.gateway.port();
      AnthropicClient anthropic = AnthropicOkHttpClient.builder().baseUrl(base).apiKey(tls.key)
          .sslSocketFactory(pki.sslContext().getSocketFactory()).trustManager(pki.trustManager()).maxRetries(0).build();
      MessageCreateParams params = MessageCreateParams.builder().model(Model.of("claude-sonnet-4-5")).maxTokens(256)
          .addUserMessage(TokenizationIT.FILE).build();

      Message message = anthropic.messages().create(params);
      assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo(TokenizationIT.FILE);
      StringBuilder streamed = new StringBuilder();
      try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(params)) {
        stream.stream().forEach(e -> e.contentBlockDelta().flatMap(d -> d.delta().text())
            .ifPresent(t -> streamed.append(t.text())));
      }
      assertThat(streamed.toString()).isEqualTo(TokenizationIT.FILE);
      TokenizationIT.assertProviderSawNoSecret(tls.anthropic);

      OpenAIClient openai = OpenAIOkHttpClient.builder().baseUrl(base + "/v1").apiKey(tls.key)
          .sslSocketFactory(pki.sslContext().getSocketFactory()).trustManager(pki.trustManager()).maxRetries(0).build();
      StringBuilder chunks = new StringBuilder();
      try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = openai.chat().completions()
          .createStreaming(ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage(TokenizationIT.FILE).build())) {
        stream.stream().forEach(c -> c.choices().forEach(choice -> choice.delta().content().ifPresent(chunks::append)));
      }
      assertThat(chunks.toString()).isEqualTo(TokenizationIT.FILE);
      TokenizationIT.assertProviderSawNoSecret(tls.openai);

      HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(pki.sslContext()).build();
      HttpResponse<String> response = jdk.send(HttpRequest.newBuilder(URI.create(base + "/v1/messages"))
          .header("x-api-key", tls.key).header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(anthropicBody("jdk over h2", false))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(answerText(response.body())).isEqualTo("jdk over h2");

      // The SDKs' OkHttp took h2 too: no client connection here spoke HTTP/1.1.
      assertThat(tls.gateway.metrics().connectionsOpened(ClientProtocol.H2)).isGreaterThanOrEqualTo(3);
      assertThat(tls.gateway.metrics().connectionsOpened(ClientProtocol.H1)).isZero();
    }
  }

  @Test
  void withHttp2OffTlsOffersHttp11Only() throws Exception {
    TestPki pki = TestPki.create();
    Path cert = pki.dir.resolve("cert.pem");
    Path key = pki.dir.resolve("key.pem");
    TestPki.install(pki.leaf("localhost"), cert, key);
    try (GatewayFixture tls = GatewayFixture.start(b -> b.tls(cert, key).http2(false))) {
      HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(pki.sslContext()).build();
      HttpResponse<String> response = jdk.send(HttpRequest.newBuilder(URI.create("https://localhost:" + tls.gateway.port()
          + "/v1/messages")).header("x-api-key", tls.key).header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(anthropicBody("one point one", false))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(answerText(response.body())).isEqualTo("one point one");
      assertThat(tls.gateway.metrics().connectionsOpened(ClientProtocol.H2)).isZero();
    }
  }

  /** Draining tells HTTP/2 clients with GOAWAY: the stream in flight is answered, a new one is not started. */
  @Test
  void drainingSendsGoAwayAndFinishesTheOpenStream() throws Exception {
    try (GatewayFixture draining = GatewayFixture.start(); H2Wire wire = new H2Wire(draining.gateway.port())) {
      CompletableFuture<Void> release = new CompletableFuture<>();
      draining.anthropic.behavior(StubUpstream.Behavior.hold(release));
      CompletableFuture<Void> seen = draining.anthropic.nextRequestSeen();
      wire.headers(1, false, H2Wire.post(draining.key));
      wire.data(1, true, anthropicBody("in flight", false).getBytes(StandardCharsets.UTF_8));
      seen.get(30, TimeUnit.SECONDS);

      CompletableFuture<Void> drained = draining.gateway.drain();
      H2Wire.Frame goAway = wire.readUntil(f -> f.type() == H2Wire.GOAWAY);
      assertThat(goAway.errorCode()).isZero();
      assertThat(drained).isNotDone();
      release.complete(null);
      assertThat(wire.readUntil(f -> f.type() == H2Wire.HEADERS && f.stream() == 1).status()).isEqualTo("200");
      drained.get(30, TimeUnit.SECONDS);
    }
  }
}
