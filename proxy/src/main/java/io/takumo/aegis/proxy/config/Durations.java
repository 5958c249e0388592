package io.takumo.aegis.proxy.config;

import java.time.Duration;
import java.util.Locale;

/** Parses durations as operators write them: {@code 30}, {@code 30s}, {@code 500ms}, {@code 2m}. */
final class Durations {
  private Durations() {}

  static Duration parse(String field, String raw) {
    String value = raw.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.endsWith("ms")) {
        return positive(field, raw, Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2))));
      }
      if (value.endsWith("s")) {
        return positive(field, raw, Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1))));
      }
      if (value.endsWith("m")) {
        return positive(field, raw, Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1))));
      }
      return positive(field, raw, Duration.ofSeconds(Long.parseLong(value)));
    } catch (NumberFormatException e) {
      throw ConfigException.of(field, raw, "a duration such as 30s, 500ms or 2m");
    }
  }

  private static Duration positive(String field, String raw, Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      throw ConfigException.of(field, raw, "a duration > 0");
    }
    return duration;
  }
}
