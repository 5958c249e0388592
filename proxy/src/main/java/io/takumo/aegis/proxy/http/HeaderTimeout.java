package io.takumo.aegis.proxy.http;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline for a request head ({@code TAKUMO_HEADER_TIMEOUT}, like nginx's
 * {@code client_header_timeout}): from a connection's start, and from the first byte of each later
 * request, the whole head must arrive within the timeout, or the connection gets 408 and is closed.
 * A client that trickles a header a byte at a time (slowloris) cannot hold a connection, whatever
 * the idle timeout, which every byte restarts. Waiting between requests is the idle timeout's
 * business.
 *
 * <p>Two handlers share one state: {@link #bytes()} goes before the HTTP codec and sees the first
 * byte of a request; {@link #heads()} goes right after it and sees the decoded heads and the ends of
 * the answers. A request is awaited while as many answers ended as heads arrived. One instance per
 * channel; event-loop confined.
 */
public final class HeaderTimeout {
  private static final Logger log = LoggerFactory.getLogger(HeaderTimeout.class);

  private final long timeoutNanos;
  private final ProxyMetrics metrics;
  private final Bytes bytes = new Bytes();
  private final Heads heads = new Heads();
  private long headsReceived;
  private long answersEnded;
  private @Nullable Future<?> timer;
  /** The deadline passed and the 408 is out: every byte that still arrives is dropped. */
  private boolean discarding;

  public HeaderTimeout(Duration timeout, ProxyMetrics metrics) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("header timeout must be positive: " + timeout);
    }
    this.timeoutNanos = timeout.toNanos();
    this.metrics = requireNonNull(metrics, "metrics");
  }

  /** The handler before the HTTP codec. */
  public ChannelHandler bytes() {
    return bytes;
  }

  /** The handler right after the HTTP codec. */
  public ChannelHandler heads() {
    return heads;
  }

  private boolean awaitingHead() {
    return headsReceived == answersEnded;
  }

  private void arm(ChannelHandlerContext headsCtx) {
    if (timer == null && awaitingHead()) {
      timer = headsCtx.executor().schedule(() -> expire(headsCtx), timeoutNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void disarm() {
    Future<?> t = timer;
    timer = null;
    if (t != null) {
      t.cancel(false);
    }
  }

  private void expire(ChannelHandlerContext headsCtx) {
    timer = null;
    if (!awaitingHead() || !headsCtx.channel().isActive()) {
      return;
    }
    metrics.connectionRefused("header_timeout");
    log.debug("{} no complete request head within {} ms, closing", Conn.of(headsCtx.channel()),
        TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
    // Written from behind the codec and before the request context: no exchange exists to answer for.
    String requestId = RequestContext.newRequestId();
    FullHttpResponse answer = ErrorResponses.error(headsCtx, ErrorCode.REQUEST_TIMEOUT, "The request headers did not "
        + "arrive within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms (TAKUMO_HEADER_TIMEOUT). Send the "
        + "whole request head at once.", requestId);
    answer.headers().set(RequestContextHandler.REQUEST_ID_HEADER, requestId)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    discarding = true; // what the client still trickles in is dropped before the codec sees it
    headsCtx.writeAndFlush(answer).addListener(f -> {
      // Half-close and drop what still comes, so the client reads the 408 instead of a reset over
      // unread bytes; the connection closes a second later at the most.
      if (f.isSuccess() && headsCtx.channel() instanceof DuplexChannel duplex) {
        duplex.shutdownOutput();
        headsCtx.executor().schedule(() -> headsCtx.close(), 1, TimeUnit.SECONDS);
      } else {
        headsCtx.close();
      }
    });
  }

  /** Sees raw bytes: the first byte of an awaited request starts the clock. */
  private final class Bytes extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (discarding) {
        ReferenceCountUtil.release(msg);
        return;
      }
      if (timer == null && msg instanceof ByteBuf && awaitingHead()) {
        ChannelHandlerContext headsCtx = ctx.pipeline().context(heads);
        if (headsCtx != null) {
          arm(headsCtx);
        }
      }
      ctx.fireChannelRead(msg);
    }
  }

  /** Sees decoded heads (the clock stops) and the ends of answers (the next request is awaited). */
  private final class Heads extends ChannelDuplexHandler {
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      arm(ctx); // the first request: from the connection's start
      ctx.fireChannelActive();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      if (ctx.channel().isActive()) {
        arm(ctx);
      }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (HttpKinds.asRequest(msg) != null) {
        headsReceived++;
        disarm();
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (HttpKinds.isLast(msg) && !awaitingHead() && !interim(msg)) {
        answersEnded++; // the next request's first byte starts the clock again
      }
      ctx.write(msg, promise);
    }

    /** A 100 Continue ends no exchange. */
    private boolean interim(Object msg) {
      HttpResponse response = HttpKinds.asResponse(msg);
      return response != null && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      disarm();
      ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      disarm();
    }
  }
}
