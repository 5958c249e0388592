package io.takumo.aegis.detect;

import java.util.Arrays;
import java.util.List;

/**
 * Scans the content of one JSON string too long to hold whole (a 32 MiB prompt is one string) as
 * its raw bytes arrive: escapes are decoded as they come, the decoded text runs through a
 * {@link StreamingScanner} with its bounded carry, and every finding is mapped back to the raw
 * bytes it came from, escapes included. Memory is the scanner's carry plus one breakpoint per
 * escape not yet committed, whatever the string's length.
 *
 * <p>Hand-written for the same reason as {@link JsonScanner}: it needs the raw offset of every
 * decoded byte. Offsets are raw stream offsets of the caller's choosing (the body's). Not
 * thread-safe: one instance per string.
 */
public final class StreamingStringScanner {
  private final StreamingScanner scanner;
  /** Breakpoints as in {@link JsonScanner.Decoded}, with stream offsets: the bytes of an escape all map to its start. */
  private long[] decodedAt = new long[16];
  private long[] rawAt = new long[16];
  private boolean[] escape = new boolean[16];
  private int first;
  private int segments;
  private long decoded;
  private byte[] chunk = new byte[4096];

  public StreamingStringScanner(Detector detector) {
    this.scanner = new StreamingScanner(detector);
  }

  /**
   * Takes raw string content {@code b[from, to)}, which starts at raw stream offset {@code rawOffset}
   * and holds no closing quote. Decodes up to the last complete escape and returns how far it got:
   * the caller feeds the rest again with what follows. {@code end}: the string closes after
   * {@code to} (every byte is consumed). Findings that are final go to {@code out}, with raw offsets
   * and their decoded value.
   */
  public int feed(byte[] b, int from, int to, long rawOffset, boolean end, List<RawFinding> out) {
    int stop = end ? to : completeEscapes(b, from, to);
    int n = decode(b, from, stop, rawOffset);
    for (StreamingScanner.StreamFinding f : scanner.feed(chunk, 0, n, end)) {
      out.add(new RawFinding(raw(f.start()), raw(f.end()), f.category(), f.ruleId(), f.value()));
    }
    prune(scanner.committed());
    return stop;
  }

  /** Raw stream offset before which no finding is still to come: those bytes may be passed on. */
  public long committedRaw() {
    return raw(scanner.committed());
  }

  /** The end of the bytes that hold only complete escapes: a cut backslash, unicode escape or surrogate pair waits. */
  private static int completeEscapes(byte[] b, int from, int to) {
    for (int i = Math.max(from, to - 12); i < to; i++) {
      if (b[i] != '\\') {
        continue;
      }
      if (i + 1 >= to) {
        return i;
      }
      if (b[i + 1] == 'u') {
        if (i + 6 > to) {
          return i;
        }
        int cp = JsonScanner.hex4(b, i + 2, to);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 12 > to) {
          return i; // the low surrogate may follow
        }
        i += 5;
      } else {
        i++;
      }
    }
    return to;
  }

  /** Decodes {@code b[from, to)} into {@code chunk}, recording breakpoints; returns the decoded length. */
  private int decode(byte[] b, int from, int to, long rawOffset) {
    if (chunk.length < to - from) {
      chunk = new byte[to - from];
    }
    int n = 0;
    int p = from;
    segment(decoded, rawOffset, false);
    while (p < to) {
      int run = ByteScan.backslash(b, p, to);
      System.arraycopy(b, p, chunk, n, run - p);
      n += run - p;
      p = run;
      if (p >= to) {
        break;
      }
      int start = p;
      long escaped = JsonScanner.escape(b, p, to);
      p = (int) escaped;
      segment(decoded + n, rawOffset + (start - from), true);
      n = JsonScanner.utf8((int) (escaped >>> 32), chunk, n);
      segment(decoded + n, rawOffset + (p - from), false);
    }
    decoded += n;
    return n;
  }

  private void segment(long decodedOffset, long rawOffset, boolean isEscape) {
    int last = first + segments - 1;
    if (segments > 0 && !isEscape && !escape[last] && decodedAt[last] + (rawOffset - rawAt[last]) == decodedOffset) {
      return; // continues the previous run: no new breakpoint
    }
    if (first + segments == decodedAt.length) {
      if (first > 0) {
        System.arraycopy(decodedAt, first, decodedAt, 0, segments);
        System.arraycopy(rawAt, first, rawAt, 0, segments);
        System.arraycopy(escape, first, escape, 0, segments);
        first = 0;
      } else {
        decodedAt = Arrays.copyOf(decodedAt, segments * 2);
        rawAt = Arrays.copyOf(rawAt, segments * 2);
        escape = Arrays.copyOf(escape, segments * 2);
      }
    }
    int at = first + segments++;
    decodedAt[at] = decodedOffset;
    rawAt[at] = rawOffset;
    escape[at] = isEscape;
  }

  /** The raw offset of decoded offset {@code x}. */
  private long raw(long x) {
    int lo = first;
    int hi = first + segments - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (decodedAt[mid] <= x) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return escape[lo] ? rawAt[lo] : rawAt[lo] + (x - decodedAt[lo]);
  }

  /** Drops breakpoints wholly before {@code committed}: no finding can start there any more. */
  private void prune(long committed) {
    while (segments > 1 && decodedAt[first + 1] <= committed) {
      first++;
      segments--;
    }
  }

  /**
   * A finding with raw stream offsets and its decoded value (what the token stands for). The value
   * never appears in {@link #toString()}.
   */
  public record RawFinding(long start, long end, Category category, String ruleId, byte[] value) {
    @Override
    public String toString() {
      return "RawFinding[" + start + ", " + end + ", " + category + ", " + ruleId + ']';
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RawFinding f && f.start == start && f.end == end && f.category == category
          && f.ruleId.equals(ruleId);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(start * 31 + end) * 31 + ruleId.hashCode();
    }
  }
}
