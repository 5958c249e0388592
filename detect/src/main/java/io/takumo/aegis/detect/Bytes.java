package io.takumo.aegis.detect;

/** Byte classes for the scanners: one table lookup per byte, no branching on ranges. */
final class Bytes {
  static final int UPPER = 1;
  static final int LOWER = 1 << 1;
  static final int DIGIT = 1 << 2;
  static final int UNDERSCORE = 1 << 3;
  static final int DASH = 1 << 4;
  static final int DOT = 1 << 5;
  static final int PLUS_SLASH = 1 << 6;
  static final int EQUALS = 1 << 7;
  static final int HEX_LOWER = 1 << 8;
  static final int HEX_UPPER = 1 << 9;
  static final int SPACE = 1 << 10;
  static final int B32 = 1 << 11; // A-Z 2-7
  static final int TILDE = 1 << 12;
  static final int PERCENT = 1 << 13; // percent-encoding in URLs
  static final int DJANGO_SYMBOL = 1 << 14; // the symbols of Django's get_random_secret_key(): !@#$%^&*(-_=+)
  /**
   * What may follow a name that has a value ({@link Value#after}): a closing quote, an assignment
   * ({@code = : ?= |= += =>}), an XML tag's {@code >}, a blank (before an operator, a type, a flag's
   * or a .netrc value), {@code [} ({@code []byte}).
   */
  static final int AFTER_NAME = 1 << 15;

  static final int ALNUM = UPPER | LOWER | DIGIT;
  static final int HEX = DIGIT | HEX_LOWER | HEX_UPPER;
  static final int LOWER_HEX = DIGIT | HEX_LOWER;
  /** Identifier characters in code and config keys: letters, digits, {@code _ - .}. */
  static final int IDENT = ALNUM | UNDERSCORE | DASH | DOT;
  static final int B64 = ALNUM | PLUS_SLASH;
  static final int B64URL = ALNUM | UNDERSCORE | DASH;
  static final int TOKEN_CHARS = ALNUM | UNDERSCORE | DASH | DOT | PLUS_SLASH | EQUALS | TILDE;

  private static final int[] CLASS = new int[256];
  /** ASCII lower-casing; other bytes map to themselves. */
  static final byte[] LOWERCASE = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      int k = 0;
      if (c >= 'A' && c <= 'Z') {
        k |= UPPER;
        if (c <= 'F') {
          k |= HEX_UPPER;
        }
        k |= B32;
      }
      if (c >= 'a' && c <= 'z') {
        k |= LOWER;
        if (c <= 'f') {
          k |= HEX_LOWER;
        }
      }
      if (c >= '0' && c <= '9') {
        k |= DIGIT;
        if (c >= '2' && c <= '7') {
          k |= B32;
        }
      }
      switch (c) {
        case '_': k |= UNDERSCORE; break;
        case '-': k |= DASH; break;
        case '.': k |= DOT; break;
        case '+': case '/': k |= PLUS_SLASH; break;
        case '=': k |= EQUALS; break;
        case '~': k |= TILDE; break;
        case '%': k |= PERCENT | DJANGO_SYMBOL; break;
        case '!': case '@': case '#': case '$': case '^': case '&': case '*': case '(': case ')': k |= DJANGO_SYMBOL;
          break;
        case ' ': case '\t': case '\r': case '\n': case '\f': k |= SPACE; break;
        default: break;
      }
      switch (c) {
        case '"': case '\'': case '`': case '>': case '=': case ':': case ' ': case '\t': case '?': case '|': case '+':
        case '[':
          k |= AFTER_NAME;
          break;
        default: break;
      }
      CLASS[c] = k;
      LOWERCASE[c] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }

  private Bytes() {}

  static boolean is(byte b, int mask) {
    return (CLASS[b & 0xff] & mask) != 0;
  }

  static int lower(byte b) {
    return LOWERCASE[b & 0xff] & 0xff;
  }

  /** Whether {@code b[at..]} starts with {@code literal}, optionally ignoring ASCII case. */
  static boolean startsWith(byte[] b, int at, int end, byte[] literal, boolean ignoreCase) {
    if (end - at < literal.length) {
      return false;
    }
    for (int i = 0; i < literal.length; i++) {
      byte x = b[at + i];
      if (ignoreCase ? LOWERCASE[x & 0xff] != literal[i] : x != literal[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b[at..]} starts with one of {@code words}, optionally ignoring ASCII case. */
  static boolean startsWithAny(byte[] b, int at, int end, byte[][] words, boolean ignoreCase) {
    for (byte[] word : words) {
      if (startsWith(b, at, end, word, ignoreCase)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code b[from, to)} ends with one of {@code words}, exactly. */
  static boolean endsWithAny(byte[] b, int from, int to, byte[][] words) {
    for (byte[] word : words) {
      if (to - word.length >= from && startsWith(b, to - word.length, to, word, false)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a byte of {@code b[from, to)} is of the classes in {@code mask}. */
  static boolean any(byte[] b, int from, int to, int mask) {
    for (int i = from; i < to; i++) {
      if (is(b[i], mask)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every byte of {@code b[from, to)} is of the classes in {@code mask}. */
  static boolean all(byte[] b, int from, int to, int mask) {
    for (int i = from; i < to; i++) {
      if (!is(b[i], mask)) {
        return false;
      }
    }
    return true;
  }

  /** Index of {@code literal} in {@code b[from, end)}, or -1. */
  static int indexOf(byte[] b, int from, int end, byte[] literal) {
    byte first = literal[0];
    for (int i = from; i <= end - literal.length; i++) {
      if (b[i] == first && startsWith(b, i, end, literal, false)) {
        return i;
      }
    }
    return -1;
  }

  private static final int TERMS_MAX = 128;
  /**
   * {@code TERMS[n][c]}: a byte's term {@code p log2 p}, {@code p = c / n}, for values up to {@link #TERMS_MAX} bytes,
   * computed as {@link #entropy} computed it per byte before (two logarithms per distinct byte were a tenth of the
   * cost of judging a value): the same expression, so the same bits, and thresholds decide as they did.
   */
  private static final double[][] TERMS = new double[TERMS_MAX + 1][];
  /**
   * Per thread, the byte counts of {@link #entropy}'s common case, all zero between calls: a value's check (per
   * candidate, on the event loop) neither allocates nor clears a kilobyte.
   */
  private static final ThreadLocal<int[]> COUNTS = ThreadLocal.withInitial(() -> new int[256]);

  static {
    for (int n = 1; n <= TERMS_MAX; n++) {
      TERMS[n] = new double[n + 1];
      for (int c = 1; c <= n; c++) {
        double p = (double) c / n;
        TERMS[n][c] = p * (Math.log(p) / Math.log(2));
      }
    }
  }

  /** Shannon entropy in bits per byte of {@code b[from, to)}. */
  static double entropy(byte[] b, int from, int to) {
    int n = to - from;
    if (n <= 0) {
      return 0;
    }
    if (n <= TERMS_MAX) { // the common case (a candidate value): each byte's term where it first occurs, as before
      int[] counts = COUNTS.get();
      for (int i = from; i < to; i++) {
        counts[b[i] & 0xff]++;
      }
      double[] terms = TERMS[n];
      double h = 0;
      for (int i = from; i < to; i++) {
        int count = counts[b[i] & 0xff];
        if (count > 0) {
          counts[b[i] & 0xff] = 0; // read once and cleared: the array is all zero again when this returns
          h -= terms[count];
        }
      }
      return h;
    }
    int[] counts = new int[256];
    for (int i = from; i < to; i++) {
      counts[b[i] & 0xff]++;
    }
    double h = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / n;
        h -= p * (Math.log(p) / Math.log(2));
      }
    }
    return h;
  }

  /** How many of: upper, lower, digit, other appear in {@code b[from, to)}. */
  static int classesPresent(byte[] b, int from, int to) {
    int seen = 0;
    for (int i = from; i < to; i++) {
      int k = CLASS[b[i] & 0xff];
      seen |= (k & UPPER) != 0 ? 1 : (k & LOWER) != 0 ? 2 : (k & DIGIT) != 0 ? 4 : 8;
    }
    return Integer.bitCount(seen);
  }
}
