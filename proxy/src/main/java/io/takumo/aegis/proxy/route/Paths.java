package io.takumo.aegis.proxy.route;

import io.takumo.aegis.proxy.auth.ApiKeys;
import org.jspecify.annotations.Nullable;

/**
 * The canonical form of a request path (SPEC §6), decided before routing: percent-escapes decoded,
 * and everything refused that a server or proxy behind the gateway might read another way than
 * the router does. What reaches the upstream is rebuilt from the route, never the client's string.
 * Pure; allocation-free for a path that needs no decoding.
 */
public final class Paths {
  private Paths() {}

  /** A path the gateway refuses, and why (a fixed text: the path itself is never echoed). */
  public static final class BadPath extends Exception {
    private static final long serialVersionUID = 1L;

    BadPath(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * The canonical path of {@code raw} (no query).
   *
   * @throws BadPath for a path that is not absolute; holds a Takumo key, a dot segment, an empty segment
   *     ({@code //}), a backslash, a {@code ;} parameter, a control character or a byte outside
   *     the characters API paths use (also when percent-encoded); or an encoded slash
   */
  public static String canonical(String raw) throws BadPath {
    if (raw.isEmpty() || raw.charAt(0) != '/') {
      throw new BadPath("the path does not start with /");
    }
    String path = raw.indexOf('%') < 0 ? raw : decode(raw);
    if (ApiKeys.appearsIn(path)) {
      throw new BadPath("the path holds a Takumo API key; send it in a header instead");
    }
    int segmentStart = 1;
    for (int i = 1; i <= path.length(); i++) {
      char c = i < path.length() ? path.charAt(i) : '/';
      if (c == '/') {
        if (i == segmentStart && i < path.length()) {
          throw new BadPath("the path has an empty segment (//)");
        }
        int n = i - segmentStart;
        if (n == 1 && path.charAt(segmentStart) == '.' || n == 2 && path.startsWith("..", segmentStart)) {
          throw new BadPath("the path has a dot segment (. or ..)");
        }
        segmentStart = i + 1;
      } else if (!allowed(c)) {
        throw new BadPath(c == '\\' ? "the path has a backslash" : c == ';' ? "the path has a ; parameter"
            : "the path has a character API paths do not use");
      }
    }
    return path;
  }

  /** Decodes {@code %XX}; an escaped slash, or an escape that is not two hex digits, is refused. */
  private static String decode(String raw) throws BadPath {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
      if (lo < 0) {
        throw new BadPath("the path has a malformed percent-escape");
      }
      char decoded = (char) (hi << 4 | lo);
      if (decoded == '/' || decoded == '%') {
        throw new BadPath(decoded == '/' ? "the path has an encoded slash (%2F)" : "the path is encoded twice");
      }
      out.append(decoded);
      i += 2;
    }
    return out.toString();
  }

  /** Letters, digits and {@code - . _ ~ : @ +}: what provider and gateway paths are made of. */
  private static boolean allowed(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '@' || c == '+';
  }

  /**
   * Whether {@code segment} is one path parameter ({@code {id}}, {@code {model}}): not empty, no
   * slash, no dot segment (the canonical path already holds only allowed characters).
   */
  public static boolean isParameter(@Nullable String segment) {
    return segment != null && !segment.isEmpty() && segment.indexOf('/') < 0 && !segment.equals(".")
        && !segment.equals("..");
  }
}
