package io.takumo.aegis.detect;

/**
 * A custom pattern did too much work on one input (catastrophic backtracking). Detection cannot
 * vouch for the input, so callers in fail-closed mode refuse it rather than forward it unscanned.
 */
public final class PatternBudgetExceeded extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PatternBudgetExceeded(String pattern) {
    super("custom pattern " + pattern + " exceeded its work budget on this input; simplify the pattern", null,
        false, false);
  }
}
