package io.takumo.aegis.proxy.route;

import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;

/**
 * Maps method and request target to a {@link Route} (SPEC §6). Pure and allocation-light: it runs
 * once per request on the event loop.
 */
public final class Router {
  private static final String DOUBLED = "/v1/v1/";

  private Router() {}

  public static Route route(HttpMethod method, String uri) {
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String query = q < 0 ? "" : uri.substring(q);
    // The Anthropic SDK appends /v1/messages to a base URL that may already end in /v1.
    if (path.startsWith(DOUBLED)) {
      path = path.substring(3);
    }
    boolean get = HttpMethod.GET.equals(method);
    boolean post = HttpMethod.POST.equals(method);
    boolean read = get || HttpMethod.HEAD.equals(method); // local reads answer HEAD too (headers only)
    switch (path) {
      case "/v1/health":
        return read ? local(RouteKind.HEALTH, path, query) : notFound(path, query);
      case "/healthz":
        return read ? local(RouteKind.LIVENESS, path, query) : notFound(path, query);
      case "/readyz":
        return read ? local(RouteKind.READINESS, path, query) : notFound(path, query);
      case "/metrics":
        return read ? local(RouteKind.METRICS, path, query) : notFound(path, query);
      case "/v1/audit":
        return read ? local(RouteKind.AUDIT, path, query) : notFound(path, query);
      case "/v1/tokenize":
      case "/v1/rehydrate":
      case "/v1/scan":
        return post ? local(RouteKind.SHIELD, path, query) : notFound(path, query);
      case "/v1/fleet":
        return read ? local(RouteKind.FLEET, path, query) : notFound(path, query);
      case "/v1/detections":
        return read ? local(RouteKind.DETECTIONS, path, query) : notFound(path, query);
      case "/v1/messages":
      case "/v1/messages/count_tokens":
        return post ? provider(path, query, Provider.ANTHROPIC, false, null) : notFound(path, query);
      case "/v1/chat/completions":
      case "/v1/completions":
      case "/v1/responses":
      case "/v1/embeddings":
        return post ? provider(path, query, null, true, null) : notFound(path, query);
      case "/v1/models":
        return get ? provider(path, query, null, false, null) : notFound(path, query);
      default:
        break;
    }
    if (get && path.startsWith("/v1/models/") && path.length() > "/v1/models/".length()) {
      return provider(path, query, null, false, path.substring("/v1/models/".length()));
    }
    if (HttpMethod.DELETE.equals(method) && path.startsWith("/v1/sessions/") && path.length() > "/v1/sessions/".length()) {
      return local(RouteKind.SHIELD, path, query);
    }
    if (path.startsWith("/v1beta/models")) {
      return googleRoute(get, post, path, query);
    }
    return notFound(path, query);
  }

  private static Route googleRoute(boolean get, boolean post, String path, String query) {
    if (get && (path.equals("/v1beta/models") || path.indexOf(':') < 0)) {
      return provider(path, query, Provider.GOOGLE, false, null);
    }
    int colon = path.lastIndexOf(':');
    if (!post || colon < 0 || !path.startsWith("/v1beta/models/")) {
      return notFound(path, query);
    }
    String action = path.substring(colon + 1);
    if (!action.equals("generateContent")
        && !action.equals("streamGenerateContent")
        && !action.equals("countTokens")) {
      return notFound(path, query);
    }
    String model = path.substring("/v1beta/models/".length(), colon);
    return provider(path, query, Provider.GOOGLE, false, model);
  }

  private static Route local(RouteKind kind, String path, String query) {
    return new Route(kind, path, query, null, false, null);
  }

  private static Route provider(
      String path,
      String query,
      @Nullable Provider provider,
      boolean modelFromBody,
      @Nullable String pathModel) {
    return new Route(RouteKind.PROVIDER, path, query, provider, modelFromBody, pathModel);
  }

  private static Route notFound(String path, String query) {
    return local(RouteKind.NOT_FOUND, path, query);
  }
}
