package io.takumo.aegis.proxy.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;

/** The error codes of SPEC §9 with their HTTP status. */
public enum ErrorCode {
  BAD_REQUEST(HttpResponseStatus.BAD_REQUEST),
  UNSUPPORTED_PROVIDER(HttpResponseStatus.BAD_REQUEST),
  UNAUTHORIZED(HttpResponseStatus.UNAUTHORIZED),
  FORBIDDEN(HttpResponseStatus.FORBIDDEN),
  /** SPEC §10: a CONNECT without a usable {@code Proxy-Authorization} (RFC 9110 §15.5.8; not in the §9 table). */
  PROXY_AUTHENTICATION_REQUIRED(HttpResponseStatus.PROXY_AUTHENTICATION_REQUIRED),
  NOT_FOUND(HttpResponseStatus.NOT_FOUND),
  PAYLOAD_TOO_LARGE(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE),
  /** SPEC §6: a compressed request body that cannot be decoded (not in the §9 table; see docs/decisions.md). */
  UNSUPPORTED_MEDIA_TYPE(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE),
  /** A request head that did not arrive within TAKUMO_HEADER_TIMEOUT (not in the §9 table; see docs/decisions.md). */
  REQUEST_TIMEOUT(HttpResponseStatus.REQUEST_TIMEOUT),
  POLICY_BLOCKED(HttpResponseStatus.UNPROCESSABLE_ENTITY),
  RATE_LIMITED(HttpResponseStatus.TOO_MANY_REQUESTS),
  INTERNAL_ERROR(HttpResponseStatus.INTERNAL_SERVER_ERROR),
  BAD_GATEWAY(HttpResponseStatus.BAD_GATEWAY),
  SERVICE_UNAVAILABLE(HttpResponseStatus.SERVICE_UNAVAILABLE),
  UPSTREAM_TIMEOUT(HttpResponseStatus.GATEWAY_TIMEOUT);

  private final HttpResponseStatus status;
  private final String type;

  ErrorCode(HttpResponseStatus status) {
    this.status = status;
    this.type = name().toLowerCase(Locale.ROOT);
  }

  public HttpResponseStatus status() {
    return status;
  }

  /** The {@code error.type} field: the code in lower case. */
  public String type() {
    return type;
  }
}
