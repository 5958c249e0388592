package io.takumo.aegis.proxy.store;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets kept in database columns, sealed with AES-256-GCM under the key of
 * {@code TAKUMO_ENCRYPTION_KEY}. The organization id and the column name are authenticated with
 * each value (additional data), so a sealed value copied to another row or column does not open.
 * Layout: a 12-byte random nonce, then ciphertext and tag. Thread-safe.
 */
public final class SealedColumns {
  private static final int NONCE = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public SealedColumns(byte[] key) {
    requireNonNull(key, "key");
    if (key.length != 32) {
      throw new IllegalArgumentException("encryption key: " + key.length + " bytes (expected: 32)");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** A value sealed for {@code org}'s {@code column}. */
  public byte[] seal(String org, String column, byte[] clear) {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, org, column);
      byte[] sealed = cipher.doFinal(clear);
      return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The clear value; a {@link StoreException} when it does not open (another key, another row, tampering). */
  public byte[] open(String org, String column, byte[] sealed) {
    if (sealed.length < NONCE + 16) {
      throw PgKeyStore.StoreException.of("organizations." + column + " of " + org + " is not a sealed value");
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE), org, column);
      return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
    } catch (AEADBadTagException e) {
      throw PgKeyStore.StoreException.of("organizations." + column + " of " + org
          + " does not open with TAKUMO_ENCRYPTION_KEY (another key, or the value was changed)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String org, String column) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(128, nonce));
    cipher.updateAAD((org + '\0' + column).getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
