package io.takumo.aegis.proxy.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Gateway-made answers: the error body of SPEC §9 and small JSON bodies. The request id and the
 * connection decision are added by {@link RequestContextHandler} on the way out.
 */
public final class ErrorResponses {
  private ErrorResponses() {}

  /**
   * Writes the SPEC §9 error for the channel's current request. {@code message} is shown to the
   * client: it must say what to do and never hold a key, a secret or a body.
   */
  public static ChannelFuture send(ChannelHandlerContext ctx, ErrorCode code, String message) {
    RequestContext request = RequestContext.current(ctx.channel());
    String requestId = request != null ? request.requestId() : RequestContext.newRequestId();
    // From the tail, so the answer passes RequestContextHandler whoever sends it (that handler too).
    return ctx.channel().writeAndFlush(error(ctx, code, message, requestId));
  }

  /** The SPEC §9 error body as a response, for callers that write it themselves. */
  public static FullHttpResponse error(ChannelHandlerContext ctx, ErrorCode code, String message, String requestId) {
    String body = "{\"type\":\"error\",\"error\":{\"code\":\"" + code.name() + "\",\"type\":\"" + code.type()
        + "\",\"message\":\"" + escape(message) + "\",\"request_id\":\"" + requestId + "\"}}";
    return json(ctx, code.status(), body);
  }

  /** A complete JSON response with {@code body}. */
  public static FullHttpResponse json(ChannelHandlerContext ctx, HttpResponseStatus status, String body) {
    ByteBuf content = ByteBufUtil.writeUtf8(ctx.alloc(), body);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    return response;
  }

  private static String escape(String message) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(message));
  }
}
