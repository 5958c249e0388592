package io.takumo.aegis.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Promise;
import io.takumo.aegis.proxy.auth.AuthException;
import io.takumo.aegis.proxy.auth.Credentials;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.proxy.config.RuntimeConfigHolder;
import io.takumo.aegis.proxy.forward.LeafCertificates;
import io.takumo.aegis.proxy.http.AccessLog;
import io.takumo.aegis.proxy.http.Conn;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ErrorResponses;
import io.takumo.aegis.proxy.http.HttpKinds;
import io.takumo.aegis.proxy.http.PauseReason;
import io.takumo.aegis.proxy.http.ReadGate;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.http.TrustedCaller;
import io.takumo.aegis.proxy.http.Tunnel;
import io.takumo.aegis.proxy.route.Provider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forward proxy on a client connection's first level (SPEC §10): {@code CONNECT host:port} and
 * absolute-form requests, next to the ordinary origin-form ones, which pass on untouched.
 *
 * <ul>
 *   <li>An absolute-form request ({@code POST http://127.0.0.1:8080/v1/messages}) goes on as its path.
 *   <li>{@code CONNECT} to an intercepted host: {@code 200}, then TLS with a leaf for that host signed by the
 *       organization's CA, then the ordinary pipeline on every request inside, bound to the host's provider
 *       and to the CONNECT's key ({@link Tunnel}).
 *   <li>{@code CONNECT} to the gateway's own address: {@code 200}, then the connection starts over as if new.
 *   <li>{@code CONNECT} to another host: bytes tunnelled both ways when {@code TAKUMO_PROXY_PASSTHROUGH} allows
 *       it and the address is not internal, else 403.
 * </ul>
 *
 * A CONNECT's key comes from {@code Proxy-Authorization} (Basic with the key as password, or Bearer) and is
 * checked before the 200; without one, an intercepted tunnel is still opened (its requests then bring their
 * own key, as Claude Code's {@code ANTHROPIC_API_KEY}), while a passthrough tunnel, whose bytes are never
 * seen, gets 407. A CONNECT without {@code Proxy-Authorization} from a trusted network ({@code
 * TAKUMO_PROXY_TRUSTED_CIDRS}) acts as that network's organization ({@link TrustedCaller}).
 */
final class ForwardProxyHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ForwardProxyHandler.class);
  private static final List<String> EXCHANGE = List.of(HandlerNames.RELAY, HandlerNames.LOCAL_ROUTES,
      HandlerNames.EXPECT_CONTINUE, HandlerNames.RATE_LIMIT, HandlerNames.AUTH, HandlerNames.REQUEST_CONTEXT,
      HandlerNames.FORWARD_PROXY, HandlerNames.HEADS, HandlerNames.HEADER_TIMEOUT, HandlerNames.IDLE);

  /** How a tunnel's new protocol level is assembled (the gateway's pipeline, in one place). */
  interface Levels {
    /** TLS with {@code tls} on an intercepted tunnel, then ALPN's choice, no forward proxy inside. */
    void intercepted(ChannelPipeline p, SniHandler tls);

    /** The connection as if it were new, no forward proxy inside. */
    void own(ChannelPipeline p);

    /** Idle timeout and the byte relay of a passthrough tunnel. */
    void passthrough(ChannelPipeline p, ChannelInboundHandlerAdapter relay);
  }

  private final ForwardProxy proxy;
  private final RuntimeConfigHolder runtime;
  private final Levels levels;
  private @Nullable HttpRequest connect; // a CONNECT whose end has not been read yet

  ForwardProxyHandler(ForwardProxy proxy, RuntimeConfigHolder runtime, Levels levels) {
    this.proxy = proxy;
    this.runtime = runtime;
    this.levels = levels;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    HttpRequest pending = connect;
    if (pending != null) { // the rest of a CONNECT (a body it should not have): dropped
      boolean end = msg instanceof LastHttpContent;
      ReferenceCountUtil.release(msg);
      if (end) {
        connect = null;
        start(ctx, pending);
      }
      return;
    }
    HttpRequest request = HttpKinds.asRequest(msg);
    if (request == null) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (HttpMethod.CONNECT.equals(request.method())) {
      HttpRequest head = new DefaultHttpRequest(request.protocolVersion(), request.method(), request.uri(),
          request.headers().copy());
      boolean end = msg instanceof LastHttpContent;
      ReferenceCountUtil.release(msg);
      if (end) {
        start(ctx, head);
      } else {
        connect = head;
      }
      return;
    }
    String uri = request.uri();
    if (uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8)) {
      request.setUri(originForm(uri)); // absolute form: handled as if sent to the path
    }
    ctx.fireChannelRead(msg);
  }

  /**
   * Reads stop, and the tunnel is decided after this read: the HTTP codec is still decoding it, and the
   * pipeline cannot change under it. Every outcome resumes reading or closes.
   */
  private void start(ChannelHandlerContext ctx, HttpRequest connect) {
    ReadGate.of(ctx.channel()).pause(PauseReason.AUTH);
    ctx.executor().execute(() -> connect(ctx, connect));
  }

  /** {@code http://host:port/path?query} → {@code /path?query}; a malformed one becomes a path the router refuses. */
  static String originForm(String absolute) {
    try {
      URI uri = new URI(absolute);
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return uri.getRawQuery() == null ? path : path + '?' + uri.getRawQuery();
    } catch (java.net.URISyntaxException e) {
      return "/\\"; // refused by Paths as a backslash: 400
    }
  }

  /** A CONNECT's target: host (brackets of an IPv6 literal removed) and port. */
  record Target(String host, int port) {
    static @Nullable Target parse(String authority) {
      int colon = authority.lastIndexOf(':');
      if (colon <= 0 || colon == authority.length() - 1) {
        return null;
      }
      String host = authority.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      } else if (host.indexOf(':') >= 0 || host.indexOf('[') >= 0) {
        return null;
      }
      int port;
      try {
        port = Integer.parseInt(authority.substring(colon + 1));
      } catch (NumberFormatException e) {
        return null;
      }
      if (port < 1 || port > 65535 || host.isEmpty() || !host.chars().allMatch(Target::hostChar)) {
        return null;
      }
      return new Target(host.toLowerCase(Locale.ROOT), port);
    }

    private static boolean hostChar(int c) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == ':'
          || c == '_';
    }

    @Override
    public String toString() {
      return (host.indexOf(':') >= 0 ? '[' + host + ']' : host) + ':' + port;
    }
  }

  private void connect(ChannelHandlerContext ctx, HttpRequest request) {
    if (!ctx.channel().isActive()) {
      return; // gone before its CONNECT was taken up: nothing opened, nothing counted
    }
    long started = System.nanoTime();
    Target target = Target.parse(request.uri());
    if (target == null) {
      refuse(ctx, ErrorCode.BAD_REQUEST, "CONNECT needs host:port (such as api.anthropic.com:443).", "-", started);
      return;
    }
    RuntimeConfig config = runtime.current();
    Provider provider = proxy.intercepted(target.host(), config);
    String mode = own(ctx.channel(), target) ? "own" : provider != null ? "intercept" : "passthrough";
    if (mode.equals("own") && ctx.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null) {
      refuse(ctx, ErrorCode.BAD_REQUEST, "This connection already reaches the gateway over TLS: send the requests "
          + "on it directly, without CONNECT.", target.toString(), started);
      return;
    }
    if (!mode.equals("own") && !proxy.settings().ports().contains(target.port())) {
      refuse(ctx, ErrorCode.FORBIDDEN, "The forward proxy does not open tunnels to port " + target.port()
          + " (allowed: " + proxy.settings().ports() + "; operators: TAKUMO_PROXY_PORTS).", target.toString(), started);
      return;
    }
    if (mode.equals("intercept") && proxy.leaves(config) == null) {
      refuse(ctx, ErrorCode.SERVICE_UNAVAILABLE, "This gateway cannot intercept " + target.host() + ": it has no CA "
          + "(operators: see its start-up log, TAKUMO_CA_DIR).", target.toString(), started);
      return;
    }
    if (mode.equals("passthrough") && !proxy.settings().passesThrough(target.host())) {
      refuse(ctx, ErrorCode.FORBIDDEN, "The forward proxy does not tunnel to " + target.host()
          + " (operators: TAKUMO_PROXY_PASSTHROUGH).", target.toString(), started);
      return;
    }
    String key = Credentials.proxyKey(request.headers().get(HttpHeaderNames.PROXY_AUTHORIZATION));
    boolean offered = request.headers().contains(HttpHeaderNames.PROXY_AUTHORIZATION);
    String trustedOrg = offered ? null : proxy.settings().trustedOrgOf(ctx.channel().remoteAddress());
    if (trustedOrg != null) { // no key from a trusted network: the tunnel acts as its organization
      proxy.authenticator().network(trustedOrg, client(ctx.channel())).toCompletableFuture()
          .whenCompleteAsync((principal, error) -> {
            if (!ctx.channel().isActive()) {
              return;
            }
            if (principal == null) { // network() falls back to the default settings; this is a bug's answer
              refuse(ctx, ErrorCode.SERVICE_UNAVAILABLE, "The gateway could not set up this tunnel. Try again shortly.",
                  target.toString(), started);
              return;
            }
            new TrustedCaller(principal).bind(ctx.channel());
            open(ctx, target, mode, provider, null, principal, started);
          }, ctx.executor());
      return;
    }
    if (key == null && (offered || mode.equals("passthrough"))) {
      refuse(ctx, ErrorCode.PROXY_AUTHENTICATION_REQUIRED, offered
          ? "Proxy-Authorization holds no Takumo key. Put your tk_live_/tk_test_ key in the proxy URL as the "
              + "password: HTTPS_PROXY=http://user:KEY@host:port."
          : "Tunnels to hosts the gateway does not intercept need your Takumo key: "
              + "HTTPS_PROXY=http://user:KEY@host:port.", target.toString(), started);
      return;
    }
    if (key == null) {
      open(ctx, target, mode, provider, null, null, started);
      return;
    }
    String checked = key;
    proxy.authenticator().authenticate(key, config::revoked).toCompletableFuture()
        .whenCompleteAsync((principal, error) -> {
          if (!ctx.channel().isActive()) {
            return;
          }
          if (principal == null) {
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            if (cause instanceof AuthException auth && !auth.unavailable()) {
              refuse(ctx, ErrorCode.PROXY_AUTHENTICATION_REQUIRED, "Proxy-Authorization: " + auth.getMessage(),
                  target.toString(), started);
            } else { // the key store cannot answer: not the caller's fault (as AuthHandler answers it)
              refuse(ctx, ErrorCode.SERVICE_UNAVAILABLE, "The key store is unavailable. Try again shortly.",
                  target.toString(), started);
            }
            return;
          }
          open(ctx, target, mode, provider, checked, principal, started);
        }, ctx.executor());
  }

  private void open(ChannelHandlerContext ctx, Target target, String mode, @Nullable Provider provider,
      @Nullable String key, @Nullable Principal principal, long started) {
    if (mode.equals("passthrough")) {
      passthrough(ctx, target, principal, started);
      return;
    }
    Channel channel = ctx.channel();
    established(ctx);
    TunnelMeter.install(channel, proxy, mode, target.toString(), principal, started);
    ChannelPipeline p = channel.pipeline();
    Handoff handoff = clear(p);
    if (mode.equals("own")) {
      levels.own(p);
    } else {
      new Tunnel(target.host(), java.util.Objects.requireNonNull(provider), key).bind(channel);
      String host = target.host();
      boolean insideTls = p.get(io.netty.handler.ssl.SslHandler.class) != null; // a proxy reached over https://
      levels.intercepted(p, new TunnelSni((sni, promise) -> leaf(host, insideTls, sni, promise)));
    }
    p.remove(handoff); // the bytes that came after the CONNECT go to the new level
    ReadGate.of(channel).resume(PauseReason.AUTH);
  }

  /** The leaf of {@code host}, for a client that named it in SNI (a client without SNI is refused). */
  private io.netty.util.concurrent.Future<SslContext> leaf(String host, boolean insideTls, @Nullable String sni,
      Promise<SslContext> promise) {
    if (sni == null || !sni.equalsIgnoreCase(host)) {
      return promise.setFailure(new SSLHandshakeException("SNI " + (sni == null ? "missing" : sni)
          + " in a tunnel to " + host));
    }
    LeafCertificates leaves = proxy.leaves(runtime.current());
    if (leaves == null) { // refused at the CONNECT already
      return promise.setFailure(new SSLHandshakeException("no CA"));
    }
    try {
      return promise.setSuccess(insideTls ? leaves.forHostInsideTls(host) : leaves.forHost(host));
    } catch (RuntimeException e) {
      return promise.setFailure(e);
    }
  }

  private void passthrough(ChannelHandlerContext ctx, Target target, @Nullable Principal principal, long started) {
    Channel client = ctx.channel();
    InetAddress literal = literal(target.host());
    if (literal != null && !proxy.reachable(literal)) {
      refuse(ctx, ErrorCode.FORBIDDEN, "The forward proxy does not tunnel to internal addresses (operators: "
          + "TAKUMO_PROXY_ALLOW_PRIVATE).", target.toString(), started);
      return;
    }
    Splice toClient = new Splice(client); // reads stay paused since the CONNECT (start), until the tunnel is up
    proxy.dialer().dial(client.eventLoop(), target.host(), target.port(), toClient).addListener((ChannelFutureListener) f -> {
      Channel outbound = f.channel();
      if (!f.isSuccess()) {
        outbound.close();
        refuse(ctx, ErrorCode.BAD_GATEWAY, "The forward proxy could not reach " + target + '.', target.toString(),
            started);
        return;
      }
      InetAddress address = ((InetSocketAddress) outbound.remoteAddress()).getAddress();
      if (!proxy.reachable(address) || !client.isActive()) {
        outbound.close();
        refuse(ctx, ErrorCode.FORBIDDEN, "The forward proxy does not tunnel to internal addresses (operators: "
            + "TAKUMO_PROXY_ALLOW_PRIVATE).", target.toString(), started);
        return;
      }
      established(ctx);
      TunnelMeter.install(client, proxy, "passthrough", target.toString(), principal, started);
      ChannelPipeline p = client.pipeline();
      Handoff handoff = clear(p);
      Splice.tune(client);
      Splice.tune(outbound);
      levels.passthrough(p, new Splice(outbound));
      p.remove(handoff);
      ReadGate.of(client).resume(PauseReason.AUTH);
      outbound.config().setAutoRead(true);
      outbound.read();
    });
  }

  private static void established(ChannelHandlerContext ctx) {
    FullHttpResponse ok = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        new HttpResponseStatus(200, "Connection established"));
    ctx.writeAndFlush(ok); // encoded now, ahead of whatever the new level writes
  }

  /**
   * Removes the HTTP level, keeping its codec's unread bytes in a {@link Handoff} until the new level is
   * in place; returns the handoff, to be removed then.
   */
  private static Handoff clear(ChannelPipeline p) {
    for (String name : EXCHANGE) {
      if (p.get(name) != null) {
        p.remove(name);
      }
    }
    Handoff handoff = new Handoff();
    p.addAfter(HandlerNames.HTTP_CODEC, "handoff", handoff);
    p.remove(HandlerNames.HTTP_CODEC);
    return handoff;
  }

  private void refuse(ChannelHandlerContext ctx, ErrorCode code, String message, String target, long started) {
    proxy.tunnel("refused").increment();
    proxy.audited("refused", target, code.status().code(), 0, 0, System.nanoTime() - started, null); // before the answer
    FullHttpResponse response = ErrorResponses.error(ctx, code, message, RequestContext.newRequestId());
    if (code == ErrorCode.PROXY_AUTHENTICATION_REQUIRED) {
      response.headers().set(HttpHeaderNames.PROXY_AUTHENTICATE, "Basic realm=\"takumo\"");
    }
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    long nanos = System.nanoTime() - started;
    AccessLog.tunnel("refused", target, code.status().code(), 0, 0, nanos, null, client(ctx.channel()));
  }

  /** Whether {@code target} is this gateway: its port, and a loopback name or the address it was reached on. */
  private static boolean own(Channel channel, Target target) {
    if (!(channel.localAddress() instanceof InetSocketAddress local) || local.getPort() != target.port()) {
      return false;
    }
    InetAddress address = literal(target.host());
    return target.host().equals("localhost")
        || address != null && (address.isLoopbackAddress() || address.equals(local.getAddress()));
  }

  /**
   * The address {@code host} spells when it is an IP literal; null for a name. Parsed by Netty, never looked up:
   * {@code InetAddress.getByName} would resolve anything that is not a valid literal, on the event loop.
   */
  private static @Nullable InetAddress literal(String host) {
    return NetUtil.createInetAddressFromIpAddressString(host);
  }

  private static String client(Channel channel) {
    return channel.remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
        ? remote.getAddress().getHostAddress() : String.valueOf(channel.remoteAddress());
  }

  /**
   * The SNI level of an intercepted tunnel. Netty's handler names the TLS handler it puts in its place after
   * the class, which a proxy reached over TLS already has once: this one names it after the tunnel.
   */
  private static final class TunnelSni extends SniHandler {
    TunnelSni(io.netty.util.AsyncMapping<? super String, ? extends SslContext> mapping) {
      super(mapping);
    }

    @Override
    protected void replaceHandler(ChannelHandlerContext ctx, String hostname, SslContext sslContext) {
      io.netty.handler.ssl.SslHandler ssl = newSslHandler(sslContext, ctx.alloc());
      try {
        ctx.pipeline().replace(this, HandlerNames.TUNNEL_TLS + "-handshake", ssl);
      } catch (RuntimeException e) {
        ReferenceCountUtil.safeRelease(ssl.engine()); // an OpenSSL engine is reference-counted
        throw e;
      }
    }
  }

  /** Holds the bytes read after the CONNECT while the tunnel's level is assembled, then passes them on. */
  private static final class Handoff extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      // kept in the cumulation; ByteToMessageDecoder hands it on when this handler is removed
    }
  }

  /** Bytes of a passthrough tunnel to the other side, reading no faster than the other side writes. */
  static final class Splice extends ChannelInboundHandlerAdapter {
    /**
     * A tunnel's watermarks, higher than an exchange's: with Netty's 64 KiB, every full read made the other side
     * unwritable, so each 64 KiB cost two epoll registrations and ended the read loop (0.35 of a direct
     * loopback stream, {@code make perf-proxy}). A stalled tunnel holds at most this much per direction.
     */
    static final io.netty.channel.WriteBufferWaterMark WATER_MARK =
        new io.netty.channel.WriteBufferWaterMark(256 << 10, 512 << 10);
    /**
     * Reads of 256 KiB: a bulk stream needs fewer system calls (340 against 360-420 ms of CPU per GiB with Netty's
     * adaptive sizes up to the same 256 KiB, nginx's stream relay at 256 KiB: 290-320). A buffer is pooled and
     * held only until written; {@link #HELD} counts it whole.
     */
    static final io.netty.channel.RecvByteBufAllocator READS = new io.netty.channel.FixedRecvByteBufAllocator(256 << 10);

    private final Channel other;

    Splice(Channel other) {
      this.other = other;
    }

    /**
     * Pending writes counted by the memory they hold, not the bytes they carry: a trickle of small reads to a
     * stalled peer would otherwise hold one read buffer per few bytes up to the high mark.
     */
    static final io.netty.channel.MessageSizeEstimator HELD = () -> msg -> msg instanceof ByteBuf b ? b.capacity() : 0;

    /** A tunnel's buffer settings, on both of its connections. */
    static void tune(Channel channel) {
      channel.config().setWriteBufferWaterMark(WATER_MARK);
      channel.config().setRecvByteBufAllocator(READS);
      channel.config().setMessageSizeEstimator(HELD);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!other.isActive()) {
        ReferenceCountUtil.release(msg);
        return;
      }
      other.write(msg, other.voidPromise()); // a failed write is the other side's exceptionCaught: both close
      if (other.bytesBeforeUnwritable() < WATER_MARK.high() / 2) {
        // Half the high mark pending: written now rather than at the end of the read loop. Reading stops only when
        // the other side cannot take it (its writability event turns reading off, and on again once drained).
        other.flush();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      other.flush(); // one write per read loop, not per buffer
      ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      other.config().setAutoRead(ctx.channel().isWritable()); // this side drained: read the other again
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      close(other);
      ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof io.netty.handler.timeout.IdleStateEvent) {
        close(ctx.channel());
        close(other);
        return;
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("{} tunnel closed: {}", Conn.of(ctx.channel()), cause.toString());
      close(ctx.channel());
      close(other);
    }

    private static void close(Channel channel) {
      if (channel.isActive()) {
        channel.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      }
    }
  }

  /**
   * Counts a tunnel's bytes at its client connection (TLS included for intercepted tunnels) and writes its
   * access-log line when it closes.
   */
  static final class TunnelMeter extends ChannelDuplexHandler {
    private final ForwardProxy proxy;
    private final String mode;
    private final String target;
    private final @Nullable Principal principal;
    private final long started;
    private long in;
    private long out;

    private TunnelMeter(ForwardProxy proxy, String mode, String target, @Nullable Principal principal, long started) {
      this.proxy = proxy;
      this.mode = mode;
      this.target = target;
      this.principal = principal;
      this.started = started;
    }

    static void install(Channel channel, ForwardProxy proxy, String mode, String target, @Nullable Principal principal,
        long started) {
      proxy.tunnel(mode).increment();
      proxy.opened();
      channel.pipeline().addAfter(HandlerNames.CONNECTION_LIMIT, "tunnel-meter",
          new TunnelMeter(proxy, mode, target, principal, started));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf buf) {
        in += buf.readableBytes();
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof ByteBuf buf) {
        out += buf.readableBytes();
      }
      ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      proxy.closed();
      long nanos = System.nanoTime() - started;
      AccessLog.tunnel(mode, target, 200, in, out, nanos, principal == null ? null : principal.keyPrefix(),
          client(ctx.channel()));
      proxy.audited(mode, target, 200, in, out, nanos, principal);
      ctx.fireChannelInactive();
    }
  }
}
