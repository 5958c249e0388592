package io.takumo.aegis.proxy.upstream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.takumo.aegis.proxy.http.Conn;
import io.takumo.aegis.proxy.http.HttpKinds;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of an origin (upstream) connection: hands every response part to the exchange that
 * holds the connection, and closes the connection when it idles in the pool or misbehaves there.
 * One instance per origin channel; event-loop confined.
 */
final class OriginHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(OriginHandler.class);

  private @Nullable OriginListener listener;

  void attach(OriginListener listener) {
    this.listener = listener;
  }

  void detach() {
    this.listener = null;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    OriginListener current = listener;
    HttpObject object = HttpKinds.asHttpObject(msg);
    if (current == null || object == null) {
      ReferenceCountUtil.release(msg);
      log.debug("{} unexpected data on an idle upstream connection, closing", Conn.of(ctx.channel()));
      ctx.close();
      return;
    }
    current.onOriginMessage(object);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    OriginListener current = listener;
    if (current != null) {
      current.onOriginReadComplete();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    OriginListener current = listener;
    if (current != null) {
      current.onOriginWritabilityChanged(ctx.channel().isWritable());
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    OriginListener current = listener;
    listener = null;
    if (current != null) {
      current.onOriginClosed();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && listener == null) {
      ctx.close(); // idle in the pool too long
      return;
    }
    ReferenceCountUtil.release(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("{} upstream connection failed: {}", Conn.of(ctx.channel()), cause.toString());
    ctx.close(); // channelInactive tells the exchange
  }
}
