package io.takumo.aegis.shield;

import io.takumo.aegis.detect.Category;
import org.jspecify.annotations.Nullable;

/**
 * Secrets remembered beyond one exchange, for answers that repeat a token minted in an earlier turn
 * of a stateful conversation (a Responses {@code previous_response_id}: the client does not resend the
 * history, so the exchange's own vault never saw that secret). A {@link Vault} given one tells it every
 * secret it mints a token for and asks it for tokens it does not know. Thread-safe.
 */
public interface Recall {
  /**
   * Remembers {@code secret} (copied) under the token of {@code category} and {@code hash}.
   */
  void keep(Category category, int hash, byte[] secret);

  /**
   * A copy of the secret remembered under the token of {@code category} and {@code hash}, or null;
   * the caller zeroes it when done.
   */
  byte @Nullable [] recall(Category category, int hash);

  /** Whether nothing is remembered (an answer then needs no rehydration for this recall's sake). */
  boolean isEmpty();
}
