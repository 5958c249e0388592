package io.takumo.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanCommandTest {
  @Test
  void aThreadPerCoreAsFarAsTheHeapHoldsAWindowForEach() {
    long window = ScanCommand.WINDOW + ScanCommand.OVERLAP;
    assertThat(ScanCommand.scanThreads(2, 1L << 30)).isEqualTo(2);
    assertThat(ScanCommand.scanThreads(16, 1L << 30)).as("a third of 1 GiB holds 21 windows").isEqualTo(16);
    assertThat(ScanCommand.scanThreads(16, 6 * window)).isEqualTo(2);
    assertThat(ScanCommand.scanThreads(8, 96L << 20)).as("a small heap: one at a time").isEqualTo(1);
    assertThat(ScanCommand.scanThreads(1, 1L << 20)).isEqualTo(1);
  }
}
