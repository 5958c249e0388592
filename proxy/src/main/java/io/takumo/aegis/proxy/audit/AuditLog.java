package io.takumo.aegis.proxy.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit queue (SPEC §12): {@link #record} never blocks and never fails a request; a full queue
 * drops the event and counts it. One thread writes batches (up to 500 events, gathered for 10 ms
 * after the first) to the sink. Reads run on their own small executor, never on an event loop.
 * Thread-safe.
 */
public final class AuditLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  private static final int BATCH = 500;
  private static final long LINGER_MILLIS = 10;

  private final AuditSink sink;
  private final BlockingQueue<AuditEvent> queue;
  private final LongAdder discarded = new LongAdder();
  private final LongAdder written = new LongAdder();
  private final Object progress = new Object();
  private long accepted; // guarded by progress
  private long processed; // guarded by progress
  private final Thread writer;
  private final ExecutorService readers = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "aegis-audit-read");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean running = true;

  public AuditLog(AuditSink sink, int capacity) {
    this.sink = requireNonNull(sink, "sink");
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = new Thread(this::drain, "aegis-audit-write");
    writer.setDaemon(true);
    writer.start();
  }

  /** Queues an event; when the queue is full the event is dropped and counted, never waited for. */
  public void record(AuditEvent event) {
    synchronized (progress) { // counted before the offer, so flush() never misses it
      accepted++;
    }
    if (!queue.offer(event)) {
      discarded.increment();
      processed(1);
    }
  }

  private void processed(long n) {
    synchronized (progress) {
      processed += n;
      progress.notifyAll();
    }
  }

  public long discarded() {
    return discarded.sum();
  }

  public long written() {
    return written.sum();
  }

  /** Reads a page off the event loop; completes on the audit read executor. */
  public CompletableFuture<AuditSink.Page> read(String org, Instant from, Instant to, @Nullable String cursor,
      int limit) {
    return CompletableFuture.supplyAsync(() -> sink.read(org, from, to, cursor, limit), readers);
  }

  /** Blocks until every event recorded so far is written or dropped (tests, shutdown). */
  public void flush() throws InterruptedException {
    synchronized (progress) {
      while (processed < accepted) {
        progress.wait();
      }
    }
  }

  private void drain() {
    List<AuditEvent> batch = new ArrayList<>(BATCH);
    while (running || !queue.isEmpty()) {
      try {
        AuditEvent first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        if (running && queue.size() < BATCH - 1) {
          // Let a busy gateway's events gather: one wake-up and one write per 10 ms, not one per
          // request (the thread wake-up and the write cost more than serializing the event).
          TimeUnit.MILLISECONDS.sleep(LINGER_MILLIS);
        }
        queue.drainTo(batch, BATCH - 1);
        try {
          sink.write(batch);
          written.add(batch.size());
        } catch (RuntimeException e) {
          discarded.add(batch.size()); // the sink failed: counted, the gateway keeps serving
          log.warn("audit sink failed, {} event(s) dropped: {}", batch.size(), e.getMessage());
        }
        processed(batch.size());
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    running = false;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    readers.shutdownNow();
    sink.close();
  }

}
