package io.takumo.aegis.coordinator.client;

/** What a policy does with a finding (SPEC.md §5), strictest first. */
public enum Enforcement {
  /** Refuse the request with 422; nothing is forwarded. */
  BLOCK,
  /** Tokenize, audit, add an {@code x-aegis-warnings} header. */
  WARN,
  /** Tokenize and audit silently. */
  MONITOR;

  /** The stricter of the two. */
  public Enforcement stricter(Enforcement other) {
    return ordinal() <= other.ordinal() ? this : other;
  }
}
