package io.takumo.aegis.coordinator;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every call by its {@code authorization: Bearer jk_…} metadata against the join key
 * table (each call, so a revoked key stops at once; calls are rare: a registration, a stream, a
 * report every 30 s, an audit batch every 5 s). Runs on the server's application executor, where
 * blocking is allowed.
 */
final class JoinKeyInterceptor implements ServerInterceptor {
  static final Context.Key<String> JOIN_KEY_ID = Context.key("takumo-join-key-id");
  private static final Logger log = LoggerFactory.getLogger(JoinKeyInterceptor.class);
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final JoinKeys joinKeys;

  JoinKeyInterceptor(JoinKeys joinKeys) {
    this.joinKeys = joinKeys;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String value = headers.get(AUTHORIZATION);
    String raw = value != null && value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : "";
    Optional<String> id;
    try {
      id = joinKeys.authenticate(raw);
    } catch (SQLException e) {
      log.warn("join key lookup failed: {}", e.getMessage());
      call.close(Status.UNAVAILABLE.withDescription("the coordinator's database is unavailable; retry later"), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    if (id.isEmpty()) {
      call.close(Status.UNAUTHENTICATED.withDescription(raw.isEmpty()
          ? "no join key: send authorization: Bearer jk_<64 hex>"
          : "join key unknown or revoked; create one with takumo-aegis coordinator join-keys create"), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(Context.current().withValue(JOIN_KEY_ID, id.get()), call, headers, next);
  }
}
