package io.takumo.aegis.proxy.ratelimit;

/**
 * The outcome of a rate-limit check for the tightest limit that applies: what the
 * {@code X-RateLimit-*} headers say, and whether the request may proceed.
 *
 * @param limit requests per window
 * @param remaining requests left in the window after this one (0 when refused)
 * @param resetEpochSeconds when the current window ends (Unix seconds)
 * @param retryAfterSeconds for a refused request, when to try again; 0 otherwise
 */
public record RateDecision(long limit, long remaining, long resetEpochSeconds, long retryAfterSeconds) {
  public boolean allowed() {
    return retryAfterSeconds == 0;
  }

  /** The tighter of two decisions: a refusal wins, then fewer remaining. */
  static RateDecision tighter(RateDecision a, RateDecision b) {
    if (a.allowed() != b.allowed()) {
      return a.allowed() ? b : a;
    }
    return a.remaining() <= b.remaining() ? a : b;
  }
}
