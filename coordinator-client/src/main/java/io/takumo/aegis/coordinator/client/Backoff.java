package io.takumo.aegis.coordinator.client;

import java.time.Duration;
import java.util.Random;

/**
 * Jittered exponential backoff: the n-th delay is {@code initial × multiplier^n}, capped at {@code
 * max}, then spread uniformly by ±{@code jitter} so a fleet that lost its coordinator at once does
 * not come back at once. Not thread-safe: owned by the client's callback thread.
 */
public final class Backoff {
  private final long initialNanos;
  private final long maxNanos;
  private final double multiplier;
  private final double jitter;
  private final Random random;
  private double nextNanos;

  public Backoff(Duration initial, Duration max, double multiplier, double jitter, Random random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("initial/max: " + initial + '/' + max + " (expected: 0 < initial <= max)");
    }
    if (multiplier < 1 || jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("multiplier/jitter: " + multiplier + '/' + jitter
          + " (expected: multiplier >= 1, 0 <= jitter < 1)");
    }
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
    this.multiplier = multiplier;
    this.jitter = jitter;
    this.random = random;
    this.nextNanos = initialNanos;
  }

  /** 1 s doubling to 30 s, ±20 %. */
  public static Backoff standard() {
    return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2, 0.2, new Random());
  }

  /** The delay before the next attempt; each call grows the following one. */
  public Duration next() {
    double base = nextNanos;
    nextNanos = Math.min(maxNanos, nextNanos * multiplier);
    double spread = 1 + jitter * (2 * random.nextDouble() - 1);
    return Duration.ofNanos((long) (base * spread));
  }

  /** After a success: the next failure waits the initial delay again. */
  public void reset() {
    nextNanos = initialNanos;
  }
}
