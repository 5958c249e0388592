package io.takumo.aegis.proxy.config;

import java.util.Locale;

/** The environment a gateway runs in; a key of the other environment is refused (SPEC §7). */
public enum KeyEnvironment {
  LIVE,
  TEST;

  /** The key prefix of this environment: {@code tk_live_} or {@code tk_test_}. */
  public String keyPrefix() {
    return "tk_" + wireName() + '_';
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static KeyEnvironment parse(String field, String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "live":
        return LIVE;
      case "test":
        return TEST;
      default:
        throw ConfigException.of(field, value, "live or test");
    }
  }
}
