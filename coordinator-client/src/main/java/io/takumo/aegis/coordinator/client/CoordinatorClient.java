package io.takumo.aegis.coordinator.client;

import static java.util.Objects.requireNonNull;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.takumo.aegis.proto.coordinator.v1.ConfigRequest;
import io.takumo.aegis.proto.coordinator.v1.ConfigSnapshot;
import io.takumo.aegis.proto.coordinator.v1.CoordinatorGrpc;
import io.takumo.aegis.proto.coordinator.v1.ErrorDetail;
import io.takumo.aegis.proto.coordinator.v1.HealthReport;
import io.takumo.aegis.proto.coordinator.v1.HealthResponse;
import io.takumo.aegis.proto.coordinator.v1.LeaseRequest;
import io.takumo.aegis.proto.coordinator.v1.LeaseResponse;
import io.takumo.aegis.proto.coordinator.v1.OrgUsage;
import io.takumo.aegis.proto.coordinator.v1.RegisterRequest;
import io.takumo.aegis.proto.coordinator.v1.RegisterResponse;
import io.takumo.aegis.proto.coordinator.v1.Slis;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's connection to its coordinator (SPEC.md §11): registers with the join key, holds the
 * config stream, applies each snapshot through the {@link ConfigListener} and answers ACK or NACK,
 * keeps the last good config on disk and loads it at start, reports health and ships audit events.
 * Reconnects with {@link Backoff} whenever anything breaks; the gateway serves throughout.
 *
 * <p>Threads: every state change, every listener call and every message on the stream happens on
 * one callback thread (the client's own single-thread executor), so the listener needs no locking
 * and sees snapshots in order. {@link #status()}, {@link #state()} and {@link #audit()} may be
 * called from any thread.
 */
public final class CoordinatorClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CoordinatorClient.class);
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(10);

  private final String coordinator;
  private final ManagedChannel channel;
  private final boolean ownsChannel;
  private final CoordinatorGrpc.CoordinatorStub stub;
  private final StateStore store;
  private final String version;
  private final String hostname;
  private final ConfigListener listener;
  private final Supplier<GatewayHealth> health;
  private final Timer timer;
  private final ExecutorService callbacks;
  private final @Nullable ScheduledExecutorService ownScheduler;
  private final Backoff backoff;
  private final @Nullable Duration healthIntervalOverride;
  private final AuditShipper audit;
  private final Counter acks;
  private final Counter nacks;
  private final Counter persistFailures;
  /** Why the running config is not on disk, or null. */
  private volatile @Nullable String persistError;
  private final Counter reconnects;
  private final AtomicInteger stateGauge = new AtomicInteger();

  // Callback thread only.
  private int generation;
  private @Nullable String instanceId;
  private long currentVersion;
  private Snapshot.@Nullable Source source;
  private @Nullable StreamObserver<ConfigRequest> requests;
  private Timer.@Nullable Cancellable retry;
  private Timer.@Nullable Cancellable healthTick;
  private Duration healthInterval = Duration.ofSeconds(30);
  private boolean closed;
  /** Lease calls made before the stream was up (callback thread only). */
  private final List<PendingLeases> leaseCalls = new ArrayList<>();

  /** A lease call waiting for the stream; its future fails at its deadline, and it is dropped then. */
  private record PendingLeases(LeaseRequest request, java.time.Instant expires, CompletableFuture<LeaseResponse> out) {}

  private volatile FleetStatus status;

  private CoordinatorClient(Builder b) {
    this.coordinator = requireNonNull(b.coordinator, "coordinator");
    String joinKey = requireNonNull(b.joinKey, "joinKey");
    this.ownsChannel = b.channel == null;
    this.channel = b.channel != null ? b.channel : Channels.forTarget(b.coordinator, b.trustedCa);
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + joinKey);
    this.stub = CoordinatorGrpc.newStub(ClientInterceptors.intercept(channel,
        MetadataUtils.newAttachHeadersInterceptor(headers)));
    this.store = new StateStore(requireNonNull(b.stateDir, "stateDir"));
    this.version = b.version;
    this.hostname = b.hostname;
    this.listener = requireNonNull(b.listener, "listener");
    this.health = requireNonNull(b.health, "health");
    this.callbacks = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "aegis-coordinator-client");
      t.setDaemon(true);
      return t;
    });
    if (b.timer != null) {
      this.timer = b.timer;
      this.ownScheduler = null;
    } else {
      this.ownScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aegis-coordinator-timer");
        t.setDaemon(true);
        return t;
      });
      this.timer = Timer.of(ownScheduler);
    }
    this.backoff = b.backoff != null ? b.backoff : Backoff.standard();
    this.healthIntervalOverride = b.healthInterval;
    MeterRegistry registry = b.registry != null ? b.registry : new SimpleMeterRegistry();
    this.audit = new AuditShipper(stub, timer, callbacks, b.auditQueueCapacity, b.auditBatchSize, b.auditInterval,
        CALL_DEADLINE, () -> instanceId, registry);
    Gauge.builder("aegis.connector.state", stateGauge, AtomicInteger::get)
        .description("Connection to the coordinator: 0 idle, 1 connecting, 2 connected, 3 backoff, 4 join key rejected")
        .register(registry);
    Gauge.builder("aegis.connector.config.version", this, c -> c.status.configVersion())
        .description("Version of the fleet config this gateway runs (0: none from a coordinator)")
        .register(registry);
    this.acks = Counter.builder("aegis.connector.updates").tag("outcome", "ack")
        .description("Config snapshots applied (ack) or refused (nack)").register(registry);
    this.nacks = Counter.builder("aegis.connector.updates").tag("outcome", "nack")
        .description("Config snapshots applied (ack) or refused (nack)").register(registry);
    this.persistFailures = Counter.builder("aegis.connector.persist.failures")
        .description("Applied configs that could not be written to the state directory").register(registry);
    this.reconnects = Counter.builder("aegis.connector.reconnects")
        .description("Times the connection to the coordinator broke or could not be made").register(registry);
    this.status = new FleetStatus(coordinator, null, ConnectorState.IDLE, 0, null, null, null, null, null);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads the last good config from disk (if any) through the listener, then starts connecting in
   * the background. Returns once the persisted config, if there is one, is applied.
   */
  public void start() {
    try {
      callbacks.submit(this::loadPersisted).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("loading the persisted config failed", e);
    }
    post(this::connect);
  }

  public ConnectorState state() {
    return status.state();
  }

  public FleetStatus status() {
    return status;
  }

  /** Where the gateway hands its audit events; bounded, never blocks. */
  public AuditShipper audit() {
    return audit;
  }

  /** Stops reconnecting, ships what the audit queue holds (a few seconds at most), closes the channel. */
  @Override
  public void close() {
    try {
      callbacks.submit(() -> {
        closed = true;
        generation++;
        cancelTimers();
        // The timer that would fail them at their deadline stops with this client.
        leaseCalls.forEach(c -> c.out().completeExceptionally(
            Status.UNAVAILABLE.withDescription("the coordinator client is closed").asException()));
        leaseCalls.clear();
        StreamObserver<ConfigRequest> r = requests;
        requests = null;
        if (r != null) {
          r.onCompleted();
        }
        setState(ConnectorState.IDLE, null);
      }).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("stopping the coordinator client: {}", e.toString());
    }
    audit.close();
    callbacks.shutdown();
    if (ownScheduler != null) {
      ownScheduler.shutdownNow();
    }
    if (ownsChannel) {
      channel.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void loadPersisted() {
    instanceId = store.instanceId();
    ConfigSnapshot saved = store.lastGood();
    if (saved == null) {
      return;
    }
    try {
      Snapshot snapshot = new Snapshot(saved.getVersion(), ConfigDecoder.decode(saved.getConfig()), Snapshot.Source.PERSISTED);
      listener.apply(snapshot);
      currentVersion = snapshot.version();
      source = Snapshot.Source.PERSISTED;
      publish(null, null);
      log.info("serving on the last good config from disk (version {}) until the coordinator answers", currentVersion);
    } catch (ConfigRejectedException | RuntimeException e) {
      log.warn("the last good config on disk (version {}) cannot be used, ignoring it: {}", saved.getVersion(),
          e.getMessage());
    }
  }

  private void connect() {
    if (closed) {
      return;
    }
    int gen = ++generation;
    setState(ConnectorState.CONNECTING, status.lastError());
    RegisterRequest request = RegisterRequest.newBuilder()
        .setInstanceId(instanceId == null ? "" : instanceId)
        .setHostname(hostname)
        .setVersion(version)
        .build();
    stub.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS).register(request, new StreamObserver<>() {
      @Override
      public void onNext(RegisterResponse response) {
        post(() -> onRegistered(gen, response));
      }

      @Override
      public void onError(Throwable t) {
        post(() -> onBroken(gen, Status.fromThrowable(t), "registering"));
      }

      @Override
      public void onCompleted() {}
    });
  }

  private void onRegistered(int gen, RegisterResponse response) {
    if (gen != generation || closed) {
      return;
    }
    if (!response.getInstanceId().equals(instanceId)) {
      instanceId = response.getInstanceId();
      store.saveInstanceId(response.getInstanceId());
    }
    healthInterval = healthIntervalOverride != null ? healthIntervalOverride
        : Duration.ofSeconds(response.getHealthIntervalSeconds() > 0 ? response.getHealthIntervalSeconds() : 30);
    StreamObserver<ConfigRequest> out = stub.streamConfig(new ClientResponseObserver<ConfigRequest, ConfigSnapshot>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<ConfigRequest> requestStream) {}

      @Override
      public void onNext(ConfigSnapshot snapshot) {
        post(() -> onSnapshot(gen, snapshot));
      }

      @Override
      public void onError(Throwable t) {
        post(() -> onBroken(gen, Status.fromThrowable(t), "on the config stream"));
      }

      @Override
      public void onCompleted() {
        post(() -> onBroken(gen, Status.UNAVAILABLE.withDescription("the coordinator closed the stream"),
            "on the config stream"));
      }
    });
    requests = out;
    out.onNext(ConfigRequest.newBuilder().setInstanceId(requireNonNull(instanceId)).setVersionInfo(currentVersion).build());
    scheduleHealth(gen);
  }

  private void onSnapshot(int gen, ConfigSnapshot message) {
    StreamObserver<ConfigRequest> out = requests;
    if (gen != generation || closed || out == null) {
      return;
    }
    ConfigRequest.Builder answer = ConfigRequest.newBuilder()
        .setInstanceId(requireNonNull(instanceId))
        .setResponseNonce(message.getNonce());
    long offered = message.getVersion();
    if (offered == currentVersion && source != null) {
      // The coordinator re-sends what we run (a new stream): nothing to apply, but it is ours now.
      if (source != Snapshot.Source.COORDINATOR) {
        source = Snapshot.Source.COORDINATOR;
      }
      backoff.reset();
      publishConnected(null);
      out.onNext(answer.setVersionInfo(currentVersion).build());
      return;
    }
    try {
      if (offered <= currentVersion) {
        throw new ConfigRejectedException("version: " + offered + " (expected: > " + currentVersion
            + ", the version this gateway runs)");
      }
      Snapshot snapshot = new Snapshot(offered, ConfigDecoder.decode(message.getConfig()), Snapshot.Source.COORDINATOR);
      // Persist first (staged), apply second, ACK after both. A config that runs is never NACKed:
      // a disk that refuses the write is reported in /v1/fleet and the metrics instead.
      String persistFailure = stage(message.toBuilder().clearNonce().build());
      try {
        listener.apply(snapshot);
      } catch (ConfigRejectedException | RuntimeException e) {
        store.discardStaged();
        throw e;
      }
      currentVersion = offered;
      source = Snapshot.Source.COORDINATOR;
      persistError = persistFailure != null ? persistFailure : commitStaged();
      acks.increment();
      log.info("applied fleet config version {}", offered);
      backoff.reset();
      publishConnected(null);
      out.onNext(answer.setVersionInfo(currentVersion).build());
    } catch (ConfigRejectedException | RuntimeException e) {
      String refusal = e instanceof ConfigRejectedException ? e.getMessage() : null;
      String reason = refusal != null ? refusal : "internal error: " + e.getClass().getName();
      nacks.increment();
      log.warn("refused fleet config version {} (NACK), still serving version {}: {}", offered, currentVersion, reason);
      backoff.reset();
      publishConnected(new FleetStatus.Nack(offered, reason, timer.now()));
      out.onNext(answer.setVersionInfo(currentVersion).setErrorDetail(ErrorDetail.newBuilder().setMessage(reason)).build());
    }
  }

  /** Writes the offered config beside the last good one; what went wrong, or null. */
  private @Nullable String stage(ConfigSnapshot snapshot) {
    try {
      store.stageLastGood(snapshot);
      return null;
    } catch (IOException | RuntimeException e) {
      return persistFailed(e);
    }
  }

  /** The staged config becomes the last good one; what went wrong, or null. */
  private @Nullable String commitStaged() {
    try {
      store.commitStaged();
      return null;
    } catch (IOException | RuntimeException e) {
      return persistFailed(e);
    }
  }

  private String persistFailed(Exception e) {
    persistFailures.increment();
    String reason = "cannot write the last good config to " + store.dir() + " (" + e.getClass().getSimpleName()
        + "): the running config is lost on a restart without the coordinator";
    log.warn("{}", reason);
    return reason;
  }

  private void onBroken(int gen, Status cause, String during) {
    if (gen != generation || closed) {
      return;
    }
    generation++; // callbacks of the broken attempt are ignored from now on
    StreamObserver<ConfigRequest> r = requests;
    requests = null;
    if (r != null) {
      try {
        r.onError(Status.CANCELLED.withDescription("reconnecting").asRuntimeException());
      } catch (RuntimeException ignored) {
        // already closed
      }
    }
    cancelTimers();
    boolean rejected = cause.getCode() == Status.Code.UNAUTHENTICATED || cause.getCode() == Status.Code.PERMISSION_DENIED;
    Duration delay = backoff.next();
    String error = cause.getCode() + (cause.getDescription() == null ? "" : ": " + cause.getDescription());
    if (rejected) {
      log.error("the coordinator refused the join key {} ({}); serving on config version {}, retrying in {} ms",
          during, error, currentVersion, delay.toMillis());
    } else {
      log.warn("coordinator {} unreachable {} ({}); serving on config version {}, retrying in {} ms", coordinator,
          during, error, currentVersion, delay.toMillis());
    }
    setState(rejected ? ConnectorState.REJECTED : ConnectorState.BACKOFF, error);
    reconnects.increment();
    retry = timer.schedule(delay, () -> post(this::connect));
  }

  private void scheduleHealth(int gen) {
    healthTick = timer.schedule(healthInterval, () -> post(() -> reportHealth(gen)));
  }

  private void reportHealth(int gen) {
    if (gen != generation || closed) {
      return;
    }
    scheduleHealth(gen);
    GatewayHealth h;
    try {
      h = health.get();
    } catch (RuntimeException e) {
      log.warn("collecting the health report failed: {}", e.toString());
      return;
    }
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    HealthReport.Builder report = HealthReport.newBuilder()
        .setInstanceId(requireNonNull(instanceId))
        .setVersion(version)
        .setConfigVersion(currentVersion)
        .setActiveExchanges(h.activeExchanges())
        .setVaultEntries(h.vaultEntries())
        .setHeapUsedBytes(heap.getUsed())
        .setHeapMaxBytes(heap.getMax())
        .setSlis(Slis.newBuilder().setRequests(h.requests()).setErrors5Xx(h.errors5xx())
            .setAddedLatencyP50Ms(h.addedLatencyP50Ms()).setAddedLatencyP99Ms(h.addedLatencyP99Ms()))
        .setPeriodMillis(h.periodMillis());
    h.orgRequests().forEach((org, n) -> report.addUsage(OrgUsage.newBuilder().setOrgId(org).setRequests(n)));
    stub.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS).reportHealth(report.build(),
        new StreamObserver<>() {
          @Override
          public void onNext(HealthResponse response) {}

          @Override
          public void onError(Throwable t) {
            log.debug("health report not delivered: {}", Status.fromThrowable(t));
          }

          @Override
          public void onCompleted() {}
        });
  }

  /**
   * Sends a batch of rate-limit lease reports and wants (the instance id is filled in). A call made
   * while the client is not connected waits for the connection, at most {@code deadline}; the future
   * fails when the coordinator cannot answer within it. Callable from any thread; the future
   * completes on a gRPC or timer thread.
   */
  public CompletableFuture<LeaseResponse> acquireLeases(LeaseRequest request, Duration deadline) {
    CompletableFuture<LeaseResponse> out = new CompletableFuture<>();
    java.time.Instant expires = timer.now().plus(deadline);
    Timer.Cancellable timeout = timer.schedule(deadline, () -> out.completeExceptionally(
        Status.DEADLINE_EXCEEDED.withDescription("no lease answer within " + deadline.toMillis() + " ms").asException()));
    out.whenComplete((r, e) -> timeout.cancel());
    post(() -> {
      if (state() == ConnectorState.CONNECTED && instanceId != null) {
        sendLeases(request, expires, out);
      } else if (closed) {
        out.completeExceptionally(Status.UNAVAILABLE.withDescription("the coordinator client is closed").asException());
      } else {
        // Sent once the stream is up. Calls past their deadline go: a gateway asks every refresh period
        // through an outage of any length, and each call carries every limit it holds.
        leaseCalls.removeIf(c -> c.out().isDone());
        leaseCalls.add(new PendingLeases(request, expires, out));
      }
    });
    return out;
  }

  private void sendLeases(LeaseRequest request, java.time.Instant expires, CompletableFuture<LeaseResponse> out) {
    long left = Duration.between(timer.now(), expires).toNanos();
    if (out.isDone() || left <= 0) {
      return;
    }
    stub.withDeadlineAfter(left, TimeUnit.NANOSECONDS).acquireLeases(
        request.toBuilder().setInstanceId(requireNonNull(instanceId)).build(), new StreamObserver<>() {
          @Override
          public void onNext(LeaseResponse response) {
            out.complete(response);
          }

          @Override
          public void onError(Throwable t) {
            out.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {}
        });
  }

  private void cancelTimers() {
    if (retry != null) {
      retry.cancel();
      retry = null;
    }
    if (healthTick != null) {
      healthTick.cancel();
      healthTick = null;
    }
  }

  private void publishConnected(FleetStatus.@Nullable Nack nack) {
    publish(nack, null);
    setState(ConnectorState.CONNECTED, null);
    List<PendingLeases> waiting = List.copyOf(leaseCalls);
    leaseCalls.clear();
    waiting.forEach(c -> sendLeases(c.request(), c.expires(), c.out()));
  }

  private void setState(ConnectorState state, @Nullable String error) {
    stateGauge.set(state.gaugeValue());
    FleetStatus s = status;
    status = new FleetStatus(coordinator, instanceId, state, s.configVersion(), s.configSource(), s.configAppliedAt(),
        s.lastNack(), error, persistError);
  }

  private void publish(FleetStatus.@Nullable Nack nack, @Nullable String error) {
    FleetStatus s = status;
    boolean changed = currentVersion != s.configVersion() || source != s.configSource();
    status = new FleetStatus(coordinator, instanceId, s.state(), currentVersion, source,
        changed ? timer.now() : s.configAppliedAt(), nack != null ? nack : s.lastNack(), error, persistError);
  }

  /** Runs {@code task} on the callback thread; dropped once the client closed (late gRPC callbacks). */
  private void post(Runnable task) {
    try {
      callbacks.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed: nothing is waiting for this anymore
    }
  }

  /** Builds a client; {@code coordinator}, {@code joinKey}, {@code stateDir}, {@code listener} and {@code health} are required. */
  public static final class Builder {
    private @Nullable String coordinator;
    private @Nullable String joinKey;
    private java.nio.file.@Nullable Path stateDir;
    private java.nio.file.@Nullable Path trustedCa;
    private String version = "dev";
    private String hostname = defaultHostname();
    private @Nullable ConfigListener listener;
    private @Nullable Supplier<GatewayHealth> health;
    private @Nullable ManagedChannel channel;
    private @Nullable Timer timer;
    private @Nullable Backoff backoff;
    private @Nullable Duration healthInterval;
    private @Nullable MeterRegistry registry;
    private int auditQueueCapacity = 10_000;
    private int auditBatchSize = 500;
    private Duration auditInterval = Duration.ofSeconds(5);

    private Builder() {}

    /** {@code host:port}, {@code http://host:port} (plaintext) or {@code https://host:port} (TLS). */
    public Builder coordinator(String url) {
      this.coordinator = url;
      return this;
    }

    /** {@code jk_} + 64 hex. */
    public Builder joinKey(String joinKey) {
      if (!joinKey.matches("jk_[0-9a-f]{64}")) {
        throw new IllegalArgumentException("TAKUMO_JOIN_KEY: (hidden) (expected: jk_ followed by 64 lowercase hex characters)");
      }
      this.joinKey = joinKey;
      return this;
    }

    /** Where the instance id and the last good config live (created with mode 0700). */
    public Builder stateDir(java.nio.file.Path dir) {
      this.stateDir = dir;
      return this;
    }

    /** PEM certificates to trust for the coordinator's TLS besides the system's. */
    public Builder trustedCa(java.nio.file.@Nullable Path pem) {
      this.trustedCa = pem;
      return this;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    public Builder listener(ConfigListener listener) {
      this.listener = listener;
      return this;
    }

    public Builder health(Supplier<GatewayHealth> health) {
      this.health = health;
      return this;
    }

    /** Tests: an in-process channel (the client does not close it). */
    public Builder channel(ManagedChannel channel) {
      this.channel = channel;
      return this;
    }

    /** Tests: a fake clock. */
    public Builder timer(Timer timer) {
      this.timer = timer;
      return this;
    }

    public Builder backoff(Backoff backoff) {
      this.backoff = backoff;
      return this;
    }

    /** Overrides the interval the coordinator asks for. */
    public Builder healthInterval(Duration interval) {
      this.healthInterval = interval;
      return this;
    }

    public Builder registry(MeterRegistry registry) {
      this.registry = registry;
      return this;
    }

    public Builder audit(int queueCapacity, int batchSize, Duration interval) {
      this.auditQueueCapacity = queueCapacity;
      this.auditBatchSize = batchSize;
      this.auditInterval = interval;
      return this;
    }

    public CoordinatorClient build() {
      return new CoordinatorClient(this);
    }

    private static String defaultHostname() {
      try {
        return java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException e) {
        return "gateway-" + UUID.randomUUID().toString().substring(0, 8);
      }
    }
  }
}
