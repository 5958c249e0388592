package io.takumo.aegis.proxy.server;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.ssl.SslContext;
import io.takumo.aegis.proxy.audit.AuditLog;
import io.takumo.aegis.proxy.auth.Authenticator;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.RuntimeConfigHolder;
import io.takumo.aegis.proxy.http.ConnectionLimit;
import io.takumo.aegis.proxy.http.ExchangeTracker;
import io.takumo.aegis.proxy.http.FailureLog;
import io.takumo.aegis.proxy.http.HeaderTimeout;
import io.takumo.aegis.proxy.http.IdleTimeout;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.ReadGate;
import io.takumo.aegis.proxy.http.RequestContextHandler;
import io.takumo.aegis.proxy.ratelimit.RateLimitHandler;
import io.takumo.aegis.proxy.ratelimit.RateLimiter;
import io.takumo.aegis.proxy.shield.ShieldRuntime;
import io.takumo.aegis.proxy.upstream.RelayHandler;
import io.takumo.aegis.proxy.upstream.OriginPool;
import org.jspecify.annotations.Nullable;

/**
 * Assembles a client connection's pipeline in the order {@link HandlerNames} documents (for a socket, or
 * an embedded channel in tests, which then run the pipeline the gateway runs).
 */
final class ClientChannelInitializer extends ChannelInitializer<Channel> {
  /** Longest request line: long query strings happen, 16 KiB is far past any provider route. */
  private static final int MAX_INITIAL_LINE = 16 << 10;

  private final GatewayConfig config;
  private final @Nullable SslContext sslContext;
  private final Authenticator authenticator;
  private final OriginPool upstreams;
  private final ExchangeTracker tracker;
  private final ProxyMetrics metrics;
  private final LocalRoutesHandler localRoutes;
  private final ChannelGroup clients;
  private final RateLimiter limiter;
  private final RateLimitHandler rateLimit;
  private final AuditLog audit;
  private final ShieldRuntime shield;
  private final RuntimeConfigHolder runtime;
  private final ConnectionLimit connectionLimit;
  private final FailureLog failures = new FailureLog();

  ClientChannelInitializer(GatewayConfig config, @Nullable SslContext sslContext, Authenticator authenticator,
      OriginPool upstreams, ExchangeTracker tracker, ProxyMetrics metrics, ChannelGroup clients,
      RateLimiter limiter, AuditLog audit, ShieldRuntime shield, RuntimeConfigHolder runtime, FleetApi fleet) {
    this.runtime = requireNonNull(runtime, "runtime");
    this.shield = requireNonNull(shield, "shield");
    this.config = requireNonNull(config, "config");
    this.sslContext = sslContext;
    this.authenticator = requireNonNull(authenticator, "authenticator");
    this.upstreams = requireNonNull(upstreams, "upstreams");
    this.tracker = requireNonNull(tracker, "tracker");
    this.metrics = requireNonNull(metrics, "metrics");
    this.localRoutes = new LocalRoutesHandler(tracker, metrics, new AuditApi(audit), new ShieldApi(shield, config.maxBodyBytes()),
        fleet, authenticator.store());
    this.audit = requireNonNull(audit, "audit");
    this.clients = requireNonNull(clients, "clients");
    this.limiter = requireNonNull(limiter, "limiter");
    this.rateLimit = new RateLimitHandler(limiter, metrics, runtime);
    this.connectionLimit = new ConnectionLimit(config.maxConnectionsPerIp(), metrics);
  }

  @Override
  protected void initChannel(Channel ch) {
    clients.add(ch); // closed on shutdown after draining
    ReadGate.install(ch, metrics);
    ch.pipeline().addLast(HandlerNames.CONNECTION_LIMIT, connectionLimit); // @Sharable
    if (sslContext != null) {
      ch.pipeline().addLast(HandlerNames.TLS, sslContext.newHandler(ch.alloc()));
    }
    HeaderTimeout headerTimeout = new HeaderTimeout(config.headerTimeout(), metrics);
    ch.pipeline()
        .addLast(HandlerNames.IDLE, new IdleTimeout(config.clientIdleTimeout()))
        .addLast(HandlerNames.HEADER_TIMEOUT, headerTimeout.bytes())
        .addLast(HandlerNames.HTTP_CODEC, new HttpServerCodec(new HttpDecoderConfig()
            .setMaxInitialLineLength(MAX_INITIAL_LINE)
            .setMaxHeaderSize(config.maxHeaderBytes())))
        .addLast(HandlerNames.HEADS, headerTimeout.heads())
        .addLast(HandlerNames.REQUEST_CONTEXT, new RequestContextHandler(tracker, metrics, audit, config.maxBodyBytes(), runtime))
        .addLast(HandlerNames.AUTH, new AuthHandler(authenticator, metrics, limiter, runtime))
        .addLast(HandlerNames.RATE_LIMIT, rateLimit) // @Sharable
        .addLast(HandlerNames.EXPECT_CONTINUE, new HttpServerExpectContinueHandler())
        .addLast(HandlerNames.LOCAL_ROUTES, localRoutes) // @Sharable
        .addLast(HandlerNames.RELAY, new RelayHandler(config, upstreams, metrics, shield, failures));
  }
}
