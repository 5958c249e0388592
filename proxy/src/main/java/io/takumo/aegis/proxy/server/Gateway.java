package io.takumo.aegis.proxy.server;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.micrometer.core.instrument.FunctionCounter;
import io.takumo.aegis.coordinator.client.ConfigDecoder;
import io.takumo.aegis.coordinator.client.ConfigRejectedException;
import io.takumo.aegis.coordinator.client.CoordinatorClient;
import io.takumo.aegis.coordinator.client.FleetConfig;
import io.takumo.aegis.coordinator.client.Snapshot;
import io.takumo.aegis.proto.ConfigFiles;
import io.takumo.aegis.proxy.audit.AuditLog;
import io.takumo.aegis.proxy.audit.AuditSink;
import io.takumo.aegis.proxy.audit.JsonlAuditSink;
import io.takumo.aegis.proxy.audit.ShippingAuditSink;
import io.takumo.aegis.proxy.auth.Authenticator;
import io.takumo.aegis.proxy.auth.KeyStore;
import io.takumo.aegis.proxy.config.ConfigException;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.proxy.config.RuntimeConfigHolder;
import io.takumo.aegis.proxy.config.UpstreamSpec;
import io.takumo.aegis.proxy.forward.CertificateAuthority;
import io.takumo.aegis.proxy.forward.LeafCertificates;
import io.takumo.aegis.proxy.http.ExchangeTracker;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.ratelimit.FleetLeases;
import io.takumo.aegis.proxy.ratelimit.RateLimiter;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.shield.ConversationVault;
import io.takumo.aegis.proxy.shield.SeenStrings;
import io.takumo.aegis.proxy.shield.Sessions;
import io.takumo.aegis.proxy.shield.ShieldRuntime;
import io.takumo.aegis.proxy.upstream.UpstreamClient;
import io.takumo.aegis.proxy.upstream.UpstreamRequests;
import java.io.IOException;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: the listening socket, its event loops, the upstream pools.
 *
 * <p>{@link #start} binds and returns once the gateway accepts connections. {@link #close} drains:
 * readiness turns 503, the listener closes, in-flight exchanges get up to the shutdown timeout, then
 * every connection closes. Thread-safe.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  private final GatewayConfig config;
  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final UpstreamClient upstreams;
  private final ExchangeTracker tracker;
  private final ProxyMetrics metrics;
  private final ChannelGroup clientChannels;
  private final Channel serverChannel;
  private final AuditLog audit;
  private final ShieldRuntime shield;
  private final RuntimeConfigHolder runtime;
  private final @Nullable CoordinatorClient coordinator;
  private final @Nullable FleetLeases leases;
  /** How long a request may wait for a lease refill before the fallback limit decides. */
  private static final java.time.Duration LEASE_DEADLINE = java.time.Duration.ofSeconds(1);
  private final GatewayStores stores;
  private final @Nullable ServerTls tls;
  private boolean closed;

  private Gateway(GatewayConfig config, EventLoopGroup bossGroup, EventLoopGroup workerGroup, UpstreamClient upstreams,
      ExchangeTracker tracker, ProxyMetrics metrics, ChannelGroup clientChannels, Channel serverChannel, AuditLog audit,
      ShieldRuntime shield, RuntimeConfigHolder runtime, @Nullable CoordinatorClient coordinator,
      @Nullable FleetLeases leases, GatewayStores stores, @Nullable ServerTls tls) {
    this.tls = tls;
    this.leases = leases;
    this.stores = stores;
    this.shield = shield;
    this.runtime = runtime;
    this.coordinator = coordinator;
    this.config = config;
    this.bossGroup = bossGroup;
    this.workerGroup = workerGroup;
    this.upstreams = upstreams;
    this.tracker = tracker;
    this.metrics = metrics;
    this.clientChannels = clientChannels;
    this.serverChannel = serverChannel;
    this.audit = audit;
  }

  /**
   * Reads the TLS certificate files again (SIGHUP); new connections get what loads, and when it
   * does not load the current certificates stay. Changed files are also picked up on their own
   * within seconds. Nothing to do for plain HTTP.
   */
  public void reloadCertificates() {
    if (tls != null) {
      tls.reload();
    }
  }

  /** Where this gateway keeps its keys and audit trail. */
  public GatewayStores stores() {
    return stores;
  }

  /** The audit queue (tests flush it). */
  public AuditLog audit() {
    return audit;
  }

  /**
   * Turns Netty's leak detection off unless {@code -Dio.netty.leakDetection.level} (or the old
   * {@code io.netty.leakDetectionLevel}) asks for it; call before the first buffer. Netty's default
   * samples one buffer in 128 with a stack trace: about 3% of the relay's CPU in a profile. The tests
   * run PARANOID and fail on any leak; a production gateway runs without it (docs/decisions.md).
   */
  public static void leakDetectionAsInProduction() {
    if (System.getProperty("io.netty.leakDetection.level") == null
        && System.getProperty("io.netty.leakDetectionLevel") == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
  }

  /**
   * Starts a gateway the way {@code takumo-aegis gateway} does: with the key store and audit sink
   * its configuration names and their background work ({@link GatewayStores}), and the embedded
   * default's persistent token key. Fails with a {@link ConfigException} on bad config.
   */
  public static Gateway start(GatewayConfig config) throws InterruptedException {
    GatewayStores stores = GatewayStores.open(config);
    try {
      byte[] tokenKey = stores.defaultTokenKey(config);
      return start(tokenKey == null ? config : config.withTokenKey(tokenKey), stores);
    } catch (RuntimeException | InterruptedException e) {
      stores.close();
      throw e;
    }
  }

  /** Starts with a key store of the caller's (tests that share one between gateways) and the JSONL audit sink. */
  public static Gateway start(GatewayConfig config, KeyStore keyStore) throws InterruptedException {
    return start(config, keyStore, new JsonlAuditSink(config.auditFile()));
  }

  /** Starts with a key store and an audit sink of the caller's, which the caller closes. */
  public static Gateway start(GatewayConfig config, KeyStore keyStore, AuditSink auditSink) throws InterruptedException {
    return start(config, GatewayStores.of(keyStore, auditSink));
  }

  /** Binds the listener and starts serving; the gateway closes {@code stores} when it stops. */
  private static Gateway start(GatewayConfig config, GatewayStores stores) throws InterruptedException {
    requireNonNull(config, "config");
    KeyStore keyStore = stores.keys();
    AuditSink auditSink = stores.audit();
    ProxyMetrics metrics = new ProxyMetrics();
    ExchangeTracker tracker = new ExchangeTracker();
    GatewayConfig.FleetSettings fleet = config.fleet();
    RuntimeConfigHolder runtime = new RuntimeConfigHolder(fleet.coordinatorUrl() != null
        ? RuntimeConfig.awaitingCoordinator(config) : localConfig(config));
    CoordinatorClient coordinator = null;
    FleetLeases leases = null;
    if (fleet.coordinatorUrl() != null) {
      coordinator = coordinatorClient(config, runtime, keyStore, metrics, tracker);
      auditSink = new ShippingAuditSink(auditSink, coordinator.audit());
      coordinator.start(); // the last good config on disk, if any, is running when this returns
      CoordinatorClient c = coordinator;
      leases = new FleetLeases(request -> c.acquireLeases(request, LEASE_DEADLINE), fleet.clock(), fleet.stateDir(),
          metrics.registry());
    }
    AuditLog audit = new AuditLog(auditSink, 10_000);
    Transport transport = Transport.best();
    ServerTls serverTls = ServerTls.load(config);
    EventLoopGroup boss = transport.newGroup(1, "aegis-accept");
    EventLoopGroup workers = transport.newGroup(config.ioThreads(), "aegis-io");
    UpstreamClient upstreams = new UpstreamClient(config, transport, metrics);
    Authenticator authenticator = new Authenticator(keyStore, config.environment(), Clock.systemUTC());
    ChannelGroup clients = new DefaultChannelGroup("aegis-clients", GlobalEventExecutor.INSTANCE);
    ShieldRuntime shield = new ShieldRuntime(config);
    metrics.sessions(shield.sessions(), Sessions::count);
    ConversationVault conversations = shield.conversations();
    if (conversations != null) {
      metrics.conversationVault(conversations, ConversationVault::size, ConversationVault::weight);
    }
    SeenStrings seen = shield.seenStrings();
    if (seen != null) {
      metrics.scanMemo(seen, SeenStrings::hits, SeenStrings::misses, SeenStrings::size, SeenStrings::weight);
    }
    LeafCertificates leaves = null;
    try {
      leaves = new LeafCertificates(CertificateAuthority.of(config.forwardProxy()), config.http2(), metrics.registry());
    } catch (RuntimeException e) { // a read-only state (a sidecar's keys from a Secret): the rest still serves
      log.warn("forward proxy: no interception, the CA cannot be read or made ({}); set TAKUMO_CA_DIR to a writable "
          + "directory or bring one with TAKUMO_CA_CERT/TAKUMO_CA_KEY", e.getMessage());
    }
    ForwardProxy forwardProxy = new ForwardProxy(config.forwardProxy(), leaves, config.http2(), authenticator,
        upstreams::tunnel, audit, metrics.registry());
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(boss, workers)
        .channel(transport.serverChannel())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, UpstreamClient.WATER_MARK)
        .childHandler(new ClientChannelInitializer(config, serverTls, authenticator, upstreams, tracker, metrics,
            clients, new RateLimiter(runtime.current().defaults(), Clock.systemUTC(), 100_000, leases), audit, shield,
            runtime, new FleetApi(coordinator == null ? null : coordinator::status, leases == null ? null : leases::status),
            forwardProxy));
    FunctionCounter.builder("aegis.audit.events.discarded", audit, AuditLog::discarded)
        .description("Audit events dropped because the queue was full or the sink failed")
        .register(metrics.registry());
    Channel server;
    try {
      server = bootstrap.bind(config.listen()).sync().channel();
    } catch (Exception e) {
      if (serverTls != null) {
        serverTls.close();
      }
      workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      upstreams.close();
      audit.close();
      shield.close();
      if (leases != null) {
        leases.close();
      }
      if (coordinator != null) {
        coordinator.close();
      }
      throw new ConfigException("TAKUMO_LISTEN_ADDR: " + config.listen() + " cannot be bound (" + e.getMessage()
          + "); expected a free local address and port");
    }
    log.info("gateway listening on {} ({}, {}, {} environment, {} I/O threads)", server.localAddress(),
        config.tlsEnabled() ? "TLS" : "plain HTTP", transport.name(), config.environment().wireName(),
        config.ioThreads());
    for (Provider provider : Provider.values()) {
      UpstreamSpec spec = runtime.current().upstream(provider);
      log.info("upstream {}: {} (POST {} goes to {})", provider.id(), spec.baseUrl(), provider.sampleRoute(),
          UpstreamRequests.url(spec, provider.sampleRoute()));
    }
    return new Gateway(config, boss, workers, upstreams, tracker, metrics, clients, server, audit, shield, runtime,
        coordinator, leases, stores, serverTls);
  }

  private static CoordinatorClient coordinatorClient(GatewayConfig config, RuntimeConfigHolder runtime, KeyStore keyStore,
      ProxyMetrics metrics, ExchangeTracker tracker) {
    GatewayConfig.FleetSettings fleet = config.fleet();
    String version = Gateway.class.getPackage().getImplementationVersion();
    try {
      return CoordinatorClient.builder()
          .coordinator(requireNonNull(fleet.coordinatorUrl()))
          .joinKey(requireNonNull(fleet.joinKey()))
          .trustedCa(fleet.coordinatorCa())
          .stateDir(fleet.stateDir())
          .version(version == null ? "dev" : version)
          .listener(new FleetListener(config, runtime, keyStore))
          .health(() -> metrics.health(tracker.inFlight()))
          .registry(metrics.registry())
          .build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(String.valueOf(e.getMessage()));
    }
  }

  /** The gateway's own settings, overlaid with {@code TAKUMO_CONFIG_FILE} when set; a bad file fails start-up. */
  private static RuntimeConfig localConfig(GatewayConfig config) {
    Path file = config.fleet().configFile();
    if (file == null) {
      return RuntimeConfig.local(config);
    }
    try {
      FleetConfig fleet = ConfigDecoder.decode(ConfigFiles.read(file));
      return RuntimeConfig.compile(config, new Snapshot(0, fleet, Snapshot.Source.LOCAL));
    } catch (IOException e) {
      throw new ConfigException("TAKUMO_CONFIG_FILE: " + e.getMessage());
    } catch (ConfigRejectedException e) {
      throw new ConfigException("TAKUMO_CONFIG_FILE: " + file + ": " + e.getMessage());
    }
  }

  /** The configuration new requests start with. */
  public RuntimeConfig runtime() {
    return runtime.current();
  }

  /** The coordinator client, or null for a gateway without a coordinator. */
  public @Nullable CoordinatorClient coordinator() {
    return coordinator;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  public int port() {
    return address().getPort();
  }

  public ProxyMetrics metrics() {
    return metrics;
  }

  public ExchangeTracker exchanges() {
    return tracker;
  }

  /**
   * Starts draining now: readiness answers 503, the listener closes, every HTTP/1.1 response closes
   * its connection and every HTTP/2 connection gets GOAWAY (its open streams finish, no new ones
   * start). Completes when no exchange is in flight. Idempotent.
   */
  public CompletableFuture<Void> drain() {
    CompletableFuture<Void> drained = tracker.drain();
    serverChannel.close();
    for (Channel client : clientChannels) {
      ClientChannelInitializer.goAway(client);
    }
    return drained;
  }

  /** Drains for up to the shutdown timeout, then closes every connection and stops; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    log.info("draining: {} exchange(s) in flight, waiting up to {} s", tracker.inFlight(),
        config.shutdownTimeout().toSeconds());
    try {
      drain().get(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("shutdown timeout reached with {} exchange(s) still in flight; closing them", tracker.inFlight());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.warn("draining failed: {}", String.valueOf(e.getCause()));
    }
    serverChannel.close().syncUninterruptibly();
    clientChannels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    upstreams.close();
    audit.close(); // writes what is queued (and hands it to the coordinator's shipper)
    if (leases != null) {
      leases.close(); // the tokens it holds go back to the fleet
    }
    if (coordinator != null) {
      coordinator.close(); // ships what it can, closes the stream
    }
    shield.close(); // zeroes the REST sessions' vaults
    stores.close();
    if (tls != null) {
      tls.close();
    }
    log.info("gateway stopped");
  }
}
