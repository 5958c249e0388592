package io.takumo.aegis.proxy.http;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import org.jspecify.annotations.Nullable;

/**
 * What kind of HTTP message an object is, answered for the classes Netty's codec creates by one
 * class comparison, for any other class by {@code instanceof}.
 *
 * <p>Hand-written because of the data path: a test against an interface ({@code instanceof} or a
 * cast) scans the class's secondary supertypes and caches one answer per class. Every handler tests
 * the same {@code DefaultHttpContent} against a different interface ({@code HttpObject},
 * {@code HttpContent}, {@code LastHttpContent}), so that one-entry cache misses nearly every time
 * (JDK-8180450, fixed in JDK 23; we run on 17): on the SSE relay path those checks were 16% of the
 * gateway's CPU samples. A cast to the exact class after the class comparison costs nothing.
 */
public final class HttpKinds {
  private HttpKinds() {}

  public static @Nullable HttpObject asHttpObject(Object msg) {
    HttpContent content = asContent(msg);
    if (content != null) {
      return content;
    }
    HttpRequest request = asRequest(msg);
    return request != null ? request : asResponse(msg);
  }

  public static @Nullable HttpRequest asRequest(Object msg) {
    Class<?> c = msg.getClass();
    if (c == DefaultHttpRequest.class) {
      return (DefaultHttpRequest) msg;
    }
    if (c == DefaultFullHttpRequest.class) {
      return (DefaultFullHttpRequest) msg;
    }
    if (isKnown(c)) {
      return null;
    }
    return msg instanceof HttpRequest request ? request : null;
  }

  public static @Nullable HttpResponse asResponse(Object msg) {
    Class<?> c = msg.getClass();
    if (c == DefaultHttpResponse.class) {
      return (DefaultHttpResponse) msg;
    }
    if (c == DefaultFullHttpResponse.class) {
      return (DefaultFullHttpResponse) msg;
    }
    if (isKnown(c)) {
      return null;
    }
    return msg instanceof HttpResponse response ? response : null;
  }

  public static @Nullable HttpContent asContent(Object msg) {
    if (msg == LastHttpContent.EMPTY_LAST_CONTENT) {
      return LastHttpContent.EMPTY_LAST_CONTENT;
    }
    Class<?> c = msg.getClass();
    if (c == DefaultHttpContent.class) {
      return (DefaultHttpContent) msg;
    }
    if (c == DefaultLastHttpContent.class) {
      return (DefaultLastHttpContent) msg;
    }
    if (c == DefaultFullHttpResponse.class) {
      return (DefaultFullHttpResponse) msg;
    }
    if (c == DefaultFullHttpRequest.class) {
      return (DefaultFullHttpRequest) msg;
    }
    if (c == DefaultHttpRequest.class || c == DefaultHttpResponse.class) {
      return null;
    }
    return msg instanceof HttpContent content ? content : null;
  }

  public static boolean isLast(Object msg) {
    Class<?> c = msg.getClass();
    if (c == DefaultLastHttpContent.class || c == DefaultFullHttpResponse.class || c == DefaultFullHttpRequest.class
        || msg == LastHttpContent.EMPTY_LAST_CONTENT) {
      return true;
    }
    if (isKnown(c)) {
      return false;
    }
    return msg instanceof LastHttpContent;
  }

  private static boolean isKnown(Class<?> c) {
    return c == DefaultHttpContent.class || c == DefaultLastHttpContent.class || c == DefaultHttpRequest.class
        || c == DefaultHttpResponse.class || c == DefaultFullHttpRequest.class || c == DefaultFullHttpResponse.class;
  }
}
