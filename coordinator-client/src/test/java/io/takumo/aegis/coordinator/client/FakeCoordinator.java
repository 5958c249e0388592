package io.takumo.aegis.coordinator.client;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.takumo.aegis.proto.config.v1.Config;
import io.takumo.aegis.proto.coordinator.v1.AuditAck;
import io.takumo.aegis.proto.coordinator.v1.AuditBatch;
import io.takumo.aegis.proto.coordinator.v1.ConfigRequest;
import io.takumo.aegis.proto.coordinator.v1.ConfigSnapshot;
import io.takumo.aegis.proto.coordinator.v1.CoordinatorGrpc;
import io.takumo.aegis.proto.coordinator.v1.HealthReport;
import io.takumo.aegis.proto.coordinator.v1.HealthResponse;
import io.takumo.aegis.proto.coordinator.v1.LeaseGrant;
import io.takumo.aegis.proto.coordinator.v1.LeaseRequest;
import io.takumo.aegis.proto.coordinator.v1.LeaseResponse;
import io.takumo.aegis.proto.coordinator.v1.RegisterRequest;
import io.takumo.aegis.proto.coordinator.v1.RegisterResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Plays the coordinator in-process: records what the gateway sends, pushes what a test says. */
final class FakeCoordinator extends CoordinatorGrpc.CoordinatorImplBase {
  final BlockingQueue<RegisterRequest> registrations = new LinkedBlockingQueue<>();
  final BlockingQueue<ConfigRequest> configRequests = new LinkedBlockingQueue<>();
  final BlockingQueue<HealthReport> reports = new LinkedBlockingQueue<>();
  final BlockingQueue<LeaseRequest> leaseRequests = new LinkedBlockingQueue<>();
  final BlockingQueue<AuditBatch> audit = new LinkedBlockingQueue<>();
  final BlockingQueue<AuditBatch> auditRefused = new LinkedBlockingQueue<>();
  volatile @Nullable Status registerFailure;
  volatile @Nullable Status auditFailure;
  private volatile @Nullable StreamObserver<ConfigSnapshot> stream;
  private int nonce;

  @Override
  public void register(RegisterRequest request, StreamObserver<RegisterResponse> response) {
    Status failure = registerFailure; // read first: a test changes it once it saw the registration
    registrations.add(request);
    if (failure != null) {
      response.onError(failure.asRuntimeException());
      return;
    }
    response.onNext(RegisterResponse.newBuilder()
        .setInstanceId(request.getInstanceId().isEmpty() ? "gw_0123456789abcdef" : request.getInstanceId())
        .setHealthIntervalSeconds(30).build());
    response.onCompleted();
  }

  @Override
  public StreamObserver<ConfigRequest> streamConfig(StreamObserver<ConfigSnapshot> responses) {
    stream = responses;
    return new StreamObserver<>() {
      @Override
      public void onNext(ConfigRequest request) {
        configRequests.add(request);
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    };
  }

  @Override
  public void reportHealth(HealthReport report, StreamObserver<HealthResponse> response) {
    reports.add(report);
    response.onNext(HealthResponse.getDefaultInstance());
    response.onCompleted();
  }

  /** Grants every want in full, for a fleet of 2. */
  @Override
  public void acquireLeases(LeaseRequest request, StreamObserver<LeaseResponse> response) {
    leaseRequests.add(request);
    LeaseResponse.Builder out = LeaseResponse.newBuilder().setFleetSize(2).setNowMillis(120_000).setRefreshMillis(500);
    request.getLeasesList().forEach(l -> out.addGrants(LeaseGrant.newBuilder().setSubject(l.getSubject())
        .setWindowStartMillis(120_000).setGranted(l.getWant())));
    response.onNext(out.build());
    response.onCompleted();
  }

  @Override
  public void shipAudit(AuditBatch batch, StreamObserver<AuditAck> response) {
    Status failure = auditFailure;
    if (failure != null) {
      auditRefused.add(batch);
      response.onError(failure.asRuntimeException());
      return;
    }
    audit.add(batch);
    response.onNext(AuditAck.newBuilder().setAccepted(batch.getEventsCount()).build());
    response.onCompleted();
  }

  /** Pushes a snapshot on the open stream and returns its nonce. */
  synchronized String push(long version, Config config) {
    String n = "n" + (++nonce);
    StreamObserver<ConfigSnapshot> s = stream;
    if (s == null) {
      throw new AssertionError("no config stream is open");
    }
    s.onNext(ConfigSnapshot.newBuilder().setVersion(version).setNonce(n).setConfig(config).build());
    return n;
  }

  /** Breaks the open stream as a dying coordinator would. */
  void breakStream(Status status) {
    StreamObserver<ConfigSnapshot> s = stream;
    if (s != null) {
      stream = null;
      s.onError(status.asRuntimeException());
    }
  }

  static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T t = queue.poll(10, TimeUnit.SECONDS);
    if (t == null) {
      throw new AssertionError("nothing arrived within 10 s");
    }
    return t;
  }
}
