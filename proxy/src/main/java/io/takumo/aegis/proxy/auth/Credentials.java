package io.takumo.aegis.proxy.auth;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * What a request carries to authenticate (SPEC §6): the Takumo key from {@code Authorization:
 * Bearer}, {@code x-api-key}, {@code x-takumo-key} or {@code Proxy-Authorization}, and whether a
 * provider's own key came along to be passed through.
 *
 * @param takumoKey the raw Takumo key, or null when none was sent
 * @param anyCredential whether any credential header was present at all
 * @param providerKeyHeader the header that holds a non-Takumo provider key, or null
 */
public record Credentials(
    @Nullable String takumoKey, boolean anyCredential, @Nullable CharSequence providerKeyHeader) {

  public static final String X_API_KEY = "x-api-key";
  public static final String X_TAKUMO_KEY = "x-takumo-key";
  public static final String X_GOOG_API_KEY = "x-goog-api-key";

  public static Credentials from(HttpHeaders headers) {
    return from(headers, "");
  }

  /**
   * From the headers and the query string (with its {@code ?}, or empty): Google's clients send
   * their key as {@code x-goog-api-key} or {@code ?key=}, where a Takumo key is accepted too; it is
   * then never taken for a provider key (and never forwarded, see {@code UpstreamRequests}).
   */
  public static Credentials from(HttpHeaders headers, String query) {
    String takumo = null;
    CharSequence providerHeader = null;
    boolean any = false;

    String explicit = headers.get(X_TAKUMO_KEY);
    if (explicit != null) {
      any = true;
      takumo = explicit.trim();
    }
    String bearer = bearer(headers.get(HttpHeaderNames.AUTHORIZATION));
    if (bearer != null) {
      any = true;
      if (ApiKeys.isTakumoKey(bearer)) {
        takumo = takumo == null ? bearer : takumo;
      } else {
        providerHeader = HttpHeaderNames.AUTHORIZATION;
      }
    } else if (headers.contains(HttpHeaderNames.AUTHORIZATION)) {
      any = true;
    }
    String apiKey = headers.get(X_API_KEY);
    if (apiKey != null) {
      any = true;
      apiKey = apiKey.trim();
      if (ApiKeys.isTakumoKey(apiKey)) {
        takumo = takumo == null ? apiKey : takumo;
      } else if (providerHeader == null) {
        providerHeader = X_API_KEY;
      }
    }
    String goog = headers.get(X_GOOG_API_KEY);
    if (goog != null) {
      any = true;
      goog = goog.trim();
      if (ApiKeys.isTakumoKey(goog)) {
        takumo = takumo == null ? goog : takumo;
      } else if (providerHeader == null) {
        providerHeader = X_GOOG_API_KEY;
      }
    }
    String queryKey = Queries.value(query, "key");
    if (queryKey != null && ApiKeys.isTakumoKey(queryKey)) {
      any = true;
      takumo = takumo == null ? queryKey : takumo;
    }
    String proxyAuthorization = headers.get(HttpHeaderNames.PROXY_AUTHORIZATION);
    if (proxyAuthorization != null) {
      any = true;
      String proxy = proxyKey(proxyAuthorization);
      takumo = takumo == null ? (proxy != null ? proxy : "") : takumo; // no key in it: refused as malformed
    }
    return new Credentials(takumo, any, providerHeader);
  }

  private static @Nullable String bearer(@Nullable String value) {
    if (value == null || value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return value.substring(7).trim();
  }

  /**
   * The Takumo key of a {@code Proxy-Authorization} value: {@code Bearer KEY}, or {@code Basic base64(user:KEY)} as
   * {@code HTTPS_PROXY=http://user:KEY@host} makes clients send it (the key as the user is taken too); null when it
   * holds none. For a CONNECT and for the requests that carry it alike.
   */
  public static @Nullable String proxyKey(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String key = bearer(value.trim());
    if (key == null && value.trim().regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(value.trim().substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        String password = colon < 0 ? decoded : decoded.substring(colon + 1);
        key = ApiKeys.isTakumoKey(password) || colon < 0 ? password : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return key != null && ApiKeys.isTakumoKey(key) ? key : null;
  }

  @Override
  public String toString() { // never print the key
    return "Credentials[takumoKey=" + (takumoKey == null ? "none" : ApiKeys.prefix(takumoKey) + "…")
        + ", providerKey=" + (providerKeyHeader == null ? "none" : providerKeyHeader) + ']';
  }
}
