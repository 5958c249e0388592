package io.takumo.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The word-at-a-time searches answer what a byte loop answers, at every offset and length. */
class ByteScanTest {
  private static int naive(byte[] b, int from, int to, byte wanted, byte orWanted) {
    for (int i = from; i < to; i++) {
      if (b[i] == wanted || b[i] == orWanted) {
        return i;
      }
    }
    return to;
  }

  @Test
  void agreesWithAByteLoop() {
    SplittableRandom random = new SplittableRandom(42);
    // Bytes around the wanted ones (0x22, 0x5c, 0x0a) and high bytes, where a borrow could fake a hit.
    byte[] alphabet = {'"', '\\', '\n', 0x09, 0x0b, 0x21, 0x23, 0x5b, 0x5d, 0x00, (byte) 0x80, (byte) 0xa2, (byte) 0xdc, (byte) 0xff, 'a', 'z', ' '};
    for (int round = 0; round < 2000; round++) {
      byte[] b = new byte[random.nextInt(1, 40)];
      int density = random.nextInt(1, 30); // from every byte wanted to hardly any
      for (int i = 0; i < b.length; i++) {
        b[i] = random.nextInt(density) == 0 ? alphabet[random.nextInt(3)] : alphabet[3 + random.nextInt(alphabet.length - 3)];
      }
      for (int from = 0; from <= b.length; from++) {
        for (int to = from; to <= b.length; to++) {
          assertThat(ByteScan.quoteOrBackslash(b, from, to)).isEqualTo(naive(b, from, to, (byte) '"', (byte) '\\'));
          assertThat(ByteScan.backslash(b, from, to)).isEqualTo(naive(b, from, to, (byte) '\\', (byte) '\\'));
          assertThat(ByteScan.newline(b, from, to)).isEqualTo(naive(b, from, to, (byte) '\n', (byte) '\n'));
        }
      }
    }
  }

  @Test
  void findsNothingInPlainText() {
    byte[] b = "plain text without either of them, long enough for several words".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(ByteScan.quoteOrBackslash(b, 0, b.length)).isEqualTo(b.length);
    assertThat(ByteScan.backslash(b, 3, b.length)).isEqualTo(b.length);
    assertThat(ByteScan.newline(b, 0, b.length)).isEqualTo(b.length);
  }
}
