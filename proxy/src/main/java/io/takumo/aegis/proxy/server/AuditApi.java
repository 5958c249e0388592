package io.takumo.aegis.proxy.server;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.takumo.aegis.proxy.audit.AuditLog;
import io.takumo.aegis.proxy.audit.AuditSink;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ErrorResponses;
import io.takumo.aegis.proxy.http.RequestContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/audit?from=&to=&cursor=&limit=} (SPEC §6): the caller's organization's events,
 * newest first, {@code {"data": [...], "next_cursor": ...}}. The read runs on the audit executor;
 * the answer is written back on the channel's event loop.
 */
final class AuditApi {
  private static final int MAX_LIMIT = 500;

  private final AuditLog audit;

  AuditApi(AuditLog audit) {
    this.audit = requireNonNull(audit, "audit");
  }

  /**
   * @param detectionsOnly {@code GET /v1/detections}: only the events that found secrets, each with
   *     its detection metadata (a page may then hold fewer than {@code limit} entries)
   */
  void answer(ChannelHandlerContext ctx, RequestContext context, boolean detectionsOnly) {
    Principal principal = requireNonNull(context.principal(), "audit is authenticated");
    Map<String, List<String>> params = new QueryStringDecoder(context.route().query(), false).parameters();
    Instant from;
    Instant to;
    int limit;
    try {
      from = params.containsKey("from") ? Instant.parse(params.get("from").get(0)) : Instant.EPOCH;
      to = params.containsKey("to") ? Instant.parse(params.get("to").get(0)) : Instant.now().plusSeconds(1);
      limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit").get(0)) : 100;
    } catch (DateTimeParseException | NumberFormatException e) {
      ErrorResponses.send(ctx, ErrorCode.BAD_REQUEST,
          "from and to must be ISO-8601 instants (2026-11-23T10:00:00Z) and limit a whole number.");
      return;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      ErrorResponses.send(ctx, ErrorCode.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT + '.');
      return;
    }
    String cursor = params.containsKey("cursor") ? params.get("cursor").get(0) : null;
    audit.read(principal.org(), from, to, cursor, limit).whenCompleteAsync((page, error) -> {
      if (error != null) {
        ErrorResponses.send(ctx, ErrorCode.SERVICE_UNAVAILABLE, "The audit trail cannot be read right now. Try again.");
        return;
      }
      AuditSink.Page shown = !detectionsOnly ? page : new AuditSink.Page(
          page.events().stream().filter(e -> !e.detections().isEmpty()).toList(), page.nextCursor());
      ctx.writeAndFlush(ErrorResponses.json(ctx, HttpResponseStatus.OK, body(shown)));
    }, ctx.executor());
  }

  private static String body(AuditSink.Page page) {
    try {
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("data", page.events());
      body.put("next_cursor", page.nextCursor()); // null on the last page
      return io.takumo.aegis.proxy.audit.JsonlAuditSink.json().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("audit page to JSON", e);
    }
  }
}
