package io.takumo.aegis.proxy.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.List;

/** Hop-by-hop header removal (RFC 9110 §7.6.1), for both directions of the relay. */
public final class HopByHop {
  private static final AsciiString KEEP_ALIVE = AsciiString.cached("keep-alive");
  private static final AsciiString PROXY_CONNECTION = AsciiString.cached("proxy-connection");

  private HopByHop() {}

  /** Removes the fixed hop-by-hop headers and every header the {@code Connection} header names. */
  public static void strip(HttpHeaders headers) {
    List<String> connection = headers.getAll(HttpHeaderNames.CONNECTION);
    for (String value : connection) {
      for (String token : value.split(",")) {
        String name = token.trim();
        if (!name.isEmpty()) {
          headers.remove(name);
        }
      }
    }
    headers.remove(HttpHeaderNames.CONNECTION)
        .remove(KEEP_ALIVE)
        .remove(PROXY_CONNECTION)
        .remove(HttpHeaderNames.TE)
        .remove(HttpHeaderNames.TRAILER)
        .remove(HttpHeaderNames.TRANSFER_ENCODING)
        .remove(HttpHeaderNames.UPGRADE)
        .remove(HttpHeaderNames.PROXY_AUTHENTICATE)
        .remove(HttpHeaderNames.PROXY_AUTHORIZATION);
  }
}
