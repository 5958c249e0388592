package io.takumo.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainTest {
  private static final String PROPERTY = "io.netty.allocator.lowMemory";
  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(PROPERTY);
    System.clearProperty(PROPERTY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, saved);
    }
  }

  @Test
  void nettysAllocatorKeepsItsOrdinaryModeFrom256MibOfHeapUp() {
    Main.nettyAllocatorMode(400L << 20); // a 1 GiB container at MaxRAMPercentage=40
    assertThat(System.getProperty(PROPERTY)).isEqualTo("false");
  }

  @Test
  void smallerHeapsAndAnOperatorsOwnChoiceAreLeftToNetty() {
    Main.nettyAllocatorMode(128L << 20);
    assertThat(System.getProperty(PROPERTY)).isNull();
    System.setProperty(PROPERTY, "true");
    Main.nettyAllocatorMode(4L << 30);
    assertThat(System.getProperty(PROPERTY)).isEqualTo("true");
  }
}
