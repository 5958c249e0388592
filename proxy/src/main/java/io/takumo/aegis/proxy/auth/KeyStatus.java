package io.takumo.aegis.proxy.auth;

import java.util.Locale;

/** Lifecycle state of an API key. */
public enum KeyStatus {
  ACTIVE,
  DISABLED,
  REVOKED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
