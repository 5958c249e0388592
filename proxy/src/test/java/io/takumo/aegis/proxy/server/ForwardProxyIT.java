package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.netty.pkitesting.X509Bundle;
import io.takumo.aegis.proxy.config.ForwardProxySettings;
import io.takumo.aegis.proxy.config.TrustedNetworks;
import io.takumo.aegis.proxy.forward.CertificateAuthority;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.testing.StubUpstream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forward proxy (SPEC §10) on the gateway's own listener, driven by real TLS clients that trust the
 * exported CA: interception of AI hosts with the whole pipeline (the official SDKs, the JDK client, Claude
 * Code's request sequence over raw sockets), absolute form, CONNECT to the gateway itself, refusals, and
 * byte-exact passthrough.
 */
class ForwardProxyIT {
  private static final String SECRET = "AKIAIOSFODNN7EXAMPLE";
  private static GatewayFixture fixture;
  private static SSLContext trustingCa;
  private static X509TrustManager caTrust;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
    caTrust = trustOf(fixture);
    trustingCa = freshTrustingCa();
  }

  /** A TLS context of its own that trusts the fixture's CA: no session of another test to resume. */
  private static SSLContext freshTrustingCa() throws Exception {
    return trusting(caTrust);
  }

  private static SSLContext trusting(X509TrustManager trust) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trust}, null);
    return context;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static String messages(String text) {
    return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\""
        + text + "\"}]}";
  }

  private static String basic(String key) {
    return "Basic " + Base64.getEncoder().encodeToString(("dev:" + key).getBytes(StandardCharsets.UTF_8));
  }

  /** CONNECT {@code authority} on a new connection; the response to it, the connection left open. */
  private static Socket connect(String authority, String proxyAuthorization, int[] status) throws IOException {
    Socket socket = new Socket("127.0.0.1", fixture.gateway.port());
    RawHttp http = new RawHttp(socket);
    http.send("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n"
        + (proxyAuthorization == null ? "" : "Proxy-Authorization: " + proxyAuthorization + "\r\n") + "\r\n");
    status[0] = http.readHead().status();
    return socket;
  }

  /** A JSON POST inside a tunnel, without a key of its own (the tunnel's stands for it); the answer. */
  private static RawHttp.Response post(RawHttp http, String target, String host, String body) throws IOException {
    http.send("POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length() + "\r\n\r\n" + body);
    return http.read();
  }

  /** TLS over a tunnel, as Claude Code speaks it: SNI and hostname checked, ALPN http/1.1 only. */
  private static SSLSocket tls(Socket tunnel, String host) throws IOException {
    SSLSocket ssl = (SSLSocket) trustingCa.getSocketFactory().createSocket(tunnel, host, 443, true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setApplicationProtocols(new String[] {"http/1.1"});
    ssl.setSSLParameters(parameters);
    ssl.startHandshake();
    return ssl;
  }

  @Test
  void anInterceptedHostGetsTheWholePipelineThroughTheJdkClient() throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", fixture.gateway.port())))
        .sslContext(trustingCa).build();
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
            URI.create("https://api.anthropic.com/v1/messages?beta=true"))
        .header("x-api-key", fixture.key).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(messages("deploy with " + SECRET))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains(SECRET); // restored in the answer
    StubUpstream.Recorded upstream = fixture.anthropic.lastRequest();
    assertThat(upstream.uri()).isEqualTo("/v1/messages?beta=true");
    assertThat(new String(upstream.body(), StandardCharsets.UTF_8)).doesNotContain(SECRET).contains("__TAKUMO_v1_KEY_");
    assertThat(upstream.header("x-api-key")).isEqualTo(GatewayFixture.ANTHROPIC_ORG_KEY);
  }

  @Test
  void claudeCodesRequestsInOneTunnelAuthenticatedByTheProxyUrl() throws Exception {
    int[] status = new int[1];
    try (Socket tunnel = connect("api.anthropic.com:443", basic(fixture.key), status)) {
      assertThat(status[0]).isEqualTo(200);
      try (RawHttp http = new RawHttp(tls(tunnel, "api.anthropic.com"))) {
        fixture.anthropic.behavior(StubUpstream.Behavior.status(404, null));
        for (String path : List.of("/api/claude_code/settings", "/api/claude_code/policy_limits")) {
          http.send("GET " + path + " HTTP/1.1\r\nHost: api.anthropic.com\r\nUser-Agent: claude-cli/2.1.12\r\n\r\n");
          RawHttp.Response answer = http.read();
          assertThat(answer.status()).as(path + " is the provider's answer, relayed").isEqualTo(404);
          assertThat(answer.body()).doesNotContain("NOT_FOUND"); // not the gateway's own 404
          assertThat(fixture.anthropic.lastRequest().method()).isEqualTo("GET");
          assertThat(fixture.anthropic.lastRequest().uri()).isEqualTo(path);
        }
        fixture.anthropic.behavior(StubUpstream.Behavior.normal());
        String body = messages("the key is " + SECRET);
        RawHttp.Response answer = post(http, "/v1/messages?beta=true", "api.anthropic.com", body);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains(SECRET);
        assertThat(new String(fixture.anthropic.lastRequest().body(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
        assertThat(fixture.anthropic.lastRequest().header("x-api-key")).isEqualTo(GatewayFixture.ANTHROPIC_ORG_KEY);
      }
    }
  }

  @Test
  void theOfficialSdksThroughTheProxyTheOpenAiOneOverH2() throws Exception {
    Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", fixture.gateway.port()));
    AnthropicClient anthropic = AnthropicOkHttpClient.builder().baseUrl("https://api.anthropic.com").apiKey(fixture.key)
        .proxy(proxy).sslSocketFactory(trustingCa.getSocketFactory()).trustManager(caTrust).maxRetries(0).build();
    Message message = anthropic.messages().create(MessageCreateParams.builder().model(Model.of("claude-sonnet-4-5"))
        .maxTokens(256).addUserMessage(TokenizationIT.FILE).build());
    assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo(TokenizationIT.FILE);
    TokenizationIT.assertProviderSawNoSecret(fixture.anthropic);

    // api.openai.com is intercepted for OpenAI: a Claude model named in the body does not move it elsewhere.
    OpenAIClient openai = OpenAIOkHttpClient.builder().baseUrl("https://api.openai.com/v1").apiKey(fixture.key)
        .proxy(proxy).sslSocketFactory(trustingCa.getSocketFactory()).trustManager(caTrust).maxRetries(0).build();
    StringBuilder chunks = new StringBuilder();
    try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(
        ChatCompletionCreateParams.builder().model("claude-sonnet-4-5").addUserMessage(TokenizationIT.FILE).build())) {
      stream.stream().forEach(c -> c.choices().forEach(choice -> choice.delta().content().ifPresent(chunks::append)));
    }
    assertThat(chunks.toString()).isEqualTo(TokenizationIT.FILE);
    TokenizationIT.assertProviderSawNoSecret(fixture.openai);
    assertThat(fixture.openai.lastRequest().uri()).isEqualTo("/v1/chat/completions");
  }

  @Test
  void absoluteFormAndAConnectToTheGatewayItselfAreServedAsUsual() throws Exception {
    String body = messages("absolute " + SECRET);
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      http.send("POST http://127.0.0.1:" + fixture.gateway.port() + "/v1/messages?beta=true HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "x-api-key: " + fixture.key + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
      RawHttp.Response answer = http.read();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).contains(SECRET);
      assertThat(fixture.anthropic.lastRequest().uri()).isEqualTo("/v1/messages?beta=true");
    }
    int[] status = new int[1];
    try (Socket tunnel = connect("127.0.0.1:" + fixture.gateway.port(), null, status)) {
      assertThat(status[0]).isEqualTo(200);
      RawHttp http = new RawHttp(tunnel);
      http.send("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: " + fixture.key + "\r\nContent-Length: "
          + body.length() + "\r\n\r\n" + body);
      RawHttp.Response answer = http.read();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).contains(SECRET);
    }
  }

  @Test
  void connectsThatCannotBeServedGetAClearAnswerAndNothingElse() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      Map<String, Integer> expected = Map.of(
          "api.anthropic.com", 400, // no port
          "api.anthropic.com:8443", 403, // a port not allowed
          "example.com:443", 407); // a host tunnelled blind needs a key
      for (Map.Entry<String, Integer> e : expected.entrySet()) {
        try (RawHttp http = new RawHttp(fixture.gateway.port())) {
          http.send("CONNECT " + e.getKey() + " HTTP/1.1\r\nHost: " + e.getKey() + "\r\n\r\n");
          RawHttp.Response answer = http.read();
          assertThat(answer.status()).as(e.getKey()).isEqualTo(e.getValue());
          assertThat(answer.body()).contains("\"type\":\"error\"");
          if (e.getValue() == 407) {
            assertThat(answer.headers().get("proxy-authenticate")).isEqualTo("Basic realm=\"takumo\"");
          }
          assertThat(http.closedByServer()).isTrue();
        }
      }
      String unknown = "tk_test_" + "0".repeat(64);
      int[] status = new int[1];
      try (Socket s = connect("api.anthropic.com:443", basic(unknown), status)) {
        assertThat(status[0]).as("an unknown key in the proxy URL").isEqualTo(407);
      }
      try (Socket s = connect("127.0.0.1:443", basic(fixture.key), status)) {
        assertThat(status[0]).as("an internal address, tunnelled blind").isEqualTo(403);
      }
      assertThat(logs.accessLines()).filteredOn(l -> l.contains("\"mode\":\"refused\"")).hasSizeGreaterThanOrEqualTo(5)
          .allSatisfy(l -> assertThat(l).doesNotContain(unknown).doesNotContain(fixture.key));
      assertThat(logs.atLeast(Level.ERROR)).isEmpty();
      fixture.gateway.audit().flush(); // refusals are audited before they are answered
      assertThat(java.nio.file.Files.readAllLines(fixture.dir().resolve("audit.jsonl")))
          .filteredOn(l -> l.contains("\"CONNECT\"") && l.contains("api.anthropic.com:8443")).singleElement()
          .satisfies(l -> assertThat(l).contains("403").contains("tunnel:refused").doesNotContain(fixture.key));
    }
  }

  @Test
  void aClientThatSpeaksNoTlsOrNamesNoHostInAnInterceptedTunnelIsClosed() throws Exception {
    int[] status = new int[1];
    try (Socket tunnel = connect("api.anthropic.com:443", null, status)) {
      assertThat(status[0]).isEqualTo(200);
      RawHttp http = new RawHttp(tunnel);
      http.send("GET /v1/models HTTP/1.1\r\nHost: api.anthropic.com\r\n\r\n");
      assertThat(http.closedByServer()).isTrue();
    }
    // A context of its own each: no session of another test to resume.
    try (Socket tunnel = connect("api.anthropic.com:443", null, status)) {
      SSLSocket ssl = (SSLSocket) freshTrustingCa().getSocketFactory().createSocket(tunnel, "127.0.0.1", 443, true);
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setServerNames(List.of()); // no SNI
      ssl.setSSLParameters(parameters);
      assertThatThrownBy(ssl::startHandshake).isInstanceOf(IOException.class);
    }
    try (Socket tunnel = connect("api.anthropic.com:443", null, status)) {
      SSLSocket ssl = (SSLSocket) freshTrustingCa().getSocketFactory().createSocket(tunnel, "api.anthropic.com", 443,
          true);
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName("api.openai.com"))); // SNI of another host
      ssl.setSSLParameters(parameters);
      assertThatThrownBy(ssl::startHandshake).isInstanceOf(IOException.class);
    }
  }

  @Test
  void aPassthroughTunnelCarriesBytesExactlyBothWays() throws Exception {
    try (ServerSocket echo = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
        try (Socket s = echo.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
          in.transferTo(out);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      Path dir = fixture.dir();
      try (GatewayFixture blind = GatewayFixture.start(b -> b.forwardProxy(new ForwardProxySettings(
          ForwardProxySettings.defaultHosts(), List.of("localhost"), true, Set.of(443, echo.getLocalPort()),
          dir.resolve("ca-blind"), null, null)))) {
        Socket socket = new Socket("127.0.0.1", blind.gateway.port());
        RawHttp http = new RawHttp(socket);
        http.send("CONNECT localhost:" + echo.getLocalPort() + " HTTP/1.1\r\nHost: localhost\r\nProxy-Authorization: "
            + basic(blind.key) + "\r\n\r\n");
        assertThat(http.readHead().status()).isEqualTo(200);
        byte[] sent = new byte[1 << 20];
        new Random(7).nextBytes(sent);
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
          try {
            return socket.getInputStream().readNBytes(sent.length);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        socket.getOutputStream().write(sent);
        socket.getOutputStream().flush();
        assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(sent);
        socket.shutdownOutput();
        served.get(30, TimeUnit.SECONDS);
        assertThat(socket.getInputStream().read()).isEqualTo(-1); // the far side's close reaches the client
        socket.close();
        assertThat(blind.gateway.metrics().registry().get("aegis.proxy.tunnels").tag("mode", "passthrough")
            .counter().count()).isEqualTo(1.0);
      }
    }
  }

  @Test
  void aProxyReachedOverTlsInterceptsInsideItsOwnTls() throws Exception {
    TestPki pki = TestPki.create();
    Path cert = pki.dir.resolve("edge.crt");
    Path key = pki.dir.resolve("edge.key");
    TestPki.install(pki.leaf("localhost"), cert, key);
    try (GatewayFixture edge = GatewayFixture.start(b -> b.tls(cert, key));
        Socket plain = new Socket("127.0.0.1", edge.gateway.port())) {
      SSLSocket outer = (SSLSocket) pki.sslContext().getSocketFactory().createSocket(plain, "localhost",
          edge.gateway.port(), true);
      outer.startHandshake();
      RawHttp toProxy = new RawHttp(outer);
      toProxy.send("CONNECT api.anthropic.com:443 HTTP/1.1\r\nHost: api.anthropic.com:443\r\nProxy-Authorization: "
          + basic(edge.key) + "\r\n\r\n");
      assertThat(toProxy.readHead().status()).isEqualTo(200);
      SSLSocket inner = (SSLSocket) trusting(trustOf(edge)).getSocketFactory().createSocket(outer, "api.anthropic.com", 443, true);
      SSLParameters parameters = inner.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"}); // offered; the tunnel answers http/1.1
      inner.setSSLParameters(parameters);
      inner.startHandshake();
      assertThat(inner.getApplicationProtocol()).isEqualTo("http/1.1");
      RawHttp http = new RawHttp(inner);
      String body = messages("twice wrapped " + SECRET);
      RawHttp.Response answer = post(http, "/v1/messages", "api.anthropic.com", body);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).contains(SECRET);
      assertThat(new String(edge.anthropic.lastRequest().body(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
    }
  }

  /** Trust in the CA a fixture's gateway made on start, as `takumo-aegis ca export` prints it. */
  private static X509TrustManager trustOf(GatewayFixture gateway) throws Exception {
    return trustOf(gateway.dir().resolve("ca"));
  }

  static X509TrustManager trustOf(Path caDir) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("takumo", CertificateAuthority.inDirectory(caDir).certificate());
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }

  @Test
  void callersFromATrustedNetworkNeedNoKeyActAsItsOrganizationAndAreAuditedByAddress() throws Exception {
    Path caDir = fixture.dir().resolve("ca-trusting");
    try (GatewayFixture trusting = GatewayFixture.start(b -> b.forwardProxy(new ForwardProxySettings(
        ForwardProxySettings.defaultHosts(), ForwardProxySettings.ALL, false, Set.of(443), caDir, null, null,
        TrustedNetworks.parse("127.0.0.2/32"), "org-net")))) {
      Socket socket = new Socket();
      socket.bind(new InetSocketAddress("127.0.0.2", 0)); // the trusted network
      socket.connect(new InetSocketAddress("127.0.0.1", trusting.gateway.port()));
      try (socket) {
        RawHttp toProxy = new RawHttp(socket);
        toProxy.send("CONNECT api.anthropic.com:443 HTTP/1.1\r\nHost: api.anthropic.com:443\r\n\r\n");
        assertThat(toProxy.readHead().status()).isEqualTo(200);
        SSLSocket ssl = (SSLSocket) trusting(trustOf(caDir)).getSocketFactory().createSocket(socket,
            "api.anthropic.com", 443, true);
        ssl.startHandshake();
        RawHttp http = new RawHttp(ssl);
        String body = messages("no key anywhere, yet " + SECRET);
        RawHttp.Response answer = post(http, "/v1/messages", "api.anthropic.com", body);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains(SECRET);
        assertThat(new String(trusting.anthropic.lastRequest().body(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
        assertThat(trusting.anthropic.lastRequest().header("x-api-key")).isEqualTo(GatewayFixture.ANTHROPIC_ORG_KEY);
        trusting.gateway.audit().flush();
        assertThat(Files.readAllLines(trusting.dir().resolve("audit.jsonl"))).anySatisfy(line -> assertThat(line)
            .contains("\"org\":\"org-net\"").contains("\"keyPrefix\":\"net:127.0.0.2\"")
            .contains("\"route\":\"/v1/messages\""));
      }

      // a wrong key from the trusted network is still refused, and another address needs a key for a passthrough
      Socket wrong = new Socket();
      wrong.bind(new InetSocketAddress("127.0.0.2", 0));
      wrong.connect(new InetSocketAddress("127.0.0.1", trusting.gateway.port()));
      try (RawHttp http = new RawHttp(wrong)) {
        http.send("CONNECT api.anthropic.com:443 HTTP/1.1\r\nHost: api.anthropic.com:443\r\nProxy-Authorization: "
            + basic("tk_test_" + "0".repeat(64)) + "\r\n\r\n");
        assertThat(http.readHead().status()).isEqualTo(407);
      }
      try (RawHttp http = new RawHttp(trusting.gateway.port())) { // from 127.0.0.1
        http.send("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
        assertThat(http.readHead().status()).isEqualTo(407);
      }
    }
  }

  @Test
  void theFleetConfigsProxySectionGivesEveryGatewayItsHostsAndItsCa() throws Exception {
    byte[] encryption = new byte[32];
    new java.security.SecureRandom().nextBytes(encryption);
    Path fleetCaDir = fixture.dir().resolve("fleet-ca");
    CertificateAuthority fleetCa = CertificateAuthority.inDirectory(fleetCaDir);
    Path configFile = fixture.dir().resolve("fleet-proxy.yaml");
    Files.writeString(configFile, "proxy:\n  intercept_hosts: [{host: llm.corp.example, provider: openai}]\n"
        + "  ca_cert_pem: |\n" + fleetCa.certificatePem().lines().map(l -> "    " + l + "\n").reduce("", String::concat)
        + "  ca_key_sealed: " + io.takumo.aegis.proxy.forward.FleetCa.seal(fleetCa, encryption) + "\n");
    SSLContext trustingFleetCa = trusting(trustOf(fleetCaDir)); // and not the gateways' own CAs
    for (int replica = 0; replica < 2; replica++) {
      Path state = fixture.dir().resolve("fleet-state-" + replica);
      try (GatewayFixture gateway = GatewayFixture.start(b -> b.encryptionKey(encryption)
          .fleet(new io.takumo.aegis.proxy.config.GatewayConfig.FleetSettings(null, null, null, state, configFile)));
          Socket tunnel = new Socket("127.0.0.1", gateway.gateway.port())) {
        RawHttp toProxy = new RawHttp(tunnel);
        toProxy.send("CONNECT llm.corp.example:443 HTTP/1.1\r\nHost: llm.corp.example:443\r\nProxy-Authorization: "
            + basic(gateway.key) + "\r\n\r\n");
        assertThat(toProxy.readHead().status()).isEqualTo(200);
        SSLSocket ssl = (SSLSocket) trustingFleetCa.getSocketFactory().createSocket(tunnel, "llm.corp.example", 443,
            true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        RawHttp http = new RawHttp(ssl);
        String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"fleet " + SECRET
            + "\"}]}";
        RawHttp.Response answer = post(http, "/v1/chat/completions", "llm.corp.example", body);
        assertThat(answer.status()).as("replica " + replica).isEqualTo(200);
        assertThat(answer.body()).contains(SECRET);
        assertThat(gateway.openai.lastRequest().uri()).isEqualTo("/v1/chat/completions");
        assertThat(new String(gateway.openai.lastRequest().body(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
      }
    }
  }

  @Test
  void anUpstreamWhoseCertificateDoesNotVerifyGetsNothing() throws Exception {
    TestPki pki = TestPki.create();
    for (String name : List.of("localhost", "other.example")) { // an unknown CA; then a known CA, another name
      boolean trustTheCa = name.equals("other.example");
      X509Bundle leaf = trustTheCa ? pki.leafOnly(name) : pki.leaf(name);
      try (StubUpstream upstream = StubUpstream.startTls(io.netty.handler.ssl.SslContextBuilder
              .forServer(leaf.getKeyPair().getPrivate(), leaf.getCertificatePath()).build());
          GatewayFixture gateway = GatewayFixture.start(b -> {
            b.upstream(Provider.ANTHROPIC, upstream.baseUrl(), GatewayFixture.ANTHROPIC_ORG_KEY);
            if (trustTheCa) {
              b.upstreamCaFile(pki.caFile());
            }
          });
          Socket tunnel = new Socket("127.0.0.1", gateway.gateway.port())) {
        RawHttp toProxy = new RawHttp(tunnel);
        toProxy.send("CONNECT api.anthropic.com:443 HTTP/1.1\r\nHost: api.anthropic.com:443\r\nProxy-Authorization: "
            + basic(gateway.key) + "\r\n\r\n");
        assertThat(toProxy.readHead().status()).isEqualTo(200);
        SSLSocket ssl = (SSLSocket) trusting(trustOf(gateway)).getSocketFactory().createSocket(tunnel,
            "api.anthropic.com", 443, true);
        ssl.startHandshake();
        RawHttp http = new RawHttp(ssl);
        String body = messages("never to an unverified host: " + SECRET);
        RawHttp.Response answer = post(http, "/v1/messages", "api.anthropic.com", body);
        assertThat(answer.status()).as(name).isEqualTo(502);
        assertThat(answer.body()).contains("\"type\":\"error\"").doesNotContain(SECRET);
        assertThat(upstream.requests()).as("no request reached " + name).isEmpty();
      }
    }
  }

  @Test
  void extraInterceptedHostsGoToTheirProvider() {
    ForwardProxySettings settings = io.takumo.aegis.proxy.config.GatewayEnvironment.parse(Map.of(
        "TAKUMO_PROXY_INTERCEPT_HOSTS", "llm.corp.example=openai", "TAKUMO_PROXY_PASSTHROUGH", "none")).forwardProxy();
    assertThat(settings.intercepted("LLM.corp.example")).isEqualTo(Provider.OPENAI);
    assertThat(settings.intercepted("api.anthropic.com")).isEqualTo(Provider.ANTHROPIC);
    assertThat(settings.passesThrough("example.com")).isFalse();
  }
}
