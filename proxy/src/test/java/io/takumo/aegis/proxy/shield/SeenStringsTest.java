package io.takumo.aegis.proxy.shield;

import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.detect.Category;
import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.detect.Finding;
import io.takumo.aegis.shield.ScanMemo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenStringsTest {
  private static final Detector DETECTOR = Detector.builtIn();
  private static final byte[] TEXT = "a long prompt string".getBytes(StandardCharsets.US_ASCII);

  private static ScanMemo.Digest digest(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    return ScanMemo.Digest.of(b, 0, b.length, null, 0);
  }

  private static Finding decodedFinding() {
    return new Finding(2, 9, Category.SECRET, "context-password", 0.85,
        "p\"ss\\wd".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aCallerGetsBackOnlyWhatItsOwnStringsGaveWithTheSameDetector() {
    SeenStrings seen = new SeenStrings(Duration.ofHours(1), 1 << 20);
    ScanMemo.Digest d = digest("a long prompt string");
    seen.memo("key-1", DETECTOR).keep(d, List.of(new Finding(2, 6, Category.KEY, "aws-access-key", 1.0)));

    assertThat(seen.memo("key-1", DETECTOR).recall(d)).containsExactly(new Finding(2, 6, Category.KEY, "aws-access-key", 1.0));
    assertThat(seen.memo("key-2", DETECTOR).recall(d)).as("another caller").isNull();
    assertThat(seen.memo("key-1", Detector.builtIn()).recall(d)).as("another config with the same rules").isNotNull();
    Detector custom = DETECTOR.withCustomPatterns(List.of(
        io.takumo.aegis.detect.CustomPattern.of("internal-id", "ACME-[0-9]{8}", Category.SECRET, "")));
    assertThat(seen.memo("key-1", custom).recall(d)).as("a detector with a custom pattern").isNull();
    assertThat(seen.memo("key-1", DETECTOR).recall(digest("a long prompt strinG"))).as("another string").isNull();
    assertThat(seen.hits()).isEqualTo(2);
    assertThat(seen.misses()).isEqualTo(3);
  }

  @Test
  void theDigestCoversTheMemberName() {
    byte[] name = "db_password".getBytes(StandardCharsets.US_ASCII);
    ScanMemo.Digest none = ScanMemo.Digest.of(TEXT, 0, TEXT.length, null, 0);
    ScanMemo.Digest member = ScanMemo.Digest.of(TEXT, 0, TEXT.length, name, name.length);
    ScanMemo.Digest shorter = ScanMemo.Digest.of(TEXT, 0, TEXT.length, name, 2);
    assertThat(member).isNotEqualTo(none).isNotEqualTo(shorter);
    assertThat(ScanMemo.Digest.of(TEXT, 0, TEXT.length, name, name.length)).isEqualTo(member);
    // the name's length is hashed before it: "db" + "_passwordX…" is not "db_password" + "X…"
    byte[] joined = "_passworda long prompt string".getBytes(StandardCharsets.US_ASCII);
    assertThat(ScanMemo.Digest.of(joined, 0, joined.length, name, 2)).isNotEqualTo(member);
  }

  @Test
  void decodedSecretsAreCopiedInAndOutAndTheBoundHolds() {
    SeenStrings seen = new SeenStrings(Duration.ofHours(1), 300); // one entry of one finding (160 + 64 + 7 bytes)
    ScanMemo memo = seen.memo("key-1", DETECTOR);
    Finding kept = decodedFinding();
    memo.keep(digest("first"), List.of(kept));
    List<Finding> recalled = memo.recall(digest("first"));
    assertThat(recalled).hasSize(1);
    byte[] value = recalled.get(0).decoded();
    assertThat(value).isEqualTo(kept.decoded()).isNotSameAs(kept.decoded());
    java.util.Arrays.fill(value, (byte) 'x'); // what a caller does with its copy does not reach the memo
    assertThat(memo.recall(digest("first")).get(0).decoded()).isEqualTo(decodedFinding().decoded());

    memo.keep(digest("second"), List.of(decodedFinding()));
    memo.keep(digest("third"), List.of(decodedFinding()));
    assertThat(seen.size()).isEqualTo(1); // room for one: the others were evicted
    assertThat(kept.decoded()).as("the caller's own finding is not the memo's").isEqualTo(decodedFinding().decoded());
  }

  @Test
  void aStringKeptTwiceKeepsItsFirstFindings() {
    SeenStrings seen = new SeenStrings(Duration.ofHours(1), 1 << 20);
    ScanMemo memo = seen.memo("key-1", DETECTOR);
    memo.keep(digest("same"), List.of(new Finding(0, 4, Category.KEY, "a", 1.0)));
    memo.keep(digest("same"), List.of(new Finding(0, 4, Category.KEY, "b", 1.0))); // two exchanges at once
    assertThat(memo.recall(digest("same"))).extracting(Finding::ruleId).containsExactly("a");
  }

  @Test
  void anEntryWeighsItsFindingsAndTheirSecrets() {
    SeenStrings seen = new SeenStrings(Duration.ofHours(1), 1 << 20);
    ScanMemo memo = seen.memo("key-1", DETECTOR);
    memo.keep(digest("none"), List.of());
    assertThat(seen.weight()).isEqualTo(160);
    Finding[] many = new Finding[1000]; // 29,000 private IPs fit in a 256 KiB string
    for (int i = 0; i < many.length; i++) {
      many[i] = new Finding(i * 10, i * 10 + 8, Category.HOST, "private-ip", 0.5);
    }
    memo.keep(digest("many"), List.of(many));
    memo.keep(digest("decoded"), List.of(decodedFinding()));
    assertThat(seen.weight()).isEqualTo(160 + (160 + 1000 * 64) + (160 + 64 + 7));
    SeenStrings small = new SeenStrings(Duration.ofHours(1), 32 << 10);
    small.memo("key-1", DETECTOR).keep(digest("many"), List.of(many));
    assertThat(small.size()).as("heavier than the whole bound: not kept").isZero();
  }
}
