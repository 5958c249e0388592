package io.takumo.aegis.proxy.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log event (the access log included) while it is open, as the appenders get them. Read under the appender's
 * own lock: {@code AppenderBase.doAppend} holds it while it adds to the list (the list's lock excluded nothing, and
 * an event-loop thread logging during a read failed a test once with ConcurrentModificationException).
 */
final class LogCapture implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger access = (Logger) LoggerFactory.getLogger("aegis.access");

  LogCapture() {
    appender.start();
    root.addAppender(appender);
    access.addAppender(appender);
  }

  /** The events at {@code level} or above so far. */
  List<ILoggingEvent> atLeast(Level level) {
    synchronized (appender) {
      return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(level)).toList();
    }
  }

  /** The access-log lines so far. */
  List<String> accessLines() {
    synchronized (appender) {
      return appender.list.stream().filter(e -> e.getLoggerName().equals("aegis.access"))
          .map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    access.detachAppender(appender);
  }
}
