package io.takumo.aegis.proxy.config;

import java.time.Duration;
import java.util.Locale;

/** Parses durations as operators write them: {@code 30}, {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}. */
final class Durations {
  private Durations() {}

  static Duration parse(String field, String raw) {
    return positive(field, raw, parseOrZero(field, raw));
  }

  /** A duration that may be zero ({@code 0} switches something off). */
  static Duration parseOrZero(String field, String raw) {
    String value = raw.trim().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (value.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      } else if (value.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      } else if (value.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      } else if (value.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(value));
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw ConfigException.of(field, raw, "a duration such as 30s, 500ms, 2m or 1h");
    }
    if (d.isNegative()) {
      throw ConfigException.of(field, raw, "a duration of 0 or more");
    }
    return d;
  }

  private static Duration positive(String field, String raw, Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      throw ConfigException.of(field, raw, "a duration > 0");
    }
    return duration;
  }
}
