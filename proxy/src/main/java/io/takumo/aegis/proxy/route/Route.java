package io.takumo.aegis.proxy.route;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Where a request goes.
 *
 * @param kind what the gateway does with it
 * @param template the route as logs and audit name it ({@code /v1/models/{id}}); never holds a
 *     client's path parameter, which may be anything
 * @param path the canonical path ({@link Paths#canonical}) with a doubled {@code /v1/v1/} prefix
 *     collapsed, without the query: the route's template with its parameters filled in
 * @param query the raw query string including its {@code ?}, or empty
 * @param provider the provider fixed by the route, or null when the model decides
 * @param modelFromBody whether the provider must be chosen from the body's {@code model} field
 * @param pathModel the model named in the path (Google routes, {@code /v1/models/{id}}), or null
 * @param refusal why the path was refused ({@link RouteKind#BAD_PATH}), or null
 */
public record Route(
    RouteKind kind,
    String template,
    String path,
    String query,
    @Nullable Provider provider,
    boolean modelFromBody,
    @Nullable String pathModel,
    @Nullable String refusal) {

  public Route {
    requireNonNull(kind, "kind");
    requireNonNull(template, "template");
    requireNonNull(path, "path");
    requireNonNull(query, "query");
  }

  /** Whether a Takumo key is required on this route. */
  public boolean requiresKey() {
    return kind == RouteKind.PROVIDER || kind == RouteKind.AUDIT || kind == RouteKind.SHIELD || kind == RouteKind.DETECTIONS;
  }

  /** The path and query to send upstream (before any provider-specific rewrite). */
  public String pathAndQuery() {
    return path + query;
  }
}
