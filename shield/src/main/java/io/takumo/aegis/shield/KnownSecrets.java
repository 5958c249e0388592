package io.takumo.aegis.shield;

import io.takumo.aegis.detect.ByteScan;
import io.takumo.aegis.detect.Category;
import io.takumo.aegis.detect.Finding;
import io.takumo.aegis.detect.JsonScanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets a {@link Vault} holds that the detector found only by their context, searched for as plain bytes: a
 * secret found once by its name ({@code password = "…"}) is a secret wherever else the same content repeats it,
 * where no rule would see it — bare in a later message, glued to a word, in another JSON string. (A format's token
 * is found wherever it stands; not searched for, its copies cost nothing.) Only secrets of {@link #MIN_LENGTH}
 * bytes or more and of the categories that are credentials (not hosts or user names, ordinary words elsewhere).
 * A secret JSON escapes differently is searched for in its escaped forms only (the finding then carries the secret).
 *
 * <p>Hand-written on the data path: every string of a body after its first secret is searched. Up to
 * {@link #FEW} needles, each is found by its rarest byte, eight bytes a step ({@link ByteScan#indexOf}); past that,
 * one pass looks up each position's byte pair in a bit set, so the cost stays linear in the content whatever the
 * number of secrets. Not thread-safe: the vault's lock guards it. Holds the vault's own arrays (zeroed by the vault).
 */
final class KnownSecrets {
  static final int MIN_LENGTH = 6;
  static final String RULE_ID = "known-secret";
  private static final int FEW = 4;

  /** {@code depth}: how many times {@code bytes} is the secret JSON-escaped (0: as it is, JSON writes it so). */
  private record Needle(Category category, byte[] bytes, byte[] secret, int anchor, int depth) {
    /**
     * Whether this form of the secret is one in a string whose content is JSON or not: in JSON inside a string (tool-call
     * arguments, a logged body) a secret stands in the inner JSON's strings, escaped twice; its once-escaped bytes
     * there are another text ({@code f7context-} and eight backslashes is two backslashes inside, not the four of a
     * secret found at the inner level), and a token on them would bring the wrong bytes back (a fuzz finding).
     */
    boolean soughtIn(boolean json) {
      return !json || depth != 1;
    }
  }

  private final List<Needle> needles = new ArrayList<>();
  /** Past {@link #FEW} needles: the needles by their first two bytes ({@code (first << 8) | second}), and those pairs. */
  private final Map<Integer, List<Needle>> byPair = new HashMap<>();
  private final long[] pairs = new long[1024];

  /** Remembers {@code secret} (the vault's own array, not copied) when it is worth searching for. */
  void add(Category category, byte[] secret) {
    if (secret.length < MIN_LENGTH || category == Category.HOST || category == Category.USER) {
      return;
    }
    byte[] previous = secret;
    for (int depth = 1; depth <= 2; depth++) { // a string of the body, and JSON inside one (tool-call arguments)
      byte[] escaped = JsonEscape.escape(secret, depth);
      if (Arrays.equals(escaped, previous)) {
        Arrays.fill(escaped, (byte) 0);
        break;
      }
      add(category, escaped, secret, depth);
      previous = escaped;
    }
    if (previous == secret) {
      // as it is only when JSON writes it as it is: a secret with a backslash is never raw in a JSON string, and its
      // bytes there would be another escape (a\nb is a newline, not the secret a\nb)
      add(category, secret, secret, 0);
    }
  }

  private void add(Category category, byte[] bytes, byte[] secret, int depth) {
    Needle needle = new Needle(category, bytes, secret, rarest(bytes), depth);
    needles.add(needle);
    int pair = (bytes[0] & 0xff) << 8 | bytes[1] & 0xff;
    pairs[pair >>> 6] |= 1L << pair;
    byPair.computeIfAbsent(pair, p -> new ArrayList<>(1)).add(needle);
  }

  boolean isEmpty() {
    return needles.isEmpty();
  }

  /** Forgets every secret, zeroing the escaped forms it made (the secrets themselves are the vault's to zero). */
  void clear() {
    for (Needle n : needles) {
      if (n.bytes != n.secret) {
        Arrays.fill(n.bytes, (byte) 0);
      }
    }
    needles.clear();
    byPair.clear();
    Arrays.fill(pairs, 0);
  }

  /**
   * Appends to {@code out} a finding for each copy of a known secret in {@code b[from, to)} that overlaps no range
   * of {@code taken} (start, end pairs) and no copy found before it.
   */
  void find(byte[] b, int from, int to, long[] taken, List<Finding> out) {
    int first = out.size();
    boolean json = JsonScanner.looksLikeJson(b, from, to); // as the rehydrator decides a string's level
    if (needles.size() <= FEW) {
      for (Needle n : needles) {
        if (!n.soughtIn(json)) {
          continue;
        }
        byte anchor = n.bytes[n.anchor];
        int last = to - n.bytes.length + n.anchor; // the last index the anchor byte may sit at
        for (int i = ByteScan.indexOf(b, from + n.anchor, to, anchor); i <= last; i = ByteScan.indexOf(b, i + 1, to, anchor)) {
          int start = i - n.anchor;
          if (Arrays.equals(b, start, start + n.bytes.length, n.bytes, 0, n.bytes.length)) {
            add(n, start, taken, out, first);
          }
        }
      }
    } else {
      for (int i = from; i + 1 < to; i++) {
        int pair = (b[i] & 0xff) << 8 | b[i + 1] & 0xff;
        if ((pairs[pair >>> 6] & 1L << pair) == 0) {
          continue;
        }
        for (Needle n : java.util.Objects.requireNonNull(byPair.get(pair))) {
          if (n.soughtIn(json) && i + n.bytes.length <= to
              && Arrays.equals(b, i, i + n.bytes.length, n.bytes, 0, n.bytes.length)) {
            add(n, i, taken, out, first);
          }
        }
      }
    }
  }

  private static void add(Needle n, int start, long[] taken, List<Finding> out, int first) {
    int end = start + n.bytes.length;
    for (int k = 0; k < taken.length; k += 2) {
      if (start < taken[k + 1] && taken[k] < end) {
        return;
      }
    }
    for (int k = first; k < out.size(); k++) {
      Finding f = out.get(k);
      if (start < f.end() && f.start() < end) {
        return;
      }
    }
    out.add(n.bytes == n.secret ? new Finding(start, end, n.category, RULE_ID, 1.0)
        : new Finding(start, end, n.category, RULE_ID, 1.0, n.secret.clone()));
  }

  /**
   * The index of the byte of {@code bytes} least frequent in source code and prose (a rough static ranking: symbols,
   * then upper case and digits, then lower case, then spaces and common punctuation), the first of equals.
   */
  private static int rarest(byte[] bytes) {
    int best = 0;
    int bestRank = Integer.MAX_VALUE;
    for (int i = 0; i < bytes.length; i++) {
      int rank = rank(bytes[i]);
      if (rank < bestRank) {
        best = i;
        bestRank = rank;
      }
    }
    return best;
  }

  private static final String COMMON = " \n\t\"'.,:;=()_-/{}";
  private static final String LOWER_BY_FREQUENCY = "zqjxkvbpgwyfmculdhrsnioate";

  private static int rank(byte c) {
    if (c >= 'a' && c <= 'z') {
      return 40 + LOWER_BY_FREQUENCY.indexOf(c);
    }
    if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return 20;
    }
    if (COMMON.indexOf(c) >= 0) {
      return 80;
    }
    return c < 0 ? 30 : 0; // a UTF-8 byte of a non-ASCII character: frequent in prose that has them
  }
}
