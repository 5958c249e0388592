package io.takumo.aegis.detect;

import java.util.zip.CRC32;

/** Checksums that some token formats carry, so a random look-alike is not taken for a real one. */
final class Checksums {
  private static final byte[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
      .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private Checksums() {}

  /**
   * GitHub ({@code ghp_} and friends) and npm ({@code npm_}) tokens: the last 6 characters are the
   * CRC32 of the 30 random characters before them, in base62, zero-padded.
   */
  static boolean crc32Base62Tail(byte[] b, int bodyStart, int end) {
    int tail = end - 6;
    if (tail <= bodyStart) {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(b, bodyStart, tail - bodyStart);
    long value = crc.getValue();
    for (int i = end - 1; i >= tail; i--) {
      if (b[i] != BASE62[(int) (value % 62)]) {
        return false;
      }
      value /= 62;
    }
    return true;
  }

  /** Encodes the checksum tail for {@code random}: test helpers build valid tokens with it. */
  static String crc32Base62(String random) {
    CRC32 crc = new CRC32();
    crc.update(random.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    long value = crc.getValue();
    char[] out = new char[6];
    for (int i = 5; i >= 0; i--) {
      out[i] = (char) BASE62[(int) (value % 62)];
      value /= 62;
    }
    return new String(out);
  }

  private static final byte[] BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
      .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] BASE58_DIGIT = new byte[128];

  static {
    java.util.Arrays.fill(BASE58_DIGIT, (byte) -1);
    for (int i = 0; i < BASE58.length; i++) {
      BASE58_DIGIT[BASE58[i]] = (byte) i;
    }
  }

  /**
   * Base58Check (Bitcoin's): {@code b[from, to)} decodes to {@code payload} bytes and four more that are the first
   * four of the payload's double SHA-256. BIP32 keys, WIF keys and addresses carry it.
   */
  static boolean base58Check(byte[] b, int from, int to, int payload) {
    byte[] out = new byte[payload + 4];
    for (int i = from; i < to; i++) {
      int digit = b[i] >= 0 ? BASE58_DIGIT[b[i]] : -1;
      if (digit < 0) {
        return false;
      }
      int carry = digit;
      for (int j = out.length - 1; j >= 0; j--) {
        carry += (out[j] & 0xff) * 58;
        out[j] = (byte) carry;
        carry >>>= 8;
      }
      if (carry != 0) {
        return false; // more than payload + 4 bytes
      }
    }
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(out, 0, payload);
      byte[] twice = sha.digest(sha.digest());
      return java.util.Arrays.equals(twice, 0, 4, out, payload, payload + 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java has SHA-256
    }
  }
}
