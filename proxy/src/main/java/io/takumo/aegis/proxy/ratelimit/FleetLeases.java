package io.takumo.aegis.proxy.ratelimit;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.takumo.aegis.proto.coordinator.v1.LeaseGrant;
import io.takumo.aegis.proto.coordinator.v1.LeaseRequest;
import io.takumo.aegis.proto.coordinator.v1.LeaseResponse;
import io.takumo.aegis.proto.coordinator.v1.LeaseState;
import io.takumo.aegis.proxy.auth.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This gateway's quota leases on the fleet-wide key and organization limits (SPEC.md §8): tokens the
 * coordinator granted for the current one-minute window, spent one per request on the event loop
 * under a per-limit lock, without a call. One thread (this class's own) refills them: every refresh
 * period it asks, in one batched call, for about two periods of each limit's demand where the tokens
 * run low, and reports what it used and what expired unused.
 *
 * <p>A request that finds no token waits for the next answer (one round trip, at most the call's
 * deadline): the answer refills, or says the fleet window is full until a time, which refuses with
 * that {@code Retry-After} without another call. Tokens never outlive their window.
 *
 * <p>Faults: when a call fails the gateway serves what it holds (its last lease), then its part of
 * the room the last answer left, then each limit falls back to a local sliding window of
 * {@code limit / fleet size} (the last fleet size the coordinator told, kept in the state
 * directory), counting what it already admitted in the window; the next successful call reports all
 * of it. {@link #status()} says which mode runs.
 */
public final class FleetLeases implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FleetLeases.class);
  private static final long WINDOW_MS = RateLimiter.WINDOW_MS;
  private static final String FLEET_SIZE_FILE = "fleet-size";
  private static final int MAX_PER_CALL = 4096;
  private static final String KEY = "k:";
  private static final String ORG = "o:";

  /** Sends one batched call to the coordinator; the future fails when it cannot answer in time. */
  public interface Transport {
    CompletableFuture<LeaseResponse> call(LeaseRequest request);
  }

  /** What {@code GET /v1/fleet} shows of the leases. */
  public record Status(String mode, int fleetSize, int limits, @Nullable Instant lastAnswerAt,
      @Nullable String lastError) {}

  private final Transport transport;
  private final Clock clock;
  private final @Nullable Path stateDir;
  private final ScheduledExecutorService thread;
  /** By key id and by organization: looked up without building a subject string per request. */
  private final Map<String, Lease> keyLeases = new ConcurrentHashMap<>();
  private final Map<String, Lease> orgLeases = new ConcurrentHashMap<>();
  private final List<Waiter> waiters = new ArrayList<>(); // lease thread only
  private final Counter callsOk;
  private final Counter callsFailed;
  private final Counter waits;

  /** Coordinator clock minus ours, from the last answer. */
  private volatile long offsetMillis;
  private volatile int fleetSize;
  private volatile boolean degraded;
  private volatile long refreshMillis = 500;
  private volatile @Nullable Instant lastAnswerAt;
  private volatile @Nullable String lastError;
  // Lease thread only.
  private boolean inFlight;
  private boolean again;
  private boolean closed;

  /**
   * @param stateDir where the last fleet size is kept across restarts, or null (tests)
   */
  public FleetLeases(Transport transport, Clock clock, @Nullable Path stateDir, MeterRegistry registry) {
    this.transport = requireNonNull(transport, "transport");
    this.clock = requireNonNull(clock, "clock");
    this.stateDir = stateDir;
    this.fleetSize = readFleetSize(stateDir);
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "aegis-rate-leases");
      t.setDaemon(true);
      return t;
    });
    this.callsOk = Counter.builder("aegis.rate.lease.calls").tag("outcome", "ok")
        .description("Batched lease calls to the coordinator").register(registry);
    this.callsFailed = Counter.builder("aegis.rate.lease.calls").tag("outcome", "failed")
        .description("Batched lease calls to the coordinator").register(registry);
    this.waits = Counter.builder("aegis.rate.lease.waits")
        .description("Requests that waited for a lease refill").register(registry);
    Gauge.builder("aegis.rate.lease.fallback", this, l -> l.degraded ? 1 : 0)
        .description("1 while the coordinator cannot be reached and limits fall back to limit / fleet size")
        .register(registry);
    Gauge.builder("aegis.rate.lease.fleet.size", this, l -> l.fleetSize)
        .description("Gateways in the fleet as the coordinator last told").register(registry);
    schedule();
  }

  /**
   * Spends a token of the key's and of the organization's lease; null when one of them has none and
   * the request must {@link #await} a refill. A refusal spends neither.
   */
  public @Nullable RateDecision acquire(Principal principal, RateLimiter.Limits limits) {
    long now = now();
    long window = now - Math.floorMod(now, WINDOW_MS);
    Lease key = lease(keyLeases, KEY, principal.key().id());
    RateDecision k = key.take(now, window, limits.keyPerMinute(), true);
    if (k == null || !k.allowed()) {
      return k;
    }
    RateDecision o = lease(orgLeases, ORG, principal.org()).take(now, window, limits.orgPerMinute(), true);
    if (o == null || !o.allowed()) {
      key.giveBack(window);
      return o;
    }
    return RateDecision.tighter(k, o);
  }

  /** Completes (on the lease thread) with the decision once a refill answered or the call failed. */
  public CompletableFuture<RateDecision> await(Principal principal, RateLimiter.Limits limits) {
    waits.increment();
    CompletableFuture<RateDecision> out = new CompletableFuture<>();
    Waiter w = new Waiter(limits, out, principal.key().id(), principal.org());
    execute(() -> {
      // Both limits go into the call, even when the key's alone stopped the request.
      lease(keyLeases, KEY, w.keyId).limit(limits.keyPerMinute());
      lease(orgLeases, ORG, w.org).limit(limits.orgPerMinute());
      if (!retry(w)) {
        waiters.add(w);
        refresh();
      }
    });
    return out;
  }

  public Status status() {
    return new Status(degraded ? "fallback" : lastAnswerAt == null ? "starting" : "leases", fleetSize,
        keyLeases.size() + orgLeases.size(), lastAnswerAt, lastError);
  }

  /** Returns every held token to the fleet (best effort, one call). */
  @Override
  public void close() {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    execute(() -> {
      closed = true;
      waiters.forEach(w -> w.out.completeExceptionally(new IllegalStateException("gateway stopping")));
      waiters.clear();
      LeaseRequest.Builder request = LeaseRequest.newBuilder().setLeaving(true);
      long now = now();
      all().forEach(lease -> request.addLeases(lease.state(now, 0)));
      if (request.getLeasesCount() == 0) {
        sent.complete(null);
        return;
      }
      transport.call(request.build()).whenComplete((r, e) -> sent.complete(null));
    });
    try {
      sent.get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.debug("returning the leases on shutdown: {}", e.toString());
    }
    thread.shutdownNow();
  }

  long now() {
    return clock.millis() + offsetMillis;
  }

  private Lease lease(Map<String, Lease> map, String prefix, String id) {
    Lease l = map.get(id);
    return l != null ? l : map.computeIfAbsent(id, i -> new Lease(prefix + i));
  }

  /** The lease a grant names, if it is still held. */
  private @Nullable Lease bySubject(String subject) {
    return subject.startsWith(KEY) ? keyLeases.get(subject.substring(KEY.length()))
        : subject.startsWith(ORG) ? orgLeases.get(subject.substring(ORG.length())) : null;
  }

  private Iterable<Lease> all() {
    List<Lease> out = new ArrayList<>(keyLeases.values());
    out.addAll(orgLeases.values());
    return out;
  }

  private void execute(Runnable task) {
    try {
      thread.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed
    }
  }

  private void schedule() {
    try {
      thread.schedule(() -> {
        tick();
        schedule();
      }, refreshMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed
    }
  }

  /** Every refresh period: demand rates, idle limits dropped, one call for what runs low. */
  private void tick() {
    long now = now();
    for (Map<String, Lease> map : List.of(keyLeases, orgLeases)) {
      for (Iterator<Lease> it = map.values().iterator(); it.hasNext(); ) {
        Lease lease = it.next();
        if (lease.idle(now)) {
          it.remove();
        } else {
          lease.measure(now, refreshMillis);
        }
      }
    }
    refresh();
  }

  /** One batched call with every limit that runs low, has waiters or has something to report. */
  private void refresh() {
    if (closed) {
      return;
    }
    if (inFlight) {
      again = true;
      return;
    }
    long now = now();
    Map<Lease, Integer> waiting = new java.util.HashMap<>(); // by identity
    for (Waiter w : waiters) {
      waiting.merge(lease(keyLeases, KEY, w.keyId), 1, Integer::sum);
      waiting.merge(lease(orgLeases, ORG, w.org), 1, Integer::sum);
    }
    LeaseRequest.Builder request = LeaseRequest.newBuilder();
    // The waiters' limits first; at most MAX_PER_CALL per call (a gRPC message stays far below 4 MiB),
    // the rest in the next one.
    waiting.forEach((lease, n) -> {
      LeaseState state = lease.wanted(now, n, refreshMillis, degraded);
      if (state != null) {
        request.addLeases(state);
      }
    });
    for (Lease lease : all()) {
      if (request.getLeasesCount() >= MAX_PER_CALL) {
        again = true;
        break;
      }
      if (!waiting.containsKey(lease)) {
        LeaseState state = lease.wanted(now, 0, refreshMillis, degraded);
        if (state != null) {
          request.addLeases(state);
        }
      }
    }
    if (request.getLeasesCount() == 0) {
      return;
    }
    inFlight = true;
    transport.call(request.build()).whenComplete((response, error) -> execute(() -> answered(response, error)));
  }

  private void answered(@Nullable LeaseResponse response, @Nullable Throwable error) {
    inFlight = false;
    if (response != null) {
      callsOk.increment();
      offsetMillis = response.getNowMillis() > 0 ? response.getNowMillis() - clock.millis() : 0;
      if (response.getRefreshMillis() >= 10) {
        refreshMillis = response.getRefreshMillis();
      }
      if (response.getFleetSize() > 0 && response.getFleetSize() != fleetSize) {
        fleetSize = response.getFleetSize();
        writeFleetSize(fleetSize);
      }
      if (degraded) {
        log.info("rate-limit leases from the coordinator again (fleet of {})", fleetSize);
      }
      degraded = false;
      lastError = null;
      lastAnswerAt = Instant.ofEpochMilli(clock.millis());
      long now = now();
      for (LeaseGrant grant : response.getGrantsList()) {
        Lease lease = bySubject(grant.getSubject());
        if (lease != null) {
          lease.granted(grant, now);
        }
      }
    } else {
      callsFailed.increment();
      String why = error == null ? "no answer" : io.grpc.Status.fromThrowable(error).toString();
      if (!degraded) {
        log.warn("rate-limit leases unavailable ({}): serving the leases held, then limit / {} per gateway", why,
            fleetSize);
      }
      degraded = true;
      lastError = why;
      all().forEach(Lease::mustReport);
    }
    boolean starved = false;
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter w = it.next();
      if (retry(w)) {
        it.remove();
      } else {
        starved = true;
      }
    }
    if (starved || again) {
      again = false;
      refresh(); // room was left but the answer fell short of the waiters: ask again at once
    }
  }

  /** Decides a waiting request if its leases now can; true when done. */
  private boolean retry(Waiter w) {
    long now = now();
    long window = now - Math.floorMod(now, WINDOW_MS);
    Lease key = lease(keyLeases, KEY, w.keyId);
    RateDecision k = key.take(now, window, w.limits.keyPerMinute(), false);
    if (k != null && k.allowed()) {
      RateDecision o = lease(orgLeases, ORG, w.org).take(now, window, w.limits.orgPerMinute(), false);
      if (o == null || !o.allowed()) {
        key.giveBack(window);
      }
      k = o == null || !o.allowed() ? o : RateDecision.tighter(k, o);
    }
    if (k == null) {
      return false;
    }
    w.out.complete(k);
    return true;
  }

  private static int readFleetSize(@Nullable Path dir) {
    if (dir == null) {
      return 1;
    }
    try {
      return Math.max(1, Integer.parseInt(Files.readString(dir.resolve(FLEET_SIZE_FILE)).trim()));
    } catch (IOException | NumberFormatException e) {
      return 1; // never told: a gateway that never reached its coordinator has no fleet to share with
    }
  }

  private void writeFleetSize(int size) {
    if (stateDir == null) {
      return;
    }
    try {
      Files.createDirectories(stateDir);
      Files.writeString(stateDir.resolve(FLEET_SIZE_FILE), size + "\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      log.warn("cannot keep the fleet size in {}: {}", stateDir, e.getMessage());
    }
  }

  private record Waiter(RateLimiter.Limits limits, CompletableFuture<RateDecision> out, String keyId, String org) {}

  /** One limit's lease; every field under the lease's lock. */
  private final class Lease {
    /** {@code k:<key id>} or {@code o:<organization>}, as the coordinator names the limit. */
    private final String subject;
    private long window = Long.MIN_VALUE;
    private long limit = 1;
    private long tokens;
    private long used;
    private long previousUsed;
    /** The fleet window is full until then (our clock plus offset): refuse without a call. */
    private long deniedUntil;
    private long demand;
    private double rate;
    private long measuredAt = Long.MIN_VALUE;
    private long touched;
    /** Something the coordinator does not know yet: tokens used or expired unused, admissions of the fallback. */
    private boolean report;
    /** The window of the last grant, the room the fleet had left after it, and what the fallback took of it. */
    private long answeredWindow = Long.MIN_VALUE;
    private long fleetRemaining;
    private long fallbackUsed;

    synchronized @Nullable RateDecision take(long now, long w, long lim, boolean counted) {
      roll(w);
      limit = lim;
      touched = now;
      if (counted) {
        demand++;
      }
      long reset = (w + WINDOW_MS) / 1000;
      if (tokens > 0) {
        tokens--;
        used++;
        report = true; // what it used stays counted if this gateway leaves
        return new RateDecision(lim, tokens, reset, 0);
      }
      if (degraded) {
        return fallback(now, w, lim, reset);
      }
      if (now < deniedUntil) {
        return new RateDecision(lim, 0, reset, Math.max(1, (deniedUntil - now + 999) / 1000));
      }
      return null;
    }

    /**
     * Cut off from the coordinator, with no token left. In the window of the last answer: this
     * gateway's part ({@code 1 / fleet size}) of what the fleet had left then, and nothing while that
     * answer said the window was full. In later windows: a local sliding window of {@code limit /
     * fleet size} over what it admitted already. All gateways cut off together thus admit at most
     * the limit.
     */
    private RateDecision fallback(long now, long w, long lim, long reset) {
      if (w == answeredWindow) {
        long part = fleetRemaining / fleetSize;
        if (now >= deniedUntil && fallbackUsed < part) {
          fallbackUsed++;
          used++;
          report = true;
          return new RateDecision(lim, part - fallbackUsed, reset, 0);
        }
        long until = now < deniedUntil ? deniedUntil : w + WINDOW_MS;
        return new RateDecision(lim, 0, reset, Math.max(1, (until - now + 999) / 1000));
      }
      RateDecision d = RateLimiter.slide(now, w, previousUsed, used, Math.max(1, lim / fleetSize), lim);
      if (d.allowed()) {
        used++;
        report = true;
      }
      return d;
    }

    synchronized void limit(long lim) {
      limit = lim;
    }

    synchronized void giveBack(long w) {
      if (w == window && used > 0) {
        used--;
        tokens++;
      }
    }

    synchronized void granted(LeaseGrant grant, long now) {
      if (grant.getWindowStartMillis() < window) {
        return; // for a window gone by
      }
      roll(grant.getWindowStartMillis());
      tokens += grant.getGranted();
      deniedUntil = grant.getRetryAfterMillis() > 0 ? now + grant.getRetryAfterMillis() : 0;
      answeredWindow = window;
      fleetRemaining = grant.getFleetRemaining();
    }

    synchronized void mustReport() {
      report = true;
    }

    synchronized boolean idle(long now) {
      return now - touched > 2 * WINDOW_MS;
    }

    /** Updates the demand rate (requests per second, smoothed over about two periods). */
    synchronized void measure(long now, long period) {
      if (measuredAt == Long.MIN_VALUE) {
        measuredAt = now;
        return;
      }
      long elapsed = now - measuredAt;
      if (elapsed < period / 2) {
        return;
      }
      double current = demand * 1000.0 / elapsed;
      rate = rate == 0 ? current : 0.5 * rate + 0.5 * current;
      demand = 0;
      measuredAt = now;
    }

    /** This limit's part of the next call, or null when it needs nothing and has nothing to report. */
    Lease(String subject) {
      this.subject = subject;
    }

    synchronized @Nullable LeaseState wanted(long now, long waiting, long period, boolean cutOff) {
      roll(now - Math.floorMod(now, WINDOW_MS));
      double perPeriod = rate * period / 1000.0;
      long want = 0;
      boolean denied = now < deniedUntil;
      if (waiting > 0 || (!denied && rate > 0 && tokens < Math.ceil(perPeriod))) {
        want = Math.max(0, (long) Math.ceil(2 * perPeriod) - tokens) + waiting;
      }
      if (want == 0 && !report && !cutOff) {
        return null;
      }
      report = false;
      return state(now, Math.min(want, limit));
    }

    synchronized LeaseState state(long now, long want) {
      roll(now - Math.floorMod(now, WINDOW_MS));
      return LeaseState.newBuilder().setSubject(subject).setLimit(limit).setWindowStartMillis(window)
          .setUsed(used).setHeld(tokens).setPreviousUsed(previousUsed).setWant(want).setRate(rate).build();
    }

    private void roll(long w) {
      if (w == window) {
        return;
      }
      if (w < window) {
        return; // a late clock correction: stay in the newer window
      }
      previousUsed = w - window == WINDOW_MS ? used : 0;
      report |= tokens > 0; // expired unused: the coordinator counts them until told
      tokens = 0;
      used = 0;
      fallbackUsed = 0;
      window = w;
    }
  }
}
