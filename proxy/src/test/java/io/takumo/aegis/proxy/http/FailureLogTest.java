package io.takumo.aegis.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FailureLogTest {
  private static final String SECRET = "sk-ant-api03-" + "x".repeat(40);

  @Test
  void oneLinePerKindAndNeverTheMessage() {
    Logger log = (Logger) LoggerFactory.getLogger("failure-log-test");
    log.setLevel(Level.DEBUG);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    log.addAppender(lines);
    EmbeddedChannel channel = new EmbeddedChannel();
    FailureLog failures = new FailureLog();
    try {
      for (int i = 0; i < 3; i++) {
        failures.unexpected(log, channel, "client", new DecoderException(new IllegalStateException(SECRET)));
      }
      failures.unexpected(log, channel, "upstream", new DecoderException(new IllegalStateException(SECRET)));
      failures.unexpected(log, channel, "client", new IllegalStateException(SECRET));

      assertThat(lines.list).extracting(ILoggingEvent::getLevel)
          .containsExactly(Level.WARN, Level.DEBUG, Level.DEBUG, Level.WARN, Level.ERROR);
      assertThat(lines.list.get(0).getFormattedMessage())
          .contains("io.netty.handler.codec.DecoderException caused by java.lang.IllegalStateException");
      assertThat(lines.list.subList(0, 4)).allSatisfy(line -> {
        assertThat(line.getFormattedMessage()).doesNotContain(SECRET);
        assertThat(line.getThrowableProxy()).isNull();
      });
    } finally {
      log.detachAppender(lines);
      channel.finishAndReleaseAll();
    }
  }

  @Test
  void aPeerThatWentAwayIsNotAFailureOfOurs() {
    assertThat(FailureLog.peerGone(new IOException("Connection reset by peer"))).isTrue();
    assertThat(FailureLog.peerGone(new ClosedChannelException())).isTrue();
    assertThat(FailureLog.peerGone(new DecoderException(new IOException("reset")))).isTrue();
    assertThat(FailureLog.peerGone(new javax.net.ssl.SSLHandshakeException("bad certificate"))).isFalse();
    assertThat(FailureLog.peerGone(new IllegalStateException())).isFalse();
  }
}
