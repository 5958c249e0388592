package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.pkitesting.X509Bundle;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.testing.StubUpstream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * TLS on both sides: the gateway serves a generated certificate that the SDK trusts, and talks TLS
 * to an upstream whose certificate is signed by a CA given in configuration.
 */
class TlsIT {
  @Test
  void sdkTalksTlsToGatewayWhichTalksTlsToUpstream() throws Exception {
    TestPki pki = TestPki.create();
    X509Bundle leaf = pki.leaf("localhost");
    Path certPem = pki.dir.resolve("cert.pem");
    Path keyPem = pki.dir.resolve("key.pem");
    TestPki.install(leaf, certPem, keyPem);

    try (StubUpstream tlsUpstream = StubUpstream.startTls(
            SslContextBuilder.forServer(leaf.getKeyPair().getPrivate(), leaf.getCertificatePath()).build());
        GatewayFixture fixture = GatewayFixture.start(b -> b
            .tls(certPem, keyPem)
            .upstreamCaFile(pki.caFile())
            .upstream(Provider.ANTHROPIC, tlsUpstream.baseUrl(), GatewayFixture.ANTHROPIC_ORG_KEY))) {
      AnthropicClient client = AnthropicOkHttpClient.builder()
          .baseUrl("https://localhost:" + fixture.gateway.port())
          .apiKey(fixture.key)
          .sslSocketFactory(pki.sslContext().getSocketFactory())
          .trustManager(pki.trustManager())
          .maxRetries(0)
          .build();

      Message message = client.messages().create(MessageCreateParams.builder().model(Model.of("claude-opus-4-1"))
          .maxTokens(16).addUserMessage("over TLS twice").build());

      assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("over TLS twice");
      assertThat(tlsUpstream.lastRequest().header("x-api-key")).isEqualTo(GatewayFixture.ANTHROPIC_ORG_KEY);
      assertThat(tlsUpstream.lastRequest().everything()).doesNotContain(fixture.key);
    }
  }
}
