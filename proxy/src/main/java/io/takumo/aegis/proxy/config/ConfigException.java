package io.takumo.aegis.proxy.config;

/** A configuration value that cannot be honoured; the message names the field, value and expectation. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  static ConfigException of(String field, String value, String expected) {
    return new ConfigException(field + ": " + value + " (expected: " + expected + ')');
  }
}
