package io.takumo.aegis.proxy.http;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.takumo.aegis.proxy.auth.Principal;
import org.jspecify.annotations.Nullable;

/**
 * A forward-proxy tunnel opened without a key by a caller in a trusted network ({@code TAKUMO_PROXY_TRUSTED_CIDRS}),
 * bound to its client connection: the requests inside that bring no Takumo key of their own run as {@code principal}.
 */
public record TrustedCaller(Principal principal) {
  private static final AttributeKey<TrustedCaller> ATTRIBUTE = AttributeKey.valueOf("aegis.trusted-caller");

  public void bind(Channel channel) {
    channel.attr(ATTRIBUTE).set(this);
  }

  /** The trusted caller of {@code channel}'s tunnel (or, for an HTTP/2 stream, its connection's), or null. */
  public static @Nullable Principal of(Channel channel) {
    TrustedCaller caller = Tunnel.ofConnection(channel, ATTRIBUTE);
    return caller == null ? null : caller.principal();
  }
}
