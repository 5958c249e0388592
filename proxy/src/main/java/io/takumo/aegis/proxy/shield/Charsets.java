package io.takumo.aegis.proxy.shield;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ExchangeRefusal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which request bodies the scanner can read (SPEC §6): UTF-8 and the charsets that agree with it
 * on ASCII, where every secret format lives. UTF-16 and UTF-32 bodies (by {@code charset=} or by
 * their byte order mark or NUL pattern) are refused with 415 rather than decoded: JSON between
 * systems is UTF-8 (RFC 8259 §8.1), no provider API takes anything else, and forwarding a wide
 * body would mean re-encoding every token into it (docs/decisions.md).
 */
final class Charsets {
  private Charsets() {}

  /** The {@code charset} parameter of the body's {@code Content-Type}, lower case, or null. */
  static @Nullable String declared(HttpHeaders headers) {
    String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
    if (type == null) {
      return null;
    }
    for (String param : type.split(";")) {
      String p = param.trim();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        return p.substring(8).replace("\"", "").trim().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  static boolean wide(String charset) {
    return charset.startsWith("utf-16") || charset.startsWith("utf-32") || charset.startsWith("ucs-")
        || charset.equals("unicode") || charset.startsWith("utf16") || charset.startsWith("utf32");
  }

  /**
   * The wide charset the first bytes of a body show (a byte order mark, or the NUL pattern of
   * JSON's first characters), or null for UTF-8 and the like. Up to four bytes; fewer decide what
   * they can.
   */
  static @Nullable String sniff(byte[] b) {
    int n = b.length;
    if (n >= 2 && ((b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff || (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe)) {
      return n >= 4 && b[2] == 0 && b[3] == 0 ? "utf-32" : "utf-16";
    }
    if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff) {
      return "utf-32";
    }
    if (n >= 2 && (b[0] == 0) != (b[1] == 0)) {
      return n >= 4 && b[0] != 0 && b[2] == 0 && b[3] == 0 || n >= 4 && b[0] == 0 && b[1] == 0 ? "utf-32" : "utf-16";
    }
    if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0) {
      return "utf-32";
    }
    return null;
  }

  /** The 415 for a wide body; the message names no header value (a client may put anything there). */
  static ExchangeRefusal refusal() {
    return new ExchangeRefusal(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body is UTF-16 or UTF-32, which this "
        + "gateway does not scan for secrets; send it as UTF-8 (JSON between systems is UTF-8). Nothing was forwarded.");
  }
}
