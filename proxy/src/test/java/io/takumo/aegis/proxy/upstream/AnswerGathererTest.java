package io.takumo.aegis.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One upstream read's answer parts go out as one buffer, in order, small ones copied, large ones kept. */
class AnswerGathererTest {
  @Test
  void partsComeOutInOrderWhateverTheirSizesAndEveryReferenceIsGiven() {
    Random random = new Random(3);
    for (int round = 0; round < 50; round++) {
      AnswerGatherer gatherer = new AnswerGatherer(PooledByteBufAllocator.DEFAULT);
      StringBuilder expected = new StringBuilder();
      List<ByteBuf> parts = new ArrayList<>();
      for (int i = random.nextInt(6); i >= 0; i--) {
        int size = random.nextBoolean() ? random.nextInt(AnswerGatherer.COPY_PARTS_BELOW) : 1024 + random.nextInt(4096);
        String text = String.valueOf((char) ('a' + i)).repeat(size);
        expected.append(text);
        ByteBuf part = Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
        gatherer.add(part);
        parts.add(part);
      }
      assertThat(gatherer.bytes()).isEqualTo(expected.length());
      for (ByteBuf part : parts) {
        part.release(); // the caller's own reference: the gatherer holds what it needs
      }
      ByteBuf out = gatherer.take();
      assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
      assertThat(gatherer.isEmpty()).isTrue();
      assertThat(gatherer.bytes()).isZero();
      out.release();
      for (ByteBuf part : parts) {
        assertThat(part.refCnt()).isZero();
      }
    }
  }

  @Test
  void releasingDropsWhatIsKept() {
    AnswerGatherer gatherer = new AnswerGatherer(PooledByteBufAllocator.DEFAULT);
    ByteBuf large = Unpooled.copiedBuffer("x".repeat(2000), StandardCharsets.US_ASCII);
    gatherer.add(large);
    ByteBuf small = Unpooled.copiedBuffer("small", StandardCharsets.US_ASCII);
    gatherer.add(small);
    small.release();
    large.release();
    gatherer.release();
    assertThat(large.refCnt()).isZero();
    assertThat(gatherer.isEmpty()).isTrue();
  }
}
