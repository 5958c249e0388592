package io.takumo.aegis.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class-comparison answers agree with {@code instanceof} for every kind of message. */
class HttpKindsTest {
  /** A message class the codec does not create: answered by the interface checks. */
  private static final class OwnContent extends DefaultHttpContent {
    OwnContent() {
      super(Unpooled.EMPTY_BUFFER);
    }
  }

  @Test
  void answersLikeInstanceofForEveryMessageKind() {
    List<Object> messages = List.of(
        new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/messages"),
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/models"),
        new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK),
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK),
        new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[] {1})),
        new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[] {2})),
        LastHttpContent.EMPTY_LAST_CONTENT,
        new OwnContent(),
        Unpooled.wrappedBuffer(new byte[] {3}),
        "not a message");
    try {
      for (Object msg : messages) {
        String what = msg.getClass().getName();
        assertThat(HttpKinds.asHttpObject(msg)).as(what).isSameAs(msg instanceof HttpObject ? msg : null);
        assertThat(HttpKinds.asRequest(msg)).as(what).isSameAs(msg instanceof HttpRequest ? msg : null);
        assertThat(HttpKinds.asResponse(msg)).as(what).isSameAs(msg instanceof HttpResponse ? msg : null);
        assertThat(HttpKinds.asContent(msg)).as(what).isSameAs(msg instanceof HttpContent ? msg : null);
        assertThat(HttpKinds.isLast(msg)).as(what).isEqualTo(msg instanceof LastHttpContent);
      }
    } finally {
      messages.forEach(ReferenceCountUtil::release);
    }
  }
}
