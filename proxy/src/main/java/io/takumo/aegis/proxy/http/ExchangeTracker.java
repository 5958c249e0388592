package io.takumo.aegis.proxy.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts exchanges in flight across the gateway, and knows whether it is draining. Thread-safe.
 * {@link #drain()} returns a future that completes when draining has begun and the count reaches zero.
 */
public final class ExchangeTracker {
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private volatile boolean draining;

  void started() {
    inFlight.incrementAndGet();
  }

  void finished() {
    if (inFlight.decrementAndGet() == 0 && draining) {
      drained.complete(null);
    }
  }

  public int inFlight() {
    return inFlight.get();
  }

  public boolean draining() {
    return draining;
  }

  /** Starts draining: readiness turns 503 and every response closes its connection. */
  public CompletableFuture<Void> drain() {
    draining = true;
    if (inFlight.get() == 0) {
      drained.complete(null);
    }
    return drained;
  }
}
