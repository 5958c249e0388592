package io.takumo.aegis.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.UpstreamSpec;
import io.takumo.aegis.proxy.http.FailureLog;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.ReadGate;
import io.takumo.aegis.proxy.shield.ShieldRuntime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Upstream connections as embedded channels, for handler tests of the relay: pooled (ready at
 * once) or new (ready when the test says). What the relay writes upstream is read from each
 * channel's outbound queue; answers are written into its inbound side.
 */
public final class EmbeddedOrigins implements OriginPool {
  private final ProxyMetrics metrics;
  private final boolean pooled;
  private final List<EmbeddedChannel> opened = new ArrayList<>();
  private @Nullable Promise<Channel> pending;
  /** Whether the last connection given back was reusable; null before any. */
  public @Nullable Boolean releasedReusable;

  public EmbeddedOrigins(ProxyMetrics metrics, boolean pooled) {
    this.metrics = metrics;
    this.pooled = pooled;
  }

  /** A relay handler that takes its upstream connections from {@code origins}. */
  public static RelayHandler relay(GatewayConfig config, EmbeddedOrigins origins, ProxyMetrics metrics,
      ShieldRuntime shield) {
    return new RelayHandler(config, origins, metrics, shield, new FailureLog());
  }

  @Override
  public Future<Channel> acquire(EventLoop loop, UpstreamSpec upstream) {
    EmbeddedChannel channel = new EmbeddedChannel();
    ReadGate.install(channel, metrics);
    channel.pipeline().addLast(new OriginHandler());
    opened.add(channel);
    if (pooled) {
      return loop.newSucceededFuture(channel);
    }
    Promise<Channel> promise = loop.newPromise();
    pending = promise;
    return promise;
  }

  /** Opens the connection the relay waits for, if it waits. */
  public void connect() {
    Promise<Channel> p = pending;
    if (p != null) {
      pending = null;
      p.setSuccess(opened.get(opened.size() - 1));
    }
  }

  /** How many connections the relay asked for. */
  public int acquired() {
    return opened.size();
  }

  /** The last connection the relay asked for. */
  public EmbeddedChannel origin() {
    assertThat(opened).as("an upstream connection").isNotEmpty();
    return opened.get(opened.size() - 1);
  }

  public List<EmbeddedChannel> all() {
    return List.copyOf(opened);
  }

  @Override
  public void release(Channel channel, boolean reusable) {
    channel.pipeline().get(OriginHandler.class).detach();
    releasedReusable = reusable;
  }
}
