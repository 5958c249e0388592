package io.takumo.aegis.proxy.server;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ErrorResponses;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpVersion;
import io.takumo.aegis.proxy.http.ExchangeTracker;
import io.takumo.aegis.proxy.http.HttpKinds;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.auth.KeyStore;
import io.takumo.aegis.proxy.route.RouteKind;
import org.jspecify.annotations.Nullable;

/**
 * Answers the gateway's own routes (health, liveness, readiness, metrics, 404) and passes provider requests
 * on. Stateless and shared by all channels. A body sent to a local route is released here.
 */
@Sharable
public final class LocalRoutesHandler extends ChannelInboundHandlerAdapter {
  private final ExchangeTracker tracker;
  private final ProxyMetrics metrics;
  private final AuditApi audit;
  private final ShieldApi shield;
  private final FleetApi fleet;
  private final KeyStore keys;

  LocalRoutesHandler(ExchangeTracker tracker, ProxyMetrics metrics, AuditApi audit, ShieldApi shield, FleetApi fleet,
      KeyStore keys) {
    this.keys = requireNonNull(keys, "keys");
    this.fleet = requireNonNull(fleet, "fleet");
    this.shield = requireNonNull(shield, "shield");
    this.tracker = requireNonNull(tracker, "tracker");
    this.metrics = requireNonNull(metrics, "metrics");
    this.audit = requireNonNull(audit, "audit");
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    RequestContext context = RequestContext.current(ctx.channel());
    if (context == null || context.route().kind() == RouteKind.PROVIDER) {
      ctx.fireChannelRead(msg);
      return;
    }
    HttpRequest request = HttpKinds.asRequest(msg);
    if (request == null) {
      HttpContent content = HttpKinds.asContent(msg);
      if (content == null || !shield.onContent(ctx, content)) {
        ReferenceCountUtil.release(msg); // a body sent to a local route: nobody reads it
      }
      return;
    }
    switch (context.route().kind()) {
      case HEALTH:
      case LIVENESS:
        ctx.writeAndFlush(ErrorResponses.json(ctx, HttpResponseStatus.OK, "{\"status\":\"ok\"}"));
        break;
      case METRICS: {
        FullHttpResponse scrape = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
            ByteBufUtil.writeUtf8(ctx.alloc(), metrics.scrape()));
        scrape.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
            .setInt(HttpHeaderNames.CONTENT_LENGTH, scrape.content().readableBytes());
        ctx.writeAndFlush(scrape);
        break;
      }
      case AUDIT:
        audit.answer(ctx, context, false);
        break;
      case DETECTIONS:
        audit.answer(ctx, context, true);
        break;
      case SHIELD:
        shield.onRequest(ctx, context, request);
        break;
      case FLEET:
        ctx.writeAndFlush(ErrorResponses.json(ctx, HttpResponseStatus.OK, fleet.body(context.runtime())));
        break;
      case READINESS: {
        String notReady = notReady(context);
        if (notReady != null) {
          ErrorResponses.send(ctx, ErrorCode.SERVICE_UNAVAILABLE, "Not ready: " + notReady
              + ". Send traffic to another gateway meanwhile.");
        } else {
          ctx.writeAndFlush(ErrorResponses.json(ctx, HttpResponseStatus.OK, "{\"status\":\"ready\"}"));
        }
        break;
      }
      case BAD_PATH:
        ErrorResponses.send(ctx, ErrorCode.BAD_REQUEST, "The request path is not canonical: "
            + context.route().refusal() + ". Send the path as the API documents it.");
        break;
      default:
        // The path is not echoed: callers put keys in URLs more often than one would hope.
        ErrorResponses.send(ctx, ErrorCode.NOT_FOUND, "No route for this " + request.method()
            + " request path. See the README for the routes this gateway serves.");
        break;
    }
  }

  /**
   * Why provider requests would be refused now (SPEC §6 readiness), or null: the gateway drains,
   * runs fail_closed without a config, or its key store cannot check keys it has not seen.
   */
  private @Nullable String notReady(RequestContext context) {
    if (tracker.draining()) {
      return "the gateway is draining for shutdown";
    }
    if (!context.runtime().serving()) {
      return "no configuration from the coordinator yet, and the gateway runs fail_closed";
    }
    return keys.unavailable();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    ShieldApi.discard(ctx.channel());
    ctx.fireChannelInactive();
  }
}
