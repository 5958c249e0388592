package io.takumo.aegis.proxy.route;

/** What the gateway does with a request, decided from its method and path alone. */
public enum RouteKind {
  /** {@code GET /v1/health}: 200; a key, when sent, is validated. */
  HEALTH,
  /** {@code GET /healthz}: liveness, no auth. */
  LIVENESS,
  /** {@code GET /readyz}: readiness, no auth; 503 while draining. */
  READINESS,
  /** {@code GET /metrics}: Prometheus text, no auth (SPEC §6). */
  METRICS,
  /** {@code GET /v1/audit}: the organization's audit trail, {@code audit:read}. */
  AUDIT,
  /**
   * The REST tokenization API, {@code shield:write}: {@code POST /v1/tokenize}, {@code /v1/rehydrate},
   * {@code /v1/scan}, {@code DELETE /v1/sessions/{id}}.
   */
  SHIELD,
  /** {@code GET /v1/detections}: recent detection metadata of the key's organization, {@code shield:read}. */
  DETECTIONS,
  /** {@code GET /v1/fleet}: this gateway's fleet membership and config version, {@code fleet:read}. */
  FLEET,
  /** A provider route: authenticated, relayed upstream. */
  PROVIDER,
  /** Nothing here: 404. */
  NOT_FOUND,
  /** A path that is not canonical (dot segments, encoded slashes, …): 400 before anything else. */
  BAD_PATH
}
