package io.takumo.aegis.proxy.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * How a request body is delimited (RFC 9112 §6): not at all, by {@code Content-Length}, or by the
 * {@code chunked} transfer coding. Read once from the head, strictly: a length that is not one
 * plain decimal number is refused, never guessed at.
 *
 * @param length the declared length for {@link Kind#LENGTH}, else -1
 */
public record BodyFraming(Kind kind, long length) {
  public static final BodyFraming NONE = new BodyFraming(Kind.NONE, -1);
  public static final BodyFraming CHUNKED = new BodyFraming(Kind.CHUNKED, -1);
  private static final int MAX_DIGITS = 18; // 10^18 - 1 fits a long: no overflow to check

  /** The three ways a body can be delimited. */
  public enum Kind { NONE, LENGTH, CHUNKED }

  /**
   * The framing of a request head (whose framing the codec has already checked for smuggling:
   * never both {@code Transfer-Encoding} and {@code Content-Length}).
   *
   * @throws ExchangeRefusal 400 when the only transfer coding is not {@code chunked} (a coding
   *     before it would hide the body from the scanner), or {@code Content-Length} is not one
   *     plain decimal number: repeated, a list, signed, hex, empty or too large
   */
  public static BodyFraming of(HttpHeaders headers) throws ExchangeRefusal {
    List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
    if (!codings.isEmpty()) {
      if (codings.size() != 1 || !codings.get(0).trim().equalsIgnoreCase("chunked")) {
        throw new ExchangeRefusal(ErrorCode.BAD_REQUEST, "The only transfer coding this gateway accepts is "
            + "Transfer-Encoding: chunked; compress a body with Content-Encoding instead.");
      }
      return CHUNKED;
    }
    List<String> values = headers.getAll(HttpHeaderNames.CONTENT_LENGTH);
    if (values.isEmpty()) {
      return NONE;
    }
    long length = values.size() == 1 ? parseLength(values.get(0)) : -1;
    if (length < 0) {
      throw new ExchangeRefusal(ErrorCode.BAD_REQUEST, "The Content-Length header is not one decimal number of bytes.");
    }
    return length == 0 ? NONE : new BodyFraming(Kind.LENGTH, length);
  }

  /** Digits only (RFC 9110 §8.6: {@code 1*DIGIT}); -1 for anything else. */
  static long parseLength(String raw) {
    String value = raw.trim();
    if (value.isEmpty() || value.length() > MAX_DIGITS) {
      return -1;
    }
    long n = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** Whether a body follows the head. */
  public boolean hasBody() {
    return kind != Kind.NONE;
  }

  /** Whether the body is sent with {@code Transfer-Encoding: chunked} (its length is not known up front). */
  public boolean chunked() {
    return kind == Kind.CHUNKED;
  }
}
