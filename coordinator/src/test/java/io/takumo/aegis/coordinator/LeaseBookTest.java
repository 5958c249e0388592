package io.takumo.aegis.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.proto.coordinator.v1.LeaseGrant;
import io.takumo.aegis.proto.coordinator.v1.LeaseRequest;
import io.takumo.aegis.proto.coordinator.v1.LeaseState;
import io.takumo.aegis.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseBookTest {
  private static final long W = LeaseBook.WINDOW_MS;
  /** A window start: 12:00:00. */
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T12:00:00Z"));
  private final long window = clock.millis();
  private final LeaseBook book = new LeaseBook(clock, Duration.ofMillis(500), 0);

  private LeaseGrant ask(String gateway, long want, double rate, long used, long held, long previousUsed) {
    return ask(book, gateway, want, rate, used, held, previousUsed, 60);
  }

  private LeaseGrant ask(LeaseBook b, String gateway, long want, double rate, long used, long held, long previousUsed,
      long limit) {
    long now = clock.millis();
    return b.acquire(LeaseRequest.newBuilder().setInstanceId(gateway).addLeases(LeaseState.newBuilder()
        .setSubject("k:key_1").setLimit(limit).setWindowStartMillis(now - Math.floorMod(now, W)).setUsed(used)
        .setHeld(held).setPreviousUsed(previousUsed).setWant(want).setRate(rate)).build(), 2).getGrants(0);
  }

  @Test
  void aLoneGatewayGetsWhatItAsksUpToTheRoomThenARetryAfterUntilTheWindowHasRoom() {
    LeaseGrant first = ask("g1", 50, 20, 0, 0, 0);
    assertThat(first.getGranted()).isEqualTo(50);
    assertThat(first.getFleetRemaining()).isEqualTo(10);
    assertThat(first.getRetryAfterMillis()).isZero();
    assertThat(first.getWindowStartMillis()).isEqualTo(window);

    LeaseGrant second = ask("g1", 50, 20, 50, 0, 0);
    assertThat(second.getGranted()).isEqualTo(10);
    assertThat(second.getFleetRemaining()).isZero();
    assertThat(second.getRetryAfterMillis()).isEqualTo(W); // this window alone is full: until it ends

    // 15 s into the next window, the previous 60 still weigh 45: room for 15.
    clock.advance(Duration.ofSeconds(75));
    LeaseGrant later = ask("g1", 50, 20, 0, 0, 60);
    assertThat(later.getGranted()).isEqualTo(15);
    assertThat(later.getRetryAfterMillis()).isEqualTo(1000); // one more request fits a second later
  }

  @Test
  void underContentionTheRoomFollowsEachGatewaysDemand() {
    ask("hot", 0, 90, 0, 0, 0); // reports only: demand 90/s and 10/s
    ask("cold", 0, 10, 0, 0, 0);
    LeaseGrant hot = ask("hot", 100, 90, 0, 0, 0);
    assertThat(hot.getGranted()).isEqualTo(54); // 90% of 60
    LeaseGrant cold = ask("cold", 100, 10, 0, 0, 0);
    assertThat(cold.getGranted()).isEqualTo(1); // 10% of the 6 left, rounded up
    assertThat(cold.getFleetRemaining()).isEqualTo(5);
  }

  @Test
  void aGatewaysReportReplacesTheBookTokensThatExpiredUnusedStopCountingAndALeaverKeepsOnlyWhatItUsed() {
    assertThat(ask("g1", 40, 1, 0, 0, 0).getGranted()).isEqualTo(40);
    clock.advance(Duration.ofSeconds(61)); // the next window: the 40 count as previous until reported
    assertThat(ask("g2", 60, 1, 0, 0, 0).getGranted()).isEqualTo(20); // 60 - 40 * 59/60, rounded down

    // g1 used only 10 of its 40: once it says so, the previous window weighs 10 * 59/60.
    assertThat(ask("g1", 0, 1, 0, 0, 10).getFleetRemaining()).isEqualTo(30);

    assertThat(ask("g1", 30, 1000, 0, 0, 10).getGranted()).isEqualTo(30); // now g1 holds 30
    book.leave("g1"); // its stream closed: the 30 it held go back
    assertThat(ask("g2", 60, 1, 5, 15, 0).getGranted()).isEqualTo(30); // 60 - 10 * 59/60 - g2's 20, floored
  }

  @Test
  void aRestartedCoordinatorReDerivesTheBookFromReportsAndHoldsEachToItsThirdUntilAllThreeCalled() {
    LeaseBook restarted = new LeaseBook(clock, Duration.ofMillis(500), 3);
    // g1 re-reports 10 used in this window: nobody else can be given those.
    assertThat(ask(restarted, "g1", 0, 1, 10, 0, 0, 60).getFleetRemaining()).isEqualTo(50);
    // g3 may hold tokens it has not reported yet: g2 gets at most 60 / 3 of the window.
    LeaseGrant g2 = ask(restarted, "g2", 20, 1000, 0, 5, 0, 60);
    assertThat(g2.getGranted()).isEqualTo(15);
    LeaseGrant more = ask(restarted, "g2", 20, 1000, 0, 20, 0, 60);
    assertThat(more.getGranted()).isZero();
    assertThat(more.getRetryAfterMillis()).isEqualTo(500); // room is left: ask again after a refresh period
    ask(restarted, "g3", 0, 1, 0, 0, 0, 60); // the last one is back: the book is whole again
    assertThat(ask(restarted, "g2", 20, 1000, 0, 20, 0, 60).getGranted()).isEqualTo(20);
  }

  @Test
  void limitsNobodyTouchesForTwoWindowsAreDropped() {
    ask("g1", 1, 1, 0, 0, 0);
    assertThat(book.size()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(3));
    book.acquire(LeaseRequest.newBuilder().setInstanceId("g1").build(), 1);
    assertThat(book.size()).isZero();
  }
}
