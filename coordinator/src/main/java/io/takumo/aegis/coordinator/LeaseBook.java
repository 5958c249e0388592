package io.takumo.aegis.coordinator;

import io.takumo.aegis.proto.coordinator.v1.LeaseGrant;
import io.takumo.aegis.proto.coordinator.v1.LeaseRequest;
import io.takumo.aegis.proto.coordinator.v1.LeaseResponse;
import io.takumo.aegis.proto.coordinator.v1.LeaseState;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Quota leases for the fleet-wide rate limits (SPEC.md §8), after Google's Doorman and Envoy's
 * global rate limiting: for each limit (a key's or an organization's requests per minute) the
 * coordinator keeps the fleet-wide sliding window that {@code RateLimiter} keeps per gateway, and
 * hands its room out to gateways as tokens they spend locally, one per request.
 *
 * <p>Accounting: per limit and gateway, the tokens of the current one-minute window it holds or used
 * ({@code current}) and what it used in the window before ({@code previous}). Each request of a gateway
 * reports its own counts for the limits it asks about, and those replace the book's: the book is
 * re-derived from the gateways (after a coordinator restart too), a grant whose answer was lost is
 * taken back by the next report, and tokens that expired unused stop counting once reported. The
 * fleet-wide estimate is {@code Σprevious × (1 − elapsed/60 s) + Σcurrent}, so a gateway that spends
 * its tokens later than granted can only lower the real figure.
 *
 * <p>Allocation: a grant covers what the gateway asks (about two refresh periods of its demand), at
 * most the window's room, and at most the gateway's part of that room in proportion to the demand
 * each active gateway reported (at least one token). A key seen on one gateway only therefore gets
 * the whole room there; under contention the room follows traffic.
 *
 * <p>After a restart the book is empty until each gateway's next call re-reports what it holds.
 * Until every gateway the registry counted as connected before the restart has called (at most
 * {@link #GRACE_MS}, longer than a gateway's longest reconnect backoff), a gateway may hold at most
 * {@code limit / that fleet size} of a window, what each would admit cut off from the coordinator.
 *
 * <p>Thread-safe (one lock: a call touches a handful of limits and does no I/O).
 */
final class LeaseBook {
  static final long WINDOW_MS = 60_000;
  /** The longest a restarted coordinator waits for the gateways it knew: their 30 s backoff and then some. */
  static final long GRACE_MS = 35_000;

  private final Clock clock;
  private final long refreshMillis;
  private final long graceUntil;
  private final int graceFleet;
  /** Gateways that called since start, while the grace lasts. */
  private final Set<String> returned = new HashSet<>();
  private boolean grace;
  private final Map<String, Limit> limits = new HashMap<>();
  private long nextSweep;

  /**
   * @param refresh how often gateways are asked to report and refill
   * @param fleetBeforeStart gateways the registry counted as connected before this coordinator started
   */
  LeaseBook(Clock clock, Duration refresh, int fleetBeforeStart) {
    this.clock = clock;
    this.refreshMillis = refresh.toMillis();
    this.graceFleet = Math.max(1, fleetBeforeStart);
    this.grace = fleetBeforeStart > 0;
    this.graceUntil = clock.millis() + GRACE_MS;
  }

  /** Applies a gateway's reports and answers its wants; {@code fleetSize} is the gateways connected now. */
  synchronized LeaseResponse acquire(LeaseRequest request, int fleetSize) {
    long now = clock.millis();
    long window = now - Math.floorMod(now, WINDOW_MS);
    String gateway = request.getInstanceId();
    if (grace) {
      returned.add(gateway);
      grace = returned.size() < graceFleet && now < graceUntil;
    }
    LeaseResponse.Builder out = LeaseResponse.newBuilder()
        .setFleetSize(Math.max(1, fleetSize))
        .setNowMillis(now)
        .setRefreshMillis((int) refreshMillis);
    for (LeaseState state : request.getLeasesList()) {
      if (state.getLimit() < 1 || state.getSubject().isEmpty()) {
        continue;
      }
      Limit limit = limits.computeIfAbsent(state.getSubject(), Limit::new);
      limit.limit = state.getLimit(); // the newest config wins during a rollout
      Part part = limit.parts.computeIfAbsent(gateway, g -> new Part());
      part.roll(window);
      part.report(state, window, request.getLeaving());
      part.seen = now;
      part.rate = request.getLeaving() ? 0 : Math.max(0, state.getRate());
      out.addGrants(limit.grant(part, Math.max(0, state.getWant()), now, window));
    }
    if (now >= nextSweep) {
      sweep(window);
      nextSweep = now + WINDOW_MS;
    }
    return out.build();
  }

  /** A gateway left (its stream closed): the tokens it held go back; what it used still counts. */
  synchronized void leave(String gateway) {
    for (Limit limit : limits.values()) {
      Part part = limit.parts.get(gateway);
      if (part != null) {
        part.current = part.used;
        part.rate = 0;
      }
    }
  }

  /** Limits the book tracks (metrics). */
  synchronized int size() {
    return limits.size();
  }

  /** Drops limits and parts with nothing in the current or previous window. */
  private void sweep(long window) {
    for (Iterator<Limit> it = limits.values().iterator(); it.hasNext(); ) {
      Limit limit = it.next();
      limit.parts.values().removeIf(p -> p.start < window - WINDOW_MS);
      if (limit.parts.isEmpty()) {
        it.remove();
      }
    }
  }

  private final class Limit {
    final String subject;
    long limit;
    final Map<String, Part> parts = new HashMap<>();

    Limit(String subject) {
      this.subject = subject;
    }

    LeaseGrant grant(Part asking, long want, long now, long window) {
      long current = 0;
      double previous = 0;
      double demand = 0;
      int active = 0;
      for (Part p : parts.values()) {
        p.roll(window);
        current += p.current;
        previous += p.previous;
        if (p.seen >= now - 4 * refreshMillis) {
          demand += p.rate;
          active++;
        }
      }
      double overlap = 1.0 - (double) (now - window) / WINDOW_MS;
      long room = Math.max(0, (long) Math.floor(limit - previous * overlap - current));
      long granted = 0;
      if (want > 0 && room > 0) {
        double share = demand > 0 ? asking.rate / demand : 1.0 / Math.max(1, active);
        long cap = Math.max(1, (long) Math.ceil(room * share));
        if (grace) {
          cap = Math.min(cap, Math.max(0, (long) Math.ceil((double) limit / graceFleet) - asking.current));
        }
        granted = Math.min(want, Math.min(room, cap));
        asking.current += granted;
      }
      long left = room - granted;
      long retry = left <= 0 ? retryAfter(now, window, previous, current + granted)
          : granted == 0 && want > 0 ? refreshMillis // held back by the restart's grace: ask again soon
          : 0;
      return LeaseGrant.newBuilder()
          .setSubject(subject)
          .setWindowStartMillis(window)
          .setGranted(granted)
          .setFleetRemaining(left)
          .setRetryAfterMillis(retry)
          .build();
    }

    /** Milliseconds until the fleet window has room for one more request. */
    private long retryAfter(long now, long window, double previous, long current) {
      long at;
      if (current + 1 > limit || previous <= 0) {
        at = window + WINDOW_MS; // this window alone is full
      } else {
        // previous * (1 - (t - window) / W) + current + 1 <= limit  =>  solve for t.
        double needed = (previous - (limit - current - 1)) / previous;
        at = window + (long) Math.ceil(needed * WINDOW_MS);
      }
      return Math.max(Math.max(1, refreshMillis / 10), at - now);
    }

  }

  /** One gateway's part of one limit. */
  private static final class Part {
    long start = Long.MIN_VALUE;
    /** Tokens of window {@code start} the gateway holds or used. */
    long current;
    /** Of those, used (as last reported). */
    long used;
    /** Used (or, until reported, held) in the window before {@code start}. */
    long previous;
    double rate;
    long seen;

    void roll(long window) {
      if (start == window) {
        return;
      }
      previous = start == window - WINDOW_MS ? current : 0; // held tokens count until the gateway reports them unused
      current = 0;
      used = 0;
      start = window;
    }

    /** The gateway's own counts replace the book's (a report is built with no request of its in flight). */
    void report(LeaseState state, long window, boolean leaving) {
      long reported = state.getWindowStartMillis();
      if (reported == window) {
        used = Math.max(0, state.getUsed());
        current = used + (leaving ? 0 : Math.max(0, state.getHeld()));
        previous = Math.max(0, state.getPreviousUsed());
      } else if (reported == window - WINDOW_MS) {
        previous = Math.max(0, state.getUsed()); // the gateway has not seen the new window yet
      }
    }
  }
}
