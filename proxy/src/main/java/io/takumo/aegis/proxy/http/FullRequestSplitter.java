package io.takumo.aegis.proxy.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.List;

/**
 * Turns an HTTP/2 request that ends with its HEADERS frame (the stream codec makes it one
 * {@link FullHttpRequest}) into the head and last content an HTTP/1.1 request arrives as, so the
 * exchange handlers see one shape whatever the protocol. Stateless.
 */
@ChannelHandler.Sharable
public final class FullRequestSplitter extends MessageToMessageDecoder<FullHttpRequest> {
  public static final FullRequestSplitter INSTANCE = new FullRequestSplitter();

  private FullRequestSplitter() {
    super(FullHttpRequest.class);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, FullHttpRequest full, List<Object> out) {
    DefaultHttpRequest head = new DefaultHttpRequest(full.protocolVersion(), full.method(), full.uri(), full.headers());
    head.setDecoderResult(full.decoderResult());
    out.add(head);
    out.add(new DefaultLastHttpContent(full.content().retain(), full.trailingHeaders()));
  }
}
