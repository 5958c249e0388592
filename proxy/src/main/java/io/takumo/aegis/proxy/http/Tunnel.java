package io.takumo.aegis.proxy.http;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.takumo.aegis.proxy.route.Provider;
import org.jspecify.annotations.Nullable;

/**
 * An intercepted forward-proxy tunnel (SPEC §10), bound to its client connection: every request inside
 * goes to {@code provider} (the intercepted host's), and authenticates with {@code key} (from the CONNECT's
 * {@code Proxy-Authorization}) when it carries no Takumo key of its own.
 *
 * @param host the host the client asked for ({@code api.anthropic.com})
 * @param provider the provider whose pipeline and upstream its requests take
 * @param key the Takumo key of the CONNECT, or null when the requests inside bring their own
 */
public record Tunnel(String host, Provider provider, @Nullable String key) {
  private static final AttributeKey<Tunnel> ATTRIBUTE = AttributeKey.valueOf("aegis.tunnel");

  public void bind(Channel channel) {
    channel.attr(ATTRIBUTE).set(this);
  }

  /** The tunnel {@code channel} (or, for an HTTP/2 stream, its connection) runs in, or null. */
  public static @Nullable Tunnel of(Channel channel) {
    return ofConnection(channel, ATTRIBUTE);
  }

  /** {@code key}'s value on {@code channel}, or for an HTTP/2 stream on its connection; null when neither has one. */
  static <T> @Nullable T ofConnection(Channel channel, AttributeKey<T> key) {
    T value = channel.attr(key).get();
    Channel parent = channel.parent();
    return value == null && parent != null && !(parent instanceof io.netty.channel.ServerChannel)
        ? parent.attr(key).get() : value;
  }

  @Override
  public String toString() { // never the key
    return "Tunnel[" + host + " → " + provider.id() + (key == null ? "" : ", authenticated") + ']';
  }
}
