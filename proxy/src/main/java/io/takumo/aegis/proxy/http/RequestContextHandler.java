package io.takumo.aegis.proxy.http;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.takumo.aegis.proxy.audit.AuditEvent;
import io.takumo.aegis.proxy.audit.AuditLog;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.config.RuntimeConfigHolder;
import io.takumo.aegis.proxy.ratelimit.RateDecision;
import io.takumo.aegis.proxy.route.Route;
import io.takumo.aegis.proxy.route.RouteKind;
import io.takumo.aegis.proxy.route.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames exchanges on a client connection, right behind the HTTP codec.
 *
 * <ul>
 *   <li>Inbound: turns decoder failures (malformed, smuggling-prone framing, oversized headers) into
 *       400 and a closed connection; refuses a declared body over the limit with 413; creates the
 *       {@link RequestContext} of each request; holds pipelined requests until the previous
 *       response is written; drops the rest of a body whose answer was already given.
 *   <li>Outbound: adds {@code x-aegis-request-id} to every response, decides keep-alive (closing
 *       when the client asked, when the gateway drains, or when the request body was not read to
 *       its end), and closes idle connections.
 * </ul>
 *
 * <p>One instance per channel. Owns each inbound message until it passes it on.
 */
public final class RequestContextHandler extends ChannelDuplexHandler {
  public static final String REQUEST_ID_HEADER = "x-aegis-request-id";
  public static final String RATE_LIMIT = "x-ratelimit-limit";
  public static final String RATE_REMAINING = "x-ratelimit-remaining";
  public static final String RATE_RESET = "x-ratelimit-reset";
  private static final Logger log = LoggerFactory.getLogger(RequestContextHandler.class);

  private final ExchangeTracker tracker;
  private final ProxyMetrics metrics;
  private final AuditLog audit;
  private final long maxBodyBytes;
  private final RuntimeConfigHolder config;
  private final ClientProtocol protocol;
  private final ArrayDeque<HttpObject> pipelined = new ArrayDeque<>();
  private @Nullable RequestContext current;
  private boolean exchangeOpen;
  private boolean closeNow;
  /** The answer went out and the output is shut: what still arrives is read and dropped until the close. */
  private boolean lingering;
  /** How long a refused client may go on sending before the connection is closed under it. */
  static final Duration LINGER = Duration.ofSeconds(5);

  /**
   * @param protocol the connection's protocol; for HTTP/2 this handler runs on a stream's channel,
   *     one exchange per stream, and HTTP/1.1's connection rules (Host, keep-alive) do not apply
   */
  public RequestContextHandler(ExchangeTracker tracker, ProxyMetrics metrics, AuditLog audit, long maxBodyBytes,
      RuntimeConfigHolder config, ClientProtocol protocol) {
    this.protocol = requireNonNull(protocol, "protocol");
    this.config = requireNonNull(config, "config");
    this.tracker = requireNonNull(tracker, "tracker");
    this.metrics = requireNonNull(metrics, "metrics");
    this.audit = requireNonNull(audit, "audit");
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (lingering) {
      boolean last = HttpKinds.isLast(msg);
      ReferenceCountUtil.release(msg);
      if (last) {
        ctx.close(); // the refused body has ended: nothing more to wait for
      }
      return;
    }
    HttpObject object = HttpKinds.asHttpObject(msg);
    if (object == null) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (!pipelined.isEmpty() || (exchangeOpen && HttpKinds.asRequest(object) != null)) {
      pipelined.add(object); // the previous response is still being written
      ReadGate.of(ctx.channel()).pause(PauseReason.PIPELINED);
      return;
    }
    dispatch(ctx, object);
  }

  private void dispatch(ChannelHandlerContext ctx, HttpObject msg) {
    HttpRequest request = HttpKinds.asRequest(msg);
    if (request != null) {
      startExchange(ctx, request);
      return;
    }
    RequestContext context = current;
    if (context == null || context.responseComplete() || context.requestComplete()) {
      // Body of a request already answered (or garbage after a failure): nobody wants it.
      if (context != null && HttpKinds.isLast(msg)) {
        context.markRequestComplete();
      }
      ReferenceCountUtil.release(msg);
      return;
    }
    DecoderResult result = msg.decoderResult();
    if (result.isFailure()) {
      ReferenceCountUtil.release(msg);
      failMalformed(ctx, result.cause());
      return;
    }
    if (HttpKinds.isLast(msg)) {
      context.markRequestComplete();
    }
    HttpContent content = HttpKinds.asContent(msg);
    if (content != null) {
      context.countIn(content.content().readableBytes());
    }
    ctx.fireChannelRead(msg);
  }

  private void startExchange(ChannelHandlerContext ctx, HttpRequest request) {
    if (protocol.http2()) {
      for (HttpConversionUtil.ExtensionHeaderNames name : HttpConversionUtil.ExtensionHeaderNames.values()) {
        request.headers().remove(name.text()); // the stream codec's notes (x-http2-stream-id, ...): not the client's
      }
    }
    BodyFraming framing;
    String refused;
    try {
      framing = BodyFraming.of(request.headers());
      refused = protocol.http2() ? null : hostProblem(request); // HTTP/2 may carry :authority alone
    } catch (ExchangeRefusal e) {
      framing = BodyFraming.NONE;
      refused = e.getMessage();
    }
    boolean webSocket = request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    Tunnel tunnel = Tunnel.of(ctx.channel());
    Route route = tunnel == null ? Router.route(request.method(), request.uri(), webSocket)
        : Router.tunnel(request.method(), request.uri(), webSocket, tunnel.provider());
    RequestContext context = new RequestContext(RequestContext.newRequestId(), System.nanoTime(),
        route, request, HttpUtil.isKeepAlive(request), framing,
        config.current()); // the one read of the config holder for this request
    current = context;
    exchangeOpen = true;
    RequestContext.set(ctx.channel(), context);
    tracker.started();

    DecoderResult result = request.decoderResult();
    if (result.isFailure()) {
      ReferenceCountUtil.release(request);
      failMalformed(ctx, result.cause());
      return;
    }
    if (refused != null) {
      ReferenceCountUtil.release(request);
      log.debug("{} malformed request head: {}", Conn.of(ctx.channel()), refused);
      closeNow = true; // the framing of what follows is unknown
      ErrorResponses.send(ctx, ErrorCode.BAD_REQUEST, refused + " Fix the request headers.");
      return;
    }
    long declared = framing.length();
    if (declared > maxBodyBytes) {
      ReferenceCountUtil.release(request);
      ErrorResponses.send(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is " + declared
          + " bytes; this gateway accepts at most " + maxBodyBytes + " bytes.");
      return;
    }
    ctx.fireChannelRead(request);
  }

  /** RFC 9112 §3.2: an HTTP/1.1 request carries exactly one Host header; null when it does. */
  private static @Nullable String hostProblem(HttpRequest request) {
    if (!request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
      return null; // HTTP/1.0 may omit it
    }
    int hosts = request.headers().getAll(HttpHeaderNames.HOST).size();
    return hosts == 1 ? null : hosts == 0 ? "The request has no Host header." : "The request has more than one Host header.";
  }

  private void failMalformed(ChannelHandlerContext ctx, Throwable cause) {
    RequestContext context = current;
    if (context != null && context.responseStarted()) {
      ctx.close(); // nothing sensible can follow a half-written answer
      return;
    }
    // Fixed wording: the decoder's own message may quote the request, and the request may hold a key.
    String reason = cause instanceof TooLongFrameException
        ? "The request line or headers are too long."
        : "The request is not valid HTTP/1.1 (malformed request line, headers or body framing, such as"
            + " Content-Length together with Transfer-Encoding).";
    log.debug("{} malformed request: {}", Conn.of(ctx.channel()), cause.getClass().getSimpleName());
    closeNow = true; // after malformed framing, nothing on this connection can be trusted
    ErrorResponses.send(ctx, ErrorCode.BAD_REQUEST, reason + " Fix the request framing and headers.");
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    RequestContext context = current;
    if (context == null || HttpKinds.asHttpObject(msg) == null) {
      ctx.write(msg, promise);
      return;
    }
    if (HttpMethod.HEAD.equals(context.request().method()) && msg instanceof FullHttpResponse full
        && full.content().isReadable()) {
      msg = full.replace(Unpooled.EMPTY_BUFFER); // RFC 9110 §9.3.2: the headers of GET, no body
      full.release();
    }
    HttpResponse response = HttpKinds.asResponse(msg);
    if (response != null) {
      // 101 Switching Protocols (a WebSocket session) is the exchange's answer; any other 1xx precedes it.
      boolean upgrade = response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code();
      if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL && !upgrade) {
        ctx.write(msg, promise); // 100 Continue: the real answer follows
        return;
      }
      boolean close = !context.clientKeepAlive() || tracker.draining() || !context.requestComplete()
          || closeNow;
      context.markResponseStarted(close);
      context.status(response.status().code());
      response.headers().set(REQUEST_ID_HEADER, context.requestId());
      RateDecision rate = context.rateDecision();
      if (rate != null) {
        response.headers()
            .set(RATE_LIMIT, rate.limit())
            .set(RATE_REMAINING, rate.remaining())
            .set(RATE_RESET, rate.resetEpochSeconds());
        if (!rate.allowed()) {
          response.headers().set(HttpHeaderNames.RETRY_AFTER, rate.retryAfterSeconds());
        }
      }
      if (protocol.http2() || upgrade) {
        // no connection headers in HTTP/2 (RFC 9113 §8.2.2): closing a stream ends one exchange; an upgrade
        // keeps the handshake's Connection: Upgrade
      } else if (close) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      } else if (!response.protocolVersion().isKeepAliveDefault()) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      }
    }
    HttpContent content = HttpKinds.asContent(msg);
    if (content != null) {
      context.countOut(content.content().readableBytes());
    }
    if (!HttpKinds.isLast(msg) || !context.responseStarted()) {
      ctx.write(msg, promise);
      return;
    }
    context.markResponseComplete();
    boolean close = context.closeAfterResponse() || !context.requestComplete();
    endExchange(ctx);
    if (close) {
      boolean linger = !context.requestComplete();
      ctx.write(msg, promise.unvoid()).addListener(f -> closeAfterAnswer(ctx, linger));
      ctx.flush();
      return;
    }
    ctx.write(msg, promise);
    drainPipelined(ctx);
  }

  /**
   * Closes after the last answer. When the client is still sending its request (a 413 or 401 before
   * the body ended), closing at once would make the kernel reset the connection over the unread
   * bytes, and the client would lose the answer: so the gateway half-closes (the client reads the
   * answer and an end of stream), reads and drops what still comes, and closes when the client
   * does, its body ends, or {@link #LINGER} has passed (nginx's lingering close).
   */
  private void closeAfterAnswer(ChannelHandlerContext ctx, boolean linger) {
    if (!linger || !(ctx.channel() instanceof DuplexChannel duplex) || !ctx.channel().isActive()) {
      ctx.close();
      return;
    }
    lingering = true;
    duplex.shutdownOutput().addListener(f -> {
      if (!f.isSuccess()) {
        ctx.close();
      }
    });
    ReadGate.of(ctx.channel()).resume(PauseReason.PIPELINED);
    ctx.executor().schedule(() -> ctx.close(), LINGER.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Once per exchange, answered or abandoned: metrics, the access log line, the drain count. */
  private void endExchange(ChannelHandlerContext ctx) {
    if (!exchangeOpen) {
      return;
    }
    exchangeOpen = false;
    tracker.finished();
    RequestContext context = current;
    if (context != null) {
      long total = System.nanoTime() - context.startNanos();
      int status = context.responseComplete() ? context.status() : context.abandonedStatus();
      metrics.exchange(status, context.provider(), total, context.upstreamNanos());
      AccessLog.write(context, protocol, status, total, RequestContext.clientAddress(ctx.channel()));
      Principal principal = context.principal();
      if (principal != null && context.route().kind() == RouteKind.PROVIDER) {
        audit.record(new AuditEvent(Instant.now(), context.requestId(), principal.org(), principal.keyPrefix(),
            context.provider(), context.request().method().name(), context.route().template(), status,
            Math.max(0, total - context.upstreamNanos()) / 1e6, context.upstreamNanos() / 1e6, context.bytesIn(),
            context.bytesOut(), context.detections(), context.tokensRehydrated(), context.unknownTokens(),
            context.actions()));
      }
    }
  }

  private void drainPipelined(ChannelHandlerContext ctx) {
    while (!pipelined.isEmpty()) {
      if (pipelined.peek() instanceof HttpRequest && exchangeOpen) {
        return; // the next request waits for this new exchange to finish
      }
      dispatch(ctx, pipelined.poll());
    }
    ReadGate.of(ctx.channel()).resume(PauseReason.PIPELINED);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      RequestContext context = current;
      if (!exchangeOpen) {
        log.debug("{} idle, closing", Conn.of(ctx.channel()));
        ctx.close();
      } else if (context != null && !context.requestComplete() && !context.responseStarted()
          && !ReadGate.of(ctx.channel()).paused()) {
        // The client stopped sending its body (not held back by the gateway): the exchange ends.
        log.debug("{} request body stalled, closing", Conn.of(ctx.channel()));
        context.abandon(HttpResponseStatus.REQUEST_TIMEOUT.code());
        ctx.close();
      }
      return; // a long upstream answer is the relay's business, not an idle client
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    endExchange(ctx);
    releasePipelined();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releasePipelined();
  }

  private void releasePipelined() {
    HttpObject msg;
    while ((msg = pipelined.poll()) != null) {
      ReferenceCountUtil.release(msg);
    }
  }
}
