package io.takumo.aegis.proxy.upstream;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.UpstreamSpec;
import io.takumo.aegis.proxy.config.UpstreamTls;
import io.takumo.aegis.proxy.http.IdleTimeout;
import io.takumo.aegis.proxy.http.PauseReason;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.ReadGate;
import io.takumo.aegis.proxy.server.HandlerNames;
import io.takumo.aegis.proxy.server.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Opens and pools keep-alive connections to the providers.
 *
 * <p>Each event loop has its own pool, so a connection is always used on the loop of the client
 * connection it serves and the pool needs no lock. {@link #acquire} and {@link #release} must be
 * called on {@code loop}. Connections idle in a pool for longer than the configured time are
 * closed.
 */
public final class UpstreamClient implements OriginPool, AutoCloseable {
  /** Both sides of the relay: pause at 64 KiB queued, resume at 32 KiB. */
  public static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 << 10, 64 << 10);
  private static final AttributeKey<OriginKey> ORIGIN = AttributeKey.valueOf(UpstreamClient.class, "origin");

  private final GatewayConfig config;
  private final Transport transport;
  private final ProxyMetrics metrics;
  private final SslContext sslContext;
  private final AddressResolverGroup<InetSocketAddress> resolver;
  private final Map<EventLoop, Map<OriginKey, ArrayDeque<Channel>>> pools = new ConcurrentHashMap<>();

  public UpstreamClient(GatewayConfig config, Transport transport, ProxyMetrics metrics) {
    this.config = requireNonNull(config, "config");
    this.transport = requireNonNull(transport, "transport");
    this.metrics = requireNonNull(metrics, "metrics");
    this.sslContext = clientSslContext(config);
    this.resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
        .datagramChannelType(transport.datagramChannel())
        .socketChannelType(transport.socketChannel()));
  }

  /** A connection to {@code upstream} on {@code loop}: pooled when one is idle, new otherwise. */
  @Override
  public Future<Channel> acquire(EventLoop loop, UpstreamSpec upstream) {
    SslContext ssl = upstream.sslContext();
    OriginKey key = new OriginKey(upstream.tls(), upstream.host(), upstream.port(), ssl != null ? ssl : sslContext);
    ArrayDeque<Channel> idle = pools.computeIfAbsent(loop, l -> new HashMap<>()).get(key);
    Channel pooled;
    while (idle != null && (pooled = idle.pollLast()) != null) {
      if (pooled.isActive()) {
        metrics.upstreamConnected(true);
        return loop.newSucceededFuture(pooled);
      }
    }
    return connect(loop, key);
  }

  /** Gives a connection back: pooled when {@code reusable}, closed otherwise. */
  @Override
  public void release(Channel channel, boolean reusable) {
    channel.pipeline().get(OriginHandler.class).detach();
    ReadGate.of(channel).resume(PauseReason.PEER_UNWRITABLE);
    if (!reusable || !channel.isActive()) {
      channel.close();
      return;
    }
    OriginKey key = channel.attr(ORIGIN).get();
    ArrayDeque<Channel> idle = pools.computeIfAbsent(channel.eventLoop(), l -> new HashMap<>())
        .computeIfAbsent(key, k -> new ArrayDeque<>());
    idle.addLast(channel);
  }

  private void forget(Channel channel) {
    Map<OriginKey, ArrayDeque<Channel>> pool = pools.get(channel.eventLoop());
    ArrayDeque<Channel> idle = pool == null ? null : pool.get(channel.attr(ORIGIN).get());
    if (idle != null) {
      idle.remove(channel);
    }
  }

  /**
   * A raw TCP connection to {@code host:port} on {@code loop} for a passthrough tunnel (SPEC §10): resolved
   * by the same asynchronous resolver, with the upstream connect timeout and watermarks, and
   * {@code handler} as its only handler. The caller checks where it got connected before using it.
   */
  public ChannelFuture tunnel(EventLoop loop, String host, int port, ChannelHandler handler) {
    return bootstrap(loop)
        .option(ChannelOption.AUTO_READ, false) // reads start once the client has its 200
        .handler(handler)
        .connect(InetSocketAddress.createUnresolved(host, port));
  }

  /** A connection on {@code loop}: the asynchronous resolver, the connect timeout, watermarks, no Nagle. */
  private Bootstrap bootstrap(EventLoop loop) {
    return new Bootstrap()
        .group(loop)
        .channel(transport.socketChannel())
        .resolver(resolver)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
        .option(ChannelOption.TCP_NODELAY, true);
  }

  private Future<Channel> connect(EventLoop loop, OriginKey key) {
    Promise<Channel> promise = loop.newPromise();
    Bootstrap bootstrap = bootstrap(loop)
        .attr(ORIGIN, key)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ReadGate.install(ch, metrics);
            if (key.tls()) {
              SslHandler ssl = key.ssl().newHandler(ch.alloc(), key.host(), key.port());
              ssl.setHandshakeTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
              ch.pipeline().addLast(HandlerNames.TLS, ssl);
            }
            ch.pipeline()
                .addLast(HandlerNames.IDLE, new IdleTimeout(config.upstreamPoolIdleTimeout()))
                .addLast(HandlerNames.HTTP_CODEC, new HttpClientCodec(new HttpDecoderConfig()
                    .setMaxHeaderSize(config.maxHeaderBytes())
                    .setMaxInitialLineLength(16 << 10), false, false))
                .addLast(HandlerNames.ORIGIN, new OriginHandler());
          }
        });
    SocketAddress address = InetSocketAddress.createUnresolved(key.host(), key.port());
    ChannelFuture connect = bootstrap.connect(address);
    connect.addListener(f -> {
      if (!f.isSuccess()) {
        promise.tryFailure(f.cause());
        return;
      }
      Channel channel = connect.channel();
      channel.closeFuture().addListener(c -> forget(channel));
      SslHandler ssl = channel.pipeline().get(SslHandler.class);
      if (ssl == null) {
        metrics.upstreamConnected(false);
        promise.trySuccess(channel);
        return;
      }
      ssl.handshakeFuture().addListener(h -> {
        if (h.isSuccess()) {
          metrics.upstreamConnected(false);
          promise.trySuccess(channel);
        } else {
          channel.close();
          promise.tryFailure(h.cause());
        }
      });
    });
    return promise;
  }

  @Override
  public void close() {
    resolver.close();
  }

  private static SslContext clientSslContext(GatewayConfig config) {
    try {
      return UpstreamTls.context(config.upstreamCaFile());
    } catch (SSLException e) {
      throw new UncheckedIOException(new IOException("upstream TLS context: " + e.getMessage(), e));
    }
  }

  /** Pool key: one pool per scheme, host, port and trust (a fleet config may give an upstream its own CA). */
  record OriginKey(boolean tls, String host, int port, SslContext ssl) {}
}
