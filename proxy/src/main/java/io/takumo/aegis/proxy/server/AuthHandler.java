package io.takumo.aegis.proxy.server;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import io.takumo.aegis.proxy.auth.AuthException;
import io.takumo.aegis.proxy.auth.Authenticator;
import io.takumo.aegis.proxy.auth.Credentials;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ErrorResponses;
import io.takumo.aegis.proxy.http.HttpKinds;
import io.takumo.aegis.proxy.http.PauseReason;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.ReadGate;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.http.TrustedCaller;
import io.takumo.aegis.proxy.http.Tunnel;
import io.takumo.aegis.proxy.ratelimit.RateDecision;
import io.takumo.aegis.proxy.ratelimit.RateLimitHandler;
import io.takumo.aegis.proxy.ratelimit.RateLimiter;
import io.takumo.aegis.proxy.route.RouteKind;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Authenticates each request that needs (or offers) a Takumo key before anything else sees it.
 *
 * <p>When the key store answers later (a database lookup), reads pause and body chunks that were
 * already decoded wait here, in order, until the answer; then the request and its chunks move on,
 * or are released behind a 401/403/503. One instance per channel; event-loop confined.
 */
public final class AuthHandler extends ChannelInboundHandlerAdapter {
  private final Authenticator authenticator;
  private final ProxyMetrics metrics;
  private final RateLimiter limiter;
  private final ArrayDeque<Object> held = new ArrayDeque<>();
  private boolean waiting;

  public AuthHandler(Authenticator authenticator, ProxyMetrics metrics, RateLimiter limiter) {
    this.authenticator = requireNonNull(authenticator, "authenticator");
    this.metrics = requireNonNull(metrics, "metrics");
    this.limiter = requireNonNull(limiter, "limiter");
  }

  /**
   * Counts a refused request against the client address (brute-forcing keys is rate limited too);
   * true when the address is over its limit and the 429 was sent instead.
   */
  private boolean overLimit(ChannelHandlerContext ctx, RequestContext context) {
    RateDecision decision = limiter.acquire(RequestContext.clientAddress(ctx.channel()),
        context.runtime().defaults().ipPerMinute());
    context.rateDecision(decision);
    metrics.rateLimitChecked(decision.allowed());
    if (decision.allowed()) {
      return false;
    }
    RateLimitHandler.refuse(ctx, decision);
    return true;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (waiting) {
      held.add(msg);
      return;
    }
    HttpRequest request = HttpKinds.asRequest(msg);
    if (request == null) {
      ctx.fireChannelRead(msg);
      return;
    }
    RequestContext context = requireNonNull(RequestContext.current(ctx.channel()), "request context");
    Credentials credentials = Credentials.from(request.headers(), context.route().query());
    boolean required = context.route().requiresKey();
    boolean offered = context.route().kind() == RouteKind.HEALTH && credentials.anyCredential();
    if (!required && !offered) {
      ctx.fireChannelRead(msg);
      return;
    }
    String key = credentials.takumoKey();
    Tunnel tunnel = key == null ? Tunnel.of(ctx.channel()) : null;
    if (tunnel != null) {
      key = tunnel.key(); // the CONNECT's Proxy-Authorization stands for every request of the tunnel
    }
    Principal trusted = key == null ? TrustedCaller.of(ctx.channel()) : null;
    if (trusted != null) { // a keyless tunnel from a trusted network: its organization, limited per address
      decide(ctx, request, context, credentials, CompletableFuture.completedFuture(trusted));
      return;
    }
    if (key == null) {
      ReferenceCountUtil.release(msg);
      metrics.authFailed();
      if (overLimit(ctx, context)) {
        return;
      }
      ErrorResponses.send(ctx, ErrorCode.UNAUTHORIZED, credentials.anyCredential()
          ? "No Takumo API key found. Send your tk_live_/tk_test_ key in x-api-key, Authorization: Bearer or "
              + "x-takumo-key (with your provider key in the other header, if you send one)."
          : "Authentication required. Send your Takumo API key in x-api-key or Authorization: Bearer.");
      return;
    }
    CompletableFuture<Principal> result = authenticator.authenticate(key, context.runtime()::revoked).toCompletableFuture();
    if (result.isDone()) { // cache hit or file store: no hop, no pause
      decide(ctx, request, context, credentials, result);
      return;
    }
    waiting = true;
    held.add(request);
    ReadGate.of(ctx.channel()).pause(PauseReason.AUTH);
    result.whenCompleteAsync((principal, error) -> {
      waiting = false;
      Object first = held.poll();
      if (first == null || !ctx.channel().isActive()) {
        ReferenceCountUtil.release(first);
        releaseAll();
        return;
      }
      decide(ctx, (HttpRequest) first, context, credentials, result);
      ReadGate.of(ctx.channel()).resume(PauseReason.AUTH);
    }, ctx.executor());
  }

  private void decide(ChannelHandlerContext ctx, HttpRequest request, RequestContext context, Credentials credentials,
      CompletableFuture<Principal> result) {
    Principal principal = null;
    AuthException refused = null;
    try {
      principal = result.join();
    } catch (CompletionException e) {
      refused = e.getCause() instanceof AuthException auth ? auth : null;
      if (refused == null) {
        throw new IllegalStateException("authenticator failed unexpectedly", e.getCause());
      }
    }
    if (principal == null) {
      ReferenceCountUtil.release(request);
      releaseAll();
      metrics.authFailed();
      AuthException error = requireNonNull(refused);
      if (overLimit(ctx, context)) {
        return;
      }
      ErrorResponses.send(ctx, error.unavailable() ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.UNAUTHORIZED,
          String.valueOf(error.getMessage()));
      return;
    }
    Scope needed = neededScope(context);
    if (needed != null && !principal.has(needed)) {
      ReferenceCountUtil.release(request);
      releaseAll();
      RateDecision decision = limiter.admit(principal, context.runtime().limits(principal));
      if (decision != null) { // null: no lease token at hand; the 403 goes out uncounted rather than wait
        context.rateDecision(decision);
        metrics.rateLimitChecked(decision.allowed());
        if (!decision.allowed()) {
          RateLimitHandler.refuse(ctx, decision);
          return;
        }
      }
      ErrorResponses.send(ctx, ErrorCode.FORBIDDEN, "The API key " + principal.keyPrefix() + " lacks the scope "
          + needed.wireName() + " that " + context.route().template() + " requires. Use a key with that scope.");
      return;
    }
    context.authenticated(principal, credentials);
    RateLimiter.Limits limits = context.runtime().limits(principal);
    RateDecision decision = limiter.admit(principal, limits);
    if (decision != null) {
      context.rateDecision(decision); // applied by the rate-limit handler next
      ctx.fireChannelRead(request);
      fireHeld(ctx);
      return;
    }
    // No fleet lease token at hand: the request and its chunks wait for the refill (one round trip
    // to the coordinator at most, bounded by the call's deadline; then the fallback limit decides).
    waiting = true;
    held.addFirst(request);
    ReadGate.of(ctx.channel()).pause(PauseReason.RATE_LEASE);
    limiter.await(principal, limits).whenCompleteAsync((later, error) -> {
      waiting = false;
      ReadGate.of(ctx.channel()).resume(PauseReason.RATE_LEASE);
      Object first = held.poll();
      if (first == null || !ctx.channel().isActive()) {
        ReferenceCountUtil.release(first);
        releaseAll();
        return;
      }
      if (later == null) { // the gateway is stopping
        ReferenceCountUtil.release(first);
        releaseAll();
        ErrorResponses.send(ctx, ErrorCode.SERVICE_UNAVAILABLE, "The gateway is shutting down. Retry the request.");
        return;
      }
      context.rateDecision(later);
      ctx.fireChannelRead(first);
      fireHeld(ctx);
    }, ctx.executor());
  }

  private void fireHeld(ChannelHandlerContext ctx) {
    Object msg;
    while (!waiting && (msg = held.poll()) != null) {
      ctx.fireChannelRead(msg); // body chunks, in order (one request at a time reaches this handler)
    }
  }

  private static @Nullable Scope neededScope(RequestContext context) {
    switch (context.route().kind()) {
      case PROVIDER:
      case SHIELD:
        return Scope.SHIELD_WRITE;
      case DETECTIONS:
        return Scope.SHIELD_READ;
      case AUDIT:
        return Scope.AUDIT_READ;
      case FLEET:
        return Scope.FLEET_READ;
      default:
        return null;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    releaseAll();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releaseAll();
  }

  private void releaseAll() {
    Object msg;
    while ((msg = held.poll()) != null) {
      ReferenceCountUtil.release(msg);
    }
  }
}
