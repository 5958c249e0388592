package io.takumo.aegis.proxy.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.takumo.aegis.proxy.auth.Principal;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per exchange on the {@code aegis.access} logger. What it holds is chosen so that no
 * secret can reach it: the route's path (never the query string, never an unknown path), the key's
 * prefix only, sizes but no bodies, no header values.
 */
public final class AccessLog {
  private static final Logger log = LoggerFactory.getLogger("aegis.access");
  private static final JsonFactory JSON = new JsonFactory();

  private AccessLog() {}

  /**
   * One line per forward-proxy tunnel (SPEC §10), when it ends: where it went, how, its outcome and bytes
   * each way; never a body or a key.
   *
   * @param mode {@code intercept}, {@code passthrough}, {@code own} or {@code refused}
   */
  public static void tunnel(String mode, String target, int status, long bytesIn, long bytesOut, long nanos,
      @org.jspecify.annotations.Nullable String keyPrefix, String client) {
    line(g -> {
      g.writeStringField("method", "CONNECT");
      g.writeStringField("tunnel", target);
      g.writeStringField("mode", mode);
      g.writeNumberField("status", status);
      g.writeNumberField("duration_ms", nanos / 1_000_000.0);
      g.writeNumberField("bytes_in", bytesIn);
      g.writeNumberField("bytes_out", bytesOut);
      g.writeStringField("key_prefix", keyPrefix);
      g.writeStringField("client", client);
    });
  }

  static void write(RequestContext context, ClientProtocol protocol, int status, long totalNanos, String client) {
    line(g -> {
      g.writeStringField("request_id", context.requestId());
      g.writeStringField("protocol", protocol.label());
      g.writeStringField("method", context.request().method().name());
      g.writeStringField("route", context.route().template()); // never the raw path: it may hold a key
      g.writeNumberField("status", status);
      g.writeStringField("provider", context.provider());
      g.writeNumberField("duration_ms", totalNanos / 1_000_000.0);
      g.writeNumberField("upstream_ms", context.upstreamNanos() / 1_000_000.0);
      g.writeNumberField("bytes_in", context.bytesIn());
      g.writeNumberField("bytes_out", context.bytesOut());
      Principal principal = context.principal();
      g.writeStringField("org", principal == null ? null : principal.org());
      g.writeStringField("key_prefix", principal == null ? null : principal.keyPrefix());
      g.writeStringField("client", client);
    });
  }

  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  /** One JSON object on the access log: its time, then {@code fields}. */
  private static void line(Fields fields) {
    if (!log.isInfoEnabled()) {
      return;
    }
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("ts", Instant.now().toString());
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    log.info("{}", out);
  }
}
