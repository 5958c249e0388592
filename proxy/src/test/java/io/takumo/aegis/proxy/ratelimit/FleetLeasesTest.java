package io.takumo.aegis.proxy.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.takumo.aegis.proto.coordinator.v1.LeaseGrant;
import io.takumo.aegis.proto.coordinator.v1.LeaseRequest;
import io.takumo.aegis.proto.coordinator.v1.LeaseResponse;
import io.takumo.aegis.proto.coordinator.v1.LeaseState;
import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's side of the quota leases, against a coordinator the test plays call by call. */
class FleetLeasesTest {
  private static final RateLimiter.Limits LIMITS = new RateLimiter.Limits(1000, 60, 100);
  private static final Principal ALICE = new Principal(new ApiKeyRecord("key_1", "org_1", "n", "tk_test_abcd",
      "a".repeat(64), KeyEnvironment.TEST, Scope.all(), KeyStatus.ACTIVE, null, Instant.EPOCH));

  @TempDir Path state;
  /** Five seconds into a window. */
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T12:00:05Z"));
  private final long window = Instant.parse("2026-12-06T12:00:00Z").toEpochMilli();
  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  private FleetLeases leases;

  private record Call(LeaseRequest request, CompletableFuture<LeaseResponse> answer) {
    LeaseState state(String subject) {
      return request.getLeasesList().stream().filter(l -> l.getSubject().equals(subject)).findFirst().orElseThrow();
    }

    /** Grants every want in full, with {@code remaining} left in the fleet window. */
    void grantAll(long windowStart, long remaining, int fleetSize) {
      LeaseResponse.Builder out = LeaseResponse.newBuilder().setFleetSize(fleetSize).setRefreshMillis(500);
      request.getLeasesList().forEach(l -> out.addGrants(LeaseGrant.newBuilder().setSubject(l.getSubject())
          .setWindowStartMillis(windowStart).setGranted(l.getWant()).setFleetRemaining(remaining)));
      answer.complete(out.build());
    }
  }

  private FleetLeases start() {
    leases = new FleetLeases(request -> {
      CompletableFuture<LeaseResponse> answer = new CompletableFuture<>();
      calls.add(new Call(request, answer));
      return answer;
    }, clock, state, new SimpleMeterRegistry());
    return leases;
  }

  @AfterEach
  void stop() {
    if (leases != null) {
      calls.clear();
      new Thread(() -> {
        try {
          calls.take().answer().completeExceptionally(Status.UNAVAILABLE.asException()); // the leaving call
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }).start();
      leases.close();
    }
  }

  private Call nextCall() throws InterruptedException {
    Call c = calls.poll(10, TimeUnit.SECONDS);
    assertThat(c).as("a lease call").isNotNull();
    return c;
  }

  /** The next call that asks for something for the key (the timer's reports may come first). */
  private Call nextWant() throws InterruptedException {
    while (true) {
      Call c = nextCall();
      if (c.request().getLeasesList().stream().anyMatch(l -> l.getSubject().equals("k:key_1") && l.getWant() > 0)) {
        return c;
      }
      c.answer().complete(LeaseResponse.newBuilder().setFleetSize(2).build());
    }
  }

  @Test
  void aRequestWithoutATokenWaitsForOneBatchedCallThenSpendsTokensLocally() throws Exception {
    start();
    assertThat(leases.acquire(ALICE, LIMITS)).isNull();
    CompletableFuture<RateDecision> waiting = leases.await(ALICE, LIMITS);
    Call call = nextWant();
    assertThat(call.state("k:key_1").getLimit()).isEqualTo(60);
    assertThat(call.state("o:org_1").getLimit()).isEqualTo(1000);
    assertThat(call.state("o:org_1").getWant()).isPositive();
    assertThat(waiting).isNotDone();
    LeaseResponse.Builder grant = LeaseResponse.newBuilder().setFleetSize(2).setRefreshMillis(500)
        .addGrants(LeaseGrant.newBuilder().setSubject("k:key_1").setWindowStartMillis(window).setGranted(5))
        .addGrants(LeaseGrant.newBuilder().setSubject("o:org_1").setWindowStartMillis(window).setGranted(5));
    call.answer().complete(grant.build());
    RateDecision first = waiting.get(10, TimeUnit.SECONDS);
    assertThat(first.allowed()).isTrue();
    assertThat(first.remaining()).isEqualTo(4); // what the lease holds, never more
    assertThat(first.limit()).isEqualTo(60);
    for (int i = 3; i >= 0; i--) {
      RateDecision d = leases.acquire(ALICE, LIMITS);
      assertThat(d).isNotNull();
      assertThat(d.remaining()).isEqualTo(i);
    }
    assertThat(leases.acquire(ALICE, LIMITS)).as("spent: the next request waits").isNull();
    assertThat(Files.readString(state.resolve("fleet-size")).trim()).isEqualTo("2");
  }

  @Test
  void aFullFleetWindowRefusesLocallyUntilItsRetryAfterAndTokensDieWithTheirWindow() throws Exception {
    start();
    CompletableFuture<RateDecision> waiting = leases.await(ALICE, LIMITS);
    Call call = nextWant();
    call.answer().complete(LeaseResponse.newBuilder().setFleetSize(2)
        .addGrants(LeaseGrant.newBuilder().setSubject("k:key_1").setWindowStartMillis(window).setGranted(0)
            .setRetryAfterMillis(20_000))
        .addGrants(LeaseGrant.newBuilder().setSubject("o:org_1").setWindowStartMillis(window).setGranted(3)).build());
    RateDecision refused = waiting.get(10, TimeUnit.SECONDS);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(20);
    clock.advance(Duration.ofSeconds(5));
    RateDecision again = leases.acquire(ALICE, LIMITS);
    assertThat(again).isNotNull();
    assertThat(again.retryAfterSeconds()).as("no call: the answer said when").isEqualTo(15);

    // The organization's 3 tokens expire with the window; the next call reports none held.
    clock.advance(Duration.ofSeconds(60));
    assertThat(leases.acquire(ALICE, LIMITS)).isNull();
    CompletableFuture<RateDecision> next = leases.await(ALICE, LIMITS);
    Call later = nextWant();
    LeaseState org = later.state("o:org_1");
    assertThat(org.getWindowStartMillis()).isEqualTo(window + 60_000);
    assertThat(org.getHeld()).isZero();
    assertThat(org.getPreviousUsed()).isZero();
    later.grantAll(window + 60_000, 10, 2);
    assertThat(next.get(10, TimeUnit.SECONDS).allowed()).isTrue();
  }

  @Test
  void cutOffItSpendsWhatItHoldsThenItsPartOfTheLastAnswersRoomThenLimitOverFleetSize() throws Exception {
    Files.writeString(state.resolve("fleet-size"), "3\n"); // what a previous run learned
    start();
    CompletableFuture<RateDecision> waiting = leases.await(ALICE, LIMITS);
    Call call = nextWant();
    call.grantAll(window, 31, 3); // the fleet window keeps 31 unassigned: this gateway's part is 10
    assertThat(waiting.get(10, TimeUnit.SECONDS).allowed()).isTrue();
    long held = call.state("k:key_1").getWant() - 1;
    for (long i = 0; i < held; i++) {
      assertThat(leases.acquire(ALICE, LIMITS)).isNotNull();
    }
    CompletableFuture<RateDecision> cutOff = leases.await(ALICE, LIMITS);
    nextWant().answer().completeExceptionally(Status.UNAVAILABLE.withDescription("coordinator down").asException());
    assertThat(cutOff.get(10, TimeUnit.SECONDS).allowed()).isTrue();
    assertThat(leases.status().mode()).isEqualTo("fallback");
    assertThat(leases.status().lastError()).contains("coordinator down");
    int admitted = 1;
    RateDecision d;
    while ((d = leases.acquire(ALICE, LIMITS)) != null && d.allowed()) {
      admitted++;
    }
    assertThat(admitted).as("a third of the 31 left").isEqualTo(10);
    assertThat(d).isNotNull();
    assertThat(d.retryAfterSeconds()).isEqualTo(55); // until the window ends

    // The next window: 60 / 3 per sliding minute, over the previous window's use.
    clock.advance(Duration.ofSeconds(55 + 45)); // 45 s in: the previous window weighs a quarter
    long before = 1 + held + admitted;
    int later = 0;
    while ((d = leases.acquire(ALICE, LIMITS)) != null && d.allowed()) {
      later++;
    }
    assertThat(later).isEqualTo((int) Math.floor(20 - before * 0.25));
  }
}
