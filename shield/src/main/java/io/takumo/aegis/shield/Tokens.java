package io.takumo.aegis.shield;

import io.takumo.aegis.detect.Category;
import java.nio.charset.StandardCharsets;

/**
 * The token format of SPEC §2: {@code __TAKUMO_v1_<CATEGORY>_<8 lowercase hex>__}. Letters,
 * digits and underscores only, so a token needs no escaping at any JSON depth and shows up
 * literally in raw bytes.
 */
public final class Tokens {
  static final byte[] PREFIX = "__TAKUMO_v1_".getBytes(StandardCharsets.US_ASCII);
  private static final Category[] CATEGORIES = Category.values();
  private static final byte[][] NAMES = new byte[CATEGORIES.length][];
  /** The longest token: {@code __TAKUMO_v1_SECRET_0123abcd__}. */
  public static final int MAX_LENGTH;

  static {
    int longest = 0;
    for (Category c : CATEGORIES) {
      NAMES[c.ordinal()] = c.name().getBytes(StandardCharsets.US_ASCII);
      longest = Math.max(longest, c.name().length());
    }
    MAX_LENGTH = PREFIX.length + longest + 1 + 8 + 2;
  }

  private Tokens() {}

  /** The token for {@code category} and the 32-bit hash. */
  public static byte[] format(Category category, int hash) {
    byte[] name = NAMES[category.ordinal()];
    byte[] out = new byte[PREFIX.length + name.length + 1 + 8 + 2];
    System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
    int p = PREFIX.length;
    System.arraycopy(name, 0, out, p, name.length);
    p += name.length;
    out[p++] = '_';
    for (int shift = 28; shift >= 0; shift -= 4) {
      out[p++] = (byte) "0123456789abcdef".charAt((hash >>> shift) & 0xF);
    }
    out[p++] = '_';
    out[p] = '_';
    return out;
  }

  /** The vault key of a token: its category and hash in one long. */
  static long key(Category category, int hash) {
    return ((long) category.ordinal() << 32) | (hash & 0xFFFFFFFFL);
  }

  /** The category of a vault key (see {@link #key}). */
  static Category category(long key) {
    return CATEGORIES[(int) (key >>> 32)];
  }

  /**
   * The length of the complete token starting at {@code b[at]}, or -1 when none does. A token
   * glued to more word characters ({@code __TAKUMO_v1_KEY_8f3a2b1c__x}) still counts: the model
   * may write text right after it.
   */
  public static int match(byte[] b, int at, int to) {
    int p = at + PREFIX.length;
    if (p > to || !startsWithPrefix(b, at)) {
      return -1;
    }
    for (byte[] name : NAMES) {
      if (regionMatches(b, p, to, name) && p + name.length < to && b[p + name.length] == '_') {
        int h = p + name.length + 1;
        if (h + 10 > to) {
          return -1;
        }
        for (int i = h; i < h + 8; i++) {
          if (hexValue(b[i]) < 0) {
            return -1;
          }
        }
        return b[h + 8] == '_' && b[h + 9] == '_' ? h + 10 - at : -1;
      }
    }
    return -1;
  }

  /** The vault key of the complete token at {@code b[at]} (call after {@link #match}). */
  static long keyAt(byte[] b, int at) {
    int p = at + PREFIX.length;
    for (int c = 0; c < NAMES.length; c++) {
      byte[] name = NAMES[c];
      if (regionMatches(b, p, b.length, name) && b[p + name.length] == '_') {
        int hash = 0;
        for (int i = p + name.length + 1, n = 0; n < 8; i++, n++) {
          hash = (hash << 4) | hexValue(b[i]);
        }
        return key(CATEGORIES[c], hash);
      }
    }
    throw new IllegalArgumentException("no token at " + at);
  }

  /**
   * How many bytes at the end of {@code b[from, to)} could be the start of a token that the next
   * bytes complete: they are held back until those bytes decide. 0 when the tail cannot be one.
   */
  public static int partialTail(byte[] b, int from, int to) {
    int limit = Math.min(to - from, MAX_LENGTH - 1);
    for (int n = limit; n > 0; n--) {
      if (couldStart(b, to - n, to)) {
        return n;
      }
    }
    return 0;
  }

  /** True when {@code b[at, to)} is a proper prefix of some token. */
  static boolean couldStart(byte[] b, int at, int to) {
    int n = to - at;
    int pre = Math.min(n, PREFIX.length);
    for (int i = 0; i < pre; i++) {
      if (b[at + i] != PREFIX[i]) {
        return false;
      }
    }
    if (n <= PREFIX.length) {
      return true;
    }
    int p = at + PREFIX.length;
    for (byte[] name : NAMES) {
      int m = Math.min(to - p, name.length);
      if (!regionMatches(b, p, p + m, java.util.Arrays.copyOf(name, m))) {
        continue;
      }
      if (to - p <= name.length) {
        return true;
      }
      int q = p + name.length;
      if (b[q] != '_') {
        continue;
      }
      int i = q + 1;
      for (; i < to && i < q + 9; i++) {
        if (hexValue(b[i]) < 0) {
          return false;
        }
      }
      if (i == to) {
        return true;
      }
      return b[i] == '_' && i + 1 == to; // one of the closing underscores
    }
    return false;
  }

  static boolean startsWithPrefix(byte[] b, int at) {
    for (int i = 0; i < PREFIX.length; i++) {
      if (b[at + i] != PREFIX[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean regionMatches(byte[] b, int p, int to, byte[] literal) {
    if (p + literal.length > to || p + literal.length > b.length) {
      return false;
    }
    for (int i = 0; i < literal.length; i++) {
      if (b[p + i] != literal[i]) {
        return false;
      }
    }
    return true;
  }

  private static int hexValue(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }
}
