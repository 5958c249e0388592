package io.takumo.aegis.shield;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.detect.Category;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints token hashes (SPEC §2): HMAC-SHA256(token key, category ‖ 0x00 ‖ secret). The digest's
 * 32 bytes give eight 8-hex candidates, tried in order when a vault already holds a different
 * secret under one (collision probing); past the eighth, the digest of the digest continues the
 * sequence. Deterministic for the same key, category and secret, so a conversation keeps its tokens
 * (prompt caching) and a fleet sharing the key mints the same ones. Thread-safe.
 */
public final class TokenMinter {
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;
  private final long fingerprint;

  public TokenMinter(byte[] tokenKey) {
    requireNonNull(tokenKey, "tokenKey");
    if (tokenKey.length < 16) {
      throw new IllegalArgumentException("token key: " + tokenKey.length + " bytes (expected: at least 16)");
    }
    this.key = new SecretKeySpec(tokenKey, ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
    byte[] id = newMac().doFinal("takumo minter id".getBytes(StandardCharsets.US_ASCII));
    long f = 0;
    for (int i = 0; i < 8; i++) {
      f = f << 8 | (id[i] & 0xFF);
    }
    this.fingerprint = f;
  }

  /**
   * Equal for minters of the same key, different otherwise (64 bits of an HMAC of a fixed label: it says nothing
   * of the key). A fleet config's minter is a new object per config version; this is what stays.
   */
  public long fingerprint() {
    return fingerprint;
  }

  /** A minter with a random key: tokens are stable for this process only. */
  public static TokenMinter random() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new TokenMinter(key);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** A copy of the key, for a session file that must mint the same tokens later. */
  byte[] keyBytes() {
    return key.getEncoded();
  }

  /** The digest whose 4-byte words are the candidate hashes, in probing order. */
  byte[] digest(Category category, byte[] secret) {
    Mac mac = macs.get();
    mac.update(category.name().getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) 0);
    mac.update(secret);
    return mac.doFinal();
  }

  /** The digest that continues the candidates after {@code previous} ran out. */
  byte[] next(byte[] previous) {
    return macs.get().doFinal(previous);
  }
}
