package io.takumo.aegis.proxy.http;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's counters, created once per gateway and passed to handlers. Thread-safe.
 *
 * <p>Plain counters for now; the metrics issue exports them in Prometheus form.
 */
public final class ProxyMetrics {
  private final Map<PauseReason, LongAdder> pauses = new EnumMap<>(PauseReason.class);
  private final LongAdder exchanges = new LongAdder();
  private final LongAdder authFailures = new LongAdder();
  private final LongAdder upstreamErrors = new LongAdder();
  private final LongAdder upstreamConnects = new LongAdder();
  private final LongAdder upstreamReuses = new LongAdder();

  public ProxyMetrics() {
    for (PauseReason reason : PauseReason.values()) {
      pauses.put(reason, new LongAdder());
    }
  }

  void paused(PauseReason reason) {
    pauses.get(reason).increment();
  }

  public long pauses(PauseReason reason) {
    return pauses.get(reason).sum();
  }

  public void exchangeStarted() {
    exchanges.increment();
  }

  public long exchanges() {
    return exchanges.sum();
  }

  public void authFailed() {
    authFailures.increment();
  }

  public long authFailures() {
    return authFailures.sum();
  }

  public void upstreamError() {
    upstreamErrors.increment();
  }

  public long upstreamErrors() {
    return upstreamErrors.sum();
  }

  public void upstreamConnected(boolean reused) {
    (reused ? upstreamReuses : upstreamConnects).increment();
  }

  public long upstreamConnects() {
    return upstreamConnects.sum();
  }

  public long upstreamReuses() {
    return upstreamReuses.sum();
  }
}
