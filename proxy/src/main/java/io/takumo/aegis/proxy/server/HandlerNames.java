package io.takumo.aegis.proxy.server;

/**
 * Names of the pipeline handlers, in pipeline order.
 *
 * <p>Client connections: {@link #CONNECTION_LIMIT} → {@link #TLS} (when configured) → {@link #IDLE} →
 * {@link #HEADER_TIMEOUT} → {@link #HTTP_CODEC} → {@link #HEADS} → {@link #REQUEST_CONTEXT} → {@link #AUTH} →
 * {@link #RATE_LIMIT} → {@link #EXPECT_CONTINUE} → {@link #LOCAL_ROUTES} → {@link #RELAY}.
 *
 * <p>Origin connections: {@link #TLS} (for https upstreams) → {@link #IDLE} → {@link #HTTP_CODEC}
 * → {@link #ORIGIN}.
 */
public final class HandlerNames {
  public static final String CONNECTION_LIMIT = "connection-limit";
  public static final String TLS = "tls";
  public static final String IDLE = "idle";
  public static final String HEADER_TIMEOUT = "header-timeout";
  public static final String HTTP_CODEC = "http-codec";
  public static final String HEADS = "heads";
  public static final String REQUEST_CONTEXT = "request-context";
  public static final String AUTH = "auth";
  public static final String RATE_LIMIT = "rate-limit";
  public static final String EXPECT_CONTINUE = "expect-continue";
  public static final String LOCAL_ROUTES = "local-routes";
  public static final String RELAY = "relay";
  public static final String ORIGIN = "origin";

  private HandlerNames() {}
}
