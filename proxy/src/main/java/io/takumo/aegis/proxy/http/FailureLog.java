package io.takumo.aegis.proxy.http;

import io.netty.channel.Channel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;

/**
 * How the data path reports failures (STYLE §6–§7) so that an operator can find the real ones: a
 * peer that resets or closes is an ordinary event (a metric and a DEBUG line); an unexpected
 * failure from outside (bad TLS, a protocol error) is one WARN line per kind per minute at most,
 * without a stack trace; a defect in the gateway's own code is ERROR with its stack trace, also at
 * most once per kind per minute. Thread-safe; one instance per gateway.
 */
public final class FailureLog {
  private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final ConcurrentHashMap<String, Long> lastLogged = new ConcurrentHashMap<>();

  /** Whether {@code cause} only says that the peer went away (reset, broken pipe, closed). */
  public static boolean peerGone(Throwable cause) {
    Throwable t = cause instanceof DecoderException || cause instanceof EncoderException ? cause.getCause() : cause;
    return t instanceof IOException && !(t instanceof SSLException) || t instanceof ClosedChannelException;
  }

  /** Whether {@code cause} is a defect of the gateway itself rather than something a peer did. */
  static boolean defect(Throwable cause) {
    return cause instanceof RuntimeException && !(cause instanceof DecoderException || cause instanceof EncoderException)
        || cause instanceof Error;
  }

  /**
   * The classes of {@code cause} and its causes, outermost first: messages are left out, since a
   * decoder's message may quote the bytes it refused, and those may hold a key.
   */
  static String kinds(Throwable cause) {
    StringBuilder out = new StringBuilder(cause.getClass().getName());
    Throwable t = cause.getCause();
    for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
      out.append(" caused by ").append(t.getClass().getName());
    }
    return out.toString();
  }

  /**
   * Reports a failure of {@code channel}: WARN (or ERROR for a defect) unless the same kind was
   * reported within the last minute; {@code what} says where it happened.
   */
  public void unexpected(Logger log, Channel channel, String what, Throwable cause) {
    boolean defect = defect(cause);
    String kind = what + ' ' + cause.getClass().getName();
    long now = System.nanoTime();
    Long last = lastLogged.get(kind);
    if (last != null && now - last < QUIET_NANOS || lastLogged.size() > 1000) {
      log.debug("{} {}: {}", Conn.of(channel), what, kinds(cause));
      return;
    }
    lastLogged.put(kind, now);
    if (defect) {
      log.error("{} {} (a defect; further ones of this kind are logged at DEBUG for a minute)", Conn.of(channel), what,
          cause);
    } else {
      log.warn("{} {}: {} (further ones of this kind are logged at DEBUG for a minute)", Conn.of(channel), what,
          kinds(cause));
    }
  }
}
