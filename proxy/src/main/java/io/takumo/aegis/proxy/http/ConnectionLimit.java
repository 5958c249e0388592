package io.takumo.aegis.proxy.http;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the connections one client address holds open at once ({@code TAKUMO_MAX_CONNECTIONS_PER_IP}):
 * a connection past the cap is closed as it is accepted, before TLS or a byte of HTTP, and counted.
 * First in every client pipeline. Shared by all channels of a gateway; thread-safe.
 */
@Sharable
public final class ConnectionLimit extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionLimit.class);
  private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf(ConnectionLimit.class, "address");

  private final int perAddress;
  private final ProxyMetrics metrics;
  private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

  public ConnectionLimit(int perAddress, ProxyMetrics metrics) {
    if (perAddress < 1) {
      throw new IllegalArgumentException("perAddress: " + perAddress + " (expected: >= 1)");
    }
    this.perAddress = perAddress;
    this.metrics = requireNonNull(metrics, "metrics");
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress remote) || remote.getAddress() == null) {
      ctx.fireChannelActive(); // not an IP connection (tests' embedded channels)
      return;
    }
    InetAddress address = remote.getAddress();
    boolean[] admitted = new boolean[1];
    open.compute(address, (a, n) -> {
      int count = n == null ? 0 : n;
      admitted[0] = count < perAddress;
      return admitted[0] ? count + 1 : count;
    });
    if (!admitted[0]) {
      metrics.connectionRefused("per_ip_limit");
      log.debug("{} refused: {} connections from this address are open (TAKUMO_MAX_CONNECTIONS_PER_IP)",
          Conn.of(ctx.channel()), perAddress);
      ctx.close();
      return;
    }
    ctx.channel().attr(COUNTED).set(address);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    InetAddress address = ctx.channel().attr(COUNTED).getAndSet(null);
    if (address != null) {
      open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
    ctx.fireChannelInactive();
  }

  /** Connections open from {@code address} now. */
  public int open(InetAddress address) {
    return open.getOrDefault(address, 0);
  }
}
