package io.takumo.aegis.coordinator.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** A clock that moves only when a test advances it; due tasks run on the advancing thread. */
final class FakeTimer implements Timer {
  private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due.compareTo(b.due));
  private final List<Duration> delays = new ArrayList<>();
  private Instant now = Instant.parse("2026-11-23T12:00:00Z");

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Task t = new Task(now.plus(delay), task);
    tasks.add(t);
    delays.add(delay);
    notifyAll();
    return () -> {
      synchronized (FakeTimer.this) {
        tasks.remove(t);
      }
    };
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  /** Every delay ever scheduled, in order. */
  synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  /** Waits (without advancing time) until at least {@code n} delays equal to or shorter than {@code max} were scheduled. */
  synchronized void awaitScheduled(int n, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (count(max) < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + n + " scheduled tasks, saw " + delays);
      }
      wait(left / 1_000_000 + 1);
    }
  }

  /** Waits until at least {@code n} delays of exactly {@code d} were scheduled. */
  synchronized void awaitScheduledExactly(int n, Duration d) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (delays.stream().filter(d::equals).count() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + n + " tasks after " + d + ", saw " + delays);
      }
      wait(left / 1_000_000 + 1);
    }
  }

  /** How many delays equal to or shorter than {@code max} were scheduled. */
  synchronized int count(Duration max) {
    return (int) delays.stream().filter(d -> d.compareTo(max) <= 0).count();
  }

  /** The newest delay equal to or shorter than {@code max}. */
  synchronized Duration last(Duration max) {
    var list = delays.stream().filter(d -> d.compareTo(max) <= 0).toList();
    return list.get(list.size() - 1);
  }

  /** Moves time forward and runs every task due by then. */
  void advance(Duration d) {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      now = now.plus(d);
      while (!tasks.isEmpty() && !tasks.peek().due.isAfter(now)) {
        due.add(tasks.poll().task);
      }
    }
    due.forEach(Runnable::run);
  }

  private record Task(Instant due, Runnable task) {}
}
