package io.takumo.aegis.perf;

import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.ApiKeys;
import io.takumo.aegis.proxy.auth.Authenticator;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.KeyStore;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.ratelimit.RateDecision;
import io.takumo.aegis.proxy.ratelimit.RateLimiter;
import io.takumo.aegis.proxy.store.CachingKeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What authentication and rate limiting cost per request when the key is in the cache (the
 * common case): SHA-256 of the raw key, the Caffeine lookup, the constant-time compare, status
 * and expiry checks, then the key and organization windows. Baseline: SHA-256 alone.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class AuthBenchmark {
  private String raw;
  private Authenticator authenticator;
  private RateLimiter limiter;

  @Setup
  public void setUp() {
    raw = ApiKeys.generate(KeyEnvironment.LIVE);
    ApiKeyRecord record = new ApiKeyRecord("key_1", "org", "bench", ApiKeys.prefix(raw),
        HexFormat.of().formatHex(ApiKeys.sha256(raw)), KeyEnvironment.LIVE, java.util.Set.of(Scope.SHIELD_WRITE),
        KeyStatus.ACTIVE, null, Instant.EPOCH);
    KeyStore database = sha -> CompletableFuture.completedFuture(Optional.of(record)); // loads once, then cached
    authenticator = new Authenticator(new CachingKeyStore(database), KeyEnvironment.LIVE, Clock.systemUTC());
    limiter = new RateLimiter(new RateLimiter.Limits(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, 100), Clock.systemUTC(),
        100_000);
    authenticateAndLimit();
  }

  @Benchmark
  public RateDecision authenticateAndLimit() {
    Principal principal = authenticator.authenticate(raw).toCompletableFuture().join();
    return limiter.acquire(principal);
  }

  @Benchmark
  public byte[] sha256Only() {
    return ApiKeys.sha256(raw);
  }
}
