package io.takumo.aegis.coordinator.client;

import static io.takumo.aegis.coordinator.client.FakeCoordinator.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.takumo.aegis.proto.config.v1.Config;
import io.takumo.aegis.proto.config.v1.CustomPattern;
import io.takumo.aegis.proto.coordinator.v1.AuditEvent;
import io.takumo.aegis.proto.coordinator.v1.ConfigRequest;
import io.takumo.aegis.proto.coordinator.v1.LeaseRequest;
import io.takumo.aegis.proto.coordinator.v1.LeaseResponse;
import io.takumo.aegis.proto.coordinator.v1.LeaseState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoordinatorClientTest {
  /** Backoff delays stay under 36 s (30 s + 20 %); health ticks are 45 min, audit ticks 2 h. */
  private static final Duration BACKOFF_MAX = Duration.ofSeconds(40);
  private static final Duration HEALTH = Duration.ofMinutes(45);
  private static final String JOIN_KEY = "jk_" + "ab".repeat(32);

  @TempDir Path stateDir;
  private final FakeCoordinator coordinator = new FakeCoordinator();
  private final FakeTimer timer = new FakeTimer();
  private final BlockingQueue<Snapshot> applied = new LinkedBlockingQueue<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Server server;
  private ManagedChannel channel;
  private CoordinatorClient client;

  /** Refuses any custom pattern named "uncompilable", as a gateway refuses a bad regex. */
  private final ConfigListener listener = new ConfigListener() {
    @Override
    public void apply(Snapshot snapshot) throws ConfigRejectedException {
      for (var p : snapshot.config().customPatterns()) {
        if (p.name().equals("uncompilable")) {
          throw new ConfigRejectedException("custom_patterns[0].pattern: does not compile");
        }
      }
      applied.add(snapshot);
    }
  };

  @BeforeEach
  void startServer() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor().addService(coordinator).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private CoordinatorClient newClient(Backoff backoff) {
    return CoordinatorClient.builder()
        .coordinator("in-process")
        .joinKey(JOIN_KEY)
        .stateDir(stateDir)
        .listener(listener)
        .health(() -> new GatewayHealth(3, 7, 100, 2, 0.2, 0.9, Map.of("org_a", 40L), 30_000))
        .channel(channel)
        .timer(timer)
        .backoff(backoff)
        .registry(registry)
        .healthInterval(HEALTH)
        .audit(4, 2, Duration.ofHours(2)) // only size-triggered flushes unless a test advances 2 h
        .build();
  }

  private ConfigRequest connectAndOpenStream() throws Exception {
    client = newClient(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2, 0.2, new Random(7)));
    client.start();
    next(coordinator.registrations);
    return next(coordinator.configRequests);
  }

  private static Config pattern(String name, String regex) {
    return Config.newBuilder().addCustomPatterns(CustomPattern.newBuilder()
        .setName(name).setPattern(regex).setCategory("KEY").setDescription("test")).build();
  }

  @Test
  void aConfigThatRunsIsAckedEvenWhenTheDiskRefusesItAndTheFailureIsReported() throws Exception {
    connectAndOpenStream();
    coordinator.push(1, pattern("acme-key", "ACME_[0-9a-f]{32}"));
    assertThat(next(coordinator.configRequests).getVersionInfo()).isEqualTo(1);
    assertThat(next(applied).version()).isEqualTo(1);
    assertThat(client.status().persistError()).isNull();

    // The staging file cannot be written (a non-empty directory stands where it goes).
    Files.createDirectories(stateDir.resolve(StateStore.CONFIG_FILE + ".tmp").resolve("in-the-way"));
    coordinator.push(2, pattern("beta-key", "BETA_[0-9a-f]{32}"));
    ConfigRequest answer = next(coordinator.configRequests);
    assertThat(answer.getVersionInfo()).isEqualTo(2);
    assertThat(answer.hasErrorDetail()).as("a running config is never NACKed").isFalse();
    assertThat(next(applied).version()).isEqualTo(2);
    assertThat(client.status().configVersion()).isEqualTo(2);
    assertThat(client.status().persistError()).contains("cannot write the last good config");
    assertThat(registry.get("aegis.connector.persist.failures").counter().count()).isEqualTo(1);
    assertThat(registry.get("aegis.connector.updates").tag("outcome", "nack").counter().count()).isZero();
    // What is on disk is still the last version that could be written.
    assertThat(new StateStore(stateDir).lastGood().getVersion()).isEqualTo(1);
  }

  @Test
  void aRefusedConfigLeavesNothingStagedOnDisk() throws Exception {
    connectAndOpenStream();
    coordinator.push(1, pattern("uncompilable", "("));
    assertThat(next(coordinator.configRequests).hasErrorDetail()).isTrue();
    assertThat(stateDir.resolve(StateStore.CONFIG_FILE + ".tmp")).doesNotExist();
    assertThat(stateDir.resolve(StateStore.CONFIG_FILE)).doesNotExist();
  }

  @Test
  void acksWhatItAppliesAndNacksWhatItCannotKeepingTheLastGoodVersion() throws Exception {
    ConfigRequest first = connectAndOpenStream();
    assertThat(first.getVersionInfo()).isZero();
    assertThat(first.getResponseNonce()).isEmpty();
    assertThat(first.getInstanceId()).isEqualTo("gw_0123456789abcdef");
    assertThat(client.state()).isEqualTo(ConnectorState.CONNECTING);

    String n1 = coordinator.push(1, pattern("acme-key", "ACME_[0-9a-f]{32}"));
    ConfigRequest ack = next(coordinator.configRequests);
    assertThat(ack.getResponseNonce()).isEqualTo(n1);
    assertThat(ack.getVersionInfo()).isEqualTo(1);
    assertThat(ack.hasErrorDetail()).isFalse();
    assertThat(next(applied).config().customPatterns()).extracting(FleetConfig.CustomPatternSpec::name)
        .containsExactly("acme-key");
    assertThat(client.state()).isEqualTo(ConnectorState.CONNECTED);
    assertThat(client.status().configSource()).isEqualTo(Snapshot.Source.COORDINATOR);

    // The gateway refuses to compile it: NACK, version_info stays 1.
    String n2 = coordinator.push(2, pattern("uncompilable", "("));
    ConfigRequest nack = next(coordinator.configRequests);
    assertThat(nack.getResponseNonce()).isEqualTo(n2);
    assertThat(nack.getVersionInfo()).isEqualTo(1);
    assertThat(nack.getErrorDetail().getMessage()).contains("does not compile");

    // Refused while decoding (unknown category): NACK naming the field.
    String n3 = coordinator.push(3, Config.newBuilder().addCustomPatterns(CustomPattern.newBuilder()
        .setName("x").setPattern("x").setCategory("NOPE")).build());
    ConfigRequest nack2 = next(coordinator.configRequests);
    assertThat(nack2.getResponseNonce()).isEqualTo(n3);
    assertThat(nack2.getVersionInfo()).isEqualTo(1);
    assertThat(nack2.getErrorDetail().getMessage()).startsWith("custom_patterns[0].category: 'NOPE'");
    assertThat(client.status().lastNack().version()).isEqualTo(3);
    assertThat(client.status().configVersion()).isEqualTo(1);

    coordinator.push(5, Config.getDefaultInstance());
    assertThat(next(coordinator.configRequests).getVersionInfo()).isEqualTo(5);
    assertThat(next(applied).version()).isEqualTo(5);

    // Versions only go up: an older one is refused, the same one is acknowledged without reapplying.
    coordinator.push(4, Config.getDefaultInstance());
    ConfigRequest older = next(coordinator.configRequests);
    assertThat(older.getVersionInfo()).isEqualTo(5);
    assertThat(older.getErrorDetail().getMessage()).isEqualTo("version: 4 (expected: > 5, the version this gateway runs)");
    coordinator.push(5, Config.getDefaultInstance());
    ConfigRequest same = next(coordinator.configRequests);
    assertThat(same.getVersionInfo()).isEqualTo(5);
    assertThat(same.hasErrorDetail()).isFalse();
    assertThat(applied).isEmpty();
    assertThat(registry.get("aegis.connector.updates").tag("outcome", "nack").counter().count()).isEqualTo(3);
    assertThat(registry.get("aegis.connector.state").gauge().value()).isEqualTo(2);
  }

  @Test
  void reconnectsWithJitteredExponentialBackoffAndStartsOverAfterASuccess() throws Exception {
    coordinator.registerFailure = Status.UNAVAILABLE.withDescription("down");
    client = newClient(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2, 0.2, new Random(42)));
    client.start();
    double[] expected = {1, 2, 4, 8, 16, 30, 30};
    for (int i = 0; i < expected.length; i++) {
      next(coordinator.registrations);
      timer.awaitScheduled(i + 1, BACKOFF_MAX);
      Duration delay = lastBackoffDelay();
      assertThat(delay.toMillis() / 1000.0).as("attempt %d", i + 1)
          .isBetween(expected[i] * 0.8, expected[i] * 1.2);
      assertThat(client.state()).isEqualTo(ConnectorState.BACKOFF);
      assertThat(coordinator.registrations).isEmpty(); // nothing before the delay has passed
      if (i == expected.length - 1) {
        coordinator.registerFailure = null; // before the timer fires the next attempt, which runs at once
      }
      timer.advance(delay);
    }
    next(coordinator.registrations);
    next(coordinator.configRequests);
    coordinator.push(1, Config.getDefaultInstance());
    next(coordinator.configRequests);
    assertThat(client.state()).isEqualTo(ConnectorState.CONNECTED);

    int before = backoffDelays();
    coordinator.breakStream(Status.UNAVAILABLE.withDescription("coordinator restarting"));
    timer.awaitScheduled(before + 1, BACKOFF_MAX);
    assertThat(backoffDelays()).isEqualTo(before + 1);
    assertThat(lastBackoffDelay().toMillis()).isBetween(800L, 1200L); // reset by the success
    assertThat(client.status().lastError()).contains("coordinator restarting");
  }

  @Test
  void aRefusedJoinKeyIsReportedAsRejected() throws Exception {
    coordinator.registerFailure = Status.UNAUTHENTICATED.withDescription("join key revoked");
    client = newClient(Backoff.standard());
    client.start();
    next(coordinator.registrations);
    timer.awaitScheduled(1, BACKOFF_MAX);
    assertThat(client.state()).isEqualTo(ConnectorState.REJECTED);
    assertThat(client.status().lastError()).isEqualTo("UNAUTHENTICATED: join key revoked");
    assertThat(registry.get("aegis.connector.state").gauge().value()).isEqualTo(4);
  }

  @Test
  void servesTheLastGoodConfigFromDiskWhenTheCoordinatorCannotBeReached() throws Exception {
    connectAndOpenStream();
    coordinator.push(3, pattern("acme-key", "ACME_[0-9a-f]{32}"));
    next(coordinator.configRequests);
    next(applied);
    client.close();
    client = null;
    Path saved = stateDir.resolve(StateStore.CONFIG_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir))).isEqualTo("rwx------");

    coordinator.registerFailure = Status.UNAVAILABLE;
    client = newClient(Backoff.standard());
    client.start(); // returns once the persisted config is applied
    Snapshot persisted = applied.poll();
    assertThat(persisted).isNotNull();
    assertThat(persisted.version()).isEqualTo(3);
    assertThat(persisted.source()).isEqualTo(Snapshot.Source.PERSISTED);
    assertThat(persisted.config().customPatterns()).hasSize(1);
    assertThat(client.status().configSource()).isEqualTo(Snapshot.Source.PERSISTED);
    assertThat(next(coordinator.registrations).getInstanceId()).isEqualTo("gw_0123456789abcdef"); // kept on disk

    coordinator.registerFailure = null;
    timer.awaitScheduled(1, BACKOFF_MAX);
    timer.advance(Duration.ofMinutes(1));
    next(coordinator.registrations);
    assertThat(next(coordinator.configRequests).getVersionInfo()).isEqualTo(3);
    coordinator.push(3, pattern("acme-key", "ACME_[0-9a-f]{32}"));
    assertThat(next(coordinator.configRequests).hasErrorDetail()).isFalse();
    assertThat(applied).isEmpty(); // the same version is not applied twice
    assertThat(client.status().configSource()).isEqualTo(Snapshot.Source.COORDINATOR);
  }

  @Test
  void reportsHealthWithItsUsagePerOrganization() throws Exception {
    connectAndOpenStream();
    timer.awaitScheduled(1, HEALTH);
    timer.advance(HEALTH);
    var report = next(coordinator.reports);
    assertThat(report.getInstanceId()).isEqualTo("gw_0123456789abcdef");
    assertThat(report.getActiveExchanges()).isEqualTo(3);
    assertThat(report.getSlis().getErrors5Xx()).isEqualTo(2);
    assertThat(report.getUsage(0).getOrgId()).isEqualTo("org_a");
    assertThat(report.getHeapMaxBytes()).isPositive();
  }

  @Test
  void aLeaseCallWaitsForTheStreamCarriesTheInstanceIdAndFailsAtItsDeadlineWithoutOne() throws Exception {
    LeaseRequest ask = LeaseRequest.newBuilder().addLeases(LeaseState.newBuilder().setSubject("k:key_1").setLimit(60)
        .setWant(5)).build();
    connectAndOpenStream(); // registered, stream open, no snapshot yet: not connected
    CompletableFuture<LeaseResponse> early = client.acquireLeases(ask, Duration.ofSeconds(2));
    CompletableFuture<LeaseResponse> late = client.acquireLeases(ask, Duration.ofSeconds(1));
    timer.advance(Duration.ofMillis(1500)); // the second one's deadline passes first
    assertThatThrownBy(late::join).hasRootCauseMessage("DEADLINE_EXCEEDED: no lease answer within 1000 ms");
    assertThat(early).isNotDone();
    coordinator.push(1, pattern("acme-key", "ACME_[0-9a-f]{32}"));
    LeaseResponse answer = early.get(10, TimeUnit.SECONDS);
    assertThat(answer.getGrants(0).getGranted()).isEqualTo(5);
    LeaseRequest sent = next(coordinator.leaseRequests);
    assertThat(sent.getInstanceId()).isEqualTo("gw_0123456789abcdef");
    assertThat(coordinator.leaseRequests).isEmpty(); // the expired call never left
  }

  @Test
  void aLeaseCallStillWaitingForTheStreamFailsWhenTheClientCloses() throws Exception {
    connectAndOpenStream(); // no snapshot yet: not connected
    CompletableFuture<LeaseResponse> waiting = client.acquireLeases(LeaseRequest.getDefaultInstance(),
        Duration.ofMinutes(5));
    client.close();
    client = null;
    assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
        .hasRootCauseMessage("UNAVAILABLE: the coordinator client is closed");
  }

  @Test
  void auditShippingIsBoundedCountsDropsAndRetriesUndeliveredBatches() throws Exception {
    coordinator.registerFailure = Status.UNAVAILABLE;
    client = newClient(Backoff.standard());
    client.start();
    next(coordinator.registrations);
    AuditShipper shipper = client.audit();
    for (int i = 0; i < 6; i++) {
      shipper.offer(AuditEvent.newBuilder().setRequestId("req_" + i).build()); // queue of 4
    }
    assertThat(shipper.dropped()).isEqualTo(2);
    assertThat(shipper.queued()).isEqualTo(4); // not registered yet: nothing leaves

    coordinator.registerFailure = null;
    coordinator.auditFailure = Status.UNAVAILABLE;
    timer.awaitScheduled(1, BACKOFF_MAX);
    timer.advance(Duration.ofMinutes(1)); // reconnect
    next(coordinator.configRequests);
    timer.advance(Duration.ofHours(2)); // audit tick: the batch fails
    assertThat(next(coordinator.auditRefused).getEventsCount()).isEqualTo(2);
    timer.awaitScheduledExactly(2, Duration.ofHours(2)); // the tick after it
    coordinator.auditFailure = null;
    timer.advance(Duration.ofHours(2)); // retried first, with the drop count
    var batch = next(coordinator.audit);
    assertThat(batch.getEventsList()).extracting(AuditEvent::getRequestId).containsExactly("req_0", "req_1");
    assertThat(batch.getDropped()).isEqualTo(2);
    var rest = next(coordinator.audit); // the queue still held a full batch: sent at once
    assertThat(rest.getEventsList()).extracting(AuditEvent::getRequestId).containsExactly("req_2", "req_3");
    assertThat(rest.getDropped()).isZero();
  }

  private int backoffDelays() {
    return timer.count(BACKOFF_MAX);
  }

  private Duration lastBackoffDelay() {
    return timer.last(BACKOFF_MAX);
  }
}
