package io.takumo.aegis.proxy.upstream;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.takumo.aegis.proxy.auth.ApiKeys;
import io.takumo.aegis.proxy.auth.Credentials;
import io.takumo.aegis.proxy.auth.Queries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.takumo.aegis.proxy.config.UpstreamSpec;
import io.takumo.aegis.proxy.http.HopByHop;
import io.takumo.aegis.proxy.route.Provider;
import org.jspecify.annotations.Nullable;

/** Builds the request head sent upstream from the client's (SPEC §6 credentials and routing). */
public final class UpstreamRequests {

  private UpstreamRequests() {}

  /**
   * The upstream path and query for a route's canonical path on {@code upstream}: the base URL's
   * path prefix, then the path (rewritten where a provider serves an OpenAI-shaped route
   * elsewhere), then the query without any Takumo key.
   */
  static String target(UpstreamSpec upstream, String routePath, String query) {
    String path = routePath;
    if (upstream.provider() == Provider.GOOGLE && path.startsWith("/v1/")) {
      path = "/v1beta/openai" + path.substring(3); // Gemini's OpenAI-compatible endpoint
    }
    return join(upstream.pathPrefix(), path) + Queries.withoutTakumoKeys(query);
  }

  /** The URL a request for {@code path} goes to on {@code upstream} (for the start-up log). */
  public static String url(UpstreamSpec upstream, String path) {
    return upstream.baseUrl().getScheme() + "://" + upstream.hostHeader() + join(upstream.pathPrefix(), path);
  }

  /**
   * The base URL's path prefix, then the route's path, with the version segment said once: a base
   * URL written as OpenAI documents it ({@code https://api.openai.com/v1}) ends in the segment the
   * route starts with ({@code /v1/chat/completions}), and doubling it would be a 404 upstream.
   */
  static String join(String prefix, String path) {
    int second = path.indexOf('/', 1);
    String version = second < 0 ? path : path.substring(0, second);
    if (!version.isEmpty() && prefix.endsWith(version)) {
      return prefix.substring(0, prefix.length() - version.length()) + path;
    }
    return prefix + path;
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
    if (passThrough != null && ApiKeys.appearsIn(passThrough)) {
      passThrough = null; // a Takumo key rides along: never forwarded, the organization's key goes instead
    }
    HopByHop.strip(headers);
    headers.remove(HttpHeaderNames.AUTHORIZATION)
        .remove(Credentials.X_API_KEY)
        .remove(Credentials.X_TAKUMO_KEY)
        .remove(HttpHeaderNames.EXPECT) // 100-continue is answered by the gateway itself
        .remove(HttpHeaderNames.HOST);
    removeTakumoKeys(headers);
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

  /**
   * SPEC §6: a Takumo key is never forwarded, wherever the client put it (a cookie, x-goog-api-key,
   * a custom header, a header's name): every header that holds one goes.
   */
  static void removeTakumoKeys(HttpHeaders headers) {
    List<String> carrying = null;
    for (Map.Entry<String, String> header : headers) {
      if (ApiKeys.appearsIn(header.getValue()) || ApiKeys.appearsIn(header.getKey())) {
        if (carrying == null) {
          carrying = new ArrayList<>(2);
        }
        carrying.add(header.getKey());
      }
    }
    if (carrying != null) {
      for (String name : carrying) {
        headers.remove(name);
      }
    }
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
