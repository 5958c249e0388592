package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.CharsetUtil;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.ReadGate;
import java.io.IOException;

/** Helpers for EmbeddedChannel handler tests. */
final class HandlerTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HandlerTestSupport() {}

  static EmbeddedChannel channel(ProxyMetrics metrics, io.netty.channel.ChannelHandler... handlers) {
    EmbeddedChannel channel = new EmbeddedChannel(handlers);
    ReadGate.install(channel, metrics); // handlers reach it only once messages flow
    return channel;
  }

  static HttpRequest post(String uri, int contentLength, String... headers) {
    HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, uri);
    request.headers().set("host", "gateway").setInt("content-length", contentLength);
    for (int i = 0; i < headers.length; i += 2) {
      request.headers().add(headers[i], headers[i + 1]);
    }
    return request;
  }

  static HttpRequest get(String uri, String... headers) {
    return request(HttpMethod.GET, uri, headers);
  }

  /** A bodyless request (HTTP/1.1, with a Host header). */
  static HttpRequest request(HttpMethod method, String uri, String... headers) {
    HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri);
    request.headers().set("host", "gateway");
    for (int i = 0; i < headers.length; i += 2) {
      request.headers().add(headers[i], headers[i + 1]);
    }
    return request;
  }

  /** Reads the next outbound response, returns its JSON body and releases it. */
  static JsonNode readResponse(EmbeddedChannel channel, int expectedStatus) throws IOException {
    FullHttpResponse response = channel.readOutbound();
    assertThat(response).as("a response").isNotNull();
    try {
      assertThat(response.status().code()).isEqualTo(expectedStatus);
      return JSON.readTree(response.content().toString(CharsetUtil.UTF_8));
    } finally {
      response.release();
    }
  }
}
