package io.takumo.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Accuracy report over another scanner's public test vectors (copied from {@code shared/bench} into
 * {@code src/test/resources/gitleaks}, see its README): recall on {@code tp} lines and the flagged share of {@code fp} lines, per rule.
 */
class GitleaksVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The vectors, copied into the test resources with their origin and licence (gitleaks/README.md). */
  static List<String> vectors() throws IOException {
    try (InputStream in = GitleaksVectorsTest.class.getResourceAsStream("/gitleaks/gitleaks-vectors.jsonl")) {
      if (in == null) {
        throw new AssertionError("gitleaks/gitleaks-vectors.jsonl is missing from the test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void report() throws IOException {
    Detector detector = Detector.builtIn();
    int tp = 0;
    int tpHit = 0;
    int fp = 0;
    int fpHit = 0;
    int pathBoundFpHit = 0;
    Map<String, int[]> perRule = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    List<String> flagged = new ArrayList<>();
    List<String[]> required = requiredBySpec();
    int[] requiredMatches = new int[required.size()];
    int requiredFp = 0;
    List<String> requiredMissed = new ArrayList<>();
    for (String line : vectors()) {
      JsonNode v = JSON.readTree(line);
      String text = v.path("text").asText();
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      List<Finding> findings = detector.scan(bytes);
      boolean hit = !findings.isEmpty();
      int[] counts = perRule.computeIfAbsent(v.path("rule").asText(), k -> new int[4]);
      if (v.path("kind").asText().equals("tp")) {
        tp++;
        counts[0]++;
        if (hit) {
          tpHit++;
          counts[1]++;
        } else {
          missed.add(v.path("rule").asText() + ": " + abbreviate(text));
        }
      } else {
        counts[2]++;
        counts[3] += hit ? 1 : 0;
        int requirement = requirement(required, v.path("rule").asText(), text);
        if (requirement >= 0) {
          requiredMatches[requirement]++;
          requiredFp++;
          if (!hit) {
            requiredMissed.add(v.path("rule").asText() + ": " + abbreviate(text));
          }
          continue;
        }
        fp++;
        if (hit) {
          fpHit++;
          pathBoundFpHit += v.has("path") ? 1 : 0; // the same text is a tp under another path
          flagged.add(v.path("rule").asText() + ": " + abbreviate(text) + "  <- " + describe(bytes, findings));
        }
      }
    }
    int allFp = fp + requiredFp;
    int allFpHit = fpHit + requiredFp - requiredMissed.size();
    StringBuilder report = new StringBuilder();
    report.append(String.format("gitleaks vectors: recall %.3f (%d/%d tp); fp flagged %.3f (%d/%d) of those SPEC §4"
            + " does not require us to find (%d of them path-bound); %.3f (%d/%d) of all fp, counting the %d that"
            + " SPEC §4 requires%n", (double) tpHit / tp, tpHit, tp, (double) fpHit / fp, fpHit, fp, pathBoundFpHit,
        (double) allFpHit / allFp, allFpHit, allFp, requiredFp));
    perRule.forEach((rule, c) -> report.append(String.format("  %-45s tp %3d/%3d  fp %3d/%3d%n", rule, c[1], c[0], c[3], c[2])));
    report.append("missed:\n");
    missed.forEach(m -> report.append("  ").append(m).append('\n'));
    report.append("flagged fp (not required by SPEC §4):\n");
    flagged.forEach(m -> report.append("  ").append(m).append('\n'));
    report.append("required by SPEC §4 but not found:\n");
    requiredMissed.forEach(m -> report.append("  ").append(m).append('\n'));
    Path out = Path.of("target", "gitleaks-report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report.substring(0, report.indexOf("\n") + 1));
    assertThat((double) tpHit / tp).as("recall on gitleaks tp vectors (see %s)", out).isGreaterThanOrEqualTo(0.98);
    assertThat(requiredMissed).as("fp vectors SPEC §4 requires us to find (see %s)", out).isEmpty();
    for (int i = 0; i < required.size(); i++) {
      assertThat(requiredMatches[i]).as("vectors matched by %s", String.join(" | ", required.get(i))).isPositive();
    }
    assertThat((double) fpHit / fp).as("flagged share of fp vectors SPEC §4 does not require (see %s)", out)
        .isLessThanOrEqualTo(0.05);
  }

  /** {@code gitleaks-fp-required-by-spec.tsv}: {rule, text it contains, why} per line. */
  private static List<String[]> requiredBySpec() throws IOException {
    List<String[]> out = new ArrayList<>();
    try (var in = GitleaksVectorsTest.class.getResourceAsStream("/gitleaks-fp-required-by-spec.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.split("\t"));
        }
      }
    }
    return out;
  }

  private static int requirement(List<String[]> required, String rule, String text) {
    for (int i = 0; i < required.size(); i++) {
      if (required.get(i)[0].equals(rule) && text.contains(required.get(i)[1])) {
        return i;
      }
    }
    return -1;
  }

  /** Rule ids and the first bytes of what they matched, for the report (public test vectors only). */
  private static String describe(byte[] bytes, List<Finding> findings) {
    StringBuilder s = new StringBuilder();
    for (Finding f : findings) {
      String value = new String(bytes, f.start(), Math.min(f.end() - f.start(), 24), StandardCharsets.UTF_8);
      s.append(f.ruleId()).append(" [").append(value.replace("\n", "\\n")).append("] ");
    }
    return s.toString().trim();
  }

  private static String abbreviate(String text) {
    String one = text.replace("\n", "\\n");
    return one.length() > 140 ? one.substring(0, 140) + "…" : one;
  }
}
