package io.takumo.aegis.detect;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One secret found in scanned bytes: the half-open byte range {@code [start, end)} in the input
 * as given (for JSON input, in the raw bytes, escapes included).
 *
 * <p>{@code decoded} is set only when the raw range holds escapes (a JSON string, or JSON inside a
 * JSON string): it is the secret as the user wrote it, which is what a token stands for. It never
 * appears in {@link #toString()}, and equality ignores it.
 *
 * @param ruleId the rule that found it, such as {@code github-pat} or {@code context-password}
 * @param confidence 0..1: 1 for checksummed formats, lower for context and entropy findings
 */
public record Finding(int start, int end, Category category, String ruleId, double confidence,
    byte @Nullable [] decoded) {
  public Finding {
    requireNonNull(category, "category");
    requireNonNull(ruleId, "ruleId");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("range: [" + start + ", " + end + ") (expected: 0 <= start < end)");
    }
  }

  public Finding(int start, int end, Category category, String ruleId, double confidence) {
    this(start, end, category, ruleId, confidence, null);
  }

  public int length() {
    return end - start;
  }

  /** The secret's bytes: {@link #decoded()} when set, otherwise {@code raw[start, end)}. */
  public byte[] value(byte[] raw) {
    byte[] d = decoded;
    return d != null ? d.clone() : java.util.Arrays.copyOfRange(raw, start, end);
  }

  /** This finding {@code offset} bytes further (its decoded value shared). */
  public Finding shift(int offset) {
    return new Finding(start + offset, end + offset, category, ruleId, confidence, decoded);
  }

  /** Zeroes the decoded secrets of {@code findings} (those that carry one): they are not needed any more. */
  public static void zeroDecoded(Iterable<Finding> findings) {
    for (Finding f : findings) {
      if (f.decoded != null) {
        java.util.Arrays.fill(f.decoded, (byte) 0);
      }
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Finding f && f.start == start && f.end == end && f.category == category
        && f.ruleId.equals(ruleId) && Double.compare(f.confidence, confidence) == 0;
  }

  @Override
  public int hashCode() {
    return (31 * (31 * start + end) + category.hashCode()) * 31 + ruleId.hashCode();
  }

  @Override
  public String toString() {
    return "Finding[" + start + ", " + end + ", " + category + ", " + ruleId + ", " + confidence + "]";
  }
}
