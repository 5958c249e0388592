package io.takumo.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScanCommandTest {
  @Test
  void aThreadPerCoreAsFarAsTheHeapHoldsAWindowForEach() {
    long window = ScanCommand.WINDOW + ScanCommand.OVERLAP;
    assertThat(ScanCommand.scanThreads(2, 1L << 30)).isEqualTo(2);
    assertThat(ScanCommand.scanThreads(16, 1L << 30)).as("a third of 1 GiB holds 21 windows").isEqualTo(16);
    assertThat(ScanCommand.scanThreads(16, 6 * window)).isEqualTo(2);
    assertThat(ScanCommand.scanThreads(8, 96L << 20)).as("a small heap: one at a time").isEqualTo(1);
    assertThat(ScanCommand.scanThreads(1, 1L << 20)).isEqualTo(1);
  }

  @Test
  void aFindingKeepsItsFingerprintWhenLinesMoveAndNamesNoValue() {
    byte[] before = "x = 1\nkey = AKIAQ3EGRZKP7NVX5TY2\n".getBytes(StandardCharsets.US_ASCII);
    byte[] after = "# a comment\n\nx = 1\nkey = AKIAQ3EGRZKP7NVX5TY2\n".getBytes(StandardCharsets.US_ASCII);
    String one = Baseline.fingerprint("aws-access-key-id", "src/a.py", before, 12, 32);
    assertThat(Baseline.fingerprint("aws-access-key-id", "src/a.py", after, 25, 45)).isEqualTo(one);
    assertThat(Baseline.fingerprint("aws-access-key-id", "src/b.py", after, 25, 45)).isNotEqualTo(one);
    assertThat(one).matches("[0-9a-f]{64}").doesNotContain("AKIA");
  }

  @Test
  void anAllowCommentCountsOnTheFindingsOwnLineOnly() {
    byte[] b = "a = AKIAQ3EGRZKP7NVX5TY2 # aegis:allow\nb = AKIAQ3EGRZKP7NVX5TY3\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(ScanCommand.allowedOnItsLine(b, 4, 24, b.length)).isTrue();
    assertThat(ScanCommand.allowedOnItsLine(b, 42, 62, b.length)).isFalse();
  }

  @Test
  void terraformStateAndNotebooksAreReadAsJson() {
    assertThat(ScanCommand.isJson("envs/prod/terraform.tfstate")).isTrue();
    assertThat(ScanCommand.isJson("terraform.tfstate.backup")).isTrue();
    assertThat(ScanCommand.isJson("analysis.ipynb")).isTrue();
    assertThat(ScanCommand.isJson("package.json")).isTrue();
    assertThat(ScanCommand.isJson("main.tf")).isFalse();
  }

  @Test
  void aHunkHeaderGivesItsFirstNewLine() {
    assertThat(GitHistory.hunkStart("@@ -12,3 +14,5 @@ def main():")).isEqualTo(14);
    assertThat(GitHistory.hunkStart("@@ -0,0 +1 @@")).isEqualTo(1);
    assertThat(GitHistory.hunkStart("@@ broken")).isEqualTo(1);
  }

  @Test
  void aQuotedDiffPathIsReadBack() {
    assertThat(GitHistory.unquote("b/plain.txt")).isEqualTo("b/plain.txt");
    assertThat(GitHistory.unquote("\"b/we\\\"ird\\tname.txt\"")).isEqualTo("b/we\"ird\tname.txt");
    assertThat(GitHistory.unquote("\"b/na\\303\\257ve.txt\"")).isEqualTo("b/na\u00efve.txt");
  }
}
