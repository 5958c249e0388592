package io.takumo.aegis.proxy.http;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.takumo.aegis.coordinator.client.GatewayHealth;
import io.takumo.aegis.detect.Category;
import io.takumo.aegis.shield.Detection;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's meters, declared once per gateway and passed to handlers (SPEC §12 names, in
 * Prometheus form at {@code GET /metrics}). Only meters of features that exist are registered.
 * Thread-safe. Tags are low-cardinality: status, provider, reason, result; never a key or a path.
 */
public final class ProxyMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<PauseReason, Counter> pauses = new EnumMap<>(PauseReason.class);
  private final Counter authFailures;
  private final Counter allowed;
  private final Counter limited;
  private final Counter upstreamConnects;
  private final Counter clientResets;
  private final Counter upstreamResets;
  private final Map<String, Counter> refusedConnections = new ConcurrentHashMap<>();
  private final Map<String, Counter> connections = new ConcurrentHashMap<>();
  private final Map<String, Counter> goAways = new ConcurrentHashMap<>();
  private final AtomicInteger openStreams = new AtomicInteger();
  private final AtomicInteger openWebSockets = new AtomicInteger();
  private final Counter[] webSocketMessages = new Counter[2];
  private final Counter[] webSocketBytes = new Counter[2];
  private final Counter upstreamReuses;
  private final Timer addedLatency;
  /** Built once per provider (or status and provider), looked up per exchange. */
  /** Per provider: its duration timer and its request counters by status, made on first use. */
  private final Map<String, ProviderMeters> byProvider = new ConcurrentHashMap<>();
  private final Map<Category, Counter> secrets = new EnumMap<>(Category.class);
  private final Counter rehydrated;
  private final DistributionSummary vaultEntries;
  // For the coordinator's health report (SPEC §11) and rate-limit shares (SPEC §8).
  private final LongAdder exchanges = new LongAdder();
  private final LongAdder errors5xx = new LongAdder();
  private final Map<String, LongAdder> orgRequests = new ConcurrentHashMap<>();
  private long lastHealthNanos = System.nanoTime();

  public ProxyMetrics() {
    for (PauseReason reason : PauseReason.values()) {
      pauses.put(reason, Counter.builder("aegis.read.pauses").tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
          .description("Times a channel stopped reading, by reason").register(registry));
    }
    authFailures = Counter.builder("aegis.auth.failures").description("Requests refused by authentication")
        .register(registry);
    allowed = Counter.builder("aegis.rate.limit.checks").tag("result", "allowed").register(registry);
    limited = Counter.builder("aegis.rate.limit.checks").tag("result", "limited").register(registry);
    upstreamConnects = Counter.builder("aegis.upstream.connections").tag("kind", "new").register(registry);
    upstreamReuses = Counter.builder("aegis.upstream.connections").tag("kind", "pooled").register(registry);
    clientResets = Counter.builder("aegis.connection.resets").tag("side", "client")
        .description("Connections the peer reset or closed mid-exchange, by side").register(registry);
    upstreamResets = Counter.builder("aegis.connection.resets").tag("side", "upstream")
        .description("Connections the peer reset or closed mid-exchange, by side").register(registry);
    addedLatency = Timer.builder("aegis.added.latency").description("Time the gateway added to an exchange")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
        .maximumExpectedValue(Duration.ofSeconds(1)).register(registry);
    for (Category category : Category.values()) {
      secrets.put(category, Counter.builder("aegis.secrets.detected").tag("category", category.name())
          .description("Secrets replaced by tokens in requests, by category").register(registry));
    }
    Gauge.builder("aegis.http2.streams.open", openStreams, AtomicInteger::get)
        .description("HTTP/2 streams open on client connections").register(registry);
    Gauge.builder("aegis.websocket.connections.open", openWebSockets, AtomicInteger::get)
        .description("Responses WebSocket sessions open (client and provider side connected)").register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder("aegis.access.log.dropped", BatchingStderrAppender.class,
            c -> BatchingStderrAppender.dropped())
        .description("Access-log lines dropped because the writer fell behind (the queue was full)").register(registry);
    String[] directions = {"to_provider", "to_client"};
    for (int d = 0; d < 2; d++) {
      webSocketMessages[d] = Counter.builder("aegis.websocket.messages").tag("direction", directions[d])
          .description("WebSocket messages relayed, by direction").register(registry);
      webSocketBytes[d] = Counter.builder("aegis.websocket.bytes").tag("direction", directions[d])
          .description("WebSocket message bytes relayed (after tokenization or rehydration), by direction")
          .register(registry);
    }
    rehydrated = Counter.builder("aegis.tokens.rehydrated").description("Tokens replaced by their secrets in answers")
        .register(registry);
    vaultEntries = DistributionSummary.builder("aegis.vault.entries")
        .description("Secrets held by one exchange's vault when it ended").register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new NettyAllocatorMetrics((io.netty.buffer.ByteBufAllocatorMetricProvider) PooledByteBufAllocator.DEFAULT)
        .bindTo(registry);
    if (ByteBufAllocator.DEFAULT instanceof io.netty.buffer.ByteBufAllocatorMetricProvider provider
        && provider != PooledByteBufAllocator.DEFAULT) {
      new NettyAllocatorMetrics(provider).bindTo(registry);
    }
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  void paused(PauseReason reason) {
    pauseCounter(reason).increment();
  }

  /** The counter of {@code reason} (every reason has one from the constructor on). */
  private Counter pauseCounter(PauseReason reason) {
    return requireNonNull(pauses.get(reason));
  }

  /** The counter {@code name{tag=value}}, registered on first use and kept in {@code byValue}. */
  public static Counter tagged(MeterRegistry registry, Map<String, Counter> byValue, String name, String tag, String value,
      String description) {
    return byValue.computeIfAbsent(value, v -> Counter.builder(name).tag(tag, v).description(description).register(registry));
  }

  /** A Responses WebSocket session opened ({@code +1}) or closed ({@code -1}). */
  public void webSocketOpen(int delta) {
    openWebSockets.addAndGet(delta);
  }

  /** A WebSocket message of {@code bytes} went to the provider ({@code toProvider}) or to the client. */
  public void webSocketMessage(boolean toProvider, int bytes) {
    int d = toProvider ? 0 : 1;
    webSocketMessages[d].increment();
    webSocketBytes[d].increment(bytes);
  }

  /** A client connection began speaking {@code protocol}. */
  public void connectionOpened(ClientProtocol protocol) {
    tagged(registry, connections, "aegis.connections", "protocol", protocol.label(), "Client connections, by the protocol they spoke")
        .increment();
  }

  public long connectionsOpened(ClientProtocol protocol) {
    Counter c = connections.get(protocol.label());
    return c == null ? 0 : (long) c.count();
  }

  /** An HTTP/2 stream opened; counted as open until its channel closes. */
  public void streamOpened(Channel stream) {
    openStreams.incrementAndGet();
    stream.closeFuture().addListener(f -> openStreams.decrementAndGet());
  }

  /** The gateway sent GOAWAY with {@code reason} (an HTTP/2 error code name). */
  public void goAway(String reason) {
    tagged(registry, goAways, "aegis.http2.goaway", "reason", reason, "GOAWAY frames the gateway sent, by error code").increment();
  }

  public long goAways(String reason) {
    Counter c = goAways.get(reason);
    return c == null ? 0 : (long) c.count();
  }

  /** A peer reset or closed its connection: an ordinary event, counted rather than logged. */
  public void connectionReset(boolean client) {
    (client ? clientResets : upstreamResets).increment();
  }

  public long connectionResets(boolean client) {
    return (long) (client ? clientResets : upstreamResets).count();
  }

  /** A connection closed on accept or before its request, by why ({@code per_ip_limit}, {@code header_timeout}). */
  public void connectionRefused(String reason) {
    tagged(registry, refusedConnections, "aegis.connections.refused", "reason", reason,
        "Client connections closed by the gateway's limits, by reason").increment();
  }

  public long connectionsRefused(String reason) {
    Counter c = refusedConnections.get(reason);
    return c == null ? 0 : (long) c.count();
  }

  public long pauses(PauseReason reason) {
    return (long) pauseCounter(reason).count();
  }

  /**
   * One finished exchange: {@code aegis_requests_total}, {@code aegis_request_duration_seconds}, and
   * for relayed exchanges {@code aegis_added_latency_seconds} (total minus the upstream's time).
   */
  public void exchange(int status, String provider, long totalNanos, long upstreamNanos) {
    exchanges.increment();
    if (status >= 500) {
      errors5xx.increment();
    }
    ProviderMeters meters = byProvider.computeIfAbsent(provider, p -> new ProviderMeters(registry, p));
    meters.requests(status).increment();
    meters.duration.record(totalNanos, TimeUnit.NANOSECONDS);
    if (upstreamNanos > 0) {
      addedLatency.record(Math.max(0, totalNanos - upstreamNanos), TimeUnit.NANOSECONDS);
    }
  }

  /** What tokenization did in one exchange. */
  public void shield(List<Detection> detections, int restored, int entries) {
    for (Detection d : detections) {
      requireNonNull(secrets.get(d.category())).increment(); // every category has one
    }
    if (restored > 0) {
      rehydrated.increment(restored);
    }
    if (entries > 0) {
      vaultEntries.record(entries);
    }
  }

  /** Registers {@code aegis_concurrent_sessions}, read from {@code count} at each scrape. */
  public <T> void sessions(T sessions, java.util.function.ToDoubleFunction<T> count) {
    Gauge.builder("aegis.concurrent.sessions", sessions, count)
        .description("Open REST tokenization sessions").register(registry);
  }

  /** The conversation vault's size, read when scraped ({@code entries} and {@code bytes} of secrets kept). */
  public <T> void conversationVault(T vault, java.util.function.ToDoubleFunction<T> entries,
      java.util.function.ToDoubleFunction<T> bytes) {
    Gauge.builder("aegis.vault.conversation.entries", vault, entries)
        .description("Secrets the conversation vault keeps (TAKUMO_VAULT_TTL)").register(registry);
    Gauge.builder("aegis.vault.conversation.bytes", vault, bytes)
        .description("What the conversation vault's entries weigh, against TAKUMO_VAULT_MAX_BYTES").register(registry);
  }

  /** The scan memo, read when scraped: strings found in it and strings scanned because they were not. */
  public <T> void scanMemo(T memo, java.util.function.ToDoubleFunction<T> hits,
      java.util.function.ToDoubleFunction<T> misses, java.util.function.ToDoubleFunction<T> entries,
      java.util.function.ToDoubleFunction<T> bytes) {
    io.micrometer.core.instrument.FunctionCounter.builder("aegis.scan.memo.hits", memo, hits)
        .description("Long JSON strings found in the scan memo: sent before by the same key, not scanned again")
        .register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder("aegis.scan.memo.misses", memo, misses)
        .description("Long JSON strings scanned and remembered (TAKUMO_SCAN_MEMO_BYTES)").register(registry);
    Gauge.builder("aegis.scan.memo.entries", memo, entries)
        .description("Strings whose findings the scan memo keeps").register(registry);
    Gauge.builder("aegis.scan.memo.bytes", memo, bytes)
        .description("What the scan memo's entries weigh, against TAKUMO_SCAN_MEMO_BYTES").register(registry);
  }

  /** An authenticated request of {@code org} passed the rate limits (its share is computed from these). */
  public void orgRequest(String org) {
    orgRequests.computeIfAbsent(org, o -> new LongAdder()).increment();
  }

  /**
   * The health report for the coordinator: totals since start, and requests per organization since
   * the previous call (which resets them). Called on the coordinator client's thread only.
   */
  public GatewayHealth health(int activeExchanges) {
    Map<String, Long> usage = new java.util.HashMap<>();
    orgRequests.forEach((org, n) -> {
      long v = n.sumThenReset();
      if (v > 0) {
        usage.put(org, v);
      } else {
        orgRequests.remove(org, n); // gone quiet: leaves the map (a request racing this may go uncounted)
      }
    });
    long now = System.nanoTime();
    long period = (now - lastHealthNanos) / 1_000_000;
    lastHealthNanos = now;
    HistogramSnapshot latency = addedLatency.takeSnapshot();
    return new GatewayHealth(activeExchanges, (long) vaultEntries.takeSnapshot().max(), exchanges.sum(), errors5xx.sum(),
        percentileMs(latency, 0.5), percentileMs(latency, 0.99), usage, period);
  }

  /** The upper bound of the histogram bucket holding quantile {@code q}, in milliseconds (0 when empty). */
  private static double percentileMs(HistogramSnapshot snapshot, double q) {
    double target = q * snapshot.count();
    for (CountAtBucket bucket : snapshot.histogramCounts()) {
      if (snapshot.count() > 0 && bucket.count() >= target) {
        return bucket.bucket(TimeUnit.MILLISECONDS);
      }
    }
    return 0;
  }

  public void authFailed() {
    authFailures.increment();
  }

  public long authFailures() {
    return (long) authFailures.count();
  }

  public void rateLimitChecked(boolean passed) {
    (passed ? allowed : limited).increment();
  }

  public void upstreamError(String provider) {
    registry.counter("aegis.upstream.errors", "provider", provider).increment();
  }

  public void upstreamConnected(boolean reused) {
    (reused ? upstreamReuses : upstreamConnects).increment();
  }

  public long upstreamReuses() {
    return (long) upstreamReuses.count();
  }

  /**
   * One provider's meters, found with one map lookup per exchange: the counter by status sits in
   * an array (three-digit statuses), not behind a "status/provider" string built for every request.
   */
  private static final class ProviderMeters {
    private final MeterRegistry registry;
    private final String provider;
    private final Timer duration;
    private final AtomicReferenceArray<Counter> byStatus = new AtomicReferenceArray<>(1000);

    ProviderMeters(MeterRegistry registry, String provider) {
      this.registry = registry;
      this.provider = provider;
      this.duration = Timer.builder("aegis.request.duration").tag("provider", provider)
          .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
    }

    Counter requests(int status) {
      if (status < 0 || status >= byStatus.length()) {
        return counter(status); // not an HTTP status: looked up in the registry every time
      }
      Counter c = byStatus.get(status);
      if (c == null) {
        c = counter(status);
        byStatus.set(status, c); // the registry hands a racing thread the same counter
      }
      return c;
    }

    private Counter counter(int status) {
      return registry.counter("aegis.requests", "status", Integer.toString(status), "provider", provider);
    }
  }
}
