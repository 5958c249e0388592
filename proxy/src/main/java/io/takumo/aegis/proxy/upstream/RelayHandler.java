package io.takumo.aegis.proxy.upstream;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ConnectTimeoutException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import io.takumo.aegis.proxy.auth.Credentials;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.UpstreamSpec;
import io.takumo.aegis.proxy.http.HttpKinds;
import io.takumo.aegis.proxy.policy.Policy;
import io.takumo.aegis.proxy.http.Conn;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ErrorResponses;
import io.takumo.aegis.proxy.http.HopByHop;
import io.takumo.aegis.proxy.http.PauseReason;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.ReadGate;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.route.Route;
import io.takumo.aegis.proxy.route.RouteKind;
import io.takumo.aegis.proxy.shield.ContentDecoding;
import io.takumo.aegis.proxy.shield.RewritingStream;
import io.takumo.aegis.proxy.shield.ShieldRuntime;
import io.takumo.aegis.shield.BodyTokenizer;
import io.takumo.aegis.shield.Detection;
import io.takumo.aegis.shield.Rehydrating;
import io.takumo.aegis.shield.Rehydrator;
import io.takumo.aegis.shield.SseRehydrator;
import io.takumo.aegis.shield.Vault;
import io.takumo.aegis.shield.VaultFullException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Terminal handler of a client connection: relays each provider request to its upstream and the
 * answer back, streaming both ways with back-pressure.
 *
 * <p>Ownership: every {@link HttpContent} it receives is either written to the origin (ownership
 * moves with the write), held in {@code pending} until the origin is ready, or released. Response
 * parts from the origin move to the client the same way. One instance per client channel; all
 * state is confined to the channel's event loop, which is also the origin channel's.
 */
public final class RelayHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(RelayHandler.class);

  private final GatewayConfig config;
  private final UpstreamClient upstreams;
  /** A read's answer parts go out at once past this many bytes. */
  private static final int EMIT_BYTES = 64 << 10;
  /** Answer parts smaller than this are copied together instead of composed (see {@code gather}). */
  private static final int COPY_PARTS_BELOW = 1024;
  private static final int COPY_BUFFER_BYTES = 4096;
  /** SPEC §5: findings of {@code warn} rules, on the answer of the request they were found in. */
  public static final String WARNINGS_HEADER = "x-aegis-warnings";

  private final ProxyMetrics metrics;
  private final ShieldRuntime shield;
  private @Nullable Exchange exchange;

  public RelayHandler(GatewayConfig config, UpstreamClient upstreams, ProxyMetrics metrics, ShieldRuntime shield) {
    this.config = requireNonNull(config, "config");
    this.upstreams = requireNonNull(upstreams, "upstreams");
    this.metrics = requireNonNull(metrics, "metrics");
    this.shield = requireNonNull(shield, "shield");
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

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.error("{} closing after an unexpected failure", Conn.of(ctx.channel()), cause);
    ctx.close();
  }

  /** One request and its answer. */
  private final class Exchange implements OriginListener {
    private final ChannelHandlerContext ctx;
    private final RequestContext context;
    private final HttpRequest request;
    private final Credentials credentials;
    private final ReadGate clientGate;
    private final ArrayDeque<HttpContent> pending = new ArrayDeque<>();
    private @Nullable ModelSniffer sniffer;
    private @Nullable UpstreamSpec upstream;
    private @Nullable Channel origin;
    private long bodyBytes;
    private boolean requestReceived;
    private boolean requestSent;
    private boolean originReusable;
    private boolean responseStarted;
    private boolean done;
    private long lastOriginActivity;
    private long upstreamStart;
    private @Nullable ScheduledFuture<?> timer;
    // Tokenization (SPEC §2-§3): the exchange's vault, the request rewrite, the answer rewrite.
    private @Nullable Vault vault;
    private @Nullable BodyTokenizer tokenizer;
    private @Nullable RewritingStream requestRewrite;
    private @Nullable ContentDecoding requestDecoding;
    private @Nullable RewritingStream responseRewrite;
    private @Nullable Rehydrating rehydrator;
    private @Nullable ContentDecoding responseDecoding;
    private boolean shieldRecorded;
    /**
     * Answer bytes of the current upstream read, not yet written (see {@link #gather}): one part as
     * received, or a composite of parts when {@code composed}; {@code copied} follows it.
     */
    private @Nullable ByteBuf gathered;
    private boolean composed;
    /** Small parts of the current read, copied into one buffer; they come after {@code gathered}. */
    private @Nullable ByteBuf copied;
    private int gatheredBytes;
    /** The relay itself took the body's last part (not just the codec): everything is in {@code pending}. */
    private boolean bodyInPending;
    /** A block rule applies: the body is held whole (up to the body limit) and judged before anything leaves. */
    private boolean holdForPolicy;
    /** The provider to connect to once a held body was judged. */
    private @Nullable Provider deferred;
    /** The {@code x-aegis-warnings} value for the answer, once the body was judged. */
    private @Nullable String warnings;

    Exchange(ChannelHandlerContext ctx, RequestContext context, HttpRequest request) {
      this.ctx = ctx;
      this.context = context;
      this.request = request;
      this.credentials = requireNonNull(context.credentials(), "provider routes are authenticated");
      this.clientGate = ReadGate.of(ctx.channel());
      this.requestReceived = context.requestComplete();
    }

    void start() {
      if (!context.runtime().serving()) {
        fail(ErrorCode.SERVICE_UNAVAILABLE, "This gateway has not received its configuration from the coordinator yet "
            + "and runs fail_closed, so it forwards nothing. Try again shortly; operators: check TAKUMO_COORDINATOR_URL.");
        return;
      }
      // A WebSocket would carry messages we do not scan: refused, and clients fall back to SSE. Other
      // upgrades (h2c, which Java's HttpClient offers on plain HTTP) are ignored: the answer stays HTTP/1.1.
      if (request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
        fail(ErrorCode.BAD_REQUEST, "WebSocket upgrades are not supported on provider routes; "
            + "send the request over plain HTTP (the client falls back to SSE streaming).");
        return;
      }
      if (shield.enabled() && !startShield()) {
        return;
      }
      holdForPolicy = shield.enabled() && context.runtime().policy().blocks() && !requestReceived;
      Route route = context.route();
      if (route.provider() != null) {
        route(route.provider());
      } else if (route.pathModel() != null) {
        Provider provider = Provider.forModel(route.pathModel());
        route(provider != null ? provider : byHeaders());
      } else if (route.modelFromBody()) {
        sniffer = new ModelSniffer();
        if (requestReceived) {
          fail(ErrorCode.BAD_REQUEST, "The request has no body: " + route.path() + " needs a JSON body with a \"model\" field.");
        }
      } else {
        route(byHeaders());
      }
    }

    /** Connects now, or once the whole body was judged when a block rule applies. */
    private void route(Provider provider) {
      if (holdForPolicy) {
        deferred = provider;
      } else {
        connect(provider);
      }
    }

    /**
     * Applies the policy (SPEC §5) to the body's findings once it is tokenized whole: 422 when a
     * block rule matched, else the warnings for the answer. False when the request was refused.
     */
    private boolean judge() {
      BodyTokenizer t = tokenizer;
      if (t == null || t.detections().isEmpty()) {
        return true;
      }
      Policy.Verdict verdict = context.runtime().policy().judge(t.detections());
      context.policyActions(verdict.actions());
      warnings = verdict.warningHeader();
      if (verdict.blocked().isEmpty()) {
        return true;
      }
      Detection first = t.detections().stream()
          .filter(d -> verdict.blocked().containsKey(d.category().name() + '/' + d.ruleId()))
          .findFirst().orElseThrow();
      fail(ErrorCode.POLICY_BLOCKED, "The request was blocked by policy: rule " + first.ruleId() + " (category "
          + first.category().name() + ") matched in the request body at byte " + first.offset() + (verdict.blocked().size() > 1
              ? " (and " + (verdict.blocked().size() - 1) + " more rule(s))" : "")
          + ". Remove the secret and send the request again; nothing was forwarded.");
      return false;
    }

    /** Sets up the vault and the request rewrite; false when the request was refused. */
    private boolean startShield() {
      Principal principal = context.principal();
      Vault v = shield.newVault(context.runtime(), principal == null ? null : principal.orgSettings());
      vault = v;
      try {
        requestDecoding = ContentDecoding.forEncoding(request.headers().get(HttpHeaderNames.CONTENT_ENCODING), ctx.alloc());
      } catch (ContentDecoding.UnsupportedEncodingException e) {
        fail(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body is encoded with '" + truncate(e.getMessage())
            + "', which this gateway cannot decode to scan for secrets; send it uncompressed, or as gzip, deflate, br or zstd.");
        return false;
      }
      requestRewrite = new RewritingStream(ctx.alloc(), sink -> {
        BodyTokenizer t = new BodyTokenizer(context.runtime().shield().detector(), v, sink,
            HttpUtil.getContentLength(request, -1L));
        tokenizer = t;
        return t;
      });
      return true;
    }

    /** The organization's own key for the provider if it has one, else the gateway's. */
    private @Nullable String providerKey(Provider provider, UpstreamSpec spec) {
      Principal principal = context.principal();
      String own = principal == null ? null : principal.orgSettings().providerKey(provider);
      return own != null ? own : spec.apiKey();
    }

    /** Routes without a model (GET /v1/models): Anthropic clients always send anthropic-version. */
    private Provider byHeaders() {
      return request.headers().contains("anthropic-version") ? Provider.ANTHROPIC : Provider.OPENAI;
    }

    void onClientContent(HttpContent content) {
      if (done) {
        content.release();
        return;
      }
      boolean last = HttpKinds.isLast(content);
      requestReceived |= last;
      bodyInPending |= last && origin == null;
      ByteBuf data = content.content().retain();
      content.release(); // trailers, if any, are not forwarded
      ContentDecoding decoding = requestDecoding;
      if (decoding != null) {
        try {
          data = decoding.decode(data, last);
        } catch (DecoderException e) {
          fail(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body is not valid for its Content-Encoding, so it "
              + "could not be scanned for secrets and was not forwarded.");
          return;
        }
      }
      bodyBytes += data.readableBytes();
      if (bodyBytes > config.maxBodyBytes()) {
        data.release();
        fail(ErrorCode.PAYLOAD_TOO_LARGE, "The request body exceeds " + config.maxBodyBytes()
            + " bytes, the most this gateway accepts.");
        return;
      }
      ModelSniffer s = sniffer;
      Provider sniffed = null;
      if (s != null) {
        sniffed = sniff(s, data, last);
        if (done) {
          data.release();
          return;
        }
      }
      RewritingStream rewrite = requestRewrite;
      if (rewrite != null) {
        try {
          data = rewrite.feed(data, last); // the rewrite owns the received buffer now
        } catch (VaultFullException e) {
          fail(ErrorCode.PAYLOAD_TOO_LARGE, "The request holds more than " + e.limit() + " secrets, the most one request "
              + "may carry (TAKUMO_MAX_VAULT_ENTRIES); it was not forwarded.");
          return;
        } catch (RuntimeException e) {
          log.error("{} scanning the request body failed; refusing it (fail closed): {}", Conn.of(ctx.channel()),
              e.getClass().getName()); // the message could quote the body
          fail(ErrorCode.INTERNAL_ERROR, "The request could not be scanned for secrets, so it was not forwarded. "
              + "Try again; if it persists, report request id " + context.requestId() + '.');
          return;
        }
      }
      HttpContent out = last ? new DefaultLastHttpContent(data) : new DefaultHttpContent(data);
      if (origin == null) {
        pending.add(out);
      } else {
        writeToOrigin(out);
      }
      if (last && !judge()) {
        return;
      }
      if (sniffed != null) {
        route(sniffed); // after the queueing: a pooled connection may be ready at once and drain the queue
      }
      Provider held = deferred;
      if (last && held != null) {
        deferred = null;
        connect(held);
      }
    }

    /** The provider the body's model names, once known; null before that or when the request failed. */
    private @Nullable Provider sniff(ModelSniffer s, ByteBuf content, boolean last) {
      if (!s.feed(content)) {
        if (last) {
          fail(ErrorCode.BAD_REQUEST, "The request body has no top-level \"model\" field; "
              + context.route().path() + " needs one to choose the provider.");
        }
        return null;
      }
      sniffer = null;
      String model = s.model();
      if (model == null) {
        fail(ErrorCode.BAD_REQUEST, "The request body is not a JSON object with a string \"model\" field; "
            + context.route().path() + " needs one to choose the provider.");
        return null;
      }
      Provider provider = Provider.forModel(model);
      if (provider == null) {
        fail(ErrorCode.UNSUPPORTED_PROVIDER, "No provider serves the model '" + truncate(model)
            + "'. Use a claude-*, gpt-*, o1/o3/o4*, mistral-*, codestral-* or gemini-* model.");
      }
      return provider;
    }

    private void connect(Provider provider) {
      UpstreamSpec spec = context.runtime().upstream(provider);
      if (credentials.providerKeyHeader() == null && providerKey(provider, spec) == null) {
        fail(ErrorCode.SERVICE_UNAVAILABLE, "No " + provider.id() + " provider key is configured on this gateway: "
            + "set TAKUMO_" + provider.envStem() + "_API_KEY, or send your own provider key along with your Takumo key "
            + "in x-takumo-key.");
        return;
      }
      upstream = spec;
      context.provider(provider.id());
      Future<Channel> acquired = upstreams.acquire(ctx.channel().eventLoop(), spec);
      if (acquired.isDone()) { // a pooled connection: no pause, whose undo would be two epoll_ctl calls
        onConnected(acquired);
        return;
      }
      clientGate.pause(PauseReason.CONNECT);
      acquired.addListener(this::onConnected);
    }

    private void onConnected(Future<? super Channel> future) {
      clientGate.resume(PauseReason.CONNECT);
      if (!future.isSuccess()) {
        if (!done) {
          metrics.upstreamError(requireNonNull(upstream).provider().id());
          UpstreamSpec spec = requireNonNull(upstream);
          Throwable cause = future.cause();
          log.warn("{} upstream {} {}:{} unreachable: {}", Conn.of(ctx.channel()), spec.provider().id(), spec.host(),
              spec.port(), cause.toString());
          if (cause instanceof ConnectTimeoutException) {
            fail(ErrorCode.UPSTREAM_TIMEOUT, "The " + spec.provider().id() + " upstream did not accept a connection within "
                + config.connectTimeout().toMillis() + " ms. Try again later.");
          } else {
            fail(ErrorCode.BAD_GATEWAY, "The " + spec.provider().id() + " upstream at " + spec.host() + ':' + spec.port()
                + " could not be reached (" + (cause instanceof SSLException ? "TLS handshake failed" : "connection failed")
                + "). Try again later.");
          }
        }
        return;
      }
      Channel channel = (Channel) future.getNow();
      if (done) {
        upstreams.release(channel, true); // the client left while we connected; the connection is clean
        return;
      }
      origin = channel;
      channel.pipeline().get(OriginHandler.class).attach(this);
      UpstreamSpec spec = requireNonNull(upstream);
      String target = UpstreamRequests.target(spec, context.route());
      upstreamStart = System.nanoTime();
      HttpRequest head = UpstreamRequests.head(request, spec, target, credentials, providerKey(spec.provider(), spec));
      if (vault != null) {
        reframe(head.headers());
      }
      channel.write(head);
      HttpContent content;
      while ((content = pending.poll()) != null) {
        writeToOrigin(content);
      }
      flushOrigin();
    }

    /**
     * The tokenized body differs in length from the client's, and is sent decoded: framed by its
     * new length when it has arrived whole, chunked otherwise. Answers are asked for uncompressed so
     * they can be rehydrated as they stream.
     */
    private void reframe(HttpHeaders headers) {
      boolean hadBody = HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
      headers.remove(HttpHeaderNames.CONTENT_ENCODING);
      if (hadBody) {
        if (bodyInPending) {
          long length = 0;
          for (HttpContent c : pending) {
            length += c.content().readableBytes();
          }
          headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
          headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
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
      if (done) {
        ReferenceCountUtil.release(msg);
        return;
      }
      if (msg.decoderResult().isFailure()) {
        ReferenceCountUtil.release(msg);
        originReusable = false;
        metrics.upstreamError(requireNonNull(upstream).provider().id());
        fail(ErrorCode.BAD_GATEWAY, "The " + requireNonNull(upstream).provider().id()
            + " upstream sent an invalid HTTP response. Try again later.");
        return;
      }
      HttpResponse response = HttpKinds.asResponse(msg);
      if (response != null) {
        if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
          ReferenceCountUtil.release(msg); // 1xx: the real answer follows
          return;
        }
        onResponseHead(response);
      }
      HttpContent received = HttpKinds.asContent(msg);
      if (received != null) {
        boolean last = HttpKinds.isLast(received);
        gather(received);
        if (last || gatheredBytes >= EMIT_BYTES) {
          emit(last);
        }
      }
    }

    /**
     * Keeps an answer part until the end of the upstream read: an SSE answer arrives as one decoded
     * part per event, and going out as one part per read saves the per-part work on the way out
     * (chunk framing, rewriter calls) without delaying anything: the read's end flushes anyway.
     * Parts under {@link RelayHandler#COPY_PARTS_BELOW} bytes (SSE events) are copied into one buffer: copying
     * 100 bytes costs less than what each composite component costs (a retain and release, and an
     * iovec with its ByteBuffer slice on the write). Larger parts are kept as received (no copy).
     */
    private void gather(HttpContent received) {
      ByteBuf data = received.content();
      int n = data.readableBytes();
      gatheredBytes += n;
      if (n >= COPY_PARTS_BELOW) {
        append(takeCopied()); // keeps the order: the copied parts came first
        append(data.retain());
      } else if (n > 0) { // an empty part (the end of a chunked answer) leaves nothing to keep
        ByteBuf c = copied;
        if (c == null) {
          c = ctx.alloc().directBuffer(Math.max(COPY_BUFFER_BYTES, n));
          copied = c;
        }
        c.writeBytes(data);
      }
      received.release(); // trailers, if any, are not relayed
    }

    private @Nullable ByteBuf takeCopied() {
      ByteBuf c = copied;
      copied = null;
      return c;
    }

    private void append(@Nullable ByteBuf part) {
      if (part == null) {
        return;
      }
      ByteBuf g = gathered;
      if (g == null) {
        gathered = part;
        return;
      }
      CompositeByteBuf composite;
      if (composed) {
        composite = (CompositeByteBuf) g;
      } else {
        composite = ctx.alloc().compositeBuffer(Integer.MAX_VALUE); // never consolidates: no copy
        composite.addComponent(true, g);
        gathered = composite;
        composed = true;
      }
      composite.addComponent(true, part);
    }

    /** What the read gathered, in order; the caller owns it. */
    private ByteBuf takeGathered() {
      append(takeCopied());
      ByteBuf g = gathered;
      gathered = null;
      composed = false;
      gatheredBytes = 0;
      return g == null ? Unpooled.EMPTY_BUFFER : g;
    }

    private boolean hasGathered() {
      return gathered != null || copied != null;
    }

    /** Writes what the read gathered (rehydrated when this exchange tokenized anything). */
    private void emit(boolean last) {
      ByteBuf data = takeGathered();
      if (responseRewrite != null) {
        data = rehydrate(data, last);
        if (data == null) {
          return;
        }
      }
      if (last) { // before the write: writing the last part ends the exchange and records it
        context.upstreamNanos(System.nanoTime() - upstreamStart);
        recordShield();
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

    /** The answer bytes with the secrets put back (ownership moves in and out); null when that failed. */
    private @Nullable ByteBuf rehydrate(ByteBuf received, boolean last) {
      ByteBuf data = received;
      try {
        ContentDecoding decoding = responseDecoding;
        if (decoding != null) {
          data = decoding.decode(data, last);
        }
        data = requireNonNull(responseRewrite).feed(data, last);
      } catch (RuntimeException e) {
        log.warn("{} rehydrating the answer failed: {}", Conn.of(ctx.channel()), e.getClass().getName());
        fail(ErrorCode.BAD_GATEWAY, "The answer of the provider could not be read to restore your secrets. Try again.");
        return null;
      }
      return data;
    }

    /**
     * Sets up rehydration when this exchange tokenized something and the answer has a body: the
     * length changes (chunked to the client), a compressed answer is decoded first.
     */
    private void startRehydration(HttpHeaders headers, boolean bodyless) {
      Vault v = vault;
      if (v == null || v.isEmpty() || bodyless || request.method().equals(HttpMethod.HEAD)) {
        return;
      }
      try {
        responseDecoding = ContentDecoding.forEncoding(headers.get(HttpHeaderNames.CONTENT_ENCODING), ctx.alloc());
      } catch (ContentDecoding.UnsupportedEncodingException e) {
        log.warn("{} answer encoded with an unknown encoding; relayed without rehydration", Conn.of(ctx.channel()));
        return; // the client gets tokens, never more than the provider saw
      }
      headers.remove(HttpHeaderNames.CONTENT_ENCODING);
      headers.remove(HttpHeaderNames.CONTENT_LENGTH);
      String type = headers.get(HttpHeaderNames.CONTENT_TYPE, "");
      boolean sse = type.regionMatches(true, 0, "text/event-stream", 0, 17);
      responseRewrite = new RewritingStream(ctx.alloc(), sink -> {
        Rehydrating r = sse ? new SseRehydrator(v, sink) : new Rehydrator(v, sink, true);
        rehydrator = r;
        return r;
      });
    }

    /** Puts what tokenization did into the exchange's context, once, before it is recorded. */
    private void recordShield() {
      if (shieldRecorded) {
        return;
      }
      shieldRecorded = true;
      BodyTokenizer t = tokenizer;
      Rehydrating r = rehydrator;
      context.shield(t == null ? List.of() : t.detections(), r == null ? 0 : r.restored(),
          r == null ? 0 : r.unknownCount());
      metrics.shield(t == null ? List.of() : t.detections(), r == null ? 0 : r.restored(),
          vault == null ? 0 : requireNonNull(vault).size());
    }

    private void onResponseHead(HttpResponse response) {
      HttpHeaders headers = response.headers().copy();
      boolean chunked = HttpUtil.isTransferEncodingChunked(response);
      originReusable = HttpUtil.isKeepAlive(response);
      HopByHop.strip(headers);
      int status = response.status().code();
      boolean bodyless = status == 204 || status == 304;
      startRehydration(headers, bodyless);
      if (warnings != null) {
        headers.set(WARNINGS_HEADER, warnings);
      }
      if (!bodyless && (chunked || responseRewrite != null || !headers.contains(HttpHeaderNames.CONTENT_LENGTH))) {
        // Re-frame for the client: an answer the upstream delimits by closing still arrives framed.
        headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
      responseStarted = true;
      ctx.write(new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status(), headers), ctx.voidPromise());
    }

    @Override
    public void onOriginReadComplete() {
      if (hasGathered() && !done) {
        emit(false);
      }
      ctx.flush();
    }

    private void complete() {
      ctx.flush();
      Channel channel = requireNonNull(origin);
      finish();
      upstreams.release(channel, originReusable && requestSent);
    }

    @Override
    public void onOriginClosed() {
      if (done) {
        return;
      }
      origin = null;
      metrics.upstreamError(requireNonNull(upstream).provider().id());
      if (!responseStarted) {
        fail(ErrorCode.BAD_GATEWAY, "The " + requireNonNull(upstream).provider().id()
            + " upstream closed the connection before answering. Try again.");
      } else {
        log.debug("{} upstream closed mid-answer, closing the client connection", Conn.of(ctx.channel()));
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
      if (done) {
        return;
      }
      long silent = System.nanoTime() - lastOriginActivity;
      long limit = config.upstreamTimeout().toNanos();
      if (silent < limit) {
        scheduleTimer(limit - silent);
        return;
      }
      metrics.upstreamError(requireNonNull(upstream).provider().id());
      Provider provider = requireNonNull(upstream).provider();
      log.warn("{} upstream {} silent for {} ms", Conn.of(ctx.channel()), provider.id(), config.upstreamTimeout().toMillis());
      if (!responseStarted) {
        fail(ErrorCode.UPSTREAM_TIMEOUT, "The " + provider.id() + " upstream did not answer within "
            + config.upstreamTimeout().toMillis() + " ms. Try again later.");
      } else {
        abort();
        ctx.close();
      }
    }

    /** Ends the exchange with a gateway error, or by closing when the answer has begun. */
    private void fail(ErrorCode code, String message) {
      boolean answered = responseStarted || context.responseStarted();
      recordShield();
      abort();
      if (answered) {
        ctx.close();
      } else {
        ErrorResponses.send(ctx, code, message);
      }
    }

    /** Drops everything: pending body, the origin connection (not reusable mid-exchange). */
    void abort() {
      Channel channel = origin;
      finish();
      if (channel != null) {
        upstreams.release(channel, false);
      }
    }

    /** Zeroes the vault and releases what the rewrites hold: the exchange completed, failed or was abandoned. */
    private void closeShield() {
      recordShield();
      for (AutoCloseable c : new AutoCloseable[] {requestDecoding, requestRewrite, responseDecoding, responseRewrite, vault}) {
        if (c != null) {
          try {
            c.close();
          } catch (Exception e) {
            log.warn("{} releasing tokenization state failed: {}", Conn.of(ctx.channel()), e.toString());
          }
        }
      }
      requestDecoding = null;
      requestRewrite = null;
      responseDecoding = null;
      responseRewrite = null;
    }

    private void finish() {
      if (done) {
        return;
      }
      done = true;
      origin = null;
      sniffer = null;
      ScheduledFuture<?> t = timer;
      if (t != null) {
        t.cancel(false);
      }
      HttpContent content;
      while ((content = pending.poll()) != null) {
        content.release();
      }
      closeShield();
      if (hasGathered()) {
        takeGathered().release();
      }
      clientGate.resume(PauseReason.UPSTREAM_UNWRITABLE);
      clientGate.resume(PauseReason.CONNECT);
      if (exchange == this) {
        exchange = null;
      }
    }
  }

  private static String truncate(@Nullable String model) {
    if (model == null) {
      return "";
    }
    return model.length() <= 64 ? model : model.substring(0, 64) + "…";
  }
}
