package io.takumo.aegis.coordinator.client;

import java.util.Locale;

/** SPEC.md §5 and §11: what the gateway does when it cannot do its job safely. */
public enum FailMode {
  /** Refuse (503) rather than forward anything unscanned or serve without a config. */
  CLOSED,
  /** A gateway that never had a config serves on its local defaults; detection failures still refuse. */
  OPEN;

  /** Parses {@code closed}/{@code open} (also {@code fail_closed}/{@code fail_open}), case-insensitively. */
  public static FailMode parse(String field, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("fail_")) {
      v = v.substring(5);
    }
    return switch (v) {
      case "closed" -> CLOSED;
      case "open" -> OPEN;
      default -> throw new IllegalArgumentException(field + ": " + value + " (expected: closed or open)");
    };
  }
}
