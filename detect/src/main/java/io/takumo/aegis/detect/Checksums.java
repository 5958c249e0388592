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
}
