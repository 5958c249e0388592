package io.takumo.aegis.perf;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.takumo.aegis.proto.coordinator.v1.LeaseGrant;
import io.takumo.aegis.proto.coordinator.v1.LeaseResponse;
import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.ratelimit.FleetLeases;
import io.takumo.aegis.proxy.ratelimit.RateDecision;
import io.takumo.aegis.proxy.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request cost of a fleet rate-limit check (issue 21: at most 50 ns over the local check):
 * the key's and the organization's lease tokens spent under their locks, against today's local
 * sliding windows. The leases hold plenty of tokens, as a busy key's do between refills.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class LeaseBenchmark {
  private static final RateLimiter.Limits LIMITS = new RateLimiter.Limits(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, 100);
  private final Principal principal = new Principal(new ApiKeyRecord("key_1", "org_1", "bench", "tk_live_abcd",
      "a".repeat(64), KeyEnvironment.LIVE, java.util.Set.of(Scope.SHIELD_WRITE), KeyStatus.ACTIVE, null,
      Instant.EPOCH));
  private RateLimiter local;
  private RateLimiter leased;
  private FleetLeases leases;

  @Setup
  public void setUp() throws Exception {
    local = new RateLimiter(LIMITS, Clock.systemUTC(), 100_000);
    leases = new FleetLeases(request -> {
      LeaseResponse.Builder out = LeaseResponse.newBuilder().setFleetSize(2).setNowMillis(System.currentTimeMillis());
      request.getLeasesList().forEach(l -> out.addGrants(LeaseGrant.newBuilder().setSubject(l.getSubject())
          .setWindowStartMillis(l.getWindowStartMillis()).setGranted(Long.MAX_VALUE / 8)));
      return CompletableFuture.completedFuture(out.build());
    }, Clock.systemUTC(), null, new SimpleMeterRegistry());
    leased = new RateLimiter(LIMITS, Clock.systemUTC(), 100_000, leases);
    leased.await(principal, LIMITS).get(10, TimeUnit.SECONDS); // fills both leases
  }

  @TearDown
  public void tearDown() {
    leases.close();
  }

  @Benchmark
  public @Nullable RateDecision localWindows() {
    return local.admit(principal, LIMITS);
  }

  @Benchmark
  public @Nullable RateDecision fleetLeases() {
    return leased.admit(principal, LIMITS);
  }
}
