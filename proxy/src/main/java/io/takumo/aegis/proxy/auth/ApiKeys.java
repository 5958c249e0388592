package io.takumo.aegis.proxy.auth;

import io.takumo.aegis.proxy.config.KeyEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** The Takumo API key format of SPEC §7: {@code tk_live_|tk_test_} + 64 lowercase hex. */
public final class ApiKeys {
  public static final int LENGTH = 72;
  /** Shown in listings and logs: {@code tk_live_a1b2}. */
  public static final int PREFIX_LENGTH = 12;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private ApiKeys() {}

  /** A new raw key. The caller shows it once and stores only {@link #sha256}. */
  public static String generate(KeyEnvironment environment) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return environment.keyPrefix() + HEX.formatHex(secret);
  }

  /** Whether {@code raw} looks like a Takumo key at all (starts with {@code tk_}). */
  public static boolean isTakumoKey(@Nullable String raw) {
    return raw != null && raw.startsWith("tk_");
  }

  /**
   * Whether {@code text} holds a Takumo key anywhere: {@code tk_live_} or {@code tk_test_} and at
   * least 8 lowercase hex digits (a key cut short is still a key's worth of secret).
   */
  public static boolean appearsIn(CharSequence text) {
    int n = text.length();
    for (int i = 0; i + 16 <= n; i++) {
      if (text.charAt(i) != 't' || text.charAt(i + 1) != 'k' || text.charAt(i + 2) != '_') {
        continue;
      }
      if (!regionIs(text, i + 3, "live_") && !regionIs(text, i + 3, "test_")) {
        continue;
      }
      int hex = 0;
      for (int j = i + 8; j < n && hex < 8 && isLowerHex(text.charAt(j)); j++) {
        hex++;
      }
      if (hex == 8) {
        return true;
      }
    }
    return false;
  }

  private static boolean regionIs(CharSequence text, int at, String word) {
    for (int k = 0; k < word.length(); k++) {
      if (text.charAt(at + k) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
  }

  /** The environment the key's format names, or null when it is not well formed. */
  public static @Nullable KeyEnvironment environmentOf(String raw) {
    if (raw.length() != LENGTH) {
      return null;
    }
    KeyEnvironment environment;
    if (raw.startsWith(KeyEnvironment.LIVE.keyPrefix())) {
      environment = KeyEnvironment.LIVE;
    } else if (raw.startsWith(KeyEnvironment.TEST.keyPrefix())) {
      environment = KeyEnvironment.TEST;
    } else {
      return null;
    }
    for (int i = 8; i < LENGTH; i++) {
      char c = raw.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return null;
      }
    }
    return environment;
  }

  public static byte[] sha256(String raw) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  public static String prefix(String raw) {
    return raw.substring(0, Math.min(PREFIX_LENGTH, raw.length()));
  }
}
