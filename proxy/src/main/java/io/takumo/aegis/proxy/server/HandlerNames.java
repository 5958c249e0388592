package io.takumo.aegis.proxy.server;

/**
 * Names of the pipeline handlers, in pipeline order.
 *
 * <p>Client connections: {@link #CONNECTION_LIMIT} → {@link #TLS} (when configured) → {@link #PROTOCOL}
 * (ALPN, or the cleartext port's preface detection; replaced by what it chooses), then
 *
 * <ul>
 *   <li>HTTP/1.1: {@link #IDLE} → {@link #HEADER_TIMEOUT} → {@link #HTTP_CODEC} → {@link #HEADS} →
 *       {@link #FORWARD_PROXY} (on a connection's first level only: CONNECT and absolute-form requests) →
 *       the exchange handlers. A CONNECT replaces all of it: an intercepted tunnel starts again at
 *       {@link #TUNNEL_TLS} (a leaf for the host; after {@link #TLS} when the proxy itself is reached over TLS) → {@link #PROTOCOL}; a tunnel to the gateway itself at
 *       {@link #PROTOCOL}; a passthrough tunnel is {@link #IDLE} → {@link #TUNNEL} (bytes both ways);
 *   <li>HTTP/2: {@link #IDLE} → {@link #HTTP_CODEC} (the frame codec) → {@link #HTTP2_STREAMS} →
 *       {@link #HTTP2_CONNECTION} (idle and errors), and on each stream's child channel {@link #IDLE} →
 *       {@link #HTTP_CODEC} (frames to HTTP objects) → {@link #HEADS} (a request in one HEADERS frame
 *       split into head and end) → the exchange handlers.
 * </ul>
 *
 * <p>The exchange handlers: {@link #REQUEST_CONTEXT} → {@link #AUTH} → {@link #RATE_LIMIT} →
 * {@link #EXPECT_CONTINUE} → {@link #LOCAL_ROUTES} → {@link #RELAY}.
 *
 * <p>Origin connections: {@link #TLS} (for https upstreams) → {@link #IDLE} → {@link #HTTP_CODEC}
 * → {@link #ORIGIN}.
 */
public final class HandlerNames {
  public static final String CONNECTION_LIMIT = "connection-limit";
  public static final String TLS = "tls";
  public static final String PROTOCOL = "protocol";
  public static final String HTTP2_STREAMS = "http2-streams";
  public static final String HTTP2_CONNECTION = "http2-connection";
  public static final String IDLE = "idle";
  public static final String HEADER_TIMEOUT = "header-timeout";
  public static final String HTTP_CODEC = "http-codec";
  public static final String HEADS = "heads";
  public static final String FORWARD_PROXY = "forward-proxy";
  public static final String TUNNEL = "tunnel";
  public static final String TUNNEL_TLS = "tunnel-tls";
  public static final String REQUEST_CONTEXT = "request-context";
  public static final String AUTH = "auth";
  public static final String RATE_LIMIT = "rate-limit";
  public static final String EXPECT_CONTINUE = "expect-continue";
  public static final String LOCAL_ROUTES = "local-routes";
  public static final String RELAY = "relay";
  public static final String ORIGIN = "origin";

  private HandlerNames() {}
}
