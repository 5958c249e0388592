package io.takumo.aegis.proxy.forward;

import io.takumo.aegis.proxy.store.SealedColumns;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The forward proxy's CA carried by the fleet config ({@code proxy.ca_cert_pem}, {@code proxy.ca_key_sealed}): the
 * key's PKCS#8 PEM sealed with AES-256-GCM under the fleet's {@code TAKUMO_ENCRYPTION_KEY}, which every gateway of a
 * fleet already shares to open the organizations' sealed settings. The coordinator stores and pushes only the
 * sealed form.
 */
public final class FleetCa {
  private static final String SCOPE = "fleet";
  private static final String FIELD = "proxy.ca_key";

  private FleetCa() {}

  /** {@code ca}'s key, sealed for a fleet config (base64). */
  public static String seal(CertificateAuthority ca, byte[] encryptionKey) {
    byte[] clear = ca.keyPem().getBytes(StandardCharsets.US_ASCII);
    try {
      return Base64.getEncoder().encodeToString(new SealedColumns(encryptionKey).seal(SCOPE, FIELD, clear));
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /**
   * The CA of a fleet config; an {@link IllegalArgumentException} whose message names the field and never the key
   * when the key does not open with {@code encryptionKey} or the pair is not a CA.
   */
  public static CertificateAuthority open(String certificatePem, String sealedKey, byte[] encryptionKey) {
    byte[] clear;
    try {
      clear = new SealedColumns(encryptionKey).open(SCOPE, FIELD, Base64.getDecoder().decode(sealedKey.trim()));
    } catch (RuntimeException e) { // a wrong key, another value, tampering: the store's exception, or base64's
      throw new IllegalArgumentException("proxy.ca_key_sealed: does not open with this gateway's TAKUMO_ENCRYPTION_KEY "
          + "(expected: sealed by `takumo-aegis ca export --fleet` with the fleet's encryption key)");
    }
    try {
      return CertificateAuthority.fromPem(certificatePem, new String(clear, StandardCharsets.US_ASCII),
          "proxy.ca_cert_pem", "proxy.ca_key_sealed");
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }
}
