package io.takumo.aegis.detect;

import static java.util.Objects.requireNonNull;

/**
 * One secret found in scanned bytes: the half-open byte range {@code [start, end)} in the input
 * as given (for JSON input, in the raw bytes, escapes included), never the value itself.
 *
 * @param ruleId the rule that found it, such as {@code github-pat} or {@code context-password}
 * @param confidence 0..1: 1 for checksummed formats, lower for context and entropy findings
 */
public record Finding(int start, int end, Category category, String ruleId, double confidence) {
  public Finding {
    requireNonNull(category, "category");
    requireNonNull(ruleId, "ruleId");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("range: [" + start + ", " + end + ") (expected: 0 <= start < end)");
    }
  }

  public int length() {
    return end - start;
  }

  Finding shift(int offset) {
    return new Finding(start + offset, end + offset, category, ruleId, confidence);
  }
}
