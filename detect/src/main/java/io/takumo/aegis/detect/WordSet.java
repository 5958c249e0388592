package io.takumo.aegis.detect;

import java.util.Arrays;
import java.util.Locale;

/**
 * ASCII words matched against a byte range, case-insensitively, with one hash probe. Written by
 * hand because it runs for every segment of every name that has a value (issue 19: on code-heavy
 * prompts the context rules judge an identifier on nearly every line, and a linear scan of the 150
 * metadata words was a fifth of the detector's time). Immutable.
 */
final class WordSet {
  private final byte[][] slots; // lower-case words, open addressing
  private final int[] values; // each slot's word's value: its position among the constructor's arguments, or its bits
  private final int mask;
  private final int minLength;
  private final int maxLength;

  WordSet(String... words) {
    this(words, positions(words.length));
  }

  /**
   * Words under bits, several sets in one table so that a caller probes it once for all of them (Keyword.classify
   * looks each segment of a name up in a dozen sets): {@code groups} alternates an {@code Integer} bit and a {@code
   * String[]} of words; {@link #indexOf} gives the OR of the bits of the groups a word is in.
   */
  static WordSet grouped(Object... groups) {
    java.util.Map<String, Integer> bits = new java.util.LinkedHashMap<>();
    for (int g = 0; g < groups.length; g += 2) {
      int bit = (Integer) groups[g];
      for (String w : (String[]) groups[g + 1]) {
        bits.merge(w.toLowerCase(Locale.ROOT), bit, (x, y) -> x | y);
      }
    }
    return new WordSet(bits.keySet().toArray(new String[0]),
        bits.values().stream().mapToInt(Integer::intValue).toArray());
  }

  private static int[] positions(int n) {
    int[] out = new int[n];
    Arrays.setAll(out, k -> k);
    return out;
  }

  private WordSet(String[] words, int[] wordValues) {
    int size = Integer.highestOneBit(Math.max(8, words.length * 4) - 1) << 1;
    this.slots = new byte[size][];
    this.values = new int[size];
    this.mask = size - 1;
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int k = 0; k < words.length; k++) {
      byte[] w = Detector.ascii(words[k].toLowerCase(Locale.ROOT));
      int i = hash(w, 0, w.length) & mask;
      while (slots[i] != null && !Arrays.equals(slots[i], w)) {
        i = (i + 1) & mask;
      }
      if (slots[i] == null) {
        values[i] = wordValues[k];
      }
      slots[i] = w;
      min = Math.min(min, w.length);
      max = Math.max(max, w.length);
    }
    this.minLength = min;
    this.maxLength = max;
  }

  /** Whether {@code b[from, to)} is one of the words, ignoring ASCII case. */
  boolean contains(byte[] b, int from, int to) {
    return indexOf(b, from, to) >= 0;
  }

  /**
   * Which of the words {@code b[from, to)} is (its position among the constructor's arguments, or for {@link
   * #grouped} its bits), or -1.
   */
  int indexOf(byte[] b, int from, int to) {
    int len = to - from;
    if (len < minLength || len > maxLength) {
      return -1;
    }
    for (int i = hash(b, from, to) & mask; slots[i] != null; i = (i + 1) & mask) {
      if (slots[i].length == len && Bytes.startsWith(b, from, to, slots[i], true)) {
        return values[i];
      }
    }
    return -1;
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + Bytes.LOWERCASE[b[i] & 0xff];
    }
    return h ^ (h >>> 16);
  }
}
