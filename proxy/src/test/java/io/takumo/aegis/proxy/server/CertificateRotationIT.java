package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.takumo.aegis.proxy.http.ClientProtocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * Certificates change under a running edge as cert-manager and ACME clients change them: a new pair
 * renamed into place, picked up on SIGHUP (here: the call it makes) or by the watch on the files;
 * new connections get it, open ones keep working, a broken pair is refused and the last good one
 * stays. More names by SNI from a certificate directory.
 */
class CertificateRotationIT {
  private static String subjectSeenBy(HttpClient client, int port) throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/healthz"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    X509Certificate peer = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    return peer.getSubjectX500Principal().getName();
  }

  private static HttpClient newClient(TestPki pki) throws Exception {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(pki.sslContext()).build();
  }

  @Test
  void aNewPairReachesNewConnectionsWhileOpenOnesStay() throws Exception {
    TestPki pki = TestPki.create();
    Path cert = pki.dir.resolve("tls.crt");
    Path key = pki.dir.resolve("tls.key");
    TestPki.install(pki.leaf("first.test"), cert, key);
    try (GatewayFixture fixture = GatewayFixture.start(b -> b.tls(cert, key)); LogCapture logs = new LogCapture()) {
      int port = fixture.gateway.port();
      HttpClient open = newClient(pki);
      assertThat(subjectSeenBy(open, port)).isEqualTo("CN=first.test");

      TestPki.install(pki.leaf("second.test"), cert, key);
      fixture.gateway.reloadCertificates(); // what SIGHUP does
      assertThat(subjectSeenBy(newClient(pki), port)).isEqualTo("CN=second.test");
      assertThat(subjectSeenBy(open, port)).isEqualTo("CN=first.test"); // the open connection, not dropped
      assertThat(fixture.gateway.metrics().connectionsOpened(ClientProtocol.H2)).isEqualTo(2);

      TestPki.replace(cert, "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n");
      fixture.gateway.reloadCertificates();
      assertThat(logs.atLeast(Level.WARN)).anySatisfy(e ->
          assertThat(e.getFormattedMessage()).startsWith("TLS certificates not reloaded, the current ones stay"));
      assertThat(subjectSeenBy(newClient(pki), port)).isEqualTo("CN=second.test");
      int refusals = logs.atLeast(Level.WARN).size();
      TestPki.replace(key, pki.leaf("other.test").getPrivateKeyPEM()); // a key that is not the certificate's
      TestPki.replace(cert, pki.leaf("mismatch.test").getCertificatePathPEM());
      fixture.gateway.reloadCertificates();
      assertThat(logs.atLeast(Level.WARN)).hasSizeGreaterThan(refusals);
      assertThat(subjectSeenBy(newClient(pki), port)).isEqualTo("CN=second.test");

      // No signal this time: the gateway notices the renamed files on its own.
      TestPki.install(pki.leaf("third.test"), cert, key);
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
          assertThat(subjectSeenBy(newClient(pki), port)).isEqualTo("CN=third.test"));
      assertThat(subjectSeenBy(open, port)).isEqualTo("CN=first.test");
    }
  }

  @Test
  void theNameAClientAsksForPicksItsCertificate() throws Exception {
    TestPki pki = TestPki.create();
    Path cert = pki.dir.resolve("default.crt");
    Path key = pki.dir.resolve("default.key");
    TestPki.install(pki.leaf("default.test"), cert, key);
    Path names = Files.createDirectory(pki.dir.resolve("names"));
    TestPki.install(pki.leaf("api.example.test"), names.resolve("api.example.test.crt"),
        names.resolve("api.example.test.key"));
    TestPki.install(pki.leaf("any.wild.test"), names.resolve("*.wild.test.crt"), names.resolve("*.wild.test.key"));
    try (GatewayFixture fixture = GatewayFixture.start(b -> b.tls(cert, key).tlsCertDir(names))) {
      int port = fixture.gateway.port();
      assertThat(handshake(pki, port, "api.example.test")).isEqualTo("CN=api.example.test");
      assertThat(handshake(pki, port, "x.wild.test")).isEqualTo("CN=any.wild.test");
      assertThat(handshake(pki, port, "unknown.test")).isEqualTo("CN=default.test");
      assertThat(handshake(pki, port, null)).isEqualTo("CN=default.test");
    }
  }

  /** The subject of the certificate the gateway shows a client that asks for {@code name} (none: no SNI). */
  private static String handshake(TestPki pki, int port, String name) throws Exception {
    try (SSLSocket socket = (SSLSocket) pki.sslContext().getSocketFactory().createSocket("127.0.0.1", port)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setServerNames(name == null ? List.of() : List.of(new SNIHostName(name)));
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
    }
  }
}
