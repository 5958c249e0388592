package io.takumo.aegis.proxy.upstream;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import io.takumo.aegis.proxy.auth.Credentials;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.UpstreamSpec;
import io.takumo.aegis.proxy.http.Conn;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ErrorResponses;
import io.takumo.aegis.proxy.http.ExchangeRefusal;
import io.takumo.aegis.proxy.http.FailureLog;
import io.takumo.aegis.proxy.http.HopByHop;
import io.takumo.aegis.proxy.http.HttpKinds;
import io.takumo.aegis.proxy.http.PauseReason;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.ReadGate;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.route.RouteKind;
import io.takumo.aegis.proxy.shield.ExchangeShield;
import io.takumo.aegis.proxy.shield.ShieldRuntime;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Terminal handler of a client connection: relays each provider request to its upstream and the
 * answer back, streaming both ways with back-pressure.
 *
 * <p>Each request is an {@link Exchange}, a small state machine ({@link Phase}) over named parts:
 * {@link ProviderChoice} (which provider, which key), {@link ExchangeShield} (tokenization, policy,
 * rehydration) and {@link AnswerGatherer} (the answer parts of one upstream read).
 *
 * <p>Ownership: every {@link HttpContent} it receives is either written to the origin (ownership
 * moves with the write), held in {@code pending} until the origin may have it, or released.
 * Response parts from the origin move to the client the same way. One instance per client channel;
 * all state is confined to the channel's event loop, which is also the origin channel's.
 */
public final class RelayHandler extends ChannelInboundHandlerAdapter {
  /** SPEC §5: findings of {@code warn} rules, on the answer of the request they were found in. */
  public static final String WARNINGS_HEADER = "x-aegis-warnings";
  private static final Logger log = LoggerFactory.getLogger(RelayHandler.class);
  /** A read's answer parts go out at once past this many bytes. */
  private static final int EMIT_BYTES = 64 << 10;

  private final GatewayConfig config;
  private final OriginPool origins;
  private final ProxyMetrics metrics;
  private final ShieldRuntime shield;
  private final FailureLog failures;
  /** What a Responses WebSocket session needs; null where sessions are not offered (the relay's unit tests). */
  private final ResponsesWebSocket.@Nullable Services webSockets;
  private @Nullable Exchange exchange;
  /** The client connection already failed once: later failures of the same loss are not counted again. */
  private boolean clientFailed;

  public RelayHandler(GatewayConfig config, OriginPool origins, ProxyMetrics metrics, ShieldRuntime shield,
      FailureLog failures) {
    this(config, origins, metrics, shield, failures, null);
  }

  /** A relay that also serves Responses over WebSocket ({@code webSockets}: what its sessions share; null: refused). */
  public RelayHandler(GatewayConfig config, OriginPool origins, ProxyMetrics metrics, ShieldRuntime shield,
      FailureLog failures, ResponsesWebSocket.@Nullable Services webSockets) {
    this.config = requireNonNull(config, "config");
    this.origins = requireNonNull(origins, "origins");
    this.metrics = requireNonNull(metrics, "metrics");
    this.shield = requireNonNull(shield, "shield");
    this.failures = requireNonNull(failures, "failures");
    this.webSockets = webSockets;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    HttpRequest request = HttpKinds.asRequest(msg);
    if (request != null) {
      RequestContext context = RequestContext.current(ctx.channel());
      if (context == null || context.route().kind() != RouteKind.PROVIDER) {
        ReferenceCountUtil.release(msg);
        throw new IllegalStateException("relay got a request that is not a provider route");
      }
      ResponsesWebSocket.Services ws = webSockets;
      if (ws != null && ResponsesWebSocket.serves(request, context, ctx.channel())) {
        exchange = null;
        ResponsesWebSocket.start(ws, ctx, context, request); // the upgrade's (empty) end is released below
        return;
      }
      Exchange started = new Exchange(ctx, context, request);
      exchange = started;
      started.start();
      return;
    }
    Exchange current = exchange;
    HttpContent content = HttpKinds.asContent(msg);
    if (current == null || content == null) {
      ReferenceCountUtil.release(msg); // the rest of a body whose exchange already ended
      return;
    }
    current.onClientContent(content);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    Exchange current = exchange;
    if (current != null) {
      current.flushOrigin();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    Exchange current = exchange;
    if (current != null) {
      current.onClientWritabilityChanged(ctx.channel().isWritable());
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Exchange current = exchange;
    if (current != null) {
      current.abort(); // the client went away: cancel the upstream exchange
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    Exchange current = exchange;
    if (current != null) {
      current.abort();
    }
  }

  /** The last handler of the client pipeline: every failure of the connection ends here. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (FailureLog.peerGone(cause)) {
      if (!clientFailed) {
        metrics.connectionReset(true);
        log.debug("{} client went away: {}", Conn.of(ctx.channel()), cause.getClass().getSimpleName());
      }
    } else {
      failures.unexpected(log, ctx.channel(), "client connection failed", cause);
    }
    clientFailed = true;
    ctx.close();
  }

  /** Where an exchange stands. Each phase says where a client body part goes. */
  private enum Phase {
    /** The provider is not known yet: the body is read for its model; parts wait in {@code pending}. */
    CHOOSING,
    /** A block rule applies: the whole body is tokenized and judged before a byte leaves; parts wait. */
    HOLDING,
    /** The upstream connection is being opened; parts wait. */
    CONNECTING,
    /** The head went upstream: body parts follow as they arrive, the answer comes back. */
    RELAYING,
    /** Completed, failed or abandoned: everything held was released. */
    DONE
  }

  /** One request and its answer. */
  private final class Exchange implements OriginListener {
    private final ChannelHandlerContext ctx;
    private final RequestContext context;
    private final HttpRequest request;
    private final Credentials credentials;
    private final ReadGate clientGate;
    private final AnswerGatherer answer;
    private final ArrayDeque<HttpContent> pending = new ArrayDeque<>();
    private Phase phase = Phase.CHOOSING;
    private @Nullable ProviderChoice choice;
    private @Nullable ExchangeShield tokens;
    /** Whether a block rule applies: the body is held whole and judged before the upstream sees anything. */
    private boolean holdForPolicy;
    private @Nullable UpstreamSpec upstream;
    private @Nullable Channel origin;
    private long bodyBytes;
    private long pendingBytes;
    private boolean requestSent;
    private boolean originReusable;
    private boolean responseStarted;
    /** The {@code x-aegis-warnings} value for the answer, once the body was judged. */
    private @Nullable String warnings;
    /** The query string to send: the client's, its secrets tokenized when the head is scanned. */
    private String query;
    private long lastOriginActivity;
    private long upstreamStart;
    private @Nullable ScheduledFuture<?> timer;

    Exchange(ChannelHandlerContext ctx, RequestContext context, HttpRequest request) {
      this.ctx = ctx;
      this.context = context;
      this.request = request;
      this.credentials = requireNonNull(context.credentials(), "provider routes are authenticated");
      this.clientGate = ReadGate.of(ctx.channel());
      this.answer = new AnswerGatherer(ctx.alloc());
      this.query = context.route().query();
    }

    void start() {
      try {
        if (!context.runtime().serving()) {
          throw new ExchangeRefusal(ErrorCode.SERVICE_UNAVAILABLE, "This gateway has not received its configuration "
              + "from the coordinator yet and runs fail_closed, so it forwards nothing. Try again shortly; operators: "
              + "check TAKUMO_COORDINATOR_URL.");
        }
        // A WebSocket is served on /v1/responses over HTTP/1.1 only (ResponsesWebSocket); anywhere else it
        // would carry messages we do not scan: refused, and clients fall back to HTTP. Other upgrades (h2c,
        // which Java's HttpClient offers on plain HTTP) are ignored: the answer stays HTTP/1.1.
        if (request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
          throw new ExchangeRefusal(ErrorCode.BAD_REQUEST, "WebSocket upgrades are served on " + ResponsesWebSocket.ROUTE
              + " over HTTP/1.1 only; send this request over plain HTTP (the client falls back to SSE streaming).");
        }
        if (shield.enabled()) {
          ExchangeShield t = ExchangeShield.start(shield, context, request, ctx.alloc(), config.maxBodyBytes());
          tokens = t;
          holdForPolicy = context.runtime().policy().blocks() && context.framing().hasBody();
          if (config.scanHeaders()) {
            query = t.tokenizeHead(request.headers(), query);
            warnings = t.judge(context.runtime().policy()); // a block rule on the head refuses before connecting
          }
        }
        ProviderChoice chosen = ProviderChoice.of(context, request);
        choice = chosen;
        Provider provider = chosen.provider();
        // With a body to come, the upstream connection waits for its first part: a request that is
        // abandoned before it (an HTTP/2 stream opened and reset, Rapid Reset) costs no connection.
        if (provider != null && !context.framing().hasBody()) {
          chosen(provider);
        }
      } catch (ExchangeRefusal refusal) {
        fail(refusal);
      }
    }

    /** The provider is known: connect, unless the body must be judged whole first. */
    private void chosen(Provider provider) throws ExchangeRefusal {
      if (holdForPolicy && !context.bodyDelivered()) {
        phase = Phase.HOLDING;
      } else {
        connect(provider);
      }
    }

    void onClientContent(HttpContent content) {
      if (phase == Phase.DONE) {
        content.release();
        return;
      }
      boolean last = HttpKinds.isLast(content);
      ByteBuf part = content.content().retain();
      content.release(); // trailers, if any, are not forwarded
      if (last) {
        context.markBodyDelivered();
      }
      try {
        ExchangeShield t = tokens;
        if (t == null) {
          accept(part, last);
        } else {
          t.decode(part, last, this::accept); // content codings undone, in pieces
        }
        if (last) {
          warnings = t == null ? null : t.judge(context.runtime().policy()); // 422 before anything left
        }
        ProviderChoice c = requireNonNull(choice);
        if (phase == Phase.CHOOSING && c.provider() != null) {
          chosen(requireNonNull(c.provider())); // after the queueing: a pooled connection drains the queue at once
        } else if (last && phase == Phase.HOLDING) {
          connect(requireNonNull(c.provider()));
        }
      } catch (ExchangeRefusal refusal) {
        fail(refusal);
      }
    }

    /**
     * One decoded body part on its way upstream: counted against the body limit, read for the model
     * while the provider is open, tokenized, then forwarded or held. Ownership of {@code data} moves
     * in, also when this throws.
     */
    private void accept(ByteBuf data, boolean last) throws ExchangeRefusal {
      try {
        bodyBytes += data.readableBytes();
        if (bodyBytes > config.maxBodyBytes()) {
          throw new ExchangeRefusal(ErrorCode.PAYLOAD_TOO_LARGE, "The request body exceeds "
              + config.maxBodyBytes() + " bytes, the most this gateway accepts.");
        }
        if (phase == Phase.CHOOSING) {
          requireNonNull(choice).feed(data, last);
        }
      } catch (ExchangeRefusal refusal) {
        data.release();
        throw refusal;
      }
      ExchangeShield t = tokens;
      forward(t == null ? data : t.tokenize(data, last), last);
    }

    /** Writes a body part upstream, or holds it (within the held-body budget) until the origin may have it. */
    private void forward(ByteBuf data, boolean last) throws ExchangeRefusal {
      HttpContent out = last ? new DefaultLastHttpContent(data) : new DefaultHttpContent(data);
      if (phase == Phase.RELAYING) {
        writeToOrigin(out);
        return;
      }
      pending.add(out);
      pendingBytes += data.readableBytes();
      if (pendingBytes > config.maxHeldBodyBytes()) {
        throw new ExchangeRefusal(ErrorCode.PAYLOAD_TOO_LARGE, "The gateway has to hold this request's body before "
            + "forwarding it (" + (phase == Phase.HOLDING ? "a block policy applies, so the whole body is judged first"
                : phase == Phase.CHOOSING ? "its \"model\" field, which chooses the provider, comes late in the body"
                : "the upstream connection is not open yet") + "), and it exceeds " + config.maxHeldBodyBytes()
            + " bytes (TAKUMO_MAX_HELD_BODY_BYTES). Send a smaller body"
            + (phase == Phase.CHOOSING ? ", or put \"model\" first." : "."));
      }
    }

    private void connect(Provider provider) throws ExchangeRefusal {
      UpstreamSpec spec = context.runtime().upstream(provider);
      if (credentials.providerKeyHeader() == null && ProviderChoice.providerKey(context.principal(), spec) == null) {
        throw new ExchangeRefusal(ErrorCode.SERVICE_UNAVAILABLE, "No " + provider.id() + " provider key is configured "
            + "on this gateway: set TAKUMO_" + provider.envStem() + "_API_KEY, or send your own provider key along with "
            + "your Takumo key in x-takumo-key.");
      }
      phase = Phase.CONNECTING;
      upstream = spec;
      context.provider(provider.id());
      Future<Channel> acquired = origins.acquire(ctx.channel().eventLoop(), spec);
      if (acquired.isDone()) { // a pooled connection: no pause, whose undo would be two epoll_ctl calls
        onConnected(acquired);
        return;
      }
      clientGate.pause(PauseReason.CONNECT);
      acquired.addListener(this::onConnected);
    }

    private void onConnected(Future<? super Channel> future) {
      clientGate.resume(PauseReason.CONNECT);
      UpstreamSpec spec = requireNonNull(upstream);
      if (!future.isSuccess()) {
        if (phase != Phase.DONE) {
          metrics.upstreamError(spec.provider().id());
          Throwable cause = future.cause();
          log.warn("{} upstream {} {}:{} unreachable: {}", Conn.of(ctx.channel()), spec.provider().id(), spec.host(),
              spec.port(), cause.toString());
          fail(cause instanceof ConnectTimeoutException
              ? new ExchangeRefusal(ErrorCode.UPSTREAM_TIMEOUT, "The " + spec.provider().id() + " upstream did not "
                  + "accept a connection within " + config.connectTimeout().toMillis() + " ms. Try again later.")
              : new ExchangeRefusal(ErrorCode.BAD_GATEWAY, "The " + spec.provider().id() + " upstream at "
                  + spec.host() + ':' + spec.port() + " could not be reached (" + (cause instanceof SSLException
                      ? "TLS handshake failed" : "connection failed") + "). Try again later."));
        }
        return;
      }
      Channel channel = (Channel) future.getNow();
      if (phase == Phase.DONE) {
        origins.release(channel, true); // the client left while we connected; the connection is clean
        return;
      }
      origin = channel;
      phase = Phase.RELAYING;
      channel.pipeline().get(OriginHandler.class).attach(this);
      String target = UpstreamRequests.target(spec, context.route().path(), query);
      upstreamStart = System.nanoTime();
      HttpRequest head = UpstreamRequests.head(request, spec, target, credentials,
          ProviderChoice.providerKey(context.principal(), spec));
      if (tokens != null) {
        reframe(head.headers());
      }
      channel.write(head);
      HttpContent content;
      while ((content = pending.poll()) != null) {
        writeToOrigin(content);
      }
      pendingBytes = 0;
      flushOrigin();
    }

    /**
     * The tokenized body differs in length from the client's and is sent decoded: framed by its new
     * length when it has arrived whole, chunked otherwise. Answers are asked for uncompressed so they
     * can be rehydrated as they stream.
     */
    private void reframe(HttpHeaders headers) {
      headers.remove(HttpHeaderNames.CONTENT_ENCODING);
      if (context.framing().hasBody()) {
        if (context.bodyDelivered()) { // every part is in pending
          headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
          headers.set(HttpHeaderNames.CONTENT_LENGTH, pendingBytes);
        } else {
          headers.remove(HttpHeaderNames.CONTENT_LENGTH);
          headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
      }
      headers.set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.IDENTITY);
    }

    private void writeToOrigin(HttpContent content) {
      Channel channel = requireNonNull(origin);
      content.touch("relay: written to the origin");
      boolean last = HttpKinds.isLast(content);
      channel.write(content, channel.voidPromise());
      if (last) {
        requestSent = true;
        channel.flush();
        armTimer();
      }
      if (!channel.isWritable()) {
        // Flush first: the flush may drain everything, and a pause taken on the stale state would
        // wait for a writability event that never comes.
        channel.flush();
        clientGate.set(PauseReason.UPSTREAM_UNWRITABLE, !channel.isWritable());
      }
    }

    void flushOrigin() {
      Channel channel = origin;
      if (channel != null) {
        channel.flush();
      }
    }

    @Override
    public void onOriginWritabilityChanged(boolean writable) {
      clientGate.set(PauseReason.UPSTREAM_UNWRITABLE, !writable);
    }

    void onClientWritabilityChanged(boolean writable) {
      Channel channel = origin;
      if (channel != null) {
        ReadGate.of(channel).set(PauseReason.PEER_UNWRITABLE, !writable);
      }
    }

    @Override
    public void onOriginMessage(HttpObject msg) {
      lastOriginActivity = System.nanoTime();
      try {
        if (phase == Phase.DONE) {
          return;
        }
        if (msg.decoderResult().isFailure()) {
          originFailed("sent an invalid HTTP response");
          return;
        }
        HttpResponse response = HttpKinds.asResponse(msg);
        if (response != null) {
          HttpResponseStatus status = response.status();
          if (status.codeClass() == HttpStatusClass.INFORMATIONAL) {
            if (status.code() != 100) { // the gateway sends no Expect upstream, and switches no protocol
              originFailed("answered " + status.code() + " (" + status.reasonPhrase() + ") to an HTTP request");
            }
            return; // 100 Continue: the real answer follows
          }
          onResponseHead(response);
        }
        HttpContent received = HttpKinds.asContent(msg);
        if (received != null) {
          boolean last = HttpKinds.isLast(received);
          answer.add(received.content());
          if (last || answer.bytes() >= EMIT_BYTES) {
            emit(last);
          }
        }
      } finally {
        ReferenceCountUtil.release(msg); // the gatherer keeps references of its own
      }
    }

    /** The upstream broke the protocol: 502 (or a closed connection once the answer began), one WARN per kind a minute. */
    private void originFailed(String what) {
      UpstreamSpec spec = requireNonNull(upstream);
      originReusable = false;
      metrics.upstreamError(spec.provider().id());
      failures.unexpected(log, ctx.channel(), "upstream " + spec.provider().id() + ' ' + what,
          new UpstreamProtocolException());
      fail(new ExchangeRefusal(ErrorCode.BAD_GATEWAY, "The " + spec.provider().id() + " upstream " + what
          + ", which this gateway cannot relay. Try again later."));
    }

    private void onResponseHead(HttpResponse response) {
      HttpHeaders headers = response.headers().copy();
      boolean chunked = HttpUtil.isTransferEncodingChunked(response);
      originReusable = HttpUtil.isKeepAlive(response);
      HopByHop.strip(headers);
      int status = response.status().code();
      boolean bodyless = status == 204 || status == 304 || request.method().equals(HttpMethod.HEAD);
      ExchangeShield t = tokens;
      if (t != null) {
        t.startAnswer(headers, !bodyless);
      }
      if (warnings != null) {
        headers.set(WARNINGS_HEADER, warnings);
      }
      if (!bodyless && (chunked || (t != null && t.rehydrates()) || !headers.contains(HttpHeaderNames.CONTENT_LENGTH))) {
        // Re-frame for the client: an answer the upstream delimits by closing still arrives framed.
        headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
      responseStarted = true;
      ctx.write(new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status(), headers), ctx.voidPromise());
    }

    /** Writes what the read gathered, rehydrated when this exchange tokenized anything. */
    private void emit(boolean last) {
      ByteBuf data = answer.take();
      ExchangeShield t = tokens;
      if (t != null) {
        try {
          data = t.rehydrate(data, last);
        } catch (ExchangeRefusal refusal) {
          fail(refusal);
          return;
        }
      }
      if (last) { // before the write: writing the last part ends the exchange and records it
        context.upstreamNanos(System.nanoTime() - upstreamStart);
        if (t != null) {
          t.record(metrics);
        }
      }
      HttpContent content = last ? new DefaultLastHttpContent(data) : new DefaultHttpContent(data);
      ctx.write(content.touch("relay: written to the client"), ctx.voidPromise());
      if (last) {
        complete();
      } else if (!ctx.channel().isWritable()) {
        ctx.flush(); // as in writeToOrigin: decide on the state after the flush
        ReadGate.of(requireNonNull(origin)).set(PauseReason.PEER_UNWRITABLE, !ctx.channel().isWritable());
      }
    }

    @Override
    public void onOriginReadComplete() {
      if (!answer.isEmpty() && phase != Phase.DONE) {
        emit(false);
      }
      ctx.flush();
    }

    private void complete() {
      ctx.flush();
      Channel channel = requireNonNull(origin);
      finish();
      origins.release(channel, originReusable && requestSent);
    }

    @Override
    public void onOriginClosed() {
      if (phase == Phase.DONE) {
        return;
      }
      origin = null;
      UpstreamSpec spec = requireNonNull(upstream);
      metrics.upstreamError(spec.provider().id());
      metrics.connectionReset(false);
      if (!responseStarted) {
        fail(new ExchangeRefusal(ErrorCode.BAD_GATEWAY, "The " + spec.provider().id()
            + " upstream closed the connection before answering. Try again."));
      } else {
        log.debug("{} upstream closed mid-answer, closing the client connection", Conn.of(ctx.channel()));
        context.abandon(ErrorCode.BAD_GATEWAY.status().code());
        finish();
        ctx.close(); // a truncated answer must not look complete
      }
    }

    private void armTimer() {
      lastOriginActivity = System.nanoTime();
      scheduleTimer(config.upstreamTimeout().toNanos());
    }

    private void scheduleTimer(long delayNanos) {
      timer = ctx.executor().schedule(this::onTimer, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Fires after the configured silence; re-arms itself while the origin keeps sending. */
    private void onTimer() {
      if (phase == Phase.DONE) {
        return;
      }
      long silent = System.nanoTime() - lastOriginActivity;
      long limit = config.upstreamTimeout().toNanos();
      if (silent < limit) {
        scheduleTimer(limit - silent);
        return;
      }
      Provider provider = requireNonNull(upstream).provider();
      metrics.upstreamError(provider.id());
      log.warn("{} upstream {} silent for {} ms", Conn.of(ctx.channel()), provider.id(), config.upstreamTimeout().toMillis());
      fail(new ExchangeRefusal(ErrorCode.UPSTREAM_TIMEOUT, "The " + provider.id() + " upstream did not answer within "
          + config.upstreamTimeout().toMillis() + " ms. Try again later."));
    }

    /** Ends the exchange with the gateway's error, or by closing the connection when the answer has begun. */
    private void fail(ExchangeRefusal refusal) {
      boolean answered = responseStarted || context.responseStarted();
      abort();
      if (answered) {
        context.abandon(refusal.code().status().code());
        ctx.close(); // a truncated answer must not look complete
      } else {
        ErrorResponses.send(ctx, refusal.code(), requireNonNull(refusal.getMessage()));
      }
    }

    /** Drops everything: pending body, the origin connection (not reusable mid-exchange). */
    void abort() {
      Channel channel = origin;
      finish();
      if (channel != null) {
        origins.release(channel, false);
      }
    }

    private void finish() {
      if (phase == Phase.DONE) {
        return;
      }
      phase = Phase.DONE;
      origin = null;
      ScheduledFuture<?> t = timer;
      if (t != null) {
        t.cancel(false);
      }
      HttpContent content;
      while ((content = pending.poll()) != null) {
        content.release();
      }
      ExchangeShield s = tokens;
      if (s != null) {
        s.record(metrics); // what was found goes into the access log and audit, whatever the outcome
        s.close();
      }
      answer.release();
      clientGate.resume(PauseReason.UPSTREAM_UNWRITABLE);
      clientGate.resume(PauseReason.CONNECT);
      if (exchange == this) {
        exchange = null;
      }
    }
  }

  /** Stands for an upstream that broke HTTP: the kind {@link FailureLog} rate-limits its WARN lines by. */
  private static final class UpstreamProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    UpstreamProtocolException() {
      super(null, null, false, false);
    }
  }
}
