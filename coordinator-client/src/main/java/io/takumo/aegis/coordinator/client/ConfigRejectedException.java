package io.takumo.aegis.coordinator.client;

/**
 * A snapshot the gateway cannot honour; the message (field, value, what was expected) goes back to
 * the coordinator as the NACK's error detail, so it never quotes a secret.
 */
public final class ConfigRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigRejectedException(String message) {
    super(message);
  }

  public ConfigRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
