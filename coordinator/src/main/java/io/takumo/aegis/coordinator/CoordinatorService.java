package io.takumo.aegis.coordinator;

import static java.util.Objects.requireNonNull;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.takumo.aegis.proto.coordinator.v1.AuditAck;
import io.takumo.aegis.proto.coordinator.v1.AuditBatch;
import io.takumo.aegis.proto.coordinator.v1.ConfigRequest;
import io.takumo.aegis.proto.coordinator.v1.ConfigSnapshot;
import io.takumo.aegis.proto.coordinator.v1.CoordinatorGrpc;
import io.takumo.aegis.proto.coordinator.v1.HealthReport;
import io.takumo.aegis.proto.coordinator.v1.HealthResponse;
import io.takumo.aegis.proto.coordinator.v1.LeaseRequest;
import io.takumo.aegis.proto.coordinator.v1.LeaseResponse;
import io.takumo.aegis.proto.coordinator.v1.RegisterRequest;
import io.takumo.aegis.proto.coordinator.v1.RegisterResponse;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of {@code takumo.coordinator.v1.Coordinator}. One open config stream per
 * gateway; {@link #publish} pushes a new version to all of them, {@link #disconnect} closes those
 * of a revoked join key. Handlers run on gRPC's application executor (blocking JDBC is fine there).
 */
final class CoordinatorService extends CoordinatorGrpc.CoordinatorImplBase {
  private static final Logger log = LoggerFactory.getLogger(CoordinatorService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final FleetRegistry fleet;
  private final AuditIngest audit;
  private final LeaseBook leases;
  private final Duration healthInterval;
  private final Map<String, GatewayStream> streams = new ConcurrentHashMap<>();
  private final AtomicReference<ConfigVersions.Version> current;
  private final Counter acks;
  private final Counter nacks;
  private final Counter auditEvents;
  private final Counter leaseCalls;

  CoordinatorService(FleetRegistry fleet, AuditIngest audit, ConfigVersions.Version initial, Duration healthInterval,
      LeaseBook leases, MeterRegistry registry) {
    this.fleet = fleet;
    this.leases = leases;
    this.audit = audit;
    this.current = new AtomicReference<>(initial);
    this.healthInterval = healthInterval;
    this.acks = Counter.builder("aegis.coordinator.config.answers").tag("outcome", "ack").register(registry);
    this.nacks = Counter.builder("aegis.coordinator.config.answers").tag("outcome", "nack").register(registry);
    this.auditEvents = Counter.builder("aegis.coordinator.audit.events").register(registry);
    this.leaseCalls = Counter.builder("aegis.coordinator.lease.calls")
        .description("AcquireLeases calls answered (each batches every limit one gateway needs)").register(registry);
    registry.gauge("aegis.coordinator.lease.limits", leases, LeaseBook::size);
    registry.gauge("aegis.coordinator.streams", streams, Map::size);
    registry.gauge("aegis.coordinator.config.version", current, c -> requireNonNull(c.get()).version());
  }

  long currentVersion() {
    return current().version();
  }

  /** The version gateways are sent now (never null: the constructor sets one). */
  private ConfigVersions.Version current() {
    return requireNonNull(current.get(), "current version");
  }

  Map<String, String> streamJoinKeys() {
    Map<String, String> out = new java.util.HashMap<>();
    streams.forEach((id, s) -> out.put(id, s.joinKeyId));
    return out;
  }

  /** Makes {@code version} current and pushes it to every open stream (if it is newer). */
  void publish(ConfigVersions.Version version) {
    ConfigVersions.Version prev = current.getAndUpdate(c -> version.version() > c.version() ? version : c);
    if (version.version() <= prev.version()) {
      return;
    }
    log.info("pushing config version {} ({}) to {} gateway(s)", version.version(), version.reason(), streams.size());
    streams.values().forEach(s -> s.send(version));
  }

  /** Closes the streams of gateways that joined with {@code joinKeyId}. */
  void disconnect(String joinKeyId) {
    streams.values().stream().filter(s -> s.joinKeyId.equals(joinKeyId)).forEach(s -> {
      log.warn("join key {} revoked: disconnecting gateway {}", joinKeyId, s.instanceId);
      s.close(Status.UNAUTHENTICATED.withDescription("join key revoked"));
    });
  }

  @Override
  public void register(RegisterRequest request, StreamObserver<RegisterResponse> response) {
    String joinKeyId = JoinKeyInterceptor.JOIN_KEY_ID.get();
    try {
      String id = fleet.register(joinKeyId, request.getInstanceId(), request.getHostname(), request.getVersion());
      log.info("gateway {} ({} {}) registered with join key {}", id, request.getHostname(), request.getVersion(), joinKeyId);
      response.onNext(RegisterResponse.newBuilder().setInstanceId(id)
          .setHealthIntervalSeconds((int) Math.max(1, healthInterval.toSeconds())).build());
      response.onCompleted();
    } catch (SQLException e) {
      response.onError(unavailable(e));
    }
  }

  @Override
  public StreamObserver<ConfigRequest> streamConfig(StreamObserver<ConfigSnapshot> responses) {
    String joinKeyId = JoinKeyInterceptor.JOIN_KEY_ID.get();
    ServerCallStreamObserver<ConfigSnapshot> out = (ServerCallStreamObserver<ConfigSnapshot>) responses;
    return new StreamObserver<>() {
      private @Nullable GatewayStream stream;

      @Override
      public void onNext(ConfigRequest request) {
        try {
          GatewayStream s = stream;
          if (s == null) {
            open(request);
          } else {
            s.answered(request);
          }
        } catch (SQLException e) {
          out.onError(unavailable(e));
        }
      }

      private void open(ConfigRequest request) throws SQLException {
        String id = request.getInstanceId();
        if (!joinKeyId.equals(fleet.joinKeyOf(id))) {
          out.onError(Status.PERMISSION_DENIED.withDescription("instance " + id + " did not register with this join key")
              .asRuntimeException());
          return;
        }
        GatewayStream s = new GatewayStream(id, joinKeyId, out);
        stream = s;
        GatewayStream old = streams.put(id, s);
        if (old != null) {
          old.close(Status.ABORTED.withDescription("replaced by a newer stream of the same gateway"));
        }
        fleet.connected(id);
        log.info("gateway {} connected (runs config version {})", id, request.getVersionInfo());
        s.send(current());
      }

      @Override
      public void onError(Throwable t) {
        closed();
      }

      @Override
      public void onCompleted() {
        closed();
        out.onCompleted();
      }

      private void closed() {
        GatewayStream s = stream;
        if (s == null || !streams.remove(s.instanceId, s)) {
          return;
        }
        leases.leave(s.instanceId);
        try {
          fleet.disconnected(s.instanceId);
        } catch (SQLException e) {
          log.warn("recording that {} disconnected failed: {}", s.instanceId, e.getMessage());
        }
        log.info("gateway {} disconnected", s.instanceId);
      }
    };
  }

  @Override
  public void reportHealth(HealthReport report, StreamObserver<HealthResponse> response) {
    try {
      if (!registeredByCaller(report.getInstanceId(), response)) {
        return;
      }
      fleet.reported(report.getInstanceId(), AuditIngest.json(report));
      response.onNext(HealthResponse.getDefaultInstance());
      response.onCompleted();
    } catch (SQLException e) {
      response.onError(unavailable(e));
    }
  }

  /**
   * Answers from memory (no database call): the join key was checked by the interceptor, and the
   * instance must hold an open config stream of that key, which the stream checked when it opened.
   */
  @Override
  public void acquireLeases(LeaseRequest request, StreamObserver<LeaseResponse> response) {
    GatewayStream stream = streams.get(request.getInstanceId());
    if (stream == null || !stream.joinKeyId.equals(JoinKeyInterceptor.JOIN_KEY_ID.get())) {
      response.onError(Status.FAILED_PRECONDITION.withDescription("instance " + request.getInstanceId()
          + " has no open config stream with this join key; leases follow the stream").asRuntimeException());
      return;
    }
    leaseCalls.increment();
    response.onNext(leases.acquire(request, streams.size()));
    response.onCompleted();
  }

  @Override
  public void shipAudit(AuditBatch batch, StreamObserver<AuditAck> response) {
    try {
      if (!registeredByCaller(batch.getInstanceId(), response)) {
        return;
      }
      audit.store(batch.getInstanceId(), batch.getEventsList());
      if (batch.getDropped() > 0) {
        fleet.auditDropped(batch.getInstanceId(), batch.getDropped());
      }
      auditEvents.increment(batch.getEventsCount());
      response.onNext(AuditAck.newBuilder().setAccepted(batch.getEventsCount()).build());
      response.onCompleted();
    } catch (SQLException e) {
      response.onError(unavailable(e));
    }
  }

  /** Whether the instance registered with the caller's join key; if not, the call is refused. */
  private boolean registeredByCaller(String instanceId, StreamObserver<?> response) throws SQLException {
    if (JoinKeyInterceptor.JOIN_KEY_ID.get().equals(fleet.joinKeyOf(instanceId))) {
      return true;
    }
    response.onError(Status.PERMISSION_DENIED.withDescription("instance " + instanceId
        + " did not register with this join key").asRuntimeException());
    return false;
  }

  private static RuntimeException unavailable(SQLException e) {
    log.warn("database call failed: {}", e.getMessage());
    return Status.UNAVAILABLE.withDescription("the coordinator's database is unavailable; retry later").asRuntimeException();
  }

  /** One gateway's open config stream. Sends are serialized: a stream observer is not thread-safe. */
  private final class GatewayStream {
    final String instanceId;
    final String joinKeyId;
    private final ServerCallStreamObserver<ConfigSnapshot> out;
    private @Nullable String nonce;
    private long sentVersion;
    private boolean closed;

    GatewayStream(String instanceId, String joinKeyId, ServerCallStreamObserver<ConfigSnapshot> out) {
      this.instanceId = instanceId;
      this.joinKeyId = joinKeyId;
      this.out = out;
    }

    synchronized void send(ConfigVersions.Version version) {
      if (closed || version.version() <= sentVersion) {
        return;
      }
      byte[] n = new byte[8];
      RANDOM.nextBytes(n);
      nonce = HexFormat.of().formatHex(n);
      sentVersion = version.version();
      try {
        out.onNext(ConfigSnapshot.newBuilder().setVersion(version.version()).setNonce(nonce)
            .setConfig(version.config()).build());
      } catch (RuntimeException e) {
        closed = true; // cancelled by the peer meanwhile; its onError cleans up
      }
    }

    synchronized void answered(ConfigRequest request) throws SQLException {
      if (!request.getResponseNonce().equals(nonce)) {
        return; // an answer to a snapshot superseded since: the newer one's answer follows
      }
      if (request.hasErrorDetail()) {
        nacks.increment();
        log.warn("gateway {} refused config version {} (NACK): {}", instanceId, sentVersion,
            request.getErrorDetail().getMessage());
        fleet.nacked(instanceId, request.getVersionInfo(), sentVersion, request.getErrorDetail().getMessage());
      } else {
        acks.increment();
        fleet.acked(instanceId, request.getVersionInfo());
      }
    }

    synchronized void close(Status status) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.onError(status.asRuntimeException());
      } catch (RuntimeException e) {
        // already cancelled
      }
      if (streams.remove(instanceId, this)) {
        leases.leave(instanceId);
        try {
          fleet.disconnected(instanceId);
        } catch (SQLException e) {
          log.warn("recording that {} disconnected failed: {}", instanceId, e.getMessage());
        }
      }
    }
  }
}
