package io.takumo.aegis.proxy.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Query strings as the gateway reads and rewrites them: parameters percent-decoded for a look,
 * the rest passed on byte for byte. Pure.
 */
public final class Queries {
  private Queries() {}

  /** The decoded value of the first parameter named {@code name} in {@code query} (with its {@code ?}), or null. */
  public static @Nullable String value(String query, String name) {
    if (query.length() < 2) {
      return null;
    }
    for (String param : query.substring(1).split("&")) {
      int eq = param.indexOf('=');
      String key = decode(eq < 0 ? param : param.substring(0, eq));
      if (key.equals(name)) {
        return eq < 0 ? "" : decode(param.substring(eq + 1));
      }
    }
    return null;
  }

  /**
   * {@code query} without the parameters whose name or value, decoded, holds a Takumo key (SPEC
   * §6: never forwarded); the others keep their bytes and order. Empty when nothing is left.
   */
  public static String withoutTakumoKeys(String query) {
    if (query.length() < 2 || !ApiKeys.appearsIn(decode(query))) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length());
    for (String param : query.substring(1).split("&")) {
      if (param.isEmpty() || ApiKeys.appearsIn(decode(param))) {
        continue;
      }
      out.append(out.length() == 0 ? '?' : '&').append(param);
    }
    return out.toString();
  }

  /** {@code application/x-www-form-urlencoded} decoding, lenient: a malformed escape stays as it is. */
  public static String decode(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return raw;
    }
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
