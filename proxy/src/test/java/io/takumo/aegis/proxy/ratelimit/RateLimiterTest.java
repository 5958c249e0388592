package io.takumo.aegis.proxy.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static Principal principal(String id, String org) {
    return new Principal(new ApiKeyRecord(id, org, "n", "tk_test_abcd", "a".repeat(64), KeyEnvironment.TEST,
        Scope.all(), KeyStatus.ACTIVE, null, Instant.EPOCH));
  }

  @Test
  void keyLimitRefusesWithRetryAfterUntilTheWindowSlides() {
    ManualClock clock = new ManualClock();
    RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(1000, 3, 100), clock, 1000);
    Principal p = principal("key_1", "org");

    assertThat(limiter.acquire(p).remaining()).isEqualTo(2);
    assertThat(limiter.acquire(p).remaining()).isEqualTo(1);
    RateDecision third = limiter.acquire(p);
    assertThat(third.allowed()).isTrue();
    assertThat(third.remaining()).isZero();
    assertThat(third.resetEpochSeconds()).isEqualTo(Instant.parse("2026-11-23T12:01:00Z").getEpochSecond());

    RateDecision refused = limiter.acquire(p);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(60); // this minute alone is full

    // Into the next minute: last minute's 3 still weigh in proportion to the overlap.
    clock.advance(Duration.ofSeconds(60));
    RateDecision sliding = limiter.acquire(p);
    assertThat(sliding.allowed()).isFalse();
    assertThat(sliding.retryAfterSeconds()).isEqualTo(20); // 3 * (1 - t/60) + 0 + 1 <= 3 at t = 20 s
    clock.advance(Duration.ofSeconds(20));
    assertThat(limiter.acquire(p).allowed()).isTrue();
  }

  @Test
  void theTightestLimitWinsAndOrganizationsShareTheirBudget() {
    RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(4, 3, 100), new ManualClock(), 1000);
    Principal a = principal("key_a", "org");
    Principal b = principal("key_b", "org");

    assertThat(limiter.acquire(a).remaining()).isEqualTo(2); // key: 2 left, org: 3 left
    assertThat(limiter.acquire(b).remaining()).isEqualTo(2);
    assertThat(limiter.acquire(a).remaining()).isEqualTo(1); // org: 1 left
    assertThat(limiter.acquire(b).remaining()).isZero(); // org spent
    assertThat(limiter.acquire(a).allowed()).isFalse(); // key a has 1 left, the organization none
    assertThat(limiter.acquire(a).allowed()).isFalse();
    // The organization's refusals did not spend key a's last slot: with room in the org it is there.
    RateLimiter roomy = new RateLimiter(new RateLimiter.Limits(4, 3, 100), new ManualClock(), 1000);
    Principal c = principal("key_c", "org2");
    Principal d = principal("key_d", "org2");
    roomy.acquire(c);
    roomy.acquire(d);
    roomy.acquire(d);
    roomy.acquire(d); // org2 now full (4), key_c used 1 of 3
    assertThat(roomy.acquire(c).allowed()).isFalse();
    assertThat(roomy.acquire(c).allowed()).isFalse();
    assertThat(roomy.peekKeyRemaining(c)).isEqualTo(2);
  }

  @Test
  void memoryStaysBoundedUnderAFloodOfRandomKeysAndAddresses() {
    RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(10, 10, 10), new ManualClock(), 10_000);
    for (int i = 0; i < 100_000; i++) {
      limiter.acquire(principal("key_" + i, "org_" + i));
      limiter.acquire("10.0." + (i >> 8) + '.' + (i & 255));
    }
    assertThat(limiter.subjects()).isLessThanOrEqualTo(10_000);
  }

  @Test
  void peekingDoesNotCount() {
    RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(10, 10, 2), new ManualClock(), 100);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.peek("10.1.1.1").remaining()).isEqualTo(2);
    }
    assertThat(limiter.acquire("10.1.1.1").remaining()).isEqualTo(1);
  }
}
