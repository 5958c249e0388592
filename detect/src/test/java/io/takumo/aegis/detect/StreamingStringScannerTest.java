package io.takumo.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A long JSON string scanned as it arrives finds what a whole scan of its decoded content finds,
 * at the right raw bytes, with the decoded value, wherever the chunks are cut (inside an escape,
 * between a surrogate pair's halves).
 */
class StreamingStringScannerTest {
  private static final Detector DETECTOR = Detector.builtIn();
  /** Raw JSON string content: a PEM key with escaped newlines, escaped quotes around a password, a surrogate pair. */
  private static final String RAW = "see \\ud83d\\ude00 the key\\n-----BEGIN RSA PRIVATE KEY-----\\n"
      + "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\\n"
      + "-----END RSA PRIVATE KEY-----\\n and config {\\\"password\\\": \\\"Xk9#mQ2v\\\\L8pR4wZt\\\"} "
      + "and AKIAIOSFODNN7EXAMPLE\\u0041 done";

  private static List<StreamingStringScanner.RawFinding> scan(byte[] raw, int[] cuts) {
    StreamingStringScanner scanner = new StreamingStringScanner(DETECTOR);
    List<StreamingStringScanner.RawFinding> out = new ArrayList<>();
    int fed = 0;
    for (int cut : cuts) {
      fed = scanner.feed(raw, fed, Math.max(fed, cut), fed, false, out);
    }
    scanner.feed(raw, fed, raw.length, fed, true, out);
    return out;
  }

  @Test
  void findsWhatTheDecodedTextHoldsAtTheRawBytesWhateverTheCuts() {
    byte[] raw = RAW.getBytes(StandardCharsets.UTF_8);
    List<StreamingStringScanner.RawFinding> whole = scan(raw, new int[0]);
    assertThat(whole).extracting(StreamingStringScanner.RawFinding::ruleId)
        .contains("private-key", "context-password", "aws-access-key-id");
    for (StreamingStringScanner.RawFinding f : whole) {
      String rawText = new String(raw, (int) f.start(), (int) (f.end() - f.start()), StandardCharsets.UTF_8);
      String decoded = new String(f.value(), StandardCharsets.UTF_8);
      switch (f.ruleId()) {
        case "context-password" -> {
          assertThat(rawText).isEqualTo("Xk9#mQ2v\\\\L8pR4wZt");
          assertThat(decoded).isEqualTo("Xk9#mQ2v\\L8pR4wZt");
        }
        case "aws-access-key-id" -> assertThat(decoded).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        case "private-key" -> assertThat(decoded).startsWith("-----BEGIN RSA PRIVATE KEY-----\nMIIE")
            .endsWith("-----END RSA PRIVATE KEY-----");
        default -> { }
      }
    }
    for (int cut = 0; cut <= raw.length; cut++) {
      assertThat(scan(raw, new int[] {cut})).as("cut at %d", cut).isEqualTo(whole);
    }
    Random random = new Random(4);
    for (int round = 0; round < 200; round++) {
      int[] cuts = random.ints(random.nextInt(12) + 1, 0, raw.length + 1).sorted().toArray();
      assertThat(scan(raw, cuts)).as(Arrays.toString(cuts)).isEqualTo(whole);
    }
  }

  @Test
  void whatIsCommittedNeverReachesAFindingStillToCome() {
    byte[] raw = (" x".repeat(20_000) + " password = \\\"Xk9#mQ2vL8pR4wZt\\\"").getBytes(StandardCharsets.UTF_8);
    StreamingStringScanner scanner = new StreamingStringScanner(DETECTOR);
    List<StreamingStringScanner.RawFinding> out = new ArrayList<>();
    int fed = scanner.feed(raw, 0, raw.length - 5, 0, false, out);
    long committed = scanner.committedRaw();
    scanner.feed(raw, fed, raw.length, fed, true, out);
    assertThat(out).singleElement().satisfies(f -> assertThat(f.start()).isGreaterThanOrEqualTo(committed));
  }
}
