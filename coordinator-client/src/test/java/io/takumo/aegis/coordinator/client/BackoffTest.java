package io.takumo.aegis.coordinator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void growsExponentiallyWithinTheJitterUpToTheCapAndResets() {
    for (int seed = 0; seed < 50; seed++) {
      Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 2, 0.2, new Random(seed));
      long[] base = {100, 200, 400, 800, 1600, 2000, 2000};
      for (long ms : base) {
        assertThat(b.next().toNanos()).isBetween((long) (ms * 0.8e6), (long) (ms * 1.2e6));
      }
      b.reset();
      assertThat(b.next().toNanos()).isBetween(80_000_000L, 120_000_000L);
    }
  }

  @Test
  void jitterSpreadsAFleet() {
    var delays = new java.util.HashSet<Long>();
    for (int seed = 0; seed < 20; seed++) {
      delays.add(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2, 0.2, new Random(new java.util.SplittableRandom(seed).nextLong())).next().toMillis());
    }
    assertThat(delays).hasSizeGreaterThan(15);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0.2, new Random()))
        .hasMessageContaining("initial/max");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, 0.2, new Random()))
        .hasMessageContaining("multiplier");
  }
}
