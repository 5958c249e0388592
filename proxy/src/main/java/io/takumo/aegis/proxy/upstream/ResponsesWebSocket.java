package io.takumo.aegis.proxy.upstream;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.takumo.aegis.proxy.audit.AuditEvent;
import io.takumo.aegis.proxy.audit.AuditLog;
import io.takumo.aegis.proxy.auth.AuthException;
import io.takumo.aegis.proxy.auth.Authenticator;
import io.takumo.aegis.proxy.auth.Credentials;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.proxy.config.RuntimeConfigHolder;
import io.takumo.aegis.proxy.config.UpstreamSpec;
import io.takumo.aegis.proxy.http.Conn;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ErrorResponses;
import io.takumo.aegis.proxy.http.ExchangeRefusal;
import io.takumo.aegis.proxy.http.PauseReason;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.ReadGate;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.http.Tunnel;
import io.takumo.aegis.proxy.policy.Policy;
import io.takumo.aegis.proxy.ratelimit.RateDecision;
import io.takumo.aegis.proxy.ratelimit.RateLimiter;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.server.HandlerNames;
import io.takumo.aegis.proxy.shield.ExchangeShield;
import io.takumo.aegis.proxy.shield.ShieldRuntime;
import io.takumo.aegis.shield.ArrayRewrite;
import io.takumo.aegis.shield.BodyTokenizer;
import io.takumo.aegis.shield.Detection;
import io.takumo.aegis.shield.Rewrite;
import io.takumo.aegis.shield.SseRehydrator;
import io.takumo.aegis.shield.Vault;
import io.takumo.aegis.shield.VaultFullException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenAI's Responses API over a WebSocket (Codex CLI's first transport), scrubbed both ways
 * (decisions.md, <em>Responses over WebSocket</em>).
 *
 * <p>The client's upgrade on {@code /v1/responses} is authenticated like any provider request; the gateway
 * then opens its own WebSocket to the provider (the provider key handled as on HTTP) and answers the client's
 * 101 only once the provider answered its own; a provider that refuses gets its status relayed, so the client
 * falls back to SSE as it would without the gateway. From then on each complete message (fragments
 * reassembled up to {@code TAKUMO_WS_MAX_MESSAGE_BYTES}, 1009 past it):
 *
 * <ul>
 *   <li>client → provider: its JSON tokenized by the request bodies' tokenizer, judged by the policy; each
 *       {@code response.create} is a request: its key checked again, then the rate limits, metrics and the
 *       audit trail (one row per turn, written when the turn's last event comes back), with the running
 *       config. A refused message is answered with an {@code error} event ({@code status} 401 and a 1008 close,
 *       429, 413, 422, 500 or 503) as the provider would, and not forwarded.
 *   <li>provider → client: each event rehydrated by the SSE rehydrator, fed as one {@code data:} event, so a
 *       token split across {@code *.delta} messages is held back into the next one and {@code *.done} copies
 *       are restored; tool-call arguments are escaped for their depth.
 *   <li>binary messages from the client are refused (1003: nothing is tunnelled unscanned); pings are answered
 *       per hop; a close is relayed with its code; a slow reader stops the other side's reads.
 * </ul>
 *
 * <p>One vault serves the whole connection, backed by the caller's conversation vault, so a later turn that
 * sends only new input (and {@code previous_response_id}) still gets earlier turns' tokens restored.
 * Extensions ({@code permessage-deflate}) are declined on both sides. Event-loop confined: both channels are
 * on the client's loop.
 */
public final class ResponsesWebSocket {
  private static final Logger log = LoggerFactory.getLogger(ResponsesWebSocket.class);
  static final String ROUTE = "/v1/responses";
  /** A refused upgrade's answer is relayed up to this size. */
  private static final int MAX_REFUSAL_BYTES = 64 << 10;
  /** The HTTP level of the client connection, removed once it speaks WebSocket (the idle timeout stays). */
  private static final List<String> HTTP_LEVEL = List.of(HandlerNames.HEADER_TIMEOUT, HandlerNames.HEADS,
      HandlerNames.FORWARD_PROXY, HandlerNames.REQUEST_CONTEXT, HandlerNames.AUTH, HandlerNames.RATE_LIMIT,
      HandlerNames.EXPECT_CONTINUE, HandlerNames.LOCAL_ROUTES, HandlerNames.RELAY);
  /** Events that end a turn (the provider's answer to one {@code response.create}). */
  private static final Set<String> TURN_ENDS = Set.of("response.completed", "response.failed", "response.incomplete",
      "error");
  private static final String[] NO_HEAD = new String[2];
  private static final byte[] DELTA_PREFIX = "response.output_".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TYPE_FIRST = "{\"type\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = {'\n', '\n'};

  /**
   * What every session shares: the gateway's settings and pool, and what each turn checks again (the key, with the
   * running config's revocations; the rate limits; the audit trail).
   */
  public record Services(GatewayConfig config, OriginPool origins, ProxyMetrics metrics, ShieldRuntime shield,
      RateLimiter limiter, AuditLog audit, Authenticator authenticator, RuntimeConfigHolder runtime) {}

  private final Services services;
  private final ChannelHandlerContext relay;
  private final Channel client;
  private final RequestContext context;
  private final HttpRequest request;
  private final Principal principal;
  private final int maxMessage;
  private final Credentials credentials;
  /** The key the upgrade was authenticated with, checked again at each turn; null for a trusted network's caller. */
  private final @Nullable String rawKey;
  private @Nullable Channel origin;
  private @Nullable Vault vault;
  private @Nullable SseRehydrator rehydrator;
  private final FramedRewrite rehydrated = new FramedRewrite();
  /** Client messages waiting for a rate-limit lease, in order. */
  private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
  private @Nullable Turn turn;
  /** Tokens restored, and bytes sent to the client, before the turn in flight began / since it began. */
  private int restoredBefore;
  private long turnBytesOut;
  private boolean open;
  private boolean ended;
  /** The upgrade got its answer: the 101, or a refusal. */
  private boolean answered;
  private boolean clientCloseSent;
  private boolean originCloseSent;

  /** The {@code response.create} in flight: what its audit row and metrics need. */
  private record Turn(String requestId, long startNanos, long sentNanos, List<Detection> detections,
      List<String> actions, int bytesIn) {}

  private ResponsesWebSocket(Services services, ChannelHandlerContext relay, RequestContext context,
      HttpRequest request) {
    this.services = services;
    this.relay = relay;
    this.client = relay.channel();
    this.context = context;
    this.request = request;
    this.principal = requireNonNull(context.principal(), "provider routes are authenticated");
    this.maxMessage = (int) services.config().conversations().maxWebSocketMessageBytes();
    this.credentials = requireNonNull(context.credentials(), "provider routes are authenticated");
    Tunnel tunnel = Tunnel.of(client);
    String key = credentials.takumoKey();
    this.rawKey = key != null ? key : tunnel == null ? null : tunnel.key();
  }

  /** The running config: a session's turns follow fleet config changes (policy, limits, revocations, rules). */
  private RuntimeConfig runtime() {
    return services.runtime().current();
  }

  /** Whether {@code request} is a WebSocket upgrade this relay serves: the Responses route, over HTTP/1.1. */
  static boolean serves(HttpRequest request, RequestContext context, Channel channel) {
    return HttpMethod.GET.equals(request.method()) && ROUTE.equals(context.route().template())
        && !(channel instanceof Http2StreamChannel)
        && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  /** Starts the session for the upgrade {@code request} that reached the relay's {@code ctx}. */
  static void start(Services services, ChannelHandlerContext ctx, RequestContext context, HttpRequest request) {
    new ResponsesWebSocket(services, ctx, context, request).connect();
  }

  private void connect() {
    RuntimeConfig runtime = context.runtime();
    if (!runtime.serving()) {
      refuse(ErrorCode.SERVICE_UNAVAILABLE, "This gateway has not received its configuration from the coordinator "
          + "yet and runs fail_closed, so it forwards nothing. Try again shortly.");
      return;
    }
    WebSocketServerHandshaker toClient = new WebSocketServerHandshakerFactory(ROUTE, null,
        WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(maxMessage).allowExtensions(false)
            .expectMaskedFrames(true).closeOnProtocolViolation(true).build())
        .newHandshaker(request);
    if (toClient == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(client);
      return;
    }
    if (!request.headers().contains(HttpHeaderNames.SEC_WEBSOCKET_KEY)) {
      refuse(ErrorCode.BAD_REQUEST, "The WebSocket upgrade has no Sec-WebSocket-Key header.");
      return;
    }
    UpstreamSpec spec = runtime.upstream(Provider.OPENAI);
    context.provider(Provider.OPENAI.id());
    String query = context.route().query();
    if (services.shield().enabled() && services.config().scanHeaders()) {
      // TAKUMO_SCAN_HEADERS=on: the upgrade's headers and query are scanned as an HTTP request's head is
      try (ExchangeShield head = ExchangeShield.start(services.shield(), context, request, client.alloc(), 0)) {
        query = head.tokenizeHead(request.headers(), query);
        head.judge(runtime.policy());
      } catch (ExchangeRefusal refusal) {
        refuse(refusal.code(), requireNonNull(refusal.getMessage()));
        return;
      }
    }
    String target = UpstreamRequests.target(spec, ROUTE, query);
    HttpHeaders headers = UpstreamRequests.head(request, spec, target, credentials,
        ProviderChoice.providerKey(principal, spec)).headers();
    for (CharSequence name : List.of(HttpHeaderNames.SEC_WEBSOCKET_KEY, HttpHeaderNames.SEC_WEBSOCKET_VERSION,
        HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS, HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL,
        HttpHeaderNames.CONTENT_LENGTH, HttpHeaderNames.TRANSFER_ENCODING)) {
      headers.remove(name);
    }
    URI uri = URI.create((spec.tls() ? "wss://" : "ws://") + spec.host() + ':' + spec.port() + target);
    WebSocketClientHandshaker toProvider = WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13,
        null, false, headers, maxMessage, true, false, services.config().connectTimeout().toMillis(), false, false);
    ReadGate.of(client).pause(PauseReason.CONNECT); // nothing from the client until both sides speak WebSocket
    long connectStart = System.nanoTime();
    services.origins().acquire(client.eventLoop(), spec).addListener(f -> {
      if (!f.isSuccess()) {
        log.debug("{} websocket: provider unreachable: {}", Conn.of(client), f.cause().toString());
        refuse(ErrorCode.BAD_GATEWAY, "The provider could not be reached. Try again.");
        return;
      }
      Channel ch = (Channel) f.getNow();
      if (!client.isActive()) {
        ch.close();
        return;
      }
      origin = ch;
      context.upstreamNanos(System.nanoTime() - connectStart);
      ChannelPipeline p = ch.pipeline();
      p.remove(OriginHandler.class); // this connection is the session's from now on, never pooled again
      p.remove(HandlerNames.IDLE); // the client's idle timeout covers the session
      p.addLast("ws-handshake", new HttpObjectAggregator(MAX_REFUSAL_BYTES))
          .addLast("ws-provider", new ProviderSide(toProvider, toClient));
      ch.closeFuture().addListener(c -> end());
      toProvider.handshake(ch).addListener((ChannelFutureListener) w -> {
        if (!w.isSuccess()) {
          refuse(ErrorCode.BAD_GATEWAY, "The provider connection failed during the WebSocket handshake. Try again.");
        }
      });
      long timeout = services.config().connectTimeout().toNanos();
      ch.eventLoop().schedule(() -> {
        if (!toProvider.isHandshakeComplete() && ch.isActive()) { // no answer to the upgrade: never wait forever
          refuse(ErrorCode.UPSTREAM_TIMEOUT, "The provider did not answer the WebSocket upgrade within "
              + services.config().connectTimeout().toSeconds() + " s (TAKUMO_UPSTREAM_CONNECT_TIMEOUT). Try again.");
        }
      }, timeout, java.util.concurrent.TimeUnit.NANOSECONDS);
    });
  }

  /** Answers the upgrade with an HTTP error (no session): the client falls back to SSE. */
  private void refuse(ErrorCode code, String message) {
    if (answered) {
      return; // one answer to an upgrade
    }
    answered = true;
    sendRefusal(code, message);
  }

  private void sendRefusal(ErrorCode code, String message) {
    if (relay.isRemoved() || !client.isActive()) {
      return;
    }
    ReadGate.of(client).resume(PauseReason.CONNECT);
    ErrorResponses.send(relay, code, message);
    Channel o = origin;
    if (o != null) {
      o.close();
    }
  }

  /** The provider refused the upgrade: its status and body go to the client as they came. */
  private void relayRefusal(FullHttpResponse answer) {
    if (answered) {
      return;
    }
    answered = true;
    FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, answer.status(),
        answer.content().retainedDuplicate());
    for (CharSequence name : List.of(HttpHeaderNames.CONTENT_TYPE, HttpHeaderNames.RETRY_AFTER, "x-request-id",
        "openai-processing-ms")) {
      String value = answer.headers().get(name);
      if (value != null) {
        out.headers().set(name, value);
      }
    }
    out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, out.content().readableBytes());
    ReadGate.of(client).resume(PauseReason.CONNECT);
    relay.writeAndFlush(out);
    requireNonNull(origin).close();
  }

  /** The provider answered 101: the client gets its own 101, and the HTTP level of its connection goes. */
  private void accept(WebSocketServerHandshaker toClient) {
    if (answered) {
      return;
    }
    answered = true;
    Channel o = requireNonNull(origin);
    ReadGate.of(o).pause(PauseReason.CONNECT);
    o.pipeline().addBefore("ws-provider", "ws-aggregator", new WebSocketFrameAggregator(maxMessage));
    DefaultFullHttpRequest full = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(),
        Unpooled.EMPTY_BUFFER, request.headers().copy(), EmptyHttpHeaders.INSTANCE);
    ChannelPromise done = client.newPromise();
    try {
      toClient.handshake(client, full, null, done); // through the exchange handlers: logged, audited as 101
    } catch (WebSocketHandshakeException e) {
      sendRefusal(ErrorCode.BAD_REQUEST, "The WebSocket upgrade is not valid: " + e.getMessage());
      return;
    } finally {
      full.release();
    }
    done.addListener(f -> {
      if (!f.isSuccess() || !client.isActive() || !o.isActive()) {
        client.close();
        o.close();
        return;
      }
      ChannelPipeline p = client.pipeline();
      for (String name : HTTP_LEVEL) {
        if (p.get(name) != null) {
          p.remove(name);
        }
      }
      p.addLast("ws-aggregator", new WebSocketFrameAggregator(maxMessage)).addLast("ws-client", new ClientSide());
      client.closeFuture().addListener(c -> end());
      if (services.shield().enabled()) {
        Vault v = services.shield().newExchangeVault(context.runtime(), principal);
        vault = v;
        rehydrator = new SseRehydrator(v, rehydrated);
      }
      open = true;
      services.metrics().webSocketOpen(1);
      ReadGate.of(client).resume(PauseReason.CONNECT);
      ReadGate.of(o).resume(PauseReason.CONNECT);
    });
  }

  /** One complete text message from the client: limited, tokenized, judged, forwarded. */
  private void fromClient(byte[] message) {
    if (!waiting.isEmpty()) {
      waiting.add(message); // behind a message that waits for the key store or a rate-limit lease
      return;
    }
    if (!"response.create".equals(topLevel(message)[0])) { // parsed whole: with duplicate "type"s the last counts
      forward(message, null);
      return;
    }
    String key = rawKey;
    if (key == null) {
      authorized(message, null);
      return;
    }
    // Each turn is a request: its key is checked again (a cache hit mostly), so a revoked key's session ends
    CompletableFuture<Principal> check = services.authenticator().authenticate(key, runtime()::revoked)
        .toCompletableFuture();
    if (check.isDone()) {
      authorized(message, check);
    } else {
      hold(message, PauseReason.AUTH, check, m -> authorized(m, check));
    }
  }

  /** A {@code response.create} whose key was checked ({@code check} done; null: nothing to check): rate-limited. */
  private void authorized(byte[] message, @Nullable CompletableFuture<Principal> check) {
    if (check != null && check.isCompletedExceptionally()) {
      Arrays.fill(message, (byte) 0);
      Throwable cause = check.handle((p, e) -> e instanceof CompletionException c ? c.getCause() : e).join();
      if (cause instanceof AuthException auth && auth.unavailable()) {
        errorEvent(503, "service_unavailable", requireNonNull(auth.getMessage()), 1);
        return;
      }
      String why = cause instanceof AuthException auth ? requireNonNull(auth.getMessage())
          : "The API key could not be checked.";
      errorEvent(401, "invalid_api_key", why, -1);
      sendClose(client, new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "the API key is no longer valid"));
      return;
    }
    RateLimiter.Limits limits = runtime().limits(principal);
    RateDecision decision = services.limiter().admit(principal, limits);
    if (decision != null) {
      create(message, decision);
      return;
    }
    CompletableFuture<RateDecision> later = services.limiter().await(principal, limits);
    hold(message, PauseReason.RATE_LEASE, later, m -> create(m, later.isCompletedExceptionally()
        ? new RateDecision(limits.keyPerMinute(), 0, 0, 1) : later.join()));
  }

  /**
   * Holds {@code message}, and the client's reads, until {@code until} completes; then {@code first} takes it and
   * the messages that came meanwhile follow in order (one that must wait again queues the rest behind it).
   */
  private void hold(byte[] message, PauseReason reason, CompletableFuture<?> until, Consumer<byte[]> first) {
    waiting.add(message);
    ReadGate.of(client).pause(reason);
    until.whenCompleteAsync((result, error) -> {
      ReadGate.of(client).resume(reason);
      List<byte[]> held = new java.util.ArrayList<>(waiting);
      waiting.clear();
      if (ended) {
        held.forEach(m -> Arrays.fill(m, (byte) 0));
        return;
      }
      first.accept(held.get(0));
      for (byte[] next : held.subList(1, held.size())) {
        fromClient(next);
      }
    }, client.eventLoop());
  }

  /** A {@code response.create} with its rate-limit decision. */
  private void create(byte[] message, RateDecision decision) {
    services.metrics().rateLimitChecked(decision.allowed());
    if (!decision.allowed()) {
      Arrays.fill(message, (byte) 0);
      long start = System.nanoTime();
      errorEvent(429, "rate_limit_exceeded", "Rate limit exceeded. Try again in " + decision.retryAfterSeconds()
          + " seconds.", decision.retryAfterSeconds());
      record(RequestContext.newRequestId(), 429, start, start, List.of(), List.of(), message.length, 0, 0, 0);
      return;
    }
    services.metrics().orgRequest(principal.org());
    forward(message, RequestContext.newRequestId());
  }

  /** Tokenizes and judges a message, then sends it; {@code requestId} names a {@code response.create}'s turn. */
  private void forward(byte[] message, @Nullable String requestId) {
    long start = System.nanoTime();
    Channel o = origin;
    if (o == null || !o.isActive()) {
      Arrays.fill(message, (byte) 0);
      return;
    }
    byte[] out = message;
    List<Detection> found = List.of();
    List<String> actions = List.of();
    Vault v = vault;
    if (v != null) {
      ArrayRewrite rewrite = new ArrayRewrite(message);
      try {
        BodyTokenizer tokenizer = new BodyTokenizer(runtime().shield().detector(), v, rewrite,
            message.length);
        tokenizer.feed(message, 0, message.length, true);
        found = tokenizer.detections();
      } catch (VaultFullException e) {
        refused(requestId, start, message, 413, "request_too_large", "The message holds more than " + e.limit()
            + " secrets, the most one connection may carry (TAKUMO_MAX_VAULT_ENTRIES); it was not forwarded.");
        return;
      } catch (RuntimeException e) {
        log.error("{} websocket: scanning a message failed; refusing it (fail closed): {}", Conn.of(client),
            e.getClass().getName()); // a defect: the message could quote the body, so only the class
        refused(requestId, start, message, 500, "server_error", "The message could not be scanned for secrets, "
            + "so it was not forwarded. Try again.");
        return;
      }
      out = found.isEmpty() ? message : rewrite.toByteArray();
      if (!found.isEmpty()) {
        Policy.Verdict verdict = runtime().policy().judge(found);
        actions = verdict.actions();
        if (!verdict.blocked().isEmpty()) {
          refused(requestId, start, message, 422, "policy_blocked", "The message was blocked by policy: "
              + verdict.blocked().keySet().iterator().next() + " matched. Remove the secret and send it again; "
              + "nothing was forwarded.");
          Arrays.fill(out, (byte) 0);
          return;
        }
        Arrays.fill(message, (byte) 0); // the client's copy, with the secrets
      }
    }
    int length = out.length;
    o.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(out)));
    services.metrics().webSocketMessage(true, length);
    if (requestId != null) {
      Turn previous = turn;
      if (previous != null) { // a new turn before the last one ended: that one is over
        endTurn(200);
      }
      restoredBefore = rehydrator == null ? 0 : requireNonNull(rehydrator).restored();
      turnBytesOut = 0;
      turn = new Turn(requestId, start, System.nanoTime(), found, actions, length);
    }
  }

  /** A message refused before it left: an error event to the client, and a row when it began a turn. */
  private void refused(@Nullable String requestId, long start, byte[] message, int status, String type,
      String text) {
    Arrays.fill(message, (byte) 0);
    errorEvent(status, type, text, -1);
    if (requestId != null) {
      record(requestId, status, start, System.nanoTime(), List.of(), List.of(), message.length, 0, 0, 0);
    }
  }

  /** An {@code error} event as the provider sends it over this transport. */
  private void errorEvent(int status, String type, String message, long retryAfterSeconds) {
    StringBuilder json = new StringBuilder(160).append("{\"type\":\"error\",\"status\":").append(status)
        .append(",\"error\":{\"type\":\"").append(type).append("\",\"code\":\"").append(type)
        .append("\",\"message\":\"").append(JsonStringEncoder.getInstance().quoteAsString(message)).append("\"}");
    if (retryAfterSeconds >= 0) {
      json.append(",\"headers\":{\"retry-after\":\"").append(retryAfterSeconds).append("\"}");
    }
    json.append('}');
    client.writeAndFlush(new TextWebSocketFrame(json.toString()));
  }

  /** One complete text message from the provider: rehydrated, then to the client (flushed once per read). */
  private void fromProvider(byte[] event) {
    String[] head = mayEndTurn(event) ? topLevel(event) : NO_HEAD;
    SseRehydrator r = rehydrator;
    if (r == null) {
      send(event);
    } else {
      rehydrated.message(event, r, this::send);
    }
    if (head[0] != null && TURN_ENDS.contains(head[0]) && turn != null) {
      endTurn("error".equals(head[0]) ? parseStatus(head[1]) : "response.failed".equals(head[0]) ? 502 : 200);
    }
  }

  private void send(byte[] event) {
    services.metrics().webSocketMessage(false, event.length);
    turnBytesOut += event.length;
    client.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(event)));
  }

  /**
   * Whether a provider message may be a turn's last event. The provider writes {@code type} first: a message that
   * starts with {@code {"type":"response.output_} (the deltas, most of a turn) is not, without a parser; any other
   * is parsed.
   */
  static boolean mayEndTurn(byte[] event) {
    int p = TYPE_FIRST.length;
    if (event.length < p + DELTA_PREFIX.length) {
      return true;
    }
    for (int i = 0; i < p; i++) {
      if (event[i] != TYPE_FIRST[i]) {
        return true;
      }
    }
    for (int i = 0; i < DELTA_PREFIX.length; i++) {
      if (event[p + i] != DELTA_PREFIX[i]) {
        return true;
      }
    }
    return false;
  }

  private static int parseStatus(@Nullable String status) {
    try {
      int s = status == null ? 500 : Integer.parseInt(status);
      return s >= 100 && s <= 599 ? s : 500;
    } catch (NumberFormatException e) {
      return 500;
    }
  }

  private void endTurn(int status) {
    Turn t = turn;
    if (t == null) {
      return;
    }
    turn = null;
    SseRehydrator r = rehydrator;
    int restored = r == null ? 0 : r.restored() - restoredBefore;
    record(t.requestId(), status, t.startNanos(), t.sentNanos(), t.detections(), t.actions(), t.bytesIn(), turnBytesOut,
        restored, r == null ? 0 : r.unknownCount());
  }

  /** The metrics and audit row of one turn (a {@code response.create} and its answer). */
  private void record(String requestId, int status, long startNanos, long sentNanos, List<Detection> found,
      List<String> actions, long bytesIn, long bytesOut, int restored, int unknown) {
    long total = System.nanoTime() - startNanos;
    long upstream = Math.max(0, total - (sentNanos - startNanos));
    services.metrics().exchange(status, Provider.OPENAI.id(), total, upstream);
    Vault v = vault;
    services.metrics().shield(found, restored, v == null ? 0 : v.size());
    services.audit().record(new AuditEvent(Instant.now(), requestId, principal.org(), principal.keyPrefix(),
        Provider.OPENAI.id(), "WEBSOCKET", ROUTE, status, (sentNanos - startNanos) / 1e6, upstream / 1e6, bytesIn,
        bytesOut, RequestContext.summarize(found, List.of()), restored, unknown,
        RequestContext.auditActions(!found.isEmpty(), actions)));
  }

  /** The session ended (either side closed): held tails out, vault zeroed, the open turn recorded. */
  private void end() {
    if (ended) {
      return;
    }
    ended = true;
    for (byte[] m : waiting) {
      Arrays.fill(m, (byte) 0);
    }
    waiting.clear();
    if (!open) { // the provider went away before the session opened: the client's connection is still HTTP
      refuse(ErrorCode.BAD_GATEWAY, "The provider closed the connection during the WebSocket handshake. Try again.");
      Channel o = origin;
      if (o != null) {
        o.close();
      }
      return;
    }
    SseRehydrator r = rehydrator;
    if (r != null && client.isActive()) {
      rehydrated.end(r, this::send);
      client.flush();
    }
    if (turn != null) {
      endTurn(499);
    }
    Vault v = vault;
    if (v != null) {
      v.close();
    }
    services.metrics().webSocketOpen(-1);
    close(client, WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
    Channel o = origin;
    if (o != null) {
      close(o, WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
    }
  }

  /** Sends a close frame and closes the channel (the session is open). */
  private void close(Channel channel, WebSocketCloseStatus status) {
    sendClose(channel, new CloseWebSocketFrame(status));
  }

  /** Sends {@code frame} and closes {@code to} after it: the first close frame for a side only (RFC 6455 §5.5.1). */
  private void sendClose(Channel to, CloseWebSocketFrame frame) {
    boolean first = to == client ? !clientCloseSent : !originCloseSent;
    if (to == client) {
      clientCloseSent = true;
    } else {
      originCloseSent = true;
    }
    if (!first || !to.isActive()) {
      frame.release();
      return;
    }
    to.writeAndFlush(frame).addListener(ChannelFutureListener.CLOSE);
  }

  /**
   * The top-level {@code type} and {@code status} of a message's JSON object, each null when absent; read
   * with a streaming parser that skips every nested value, so a large message costs one pass.
   */
  static String[] topLevel(byte[] message) {
    String[] out = new String[2];
    try (JsonParser p = JSON.createParser(message)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return out;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
          out[0] = p.getText();
        } else if ("status".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
          out[1] = p.getText();
        } else {
          p.skipChildren();
        }
        if (out[0] != null && out[1] != null) {
          break;
        }
      }
    } catch (IOException e) {
      // not JSON: no type (still scanned and relayed as text)
    }
    return out;
  }

  /** The provider side: the handshake's answer, then frames. */
  private final class ProviderSide extends ChannelInboundHandlerAdapter {
    private final WebSocketClientHandshaker handshaker;
    private final WebSocketServerHandshaker toClient;

    ProviderSide(WebSocketClientHandshaker handshaker, WebSocketServerHandshaker toClient) {
      this.handshaker = handshaker;
      this.toClient = toClient;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof FullHttpResponse answer) {
          if (handshaker.isHandshakeComplete()) {
            return;
          }
          if (answer.status().code() != 101) {
            relayRefusal(answer);
            return;
          }
          try {
            handshaker.finishHandshake(ctx.channel(), answer);
          } catch (WebSocketHandshakeException e) {
            log.debug("{} websocket: provider handshake invalid: {}", Conn.of(client), e.getMessage());
            refuse(ErrorCode.BAD_GATEWAY, "The provider's WebSocket handshake was not valid. Try again.");
            return;
          }
          accept(toClient);
        } else if (msg instanceof TextWebSocketFrame text) {
          fromProvider(ByteBufUtil.getBytes(text.content()));
        } else if (msg instanceof BinaryWebSocketFrame binary) {
          services.metrics().webSocketMessage(false, binary.content().readableBytes());
          client.writeAndFlush(binary.retain()); // nothing of ours can be in it: relayed as it came
        } else if (msg instanceof PingWebSocketFrame ping) {
          ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        } else if (msg instanceof CloseWebSocketFrame close) {
          sendClose(client, relayed(close));
          originCloseSent = true; // the provider closed: nothing more to say to it
          ctx.close();
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      client.flush(); // the events of one read go out in one write
      ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      ReadGate.of(client).set(PauseReason.UPSTREAM_UNWRITABLE, !ctx.channel().isWritable());
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      end();
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("{} websocket: provider side failed: {}", Conn.of(client), cause.toString());
      if (!handshaker.isHandshakeComplete()) {
        refuse(ErrorCode.BAD_GATEWAY, "The provider's answer to the WebSocket upgrade could not be read. Try again.");
      }
      ctx.close();
    }
  }

  /** The client side, once it speaks WebSocket. */
  private final class ClientSide extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof TextWebSocketFrame text) {
          fromClient(ByteBufUtil.getBytes(text.content()));
        } else if (msg instanceof BinaryWebSocketFrame) {
          sendClose(client, new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE,
              "binary messages cannot be scanned for secrets"));
        } else if (msg instanceof PingWebSocketFrame ping) {
          ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        } else if (msg instanceof CloseWebSocketFrame close) {
          Channel o = origin;
          if (o != null) {
            sendClose(o, relayed(close));
          }
          sendClose(client, relayed(close)); // the echo
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      Channel o = origin;
      if (o != null) {
        ReadGate.of(o).set(PauseReason.PEER_UNWRITABLE, !ctx.channel().isWritable());
      }
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof IdleStateEvent) {
        end(); // 1001 to both
        return;
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (cause instanceof TooLongFrameException) {
        sendClose(client, new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG,
            "a message may be at most " + maxMessage + " bytes (TAKUMO_WS_MAX_MESSAGE_BYTES)"));
        return;
      }
      log.debug("{} websocket: client side failed: {}", Conn.of(client), cause.toString());
      ctx.close();
    }
  }

  /** A close frame with {@code close}'s code and reason, to pass on (a code that may not be sent becomes 1000). */
  private static CloseWebSocketFrame relayed(CloseWebSocketFrame close) {
    int code = close.statusCode();
    return code < 1000 || code == 1005 || code == 1006 || code == 1015
        ? new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE)
        : new CloseWebSocketFrame(code, close.reasonText());
  }

  /**
   * The SSE rehydrator's output over a stream of framed events: each {@code copy} is within the event just
   * fed (a whole event is fed at once, so the rehydrator keeps no range of an earlier one), and the output is
   * split back into the events' JSON.
   */
  static final class FramedRewrite implements Rewrite {
    private static final byte[] NOTHING = new byte[0];
    private byte[] current = NOTHING;
    private long base;
    private final Output output = new Output();
    private boolean unchanged;

    /** The rewrite's output; it holds restored secrets, so it is zeroed, not only reset, once drained. */
    private static final class Output extends ByteArrayOutputStream {
      void wipe() {
        Arrays.fill(buf, 0, count, (byte) 0);
        reset();
      }
    }

    /** One provider message through {@code rehydrator}: what goes to the client, as messages, to {@code out}. */
    void message(byte[] event, SseRehydrator rehydrator, Consumer<byte[]> out) {
      byte[] framed = new byte[DATA.length + event.length + END.length];
      System.arraycopy(DATA, 0, framed, 0, DATA.length);
      for (int i = 0; i < event.length; i++) { // line breaks are only whitespace between JSON tokens
        byte b = event[i];
        framed[DATA.length + i] = b == '\n' || b == '\r' ? (byte) ' ' : b;
      }
      System.arraycopy(END, 0, framed, DATA.length + event.length, END.length);
      if (feed(framed, rehydrator, false)) {
        out.accept(event); // nothing restored or held: the message as it came
      } else {
        drain(out);
      }
    }

    /** The end of the session: what the rehydrator still holds, as messages. */
    void end(SseRehydrator rehydrator, Consumer<byte[]> out) {
      feed(new byte[0], rehydrator, true);
      drain(out);
    }

    /**
     * Feeds one framed event; true when the output is that event unchanged (one copy of all of it, nothing
     * inserted): the caller sends the message it has, and the output is dropped.
     */
    private boolean feed(byte[] framed, SseRehydrator rehydrator, boolean last) {
      current = framed; // the output is empty here: every feed is followed by a reset or a drain
      unchanged = true;
      rehydrator.feed(framed, 0, framed.length, last);
      base += framed.length;
      current = NOTHING;
      if (unchanged && output.size() == framed.length) {
        output.reset(); // a copy of the input, nothing restored in it
        return true;
      }
      return false;
    }

    @Override
    public void copy(long from, long to) {
      if (from != base || to != base + current.length) {
        unchanged = false;
      }
      output.write(current, (int) (from - base), (int) (to - from));
    }

    @Override
    public void insert(byte[] bytes) {
      unchanged = false;
      output.writeBytes(bytes);
    }

    /** Each complete {@code data: JSON\n\n} event of the output, as its JSON. */
    private void drain(Consumer<byte[]> events) {
      byte[] all = output.toByteArray();
      output.wipe();
      int start = 0;
      for (int i = 0; i + 1 < all.length; i++) {
        if (all[i] == '\n' && all[i + 1] == '\n') {
          int s = start;
          if (i - s >= 5 && all[s] == 'd' && all[s + 1] == 'a' && all[s + 2] == 't' && all[s + 3] == 'a'
              && all[s + 4] == ':') {
            s += all.length > s + 5 && all[s + 5] == ' ' ? 6 : 5;
          }
          events.accept(Arrays.copyOfRange(all, s, i));
          start = i + 2;
          i++;
        }
      }
      Arrays.fill(all, (byte) 0); // it held restored secrets
    }
  }
}
