package io.takumo.aegis.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The gate must see a real leak, or every green build proves nothing. */
class LeakGateTest {
  @Test
  void aLeakedBufferIsReported() {
    LeakGate.drain(); // start clean
    leak();

    assertThat(LeakGate.drain()).anySatisfy(report -> assertThat(report).contains("LEAK"));
  }

  private static void leak() {
    ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64);
    buf.writeLong(42); // dropped without release(): the detector must report it once collected
  }
}
