package io.takumo.aegis.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Idle means neither a read nor a write for the whole timeout, on the event loop's clock. */
class IdleTimeoutTest {
  private final List<Object> events = new ArrayList<>();

  private EmbeddedChannel channel() {
    EmbeddedChannel ch = new EmbeddedChannel(new IdleTimeout(Duration.ofSeconds(10)), new ChannelInboundHandlerAdapter() {
      @Override
      public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        events.add(evt);
      }
    });
    ch.freezeTime();
    return ch;
  }

  @Test
  void firesAfterTheTimeoutWithoutTrafficAndAgainAfterEachFurtherTimeout() {
    EmbeddedChannel ch = channel();
    ch.advanceTimeBy(9_999, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(events).isEmpty();

    ch.advanceTimeBy(1, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(events).containsExactly(IdleStateEvent.ALL_IDLE_STATE_EVENT);

    ch.advanceTimeBy(10, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(events).hasSize(2);
    ch.finishAndReleaseAll();
  }

  @Test
  void aReadOrAWriteStartsTheWaitAgain() {
    EmbeddedChannel ch = channel();
    ch.advanceTimeBy(6, TimeUnit.SECONDS);
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {1})); // read + read complete
    ch.advanceTimeBy(6, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(events).as("12 s after start, 6 s after the read").isEmpty();

    ch.writeOutbound(Unpooled.wrappedBuffer(new byte[] {2}));
    ch.advanceTimeBy(9, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(events).as("9 s after the write").isEmpty();

    ch.advanceTimeBy(1, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(events).containsExactly(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    ch.finishAndReleaseAll();
  }

  @Test
  void stopsWithTheChannel() {
    EmbeddedChannel ch = channel();
    ch.close();
    ch.advanceTimeBy(1, TimeUnit.MINUTES);
    ch.runScheduledPendingTasks();
    assertThat(events).isEmpty();
    assertThat(ch.hasPendingTasks()).isFalse();
    ch.finishAndReleaseAll();
  }
}
