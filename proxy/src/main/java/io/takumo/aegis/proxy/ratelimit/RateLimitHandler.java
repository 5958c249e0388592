package io.takumo.aegis.proxy.ratelimit;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ErrorResponses;
import io.takumo.aegis.proxy.http.HttpKinds;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.route.RouteKind;

/**
 * Applies the rate limits of SPEC §8 to requests the auth handler let through: the decision the auth
 * handler took for an authenticated request (per key and organization, possibly after a fleet lease
 * refill), per client address otherwise; liveness and readiness probes (and metrics scrapes) are
 * reported but never counted. Refuses with 429 and {@code Retry-After}. Stateless, shared.
 */
@Sharable
public final class RateLimitHandler extends ChannelInboundHandlerAdapter {
  private final RateLimiter limiter;
  private final ProxyMetrics metrics;

  public RateLimitHandler(RateLimiter limiter, ProxyMetrics metrics) {
    this.limiter = requireNonNull(limiter, "limiter");
    this.metrics = requireNonNull(metrics, "metrics");
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    RequestContext context = RequestContext.current(ctx.channel());
    if (context == null || HttpKinds.asRequest(msg) == null) {
      ctx.fireChannelRead(msg);
      return;
    }
    String address = RequestContext.clientAddress(ctx.channel());
    RouteKind kind = context.route().kind();
    Principal principal = context.principal();
    boolean probe = kind == RouteKind.LIVENESS || kind == RouteKind.READINESS || kind == RouteKind.METRICS;
    long ipLimit = context.runtime().defaults().ipPerMinute();
    RateDecision decision = probe
        ? limiter.peek(address, ipLimit)
        : principal != null
            ? requireNonNull(context.rateDecision(), "the auth handler decides authenticated requests")
            : limiter.acquire(address, ipLimit);
    context.rateDecision(decision);
    if (!probe) {
      metrics.rateLimitChecked(decision.allowed());
    }
    if (decision.allowed()) {
      if (principal != null && !probe) {
        metrics.orgRequest(principal.org());
      }
      ctx.fireChannelRead(msg);
      return;
    }
    ReferenceCountUtil.release(msg);
    refuse(ctx, decision);
  }

  /** The 429 answer; the request context already carries the decision for the headers. */
  public static void refuse(ChannelHandlerContext ctx, RateDecision decision) {
    ErrorResponses.send(ctx, ErrorCode.RATE_LIMITED,
        "Rate limit exceeded. Try again in " + decision.retryAfterSeconds() + " seconds.");
  }
}
