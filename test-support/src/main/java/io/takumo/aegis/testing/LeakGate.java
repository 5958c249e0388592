package io.takumo.aegis.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every leak that Netty's leak detector reports in this JVM, so a test can fail on it.
 *
 * <p>{@link #install()} must run before Netty creates its first detector (the launcher session
 * listener does that, before any test class is loaded). Thread-safe: detectors report from any
 * thread.
 */
public final class LeakGate {
  private static final List<String> LEAKS = new ArrayList<>();
  private static boolean installed;

  private LeakGate() {}

  /** Replaces Netty's detector factory with one whose detectors report to this gate. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
      throw new IllegalStateException(
          "io.netty.leakDetection.level: "
              + ResourceLeakDetector.getLevel()
              + " (expected: PARANOID in every test JVM)");
    }
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
  }

  /**
   * Collects garbage and drives the detectors so leaked objects are reported, then returns and
   * clears what was seen. Leak reports appear when a detector next tracks an object after the
   * leaked one was collected, hence the allocations.
   */
  public static List<String> drain() {
    for (int i = 0; i < 3; i++) {
      collected();
      for (int j = 0; j < 8; j++) {
        ByteBuf probe = UnpooledByteBufAllocator.DEFAULT.directBuffer(1);
        probe.release();
        ByteBuf heap = UnpooledByteBufAllocator.DEFAULT.heapBuffer(1);
        heap.release();
      }
    }
    synchronized (LEAKS) {
      List<String> seen = List.copyOf(LEAKS);
      LEAKS.clear();
      return seen;
    }
  }

  /** The longest wait for a collection's references to be enqueued: a bound, not a pause (it returns at once). */
  private static final long ENQUEUED_WITHIN_MS = 30_000;

  /**
   * Runs a collection and returns once the references it cleared are enqueued: a sentinel cleared by the same
   * collection is waited for on its queue. The reference handler thread enqueues them after the collection, so on a
   * busy machine a detector polled right after {@code System.gc()} may not see the leak yet (a flaky gate, seen on
   * 2026-12-07).
   */
  private static void collected() {
    java.lang.ref.ReferenceQueue<Object> queue = new java.lang.ref.ReferenceQueue<>();
    java.lang.ref.WeakReference<Object> sentinel = new java.lang.ref.WeakReference<>(new Object(), queue);
    System.gc();
    try {
      queue.remove(ENQUEUED_WITHIN_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    java.lang.ref.Reference.reachabilityFence(sentinel);
  }

  private static void record(String report) {
    synchronized (LEAKS) {
      LEAKS.add(report);
    }
  }

  private static final class RecordingFactory extends ResourceLeakDetectorFactory {
    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
        Class<T> resource, int samplingInterval, long maxActive) {
      return new RecordingDetector<>(resource, samplingInterval);
    }

    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
        Class<T> resource, int samplingInterval) {
      return new RecordingDetector<>(resource, samplingInterval);
    }
  }

  private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
    RecordingDetector(Class<T> resource, int samplingInterval) {
      super(resource, samplingInterval);
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
      record("LEAK: " + resourceType + records);
      super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
      record("LEAK: " + resourceType + " (untraced)");
      super.reportUntracedLeak(resourceType);
    }
  }
}
