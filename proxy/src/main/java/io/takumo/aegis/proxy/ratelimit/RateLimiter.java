package io.takumo.aegis.proxy.ratelimit;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.takumo.aegis.proxy.auth.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Sliding-window limits (SPEC §8): per key and per organization for authenticated requests, per
 * client IP for unauthenticated ones. In a fleet, the key and organization limits are the fleet's,
 * held through {@link FleetLeases}; per-address limits stay per gateway. The window is the usual two-bucket approximation: this
 * minute's count plus last minute's, weighted by how much of it still overlaps the sliding minute.
 *
 * <p>Counters live in a bounded Caffeine cache (idle ones expire after two windows), so a flood of
 * random keys or addresses costs bounded memory. Thread-safe; each counter is a tiny critical
 * section entered once per request, not per chunk.
 */
public final class RateLimiter {
  static final long WINDOW_MS = 60_000;

  private final Limits limits;
  private final Clock clock;
  private final Cache<String, Window> windows;
  private final @Nullable FleetLeases leases;

  /**
   * @param limits the limits of the calls that name none (tests); the gateway passes each request's
   *     own, from its pinned {@code RuntimeConfig}
   */
  public RateLimiter(Limits limits, Clock clock, long maxSubjects) {
    this(limits, clock, maxSubjects, null);
  }

  /**
   * @param leases the fleet's quota leases, which then hold the key and organization limits (per
   *     client address limits stay local); null for a standalone gateway
   */
  public RateLimiter(Limits limits, Clock clock, long maxSubjects, @Nullable FleetLeases leases) {
    this.limits = limits;
    this.clock = clock;
    this.leases = leases;
    this.windows = Caffeine.newBuilder()
        .maximumSize(maxSubjects)
        .expireAfterAccess(Duration.ofMillis(2 * WINDOW_MS))
        .ticker(Ticker.systemTicker())
        // Maintenance on the calling event loop: touched by every request, the cache would otherwise
        // wake a ForkJoinPool thread again and again (about 1.5% of the relay's CPU in a profile).
        .executor(Runnable::run)
        .build();
  }

  /** Requests per minute: per organization, per key, per unauthenticated client address. */
  public record Limits(long orgPerMinute, long keyPerMinute, long ipPerMinute) {
    public Limits {
      if (orgPerMinute < 1 || keyPerMinute < 1 || ipPerMinute < 1) {
        throw new IllegalArgumentException("rate limits: " + orgPerMinute + '/' + keyPerMinute + '/' + ipPerMinute
            + " (expected: each >= 1 request per minute)");
      }
    }
  }

  /**
   * Counts an authenticated request against its key and its organization, only when both allow it:
   * a refusal spends neither budget.
   */
  public RateDecision acquire(Principal principal) {
    return acquire(principal, limits);
  }

  /**
   * Counts an authenticated request with the limits of the request's config: against the fleet's
   * leases when the gateway has a coordinator, else locally. Null when a lease must be refilled
   * first: then {@link #await} the decision.
   */
  public @Nullable RateDecision admit(Principal principal, Limits l) {
    return leases != null ? leases.acquire(principal, l) : acquire(principal, l);
  }

  /** The decision for a request {@link #admit} could not decide yet (fleet leases only). */
  public CompletableFuture<RateDecision> await(Principal principal, Limits l) {
    return requireNonNull(leases, "fleet leases").await(principal, l);
  }

  /** The local check: this gateway alone holds the limits. */
  RateDecision acquire(Principal principal, Limits l) {
    long now = clock.millis();
    Window key = window("k:" + principal.key().id());
    RateDecision keyDecision = key.acquire(now, l.keyPerMinute());
    if (!keyDecision.allowed()) {
      return keyDecision;
    }
    RateDecision orgDecision = window("o:" + principal.org()).acquire(now, l.orgPerMinute());
    if (!orgDecision.allowed()) {
      key.release(); // the organization refused: the key gets its slot back
      return orgDecision;
    }
    return RateDecision.tighter(keyDecision, orgDecision);
  }

  /** Counts an unauthenticated request against its client address. */
  public RateDecision acquire(String clientAddress) {
    return acquire(clientAddress, limits.ipPerMinute());
  }

  public RateDecision acquire(String clientAddress, long ipPerMinute) {
    return window("ip:" + clientAddress).acquire(clock.millis(), ipPerMinute);
  }

  /** The client address's standing without counting a request (health probes). */
  public RateDecision peek(String clientAddress) {
    return peek(clientAddress, limits.ipPerMinute());
  }

  public RateDecision peek(String clientAddress, long ipPerMinute) {
    return window("ip:" + clientAddress).peek(clock.millis(), ipPerMinute);
  }

  /** The key's own remaining budget (tests). */
  long peekKeyRemaining(Principal principal) {
    return window("k:" + principal.key().id()).peek(clock.millis(),
        limits.keyPerMinute()).remaining();
  }

  /** Subjects currently tracked (for the memory-bound test). */
  long subjects() {
    windows.cleanUp();
    return windows.estimatedSize();
  }

  private Window window(String subject) {
    return windows.get(subject, s -> new Window());
  }

  /**
   * Whether one more request fits a two-bucket window that started at {@code start} (this minute's
   * {@code current} plus last minute's {@code previous} weighted by its overlap) under {@code cap};
   * pure: the caller counts it when allowed. {@code shown} is the limit the headers name.
   */
  static RateDecision slide(long now, long start, long previous, long current, long cap, long shown) {
    double estimate = previous * (1.0 - (double) (now - start) / WINDOW_MS) + current;
    long reset = (start + WINDOW_MS) / 1000;
    if (estimate + 1 <= cap) {
      return new RateDecision(shown, Math.max(0, (long) Math.floor(cap - estimate - 1)), reset, 0);
    }
    long at;
    if (current + 1 > cap || previous == 0) {
      at = start + WINDOW_MS; // this minute alone is full
    } else {
      // previous * (1 - (t - start) / W) + current + 1 <= cap  =>  solve for t.
      at = start + (long) Math.ceil((previous - (cap - current - 1)) / (double) previous * WINDOW_MS);
    }
    return new RateDecision(shown, 0, reset, Math.max(1, (at - now + 999) / 1000));
  }

  /** Two fixed one-minute buckets; the estimate slides between them. */
  private static final class Window {
    private long start = Long.MIN_VALUE;
    private long current;
    private long previous;

    synchronized RateDecision acquire(long now, long limit) {
      roll(now);
      RateDecision d = slide(now, start, previous, current, limit, limit);
      if (d.allowed()) {
        current++;
      }
      return d;
    }

    synchronized void release() {
      if (current > 0) {
        current--;
      }
    }

    synchronized RateDecision peek(long now, long limit) {
      roll(now);
      return new RateDecision(limit, Math.max(0, (long) Math.floor(limit - estimate(now))), (start + WINDOW_MS) / 1000, 0);
    }

    private void roll(long now) {
      long bucket = now - Math.floorMod(now, WINDOW_MS);
      if (start == Long.MIN_VALUE) {
        start = bucket;
      } else if (bucket != start) {
        previous = bucket - start == WINDOW_MS ? current : 0;
        current = 0;
        start = bucket;
      }
    }

    private double estimate(long now) {
      double overlap = 1.0 - (double) (now - start) / WINDOW_MS;
      return previous * overlap + current;
    }
  }
}
