package io.takumo.aegis.proxy.server;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** A test CA, server certificates it issues (written as PEM files the gateway reads), and a client's trust in it. */
final class TestPki {
  final X509Bundle ca;
  final Path dir;

  private TestPki(X509Bundle ca, Path dir) {
    this.ca = ca;
    this.dir = dir;
  }

  static TestPki create() throws Exception {
    Instant now = Instant.now();
    X509Bundle ca = new CertificateBuilder().subject("CN=Aegis Test CA").setIsCertificateAuthority(true)
        .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS)).ecp256().buildSelfSigned();
    Path dir = Files.createTempDirectory("aegis-tls");
    Files.writeString(dir.resolve("ca.pem"), ca.getCertificatePEM());
    return new TestPki(ca, dir);
  }

  /** The CA certificate as a PEM file. */
  Path caFile() {
    return dir.resolve("ca.pem");
  }

  /** A server certificate for {@code cn}, {@code localhost} and 127.0.0.1, issued by the CA. */
  X509Bundle leaf(String cn) throws Exception {
    Instant now = Instant.now();
    return new CertificateBuilder().subject("CN=" + cn).addSanDnsName(cn).addSanDnsName("localhost")
        .addSanIpAddress("127.0.0.1").notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS))
        .ecp256().buildIssuedBy(ca);
  }

  /** A server certificate for {@code cn} alone (no loopback names), issued by the CA. */
  X509Bundle leafOnly(String cn) throws Exception {
    Instant now = Instant.now();
    return new CertificateBuilder().subject("CN=" + cn).addSanDnsName(cn)
        .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS)).ecp256().buildIssuedBy(ca);
  }

  /** Writes {@code leaf} to {@code cert} and {@code key} as cert-manager does: a new file renamed into place. */
  static void install(X509Bundle leaf, Path cert, Path key) throws Exception {
    replace(key, leaf.getPrivateKeyPEM());
    replace(cert, leaf.getCertificatePathPEM());
  }

  static void replace(Path file, String content) throws Exception {
    Path next = file.resolveSibling(file.getFileName() + ".next");
    Files.writeString(next, content);
    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  X509TrustManager trustManager() throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("ca", ca.getCertificate());
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }

  SSLContext sslContext() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustManager()}, null);
    return context;
  }
}
