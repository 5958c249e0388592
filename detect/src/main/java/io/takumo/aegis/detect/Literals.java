package io.takumo.aegis.detect;

import org.jspecify.annotations.Nullable;

/**
 * String expressions in code that spell a secret no literal of them holds alone: literals joined by an operator
 * ({@code "ghp_" + "…"}, PHP's {@code 'sk_' . 'live_…'}, a Java string wrapped over lines) and arrays of character
 * codes ({@code bytes([103, 104, …]).decode()}, {@code string([]byte{0x67, …})}, {@code new String(new byte[]{…})},
 * {@code String.fromCharCode(…)}). "Split so the linter stops complaining" is how secrets get past scanners that read
 * literals one by one; the provider reads the whole expression. Both are parsed by hand on bytes, as every other
 * structure rule: a general expression evaluator would cost far more than these few shapes, which are what code
 * writes.
 *
 * <p>The parsers only say where the pieces are; {@link Detector} scans what they spell and maps its findings back to
 * the raw bytes, so a token replaces exactly the pieces and puts them back as they were.
 */
final class Literals {
  private Literals() {}

  /** The longest literal read, the most literals joined: a key is at most a few hundred bytes. */
  static final int MAX_PART = 512;
  static final int MAX_PARTS = 16;
  /** Blanks (line breaks included) read around an operator: {@code "…" +} at a line's end, the next at its start. */
  private static final int MAX_GAP = 64;
  /** The fewest codes an array must hold to be read: shorter strings are no key. */
  static final int MIN_CODES = 8;
  /** The most codes read from one array. */
  static final int MAX_CODES = 1024;

  /**
   * What an expression spells, {@link #text}, and where each of its bytes is in the raw input: byte {@code i} is
   * {@code raw[starts[i], ends[i])} (one byte of a literal, or a whole character code). {@code joins}: the text is
   * literals joined, so a finding within one literal is the plain scan's, not this one's.
   */
  record Spelled(byte[] text, int[] starts, int[] ends, boolean joins) {}

  /**
   * The literals of the chain whose first join is after the literal closed by the quote at {@code close} (an operator
   * follows it), joined, or null when {@code close} closes no literal on its line, the chain began earlier (its first
   * join's trigger reads it whole), or fewer than two literals are joined.
   */
  static @Nullable Spelled chain(byte[] b, int close, int from, int to) {
    int open = openingQuote(b, close, from);
    if (open < 0 || joinedBefore(b, open, from)) {
      return null;
    }
    int[] parts = new int[2 * MAX_PARTS];
    parts[0] = open + 1;
    parts[1] = close;
    int n = 1;
    int p = close + 1;
    byte operator = 0;
    while (n < MAX_PARTS) {
      int o = skipBlanks(b, p, to);
      // Python's adjacent literals, one per line in parentheses ("fw_…"\n    "…"), join with no operator
      boolean adjacent = o < to && b[o] == b[close] && operator != '+' && operator != '.' && newlineIn(b, p, o);
      if (!adjacent && (o >= to || (b[o] != '+' && b[o] != '.') || (operator != 0 && b[o] != operator))) {
        break;
      }
      operator = adjacent ? (byte) ' ' : b[o];
      int q = adjacent ? o : skipBlanks(b, o + 1, to);
      if (q >= to || (b[q] != '"' && b[q] != '\'')) {
        break; // "Bearer " + token: the chain ends at a name
      }
      int end = closingQuote(b, q, to);
      if (end < 0) {
        break;
      }
      parts[2 * n] = q + 1;
      parts[2 * n + 1] = end;
      n++;
      p = end + 1;
    }
    if (n < 2) {
      return null;
    }
    int length = 0;
    for (int k = 0; k < n; k++) {
      length += parts[2 * k + 1] - parts[2 * k];
    }
    Spelled joined = new Spelled(new byte[length], new int[length], new int[length], true);
    int at = 0;
    for (int k = 0; k < n; k++) {
      for (int i = parts[2 * k]; i < parts[2 * k + 1]; i++, at++) {
        joined.text[at] = b[i];
        joined.starts[at] = i;
        joined.ends[at] = i + 1;
      }
    }
    return joined;
  }

  /** The quote that opens the literal closed at {@code close}, on its line, or -1. */
  private static int openingQuote(byte[] b, int close, int from) {
    byte quote = b[close];
    for (int o = close - 1; o >= from && close - o <= MAX_PART; o--) {
      if (b[o] == '\n') {
        return -1;
      }
      if (b[o] == quote) {
        return o > from && b[o - 1] == '\\' ? -1 : o;
      }
    }
    return -1;
  }

  /** The quote that closes the literal opened at {@code open}, on its line, or -1. */
  static int closingQuote(byte[] b, int open, int to) {
    byte quote = b[open];
    for (int c = open + 1; c < to && c - open <= MAX_PART; c++) {
      if (b[c] == '\n') {
        return -1;
      }
      if (b[c] == '\\') {
        c++;
      } else if (b[c] == quote) {
        return c;
      }
    }
    return -1;
  }

  /** Whether a line break is among the blanks {@code b[from, to)}. */
  private static boolean newlineIn(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return true;
      }
    }
    return false;
  }

  /** Whether the literal opened at {@code open} is itself joined to a literal before it. */
  private static boolean joinedBefore(byte[] b, int open, int from) {
    int o = open;
    while (o > from && open - o < MAX_GAP && Bytes.is(b[o - 1], Bytes.SPACE)) {
      o--;
    }
    if (o > from && b[o - 1] == b[open] && newlineIn(b, o, open)) {
      return true; // the line above ends with a literal of the same quote: adjacent literals
    }
    if (o <= from || (b[o - 1] != '+' && b[o - 1] != '.')) {
      return false;
    }
    int q = o - 1;
    while (q > from && o - q < MAX_GAP && Bytes.is(b[q - 1], Bytes.SPACE)) {
      q--;
    }
    return q > from && (b[q - 1] == '"' || b[q - 1] == '\'');
  }

  private static int skipBlanks(byte[] b, int p, int to) {
    int start = p;
    while (p < to && p - start < MAX_GAP && Bytes.is(b[p], Bytes.SPACE)) {
      p++;
    }
    return p;
  }

  /**
   * The string spelled by the array of character codes whose opening bracket (or first code) is at or after {@code p},
   * as printable ASCII: decimal ({@code 103}), hex ({@code 0x67}) or character literals ({@code 'g'}), separated by
   * commas and blanks. Null when the list is shorter than {@link #MIN_CODES} or holds a code that is no printable
   * character (binary data, test vectors: not a string someone spelled).
   */
  static @Nullable Spelled codes(byte[] b, int p, int to) {
    int q = p;
    while (q < to && q - p < 4 && (b[q] == ' ' || b[q] == '[' || b[q] == '{' || b[q] == '(')) {
      q++;
    }
    int[] spans = new int[2 * 64];
    byte[] bytes = new byte[64];
    int n = 0;
    while (n < MAX_CODES) {
      int start = q;
      int value;
      if (q + 2 < to && b[q] == '\'' && b[q + 2] == '\'') {
        value = b[q + 1];
        q += 3;
      } else if (q + 1 < to && b[q] == '0' && (b[q + 1] == 'x' || b[q + 1] == 'X')) {
        q += 2;
        value = 0;
        int digits = 0;
        while (q < to && digits < 3 && Bytes.is(b[q], Bytes.HEX)) {
          value = value * 16 + Character.digit(b[q], 16);
          q++;
          digits++;
        }
        if (digits == 0 || digits > 2) {
          return null;
        }
      } else {
        value = 0;
        int digits = 0;
        while (q < to && digits < 4 && Bytes.is(b[q], Bytes.DIGIT)) {
          value = value * 10 + (b[q] - '0');
          q++;
          digits++;
        }
        if (digits == 0 || digits > 3) {
          break;
        }
      }
      if (value < 0x20 || value > 0x7e) {
        return null;
      }
      if (n == bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, 2 * n);
        spans = java.util.Arrays.copyOf(spans, 4 * n);
      }
      bytes[n] = (byte) value;
      spans[2 * n] = start;
      spans[2 * n + 1] = q;
      n++;
      q = skipBlanks(b, q, to);
      if (q >= to || b[q] != ',') {
        break;
      }
      q = skipBlanks(b, q + 1, to);
    }
    if (n < MIN_CODES) {
      return null;
    }
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      starts[i] = spans[2 * i];
      ends[i] = spans[2 * i + 1];
    }
    return new Spelled(java.util.Arrays.copyOf(bytes, n), starts, ends, false);
  }
}
