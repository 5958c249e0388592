package io.takumo.aegis.coordinator.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Time as the client sees it: delayed tasks and the current instant. Production runs on a scheduled
 * executor; tests substitute a fake clock that runs due tasks when advanced.
 */
public interface Timer {
  /** Runs {@code task} after {@code delay} (on whatever thread; the client hops to its own). */
  Cancellable schedule(Duration delay, Runnable task);

  Instant now();

  /** A scheduled task that may be cancelled. */
  interface Cancellable {
    void cancel();
  }

  static Timer of(ScheduledExecutorService executor) {
    return new Timer() {
      @Override
      public Cancellable schedule(Duration delay, Runnable task) {
        var future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
      }

      @Override
      public Instant now() {
        return Instant.now();
      }
    };
  }
}
