package io.takumo.aegis.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The access log's appender: every line whole and in order, written within its interval, never blocking. */
class BatchingStderrAppenderTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  private BatchingStderrAppender appender(int queueSize, int flushMillis, OutputStream out) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    BatchingStderrAppender appender = new BatchingStderrAppender();
    appender.setContext(context);
    appender.setName("test");
    appender.setEncoder(encoder);
    appender.setQueueSize(queueSize);
    appender.setFlushMillis(flushMillis);
    appender.setOutputStream(out);
    appender.start();
    return appender;
  }

  private LoggingEvent event(String message) {
    return new LoggingEvent("test", context.getLogger("aegis.access"), Level.INFO, message, null, null);
  }

  @Test
  void everyLineArrivesWholeAndInOrderByTheTimeItStops() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BatchingStderrAppender appender = appender(8192, 5, out);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      String line = "{\"request_id\":\"" + i + "\",\"route\":\"/v1/messages\"," + "x".repeat(i % 300) + "}";
      expected.add(line);
      appender.doAppend(event(line));
    }
    appender.stop();
    assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).containsExactlyElementsOf(expected);
  }

  @Test
  void aLineIsWrittenWithinTheIntervalWithoutAStop() throws Exception {
    CountDownLatch written = new CountDownLatch(1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStream out = new OutputStream() {
      @Override
      public void write(int b) {
        bytes.write(b);
      }

      @Override
      public void flush() {
        written.countDown();
      }
    };
    BatchingStderrAppender appender = appender(64, 20, out);
    try {
      appender.doAppend(event("one line"));
      assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("one line\n");
    } finally {
      appender.stop();
    }
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStream stuck = new OutputStream() { // stderr piped to a reader that stopped reading
      @Override
      public void write(int b) {
        writing.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        bytes.write(b);
      }
    };
    // Half of 4 queued wakes the writer, which drains both and then hangs in its first write.
    BatchingStderrAppender appender = appender(4, 3_600_000, stuck);
    appender.doAppend(event("a"));
    appender.doAppend(event("b"));
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
    long before = BatchingStderrAppender.dropped();
    for (String line : List.of("c", "d", "e", "f", "g", "h")) {
      appender.doAppend(event(line)); // returns at once, queued or dropped
    }
    assertThat(BatchingStderrAppender.dropped() - before).isEqualTo(2);
    release.countDown();
    appender.stop();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("a\nb\nc\nd\ne\nf\n");
  }
}
