package io.takumo.aegis.proxy.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FleetCaTest {
  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @Test
  void aSealedKeyOpensWithTheFleetsEncryptionKeyIntoTheSameCa() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create();
    byte[] key = key();
    String sealed = FleetCa.seal(ca, key);
    assertThat(sealed).doesNotContain("PRIVATE").doesNotContain(ca.keyPem().lines().skip(1).findFirst().orElseThrow());
    CertificateAuthority opened = FleetCa.open(ca.certificatePem(), sealed, key);
    assertThat(opened.certificate()).isEqualTo(ca.certificate());
    CertificateAuthority.Leaf leaf = opened.mint("llm.corp.example");
    leaf.certificate().verify(ca.certificate().getPublicKey()); // signed by the fleet's key
  }

  @Test
  void anotherKeyTamperingOrAMismatchedPairIsRefusedWithoutShowingTheKey() {
    CertificateAuthority ca = CertificateAuthority.create();
    byte[] key = key();
    String sealed = FleetCa.seal(ca, key);
    assertThatThrownBy(() -> FleetCa.open(ca.certificatePem(), sealed, key()))
        .hasMessageStartingWith("proxy.ca_key_sealed: does not open with this gateway's TAKUMO_ENCRYPTION_KEY");
    byte[] bytes = Base64.getDecoder().decode(sealed);
    bytes[bytes.length - 1] ^= 1;
    assertThatThrownBy(() -> FleetCa.open(ca.certificatePem(), Base64.getEncoder().encodeToString(bytes), key))
        .hasMessageStartingWith("proxy.ca_key_sealed: does not open");
    CertificateAuthority other = CertificateAuthority.create();
    assertThatThrownBy(() -> FleetCa.open(other.certificatePem(), sealed, key))
        .hasMessage("proxy.ca_key_sealed: not the key of the CA certificate proxy.ca_cert_pem")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("PRIVATE"));
  }
}
