package io.takumo.aegis.proxy.server;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2LocalFlowController;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.Future;
import io.takumo.aegis.proxy.audit.AuditLog;
import io.takumo.aegis.proxy.auth.Authenticator;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.Http2Limits;
import io.takumo.aegis.proxy.config.RuntimeConfigHolder;
import io.takumo.aegis.proxy.http.ClientProtocol;
import io.takumo.aegis.proxy.http.Conn;
import io.takumo.aegis.proxy.http.ConnectionLimit;
import io.takumo.aegis.proxy.http.ExchangeTracker;
import io.takumo.aegis.proxy.http.FailureLog;
import io.takumo.aegis.proxy.http.FullRequestSplitter;
import io.takumo.aegis.proxy.http.HeaderTimeout;
import io.takumo.aegis.proxy.http.IdleTimeout;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.ReadGate;
import io.takumo.aegis.proxy.http.RequestContextHandler;
import io.takumo.aegis.proxy.ratelimit.RateLimitHandler;
import io.takumo.aegis.proxy.ratelimit.RateLimiter;
import io.takumo.aegis.proxy.shield.ShieldRuntime;
import io.takumo.aegis.proxy.upstream.OriginPool;
import io.takumo.aegis.proxy.upstream.RelayHandler;
import io.takumo.aegis.proxy.upstream.ResponsesWebSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles a client connection's pipeline in the order {@link HandlerNames} documents (for a
 * socket, or an embedded channel in tests, which then run the pipeline the gateway runs). Protocol
 * detection happens here and only here: TLS with ALPN ({@code h2} or {@code http/1.1}), or on the
 * cleartext port the HTTP/2 connection preface (h2c with prior knowledge) or else HTTP/1.1. Every
 * protocol ends in the same exchange handlers ({@link #addExchangeHandlers}): an HTTP/1.1
 * connection runs them once, an HTTP/2 connection once per stream, on the stream's child channel.
 */
final class ClientChannelInitializer extends ChannelInitializer<Channel> {
  /** Longest request line: long query strings happen, 16 KiB is far past any provider route. */
  private static final int MAX_INITIAL_LINE = 16 << 10;
  private static final Logger log = LoggerFactory.getLogger(ClientChannelInitializer.class);
  private static final byte[] PREFACE = ByteBufUtil.getBytes(Http2CodecUtil.connectionPrefaceBuf());

  private final GatewayConfig config;
  private final @Nullable ServerTls tls;
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
  private final @Nullable ForwardProxy forwardProxy;
  private final TunnelLevels tunnelLevels = new TunnelLevels(); // stateless: one for every connection
  private final ResponsesWebSocket.Services webSockets;

  ClientChannelInitializer(GatewayConfig config, @Nullable ServerTls tls, Authenticator authenticator,
      OriginPool upstreams, ExchangeTracker tracker, ProxyMetrics metrics, ChannelGroup clients,
      RateLimiter limiter, AuditLog audit, ShieldRuntime shield, RuntimeConfigHolder runtime, FleetApi fleet,
      @Nullable ForwardProxy forwardProxy) {
    this.forwardProxy = forwardProxy;
    this.runtime = requireNonNull(runtime, "runtime");
    this.shield = requireNonNull(shield, "shield");
    this.config = requireNonNull(config, "config");
    this.tls = tls;
    this.authenticator = requireNonNull(authenticator, "authenticator");
    this.upstreams = requireNonNull(upstreams, "upstreams");
    this.tracker = requireNonNull(tracker, "tracker");
    this.metrics = requireNonNull(metrics, "metrics");
    this.localRoutes = new LocalRoutesHandler(tracker, metrics, new AuditApi(audit),
        new ShieldApi(shield, config.maxBodyBytes()), fleet, authenticator.store());
    this.audit = requireNonNull(audit, "audit");
    this.clients = requireNonNull(clients, "clients");
    this.limiter = requireNonNull(limiter, "limiter");
    this.rateLimit = new RateLimitHandler(limiter, metrics);
    this.webSockets = new ResponsesWebSocket.Services(config, upstreams, metrics, shield, limiter, audit, authenticator,
        runtime);
    this.connectionLimit = new ConnectionLimit(config.maxConnectionsPerIp(), metrics);
  }

  @Override
  protected void initChannel(Channel ch) {
    clients.add(ch); // closed on shutdown after draining
    ReadGate.install(ch, metrics);
    ChannelPipeline p = ch.pipeline();
    p.addLast(HandlerNames.CONNECTION_LIMIT, connectionLimit); // @Sharable
    connection(p, true);
  }

  /**
   * A connection's protocol level: TLS and ALPN, or the cleartext port's detection. {@code front}: the
   * connection's first level, where the forward proxy takes CONNECT and absolute-form requests (a tunnel's
   * inner level has none).
   */
  private void connection(ChannelPipeline p, boolean front) {
    ServerTls serverTls = tls;
    if (serverTls != null) {
      p.addLast(HandlerNames.TLS, serverTls.newHandler())
          .addLast(HandlerNames.PROTOCOL, new AlpnChoice(front));
    } else if (config.http2()) {
      p.addLast(HandlerNames.PROTOCOL, new PrefaceDetector(front));
    } else {
      http1(p, ClientProtocol.H1, front);
    }
  }

  /** HTTP/1.1: one exchange at a time on the connection. */
  private void http1(ChannelPipeline p, ClientProtocol protocol, boolean front) {
    metrics.connectionOpened(protocol);
    HeaderTimeout headerTimeout = new HeaderTimeout(config.headerTimeout(), metrics);
    p.addLast(HandlerNames.IDLE, new IdleTimeout(config.clientIdleTimeout()))
        .addLast(HandlerNames.HEADER_TIMEOUT, headerTimeout.bytes())
        .addLast(HandlerNames.HTTP_CODEC, new HttpServerCodec(new HttpDecoderConfig()
            .setMaxInitialLineLength(MAX_INITIAL_LINE)
            .setMaxHeaderSize(config.maxHeaderBytes())))
        .addLast(HandlerNames.HEADS, headerTimeout.heads());
    ForwardProxy proxy = forwardProxy;
    if (front && proxy != null) {
      p.addLast(HandlerNames.FORWARD_PROXY, new ForwardProxyHandler(proxy, runtime, tunnelLevels));
    }
    addExchangeHandlers(p, protocol);
  }

  /** The levels a CONNECT's tunnel continues with, assembled here like every other level. */
  private final class TunnelLevels implements ForwardProxyHandler.Levels {
    @Override
    public void intercepted(ChannelPipeline p, SniHandler tls) {
      p.addLast(HandlerNames.TUNNEL_TLS, tls).addLast(HandlerNames.PROTOCOL, new AlpnChoice(false));
    }

    @Override
    public void own(ChannelPipeline p) {
      connection(p, false);
    }

    @Override
    public void passthrough(ChannelPipeline p, ChannelInboundHandlerAdapter relay) {
      p.addLast(HandlerNames.IDLE, new IdleTimeout(config.clientIdleTimeout())).addLast(HandlerNames.TUNNEL, relay);
    }
  }

  /**
   * HTTP/2: Netty's frame codec (with the limits of {@link Http2Limits}, which answer the known
   * attacks with GOAWAY), and a child channel per stream that runs the exchange handlers behind a
   * frame-to-HTTP-object codec. A stream's reads follow its channel's auto-read, so its flow-control
   * window is replenished only as the relay consumes its body.
   */
  private void http2(ChannelPipeline p, ClientProtocol protocol) {
    metrics.connectionOpened(protocol);
    Http2Limits limits = config.http2Limits();
    Http2FrameCodec codec = Http2FrameCodecBuilder.forServer()
        .initialSettings(Http2Settings.defaultSettings()
            .maxConcurrentStreams(limits.maxConcurrentStreams())
            .maxHeaderListSize(limits.maxHeaderListSize())
            .maxFrameSize(Http2Limits.MAX_FRAME_SIZE)
            .headerTableSize(Http2Limits.HEADER_TABLE_SIZE)
            .initialWindowSize(Http2Limits.STREAM_WINDOW))
        .decoderEnforceMaxRstFramesPerWindow(limits.maxResets(), (int) limits.resetWindow().toSeconds())
        .encoderEnforceMaxQueuedControlFrames(Http2Limits.MAX_QUEUED_CONTROL_FRAMES)
        .decoderEnforceMaxConsecutiveEmptyDataFrames(Http2Limits.MAX_CONSECUTIVE_EMPTY_DATA_FRAMES)
        .decoderEnforceMaxSmallContinuationFrames(Http2Limits.MAX_SMALL_CONTINUATION_FRAMES)
        .validateHeaders(true)
        .build();
    codec.connection().addListener(new Http2ConnectionAdapter() {
      @Override
      public void onGoAwaySent(int lastStreamId, long errorCode, ByteBuf debugData) {
        Http2Error error = Http2Error.valueOf(errorCode);
        metrics.goAway(error == null ? "UNKNOWN" : error.name());
      }
    });
    p.addLast(HandlerNames.IDLE, new IdleTimeout(config.clientIdleTimeout()))
        .addLast(HandlerNames.HTTP_CODEC, codec);
    widenConnectionWindow(codec, limits);
    p.addLast(HandlerNames.HTTP2_STREAMS, new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
          @Override
          protected void initChannel(Http2StreamChannel stream) {
            ReadGate.install(stream, metrics);
            metrics.streamOpened(stream);
            stream.pipeline()
                .addLast(HandlerNames.IDLE, new IdleTimeout(limits.streamIdleTimeout()))
                .addLast(HandlerNames.HTTP_CODEC, new Http2StreamFrameToHttpObjectCodec(true))
                .addLast(HandlerNames.HEADS, FullRequestSplitter.INSTANCE); // @Sharable
            addExchangeHandlers(stream.pipeline(), protocol);
          }
        }))
        .addLast(HandlerNames.HTTP2_CONNECTION, new Http2ConnectionEnd(codec));
  }

  /**
   * The connection's receive window, which HTTP/2 starts at 64 KiB for all streams together (and
   * Netty's codec widens to two stream windows), grows to {@link Http2Limits#connectionWindow}: a
   * stream whose upstream is slow holds at most its own window of unread body, and up to 64 such
   * streams leave the others their windows (nginx opens the connection window fully; this bounds
   * what one connection can make the gateway hold). Sent after the codec's SETTINGS, which it wrote
   * when it was added.
   */
  private static void widenConnectionWindow(Http2FrameCodec codec, Http2Limits limits) {
    Http2Connection connection = codec.connection();
    Http2LocalFlowController flow = connection.local().flowController();
    int delta = limits.connectionWindow() - flow.initialWindowSize(connection.connectionStream());
    if (delta > 0) {
      try {
        flow.incrementWindowSize(connection.connectionStream(), delta);
      } catch (Http2Exception e) {
        throw new IllegalStateException("connection window of " + limits.connectionWindow() + " bytes", e);
      }
    }
  }

  /** The handlers every request runs, whatever protocol it came in (STYLE §2: many fronts, one exchange). */
  private void addExchangeHandlers(ChannelPipeline p, ClientProtocol protocol) {
    p.addLast(HandlerNames.REQUEST_CONTEXT,
            new RequestContextHandler(tracker, metrics, audit, config.maxBodyBytes(), runtime, protocol))
        .addLast(HandlerNames.AUTH, new AuthHandler(authenticator, metrics, limiter))
        .addLast(HandlerNames.RATE_LIMIT, rateLimit) // @Sharable
        .addLast(HandlerNames.EXPECT_CONTINUE, new HttpServerExpectContinueHandler())
        .addLast(HandlerNames.LOCAL_ROUTES, localRoutes) // @Sharable
        .addLast(HandlerNames.RELAY, new RelayHandler(config, upstreams, metrics, shield, failures, webSockets));
  }

  /**
   * Tells an HTTP/2 client connection that no new stream will be served (GOAWAY, NO_ERROR): the
   * streams it has open finish. Nothing for an HTTP/1.1 connection, whose next response closes it.
   */
  static void goAway(Channel client) {
    client.eventLoop().execute(() -> {
      if (client.pipeline().get(Http2FrameCodec.class) != null && client.isActive()) {
        client.writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.NO_ERROR));
      }
    });
  }

  /** After the TLS handshake: the protocol ALPN chose (none: HTTP/1.1). */
  private final class AlpnChoice extends ApplicationProtocolNegotiationHandler {
    private final boolean front;

    AlpnChoice(boolean front) {
      super(ApplicationProtocolNames.HTTP_1_1);
      this.front = front;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
      if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
        http2(ctx.pipeline(), ClientProtocol.H2);
      } else {
        http1(ctx.pipeline(), ClientProtocol.H1, front);
      }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
      metrics.connectionReset(true); // a client that gave up on TLS (or never spoke it): no ERROR, no stack
      ctx.close();
    }
  }

  /**
   * The cleartext port: a client that starts with the HTTP/2 connection preface speaks h2c with
   * prior knowledge, anyone else HTTP/1.1. Decided on the first bytes (at most the preface's 24),
   * which then go on, untouched, to the codec the decision installs.
   */
  private final class PrefaceDetector extends ByteToMessageDecoder {
    private final boolean front;
    private @Nullable Future<?> deadline;

    PrefaceDetector(boolean front) {
      this.front = front;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      // A connection that never sends its first bytes is held no longer than a slow head would be.
      deadline = ctx.executor().schedule(() -> {
        metrics.connectionRefused("header_timeout");
        ctx.close();
      }, config.headerTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
      Future<?> d = deadline;
      if (d != null) {
        d.cancel(false);
      }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      int n = Math.min(in.readableBytes(), PREFACE.length);
      for (int i = 0; i < n; i++) {
        if (in.getByte(in.readerIndex() + i) != PREFACE[i]) {
          choose(ctx, false);
          return;
        }
      }
      if (n == PREFACE.length) {
        choose(ctx, true);
      } // else: a prefix of the preface so far; wait for more
    }

    private void choose(ChannelHandlerContext ctx, boolean h2c) {
      if (h2c) {
        http2(ctx.pipeline(), ClientProtocol.H2C);
      } else {
        http1(ctx.pipeline(), ClientProtocol.H1, front);
      }
      ctx.pipeline().remove(this); // what was read so far is passed on to the new codec
    }
  }

  /**
   * The end of an HTTP/2 connection's pipeline. An idle connection (nothing read or written for the
   * client idle timeout) closes when no stream is open, with GOAWAY; streams have their own idle
   * timeout. A protocol error of the client (an attack among them) was answered with GOAWAY by the
   * codec and is counted there: a DEBUG line here, not a WARN per connection an attacker opens.
   */
  private final class Http2ConnectionEnd extends ChannelInboundHandlerAdapter {
    private final Http2FrameCodec codec;

    Http2ConnectionEnd(Http2FrameCodec codec) {
      this.codec = codec;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof IdleStateEvent) {
        if (codec.connection().numActiveStreams() == 0) {
          ctx.close();
        }
        return;
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (cause instanceof Http2Exception) {
        // The codec shows it here first, then answers it (GOAWAY with the error's code) and closes.
        log.debug("{} HTTP/2 protocol error: {}", Conn.of(ctx.channel()), ((Http2Exception) cause).error());
        return;
      }
      if (FailureLog.peerGone(cause)) {
        metrics.connectionReset(true);
      } else {
        failures.unexpected(log, ctx.channel(), "HTTP/2 connection failed", cause);
      }
      ctx.close();
    }
  }

}
