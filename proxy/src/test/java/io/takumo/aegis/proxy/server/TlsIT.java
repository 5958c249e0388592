package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.testing.StubUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * TLS on both sides: the gateway serves a generated certificate that the SDK trusts, and talks TLS
 * to an upstream whose certificate is signed by a CA given in configuration.
 */
class TlsIT {
  @Test
  void sdkTalksTlsToGatewayWhichTalksTlsToUpstream() throws Exception {
    Instant now = Instant.now();
    X509Bundle ca = new CertificateBuilder().subject("CN=Aegis Test CA").setIsCertificateAuthority(true)
        .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS)).ecp256().buildSelfSigned();
    X509Bundle leaf = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
        .addSanIpAddress("127.0.0.1").notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS))
        .ecp256().buildIssuedBy(ca);
    Path dir = Files.createTempDirectory("aegis-tls");
    Path caPem = dir.resolve("ca.pem");
    Path certPem = dir.resolve("cert.pem");
    Path keyPem = dir.resolve("key.pem");
    Files.writeString(caPem, ca.getCertificatePEM());
    Files.writeString(certPem, leaf.getCertificatePathPEM());
    Files.writeString(keyPem, leaf.getPrivateKeyPEM());

    try (StubUpstream tlsUpstream = StubUpstream.startTls(
            SslContextBuilder.forServer(leaf.getKeyPair().getPrivate(), leaf.getCertificatePath()).build());
        GatewayFixture fixture = GatewayFixture.start(b -> b
            .tls(certPem, keyPem)
            .upstreamCaFile(caPem)
            .upstream(Provider.ANTHROPIC, tlsUpstream.baseUrl(), GatewayFixture.ANTHROPIC_ORG_KEY))) {
      X509TrustManager trust = trustManager(ca);
      SSLContext sslContext = SSLContext.getInstance("TLS");
      sslContext.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
      AnthropicClient client = AnthropicOkHttpClient.builder()
          .baseUrl("https://localhost:" + fixture.gateway.port())
          .apiKey(fixture.key)
          .sslSocketFactory(sslContext.getSocketFactory())
          .trustManager(trust)
          .maxRetries(0)
          .build();

      Message message = client.messages().create(MessageCreateParams.builder().model(Model.of("claude-opus-4-1"))
          .maxTokens(16).addUserMessage("over TLS twice").build());

      assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("over TLS twice");
      assertThat(tlsUpstream.lastRequest().header("x-api-key")).isEqualTo(GatewayFixture.ANTHROPIC_ORG_KEY);
      assertThat(tlsUpstream.lastRequest().everything()).doesNotContain(fixture.key);
    }
  }

  private static X509TrustManager trustManager(X509Bundle ca) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("ca", ca.getCertificate());
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }
}
