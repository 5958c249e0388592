package io.takumo.aegis.proxy.http;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The access log's appender: events queue without waking anyone, and one writer thread takes what
 * queued every {@link #setFlushMillis flush interval} and writes it to stderr in one system call.
 *
 * <p>Why not logback's {@code AsyncAppender}: its queue signals the writer on every event, so at a
 * few thousand requests per second each line cost the event loop a futex wake-up and the core a
 * context switch, and the console appender then wrote and flushed each line on its own: 15% of the
 * gateway's CPU per 16 KiB request (make perf, 16 users; decisions.md). nginx buffers its access log
 * the same way ({@code access_log … buffer= flush=}). A full queue drops the line and counts it
 * ({@link #dropped()}), as {@code neverBlock} did: an event loop never waits for a log. Lines are
 * written whole, up to {@link #ATOMIC_WRITE} bytes of them per system call.
 */
public final class BatchingStderrAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  private static final AtomicLong DROPPED = new AtomicLong();
  /**
   * Bytes per write: PIPE_BUF, the most a pipe takes in one piece, so a line of another stderr writer
   * (the root logger) never lands inside one of these when stderr is a pipe.
   */
  private static final int ATOMIC_WRITE = 4096;

  private @Nullable Encoder<ILoggingEvent> encoder;
  private int queueSize = 8192;
  private int flushMillis = 100;
  private @Nullable ArrayBlockingQueue<ILoggingEvent> queue;
  private @Nullable Thread writer;
  private volatile boolean stopping;
  private OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 2 * ATOMIC_WRITE);

  /** Lines dropped because the queue was full, since the process started. */
  public static long dropped() {
    return DROPPED.get();
  }

  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  public void setQueueSize(int queueSize) {
    this.queueSize = queueSize;
  }

  /** The longest a line waits before it is written (it goes sooner when the queue is half full). */
  public void setFlushMillis(int flushMillis) {
    this.flushMillis = flushMillis;
  }

  /** For tests: where the lines go instead of stderr. */
  void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void start() {
    if (encoder == null) {
      addError("no encoder for appender " + name);
      return;
    }
    if (queueSize < 2 || flushMillis < 1) {
      addError("queueSize must be at least 2 and flushMillis at least 1");
      return;
    }
    queue = new ArrayBlockingQueue<>(queueSize);
    Thread thread = new Thread(this::drainLoop, "aegis-log-writer-" + name);
    thread.setDaemon(true);
    writer = thread;
    super.start();
    thread.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    ArrayBlockingQueue<ILoggingEvent> q = queue;
    if (q == null) {
      return;
    }
    event.prepareForDeferredProcessing();
    if (!q.offer(event)) {
      DROPPED.incrementAndGet();
      return;
    }
    if (q.size() == queueSize / 2) {
      LockSupport.unpark(writer); // a burst: write before the queue fills rather than wait out the interval
    }
  }

  private void drainLoop() {
    List<ILoggingEvent> batch = new ArrayList<>();
    while (!stopping) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(flushMillis));
      writeAll(batch);
    }
    writeAll(batch);
  }

  private void writeAll(List<ILoggingEvent> batch) {
    ArrayBlockingQueue<ILoggingEvent> q = queue;
    Encoder<ILoggingEvent> e = encoder;
    if (q == null || e == null) {
      return;
    }
    while (q.drainTo(batch, 1024) > 0) {
      try {
        int pending = 0;
        for (ILoggingEvent event : batch) {
          byte[] line = e.encode(event);
          if (pending > 0 && pending + line.length > ATOMIC_WRITE) {
            out.flush();
            pending = 0;
          }
          out.write(line);
          pending += line.length;
        }
        out.flush();
      } catch (IOException | RuntimeException ex) {
        addError("could not write the log", ex);
      }
      batch.clear();
    }
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    stopping = true;
    Thread thread = writer;
    if (thread != null) {
      LockSupport.unpark(thread);
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
    super.stop();
  }
}
