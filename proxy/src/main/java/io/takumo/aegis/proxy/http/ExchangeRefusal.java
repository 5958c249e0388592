package io.takumo.aegis.proxy.http;

import static java.util.Objects.requireNonNull;

/**
 * Why the gateway refuses to go on with an exchange, as the SPEC §9 answer the client gets: a
 * code and a message that says what to do. Thrown by the parts of an exchange (tokenization,
 * provider choice) and answered by the handler that owns the exchange. The message is shown to
 * the client: it never holds a key, a secret or a body. No stack trace: it is control flow at the
 * edge of the data path, not a defect.
 */
public final class ExchangeRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public ExchangeRefusal(ErrorCode code, String message) {
    super(requireNonNull(message, "message"), null, false, false);
    this.code = requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }
}
