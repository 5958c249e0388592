package io.takumo.aegis.proxy.upstream;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.takumo.aegis.proxy.config.UpstreamSpec;

/**
 * Where an exchange gets its upstream connection and gives it back: {@link UpstreamClient} in the
 * gateway, a test's own origin channels in handler tests. A connection's pipeline ends in the
 * package's origin handler. Both calls run on {@code loop}, the client connection's event loop.
 */
public interface OriginPool {
  /** A connection to {@code upstream} on {@code loop}: done at once when a pooled one is idle. */
  Future<Channel> acquire(EventLoop loop, UpstreamSpec upstream);

  /** Gives a connection back: pooled when {@code reusable}, closed otherwise. */
  void release(Channel channel, boolean reusable);
}
