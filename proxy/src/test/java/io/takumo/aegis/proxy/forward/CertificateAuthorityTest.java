package io.takumo.aegis.proxy.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {
  @Test
  void aNewCaIsKeptWithItsKeyReadableByItsOwnerOnlyAndReadBackTheSame(@TempDir Path dir) throws Exception {
    CertificateAuthority made = CertificateAuthority.inDirectory(dir.resolve("ca"));
    X509Certificate ca = made.certificate();
    assertThat(ca.getBasicConstraints()).as("CA, pathLen 0").isZero();
    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(ca.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(3000)));
    assertThat(Files.getPosixFilePermissions(dir.resolve("ca/ca.key"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(dir.resolve("ca/ca.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(made.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----").isEqualTo(Files.readString(dir.resolve("ca/ca.crt")));

    CertificateAuthority again = CertificateAuthority.inDirectory(dir.resolve("ca"));
    assertThat(again.certificate()).isEqualTo(ca);
  }

  @Test
  void leavesNameTheirHostAndChainToTheCa(@TempDir Path dir) throws Exception {
    CertificateAuthority ca = CertificateAuthority.inDirectory(dir);
    CertificateAuthority.Leaf leaf = ca.mint("API.Anthropic.com");
    X509Certificate cert = leaf.certificate();
    cert.verify(ca.certificate().getPublicKey()); // signed by the CA
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
    assertThat(cert.getSubjectAlternativeNames()).containsExactly(List.of(2, "api.anthropic.com"));
    assertThat(cert.getNotAfter().toInstant()).isBefore(Instant.now().plus(CertificateAuthority.LEAF_VALIDITY).plusSeconds(60));
    assertThat(cert.getNotBefore().toInstant()).isBefore(Instant.now().minus(Duration.ofMinutes(30)));
    assertThat(ca.mint("10.1.2.3").certificate().getSubjectAlternativeNames()).containsExactly(List.of(7, "10.1.2.3"));
    assertThat(ca.mint("api.anthropic.com").certificate().getSerialNumber()).isNotEqualTo(cert.getSerialNumber());
  }

  @Test
  void aBroughtCaIsReadAndALeafIsNotACa(@TempDir Path dir) throws Exception {
    CertificateAuthority made = CertificateAuthority.inDirectory(dir);
    CertificateAuthority brought = CertificateAuthority.fromFiles(dir.resolve("ca.crt"), dir.resolve("ca.key"));
    assertThat(brought.certificate()).isEqualTo(made.certificate());
    brought.mint("api.openai.com").certificate().verify(made.certificate().getPublicKey());

    Path leafCert = dir.resolve("leaf.crt");
    Files.writeString(leafCert, "-----BEGIN CERTIFICATE-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(made.mint("x.example").certificate().getEncoded())
        + "\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> CertificateAuthority.fromFiles(leafCert, dir.resolve("ca.key")))
        .hasMessageContaining("not a CA certificate");
    Path garbage = dir.resolve("garbage.key");
    Files.writeString(garbage, "not a key");
    assertThatThrownBy(() -> CertificateAuthority.fromFiles(dir.resolve("ca.crt"), garbage))
        .hasMessageContaining("no unencrypted PEM private key").hasMessageNotContaining("not a key");
  }

  @Test
  void contextsAreMintedOncePerHostAndCounted(@TempDir Path dir) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LeafCertificates leaves = new LeafCertificates(CertificateAuthority.inDirectory(dir), true, registry);
    SslContext first = leaves.forHost("api.anthropic.com");
    assertThat(leaves.forHost("API.ANTHROPIC.COM")).isSameAs(first);
    assertThat(leaves.forHost("api.openai.com")).isNotSameAs(first);
    assertThat(registry.get("aegis.proxy.certs.minted").counter().count()).isEqualTo(2.0);
    assertThat(first.applicationProtocolNegotiator().protocols()).containsExactly("h2", "http/1.1");
  }
}
