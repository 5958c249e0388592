package io.takumo.aegis.proxy.upstream;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.takumo.aegis.proxy.auth.Credentials;
import io.takumo.aegis.proxy.config.UpstreamSpec;
import io.takumo.aegis.proxy.http.HopByHop;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.route.Route;
import org.jspecify.annotations.Nullable;

/** Builds the request head sent upstream from the client's (SPEC §6 credentials and routing). */
final class UpstreamRequests {

  private UpstreamRequests() {}

  /**
   * The upstream path and query for {@code route} on {@code provider}: the base URL's path prefix,
   * then the route's path, rewritten where a provider serves an OpenAI-shaped route elsewhere.
   */
  static String target(UpstreamSpec upstream, Route route) {
    String path = route.path();
    if (upstream.provider() == Provider.GOOGLE && path.startsWith("/v1/")) {
      path = "/v1beta/openai" + path.substring(3); // Gemini's OpenAI-compatible endpoint
    }
    return upstream.pathPrefix() + path + route.query();
  }

  /**
   * The head to send upstream: hop-by-hop headers and every Takumo credential removed, the
   * provider key the client sent kept, or the organization's key injected when it sent none.
   *
   * @param providerKey the organization's key for this provider, used only when the client sent none
   */
  static HttpRequest head(HttpRequest client, UpstreamSpec upstream, String target, Credentials credentials,
      @Nullable String providerKey) {
    HttpHeaders headers = new DefaultHttpHeaders();
    headers.set(client.headers());
    String passThrough = credentials.providerKeyHeader() == null ? null
        : client.headers().get(credentials.providerKeyHeader());
    HopByHop.strip(headers);
    headers.remove(HttpHeaderNames.AUTHORIZATION)
        .remove(Credentials.X_API_KEY)
        .remove(Credentials.X_TAKUMO_KEY)
        .remove(HttpHeaderNames.EXPECT) // 100-continue is answered by the gateway itself
        .remove(HttpHeaderNames.HOST);
    headers.set(HttpHeaderNames.HOST, upstream.hostHeader());
    if (passThrough != null) {
      headers.set(credentials.providerKeyHeader(), passThrough);
    } else if (providerKey != null && !headers.contains(Credentials.X_GOOG_API_KEY)) {
      inject(headers, upstream.provider(), target, providerKey);
    }
    if (HttpUtil.isTransferEncodingChunked(client)) {
      headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    return new DefaultHttpRequest(HttpVersion.HTTP_1_1, client.method(), target, headers);
  }

  private static void inject(HttpHeaders headers, Provider provider, String target, String key) {
    switch (provider) {
      case ANTHROPIC:
        headers.set(Credentials.X_API_KEY, key);
        break;
      case GOOGLE:
        if (target.contains("/openai/")) {
          headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + key);
        } else {
          headers.set(Credentials.X_GOOG_API_KEY, key);
        }
        break;
      default:
        headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + key);
        break;
    }
  }
}
