package io.takumo.aegis.detect;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scans a byte stream chunk by chunk, as a request body arrives, with a bounded carry.
 *
 * <p>Each {@link #feed} scans the carried tail of earlier chunks plus the new chunk and returns the
 * findings that no later byte can change: those that end at least a horizon before the end of what
 * has arrived (no rule looks further ahead than that), all of them on the last chunk. The carry
 * holds what is still open plus a horizon of left context (no rule looks further back), never more
 * than {@code maxCarry}; findings returned before are not returned again. Offsets are absolute positions in the stream. The result
 * does not depend on where the chunks are cut, as long as no single finding is longer than the
 * horizon (PEM keys longer than it are reported up to the cut).
 *
 * <p>Not thread-safe: one instance per stream.
 */
public final class StreamingScanner {
  /** Farther than any rule looks ahead of a match: values (512 B), URLs (256 B), a 4096-bit PEM key. */
  public static final int DEFAULT_HORIZON = 8 << 10;

  private final Detector detector;
  private final int horizon;
  private final int maxCarry;
  private byte[] buffer = new byte[0];
  private int length;
  /** Stream offset of buffer[0]. */
  private long base;
  /** Findings before this stream offset were already returned. */
  private long emittedUpTo;
  /** No finding still to come starts before this stream offset. */
  private long committed;

  public StreamingScanner(Detector detector) {
    this(detector, DEFAULT_HORIZON, 4 * DEFAULT_HORIZON);
  }

  public StreamingScanner(Detector detector, int horizon, int maxCarry) {
    this.detector = requireNonNull(detector, "detector");
    if (horizon <= 0 || maxCarry < horizon) {
      throw new IllegalArgumentException("horizon: " + horizon + ", maxCarry: " + maxCarry
          + " (expected: 0 < horizon <= maxCarry)");
    }
    this.horizon = horizon;
    this.maxCarry = maxCarry;
  }

  /** Findings that are final after {@code chunk[off, off + len)}, with stream offsets. */
  public List<StreamFinding> feed(byte[] chunk, int off, int len, boolean last) {
    ensureCapacity(length + len);
    System.arraycopy(chunk, off, buffer, length, len);
    length += len;
    List<Finding> found = detector.scan(buffer, 0, length);
    int safe = last ? length : Math.max(0, length - horizon);
    List<StreamFinding> out = new ArrayList<>();
    int keepFrom = safe;
    for (Finding f : found) {
      long start = base + f.start();
      if (start < emittedUpTo) {
        continue; // part of something already returned
      }
      if (f.end() <= safe) {
        out.add(new StreamFinding(start, base + f.end(), f.category(), f.ruleId(), f.confidence(), f.value(buffer)));
        emittedUpTo = base + f.end();
      } else if (f.start() < keepFrom) {
        keepFrom = f.start(); // still open: rescan it whole next time
      }
    }
    committed = base + keepFrom;
    if (last) {
      length = 0;
      base += safe;
      committed = base;
      return out;
    }
    // Keep left context too: names before values, the byte before a token, a manifest's kind.
    keepFrom = Math.max(0, keepFrom - horizon);
    keepFrom = Math.max(keepFrom, length - maxCarry);
    System.arraycopy(buffer, keepFrom, buffer, 0, length - keepFrom);
    base += keepFrom;
    length -= keepFrom;
    committed = Math.max(committed, base); // an open finding dropped by the carry bound is given up
    return out;
  }

  /**
   * Stream offset before which no finding is still to come: the bytes before it can be passed on.
   * Bytes after it may still become part of a finding (they are within a horizon of the end, or
   * part of an open finding).
   */
  public long committed() {
    return committed;
  }

  /** Bytes held between chunks (bounded by {@code maxCarry}). */
  public int carried() {
    return length;
  }

  private void ensureCapacity(int needed) {
    if (buffer.length < needed) {
      buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
    }
  }

  /** A finding with stream offsets and its value (never in {@link #toString()}). */
  public record StreamFinding(long start, long end, Category category, String ruleId, double confidence,
      byte[] value) {
    @Override
    public String toString() {
      return "StreamFinding[" + start + ", " + end + ", " + category + ", " + ruleId + ", " + confidence + ']';
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StreamFinding f && f.start == start && f.end == end && f.category == category
          && f.ruleId.equals(ruleId) && Double.compare(f.confidence, confidence) == 0;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(start * 31 + end) * 31 + ruleId.hashCode();
    }
  }
}
