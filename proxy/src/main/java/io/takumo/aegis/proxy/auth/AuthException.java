package io.takumo.aegis.proxy.auth;

/**
 * Authentication refused or impossible. The message is safe to show to the client: it never holds
 * the key.
 */
public final class AuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean unavailable;

  private AuthException(String message, boolean unavailable) {
    super(message, null, false, false); // no stack trace: this is an answer, not a bug
    this.unavailable = unavailable;
  }

  static AuthException refused(String message) {
    return new AuthException(message, false);
  }

  static AuthException unavailable(String message) {
    return new AuthException(message, true);
  }

  /** True when the key store could not answer (503), false when the key was refused (401). */
  public boolean unavailable() {
    return unavailable;
  }
}
