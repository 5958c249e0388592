package io.takumo.aegis.proxy.route;

import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;

/**
 * Maps method and request target to a {@link Route} (SPEC §6). The path is made canonical first
 * ({@link Paths}): a path that is not is {@link RouteKind#BAD_PATH}, whatever it would have
 * matched. Path parameters are one segment each. Pure and allocation-light: it runs once per
 * request on the event loop.
 */
public final class Router {
  private static final String DOUBLED = "/v1/v1/";
  private static final String MODELS = "/v1/models/";
  private static final String SESSIONS = "/v1/sessions/";
  private static final String GOOGLE_MODELS = "/v1beta/models/";

  private Router() {}

  public static Route route(HttpMethod method, String uri) {
    return route(method, uri, false);
  }

  /**
   * The route of {@code method uri}; with {@code webSocket} (the request asks {@code Upgrade: websocket}) a
   * {@code GET} on a provider route that takes {@code POST} is that provider route: the relay serves it on
   * {@code /v1/responses} (Codex's WebSocket transport) and answers SPEC §6's 400 elsewhere (clients fall back
   * to HTTP on it) instead of a 404.
   */
  public static Route route(HttpMethod method, String uri, boolean webSocket) {
    int q = uri.indexOf('?');
    String raw = q < 0 ? uri : uri.substring(0, q);
    String query = q < 0 ? "" : uri.substring(q);
    String path;
    try {
      path = Paths.canonical(raw);
    } catch (Paths.BadPath e) {
      return new Route(RouteKind.BAD_PATH, "-", "/", query, null, false, null, e.getMessage());
    }
    // The Anthropic SDK appends /v1/messages to a base URL that may already end in /v1.
    if (path.startsWith(DOUBLED)) {
      path = path.substring(3);
    }
    boolean get = HttpMethod.GET.equals(method);
    boolean post = HttpMethod.POST.equals(method);
    boolean read = get || HttpMethod.HEAD.equals(method); // local reads answer HEAD too (headers only)
    boolean send = post || webSocket && get;
    switch (path) {
      case "/v1/health":
        return read ? local(RouteKind.HEALTH, path, query) : notFound(query);
      case "/healthz":
        return read ? local(RouteKind.LIVENESS, path, query) : notFound(query);
      case "/readyz":
        return read ? local(RouteKind.READINESS, path, query) : notFound(query);
      case "/metrics":
        return read ? local(RouteKind.METRICS, path, query) : notFound(query);
      case "/v1/audit":
        return read ? local(RouteKind.AUDIT, path, query) : notFound(query);
      case "/v1/tokenize":
      case "/v1/rehydrate":
      case "/v1/scan":
        return post ? local(RouteKind.SHIELD, path, query) : notFound(query);
      case "/v1/fleet":
        return read ? local(RouteKind.FLEET, path, query) : notFound(query);
      case "/v1/detections":
        return read ? local(RouteKind.DETECTIONS, path, query) : notFound(query);
      case "/v1/messages":
      case "/v1/messages/count_tokens":
        return send ? provider(path, path, query, Provider.ANTHROPIC, false, null) : notFound(query);
      case "/v1/chat/completions":
      case "/v1/completions":
      case "/v1/responses":
      case "/v1/embeddings":
        return send ? provider(path, path, query, null, true, null) : notFound(query);
      case "/v1/models":
        return get ? provider(path, path, query, null, false, null) : notFound(query);
      default:
        break;
    }
    String id = parameter(path, MODELS);
    if (get && id != null) {
      return provider(MODELS + "{id}", MODELS + id, query, null, false, id);
    }
    String session = parameter(path, SESSIONS);
    if (HttpMethod.DELETE.equals(method) && session != null) {
      return new Route(RouteKind.SHIELD, SESSIONS + "{id}", SESSIONS + session, query, null, false, null, null);
    }
    if (path.equals("/v1beta/models") || path.startsWith(GOOGLE_MODELS)) {
      return googleRoute(get, post, path, query);
    }
    return notFound(query);
  }

  /** How logs and audit name a request relayed as it came, inside an intercepted tunnel. */
  public static final String TUNNEL_TEMPLATE = "(tunnel)";

  /**
   * The route of a request inside a forward-proxy tunnel intercepted for {@code provider} (SPEC §10): a
   * provider route goes to that provider whatever the body's model says; any other path (Claude Code's
   * {@code /api/claude_code/settings}, a local route's path) is relayed to the provider as it came,
   * through the same pipeline, and never answered by the gateway. Paths are held to the same
   * canonical form as anywhere else.
   */
  public static Route tunnel(HttpMethod method, String uri, boolean webSocket, Provider provider) {
    Route route = route(method, uri, webSocket);
    if (route.kind() == RouteKind.BAD_PATH) {
      return route;
    }
    if (route.kind() == RouteKind.PROVIDER) {
      return new Route(RouteKind.PROVIDER, route.template(), route.path(), route.query(), provider, false,
          route.pathModel(), null);
    }
    int q = uri.indexOf('?');
    try {
      String path = Paths.canonical(q < 0 ? uri : uri.substring(0, q));
      return new Route(RouteKind.PROVIDER, TUNNEL_TEMPLATE, path, route.query(), provider, false, null, null);
    } catch (Paths.BadPath e) { // route() accepted the same path: not reached
      return new Route(RouteKind.BAD_PATH, "-", "/", route.query(), null, false, null, e.getMessage());
    }
  }

  /** The one segment after {@code prefix}, or null when the path is not {@code prefix} + one segment. */
  private static @Nullable String parameter(String path, String prefix) {
    if (!path.startsWith(prefix)) {
      return null;
    }
    String segment = path.substring(prefix.length());
    return Paths.isParameter(segment) ? segment : null;
  }

  private static Route googleRoute(boolean get, boolean post, String path, String query) {
    if (path.equals("/v1beta/models")) {
      return get ? provider(path, path, query, Provider.GOOGLE, false, null) : notFound(query);
    }
    String segment = parameter(path, GOOGLE_MODELS);
    if (segment == null) {
      return notFound(query);
    }
    int colon = segment.lastIndexOf(':');
    if (colon < 0) {
      return get ? provider(GOOGLE_MODELS + "{model}", path, query, Provider.GOOGLE, false, null) : notFound(query);
    }
    String action = segment.substring(colon + 1);
    String model = segment.substring(0, colon);
    if (!post || model.isEmpty() || !(action.equals("generateContent") || action.equals("streamGenerateContent")
        || action.equals("countTokens"))) {
      return notFound(query);
    }
    return provider(GOOGLE_MODELS + "{model}:" + action, GOOGLE_MODELS + model + ':' + action, query,
        Provider.GOOGLE, false, model);
  }

  private static Route local(RouteKind kind, String path, String query) {
    return new Route(kind, path, path, query, null, false, null, null);
  }

  private static Route provider(String template, String path, String query, @Nullable Provider provider,
      boolean modelFromBody, @Nullable String pathModel) {
    return new Route(RouteKind.PROVIDER, template, path, query, provider, modelFromBody, pathModel, null);
  }

  private static Route notFound(String query) {
    return new Route(RouteKind.NOT_FOUND, "-", "/", query, null, false, null, null);
  }
}
