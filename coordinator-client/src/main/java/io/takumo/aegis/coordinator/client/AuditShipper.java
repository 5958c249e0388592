package io.takumo.aegis.coordinator.client;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.takumo.aegis.proto.coordinator.v1.AuditAck;
import io.takumo.aegis.proto.coordinator.v1.AuditBatch;
import io.takumo.aegis.proto.coordinator.v1.AuditEvent;
import io.takumo.aegis.proto.coordinator.v1.CoordinatorGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships audit events to the coordinator in batches of up to {@code batchSize} or every {@code
 * interval} (SPEC.md §11: 500 events or 5 s). {@link #offer} never blocks: past the queue's capacity
 * an event is dropped and counted ({@code aegis_audit_events_shipping_dropped_total}), and the next
 * batch tells the coordinator how many. One batch is in flight at a time; a batch the coordinator
 * did not acknowledge is retried before newer ones (at-least-once: the coordinator deduplicates by
 * request id).
 */
public final class AuditShipper implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditShipper.class);

  private final CoordinatorGrpc.CoordinatorStub stub;
  private final Timer timer;
  private final ExecutorService callbacks;
  private final ArrayBlockingQueue<AuditEvent> queue;
  private final int batchSize;
  private final Duration interval;
  private final Duration deadline;
  private final Supplier<@Nullable String> instanceId;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong shipped = new AtomicLong();
  private final AtomicBoolean flushQueued = new AtomicBoolean();
  private long droppedReported;
  // Callback thread only.
  private @Nullable List<AuditEvent> inFlight;
  private @Nullable List<AuditEvent> unacknowledged;
  private Timer.@Nullable Cancellable tick;
  private boolean closed;

  AuditShipper(CoordinatorGrpc.CoordinatorStub stub, Timer timer, ExecutorService callbacks, int capacity, int batchSize,
      Duration interval, Duration deadline, Supplier<@Nullable String> instanceId, MeterRegistry registry) {
    if (capacity < batchSize || batchSize < 1) {
      throw new IllegalArgumentException("audit queue/batch: " + capacity + '/' + batchSize
          + " (expected: 1 <= batch <= queue)");
    }
    this.stub = stub;
    this.timer = timer;
    this.callbacks = callbacks;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.batchSize = batchSize;
    this.interval = interval;
    this.deadline = deadline;
    this.instanceId = instanceId;
    FunctionCounter.builder("aegis.audit.events.shipping.dropped", dropped, AtomicLong::get)
        .description("Audit events not shipped to the coordinator because the queue was full")
        .register(registry);
    FunctionCounter.builder("aegis.audit.events.shipped", shipped, AtomicLong::get)
        .description("Audit events the coordinator acknowledged")
        .register(registry);
    post(this::scheduleTick);
  }

  /** Queues an event; false (and counted) when the queue is full. Any thread, never blocks. */
  public boolean offer(AuditEvent event) {
    if (!queue.offer(event)) {
      dropped.incrementAndGet();
      return false;
    }
    if (queue.size() >= batchSize && flushQueued.compareAndSet(false, true)) {
      post(() -> {
        flushQueued.set(false);
        flush();
      });
    }
    return true;
  }

  public long dropped() {
    return dropped.get();
  }

  public int queued() {
    return queue.size();
  }

  /** Stops the ticks and sends one last batch of what is queued (without waiting for its answer). */
  @Override
  public void close() {
    CountDownLatch done = new CountDownLatch(1);
    try {
      callbacks.execute(() -> {
        closed = true;
        if (tick != null) {
          tick.cancel();
        }
        flush();
        done.countDown();
      });
      done.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the client already stopped its thread
    }
  }

  private void scheduleTick() {
    if (closed) {
      return;
    }
    tick = timer.schedule(interval, () -> post(() -> {
      flush();
      scheduleTick();
    }));
  }

  private void flush() {
    String id = instanceId.get();
    if (inFlight != null || id == null) {
      return; // one batch at a time; nothing before registration
    }
    List<AuditEvent> batch = unacknowledged;
    unacknowledged = null;
    if (batch == null) {
      batch = new ArrayList<>(Math.min(batchSize, queue.size()));
      queue.drainTo(batch, batchSize);
    }
    long droppedNow = dropped.get();
    if (batch.isEmpty() && droppedNow == droppedReported) {
      return;
    }
    List<AuditEvent> sending = batch;
    inFlight = sending;
    AuditBatch message = AuditBatch.newBuilder().setInstanceId(id).addAllEvents(sending)
        .setDropped(droppedNow - droppedReported).build();
    stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).shipAudit(message, new StreamObserver<>() {
      @Override
      public void onNext(AuditAck ack) {
        post(() -> {
          inFlight = null;
          droppedReported = droppedNow;
          shipped.addAndGet(sending.size());
          if (queue.size() >= batchSize) {
            flush();
          }
        });
      }

      @Override
      public void onError(Throwable t) {
        post(() -> {
          inFlight = null;
          unacknowledged = sending; // retried first on the next tick
          log.debug("audit batch of {} not delivered: {}", sending.size(), Status.fromThrowable(t));
        });
      }

      @Override
      public void onCompleted() {}
    });
  }

  /** Runs {@code task} on the callback thread; dropped once the client closed (late gRPC callbacks). */
  private void post(Runnable task) {
    try {
      callbacks.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed: nothing is waiting for this anymore
    }
  }
}
