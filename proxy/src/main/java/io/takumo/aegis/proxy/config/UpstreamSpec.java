package io.takumo.aegis.proxy.config;

import static java.util.Objects.requireNonNull;

import io.netty.handler.ssl.SslContext;
import io.takumo.aegis.proxy.route.Provider;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One provider's upstream: where it lives and the organization's key for it.
 *
 * @param provider which provider
 * @param baseUrl scheme, host, optional port and optional path prefix; no query
 * @param apiKey the organization's provider key injected when the client sends none, or null
 * @param sslContext the TLS context for this upstream when it trusts its own CA (fleet config), or null for the gateway's
 */
public record UpstreamSpec(Provider provider, URI baseUrl, @Nullable String apiKey, @Nullable SslContext sslContext) {
  public UpstreamSpec(Provider provider, URI baseUrl, @Nullable String apiKey) {
    this(provider, baseUrl, apiKey, null);
  }

  public UpstreamSpec {
    requireNonNull(provider, "provider");
    requireNonNull(baseUrl, "baseUrl");
    String field = "TAKUMO_" + provider.envStem() + "_BASE_URL";
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw ConfigException.of(field, baseUrl.toString(), "an http:// or https:// URL");
    }
    if (baseUrl.getHost() == null || baseUrl.getHost().isEmpty()) {
      throw ConfigException.of(field, baseUrl.toString(), "a URL with a host");
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw ConfigException.of(field, baseUrl.toString(), "a URL without query or fragment");
    }
    if (apiKey != null && apiKey.isBlank()) {
      apiKey = null;
    }
  }

  public boolean tls() {
    return baseUrl.getScheme().equalsIgnoreCase("https");
  }

  public String host() {
    return baseUrl.getHost();
  }

  public int port() {
    int port = baseUrl.getPort();
    return port > 0 ? port : tls() ? 443 : 80;
  }

  /** The base URL's path without a trailing slash ({@code ""} for none). */
  public String pathPrefix() {
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** The value for the upstream {@code Host} header. */
  public String hostHeader() {
    int port = baseUrl.getPort();
    return port > 0 && port != (tls() ? 443 : 80) ? host() + ':' + port : host();
  }

  @Override
  public String toString() { // never print the key
    return "UpstreamSpec[" + provider.id() + ' ' + baseUrl + (apiKey == null ? "" : " key=set") + ']';
  }
}
