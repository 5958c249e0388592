package io.takumo.aegis.proxy.audit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The development audit sink: one JSON object per line, appended. Reads scan the file (fine for a
 * developer's trail; production uses PostgreSQL); the cursor is the line number to continue before.
 */
public final class JsonlAuditSink implements AuditSink {
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path file;
  /** Opened on the first batch and kept open: one write and flush per batch, not an open per batch. */
  private @Nullable OutputStream out;
  /** Writes into {@code out}; one generator for every event of every batch, not one per event. */
  private @Nullable JsonGenerator json;

  /** The JSON mapper audit events are written with (ISO timestamps). */
  public static ObjectMapper json() {
    return JSON;
  }

  public JsonlAuditSink(Path file) {
    this.file = file;
  }

  @Override
  public synchronized void write(List<AuditEvent> batch) {
    try {
      if (out == null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ownerOnly(file);
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND), 64 << 10);
        json = JSON.getFactory().createGenerator(out).setRootValueSeparator(null);
      }
      JsonGenerator g = requireNonNull(json);
      for (AuditEvent event : batch) {
        write(g, event);
        g.writeRaw('\n');
      }
      g.flush(); // and the stream under it
    } catch (IOException e) {
      close(); // reopened by the next batch
      throw new UncheckedIOException("writing audit file " + file, e);
    }
  }

  /**
   * Creates the file readable by its owner only (0600), or tightens an existing one: audit lines
   * name organizations, key prefixes and routes, which other local users have no business reading.
   */
  private static void ownerOnly(Path file) throws IOException {
    try {
      if (Files.notExists(file)) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
    } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
      // Not a POSIX file system (the platform's ACLs apply), or created meanwhile: opened below as it is.
    }
  }

  /**
   * One event as the JSON object databind would write for it (same fields, order and formats; the
   * mapper reads it back), field by field with Jackson's streaming API: databind's reflective
   * record serializer was most of the audit writer thread's CPU, one line per request.
   */
  static void write(JsonGenerator g, AuditEvent e) throws IOException {
    g.writeStartObject();
    g.writeStringField("at", e.at().toString()); // ISO-8601, as JavaTimeModule writes an Instant
    g.writeStringField("requestId", e.requestId());
    g.writeStringField("org", e.org());
    g.writeStringField("keyPrefix", e.keyPrefix());
    g.writeStringField("provider", e.provider());
    g.writeStringField("method", e.method());
    g.writeStringField("route", e.route());
    g.writeNumberField("status", e.status());
    g.writeNumberField("addedLatencyMs", e.addedLatencyMs());
    g.writeNumberField("upstreamLatencyMs", e.upstreamLatencyMs());
    g.writeNumberField("bytesIn", e.bytesIn());
    g.writeNumberField("bytesOut", e.bytesOut());
    g.writeArrayFieldStart("detections");
    for (AuditEvent.Detection d : e.detections()) {
      g.writeStartObject();
      g.writeStringField("category", d.category());
      g.writeStringField("type", d.type());
      g.writeStringField("location", d.location());
      g.writeNumberField("count", d.count());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("tokensRehydrated", e.tokensRehydrated());
    g.writeNumberField("unknownTokens", e.unknownTokens());
    g.writeArrayFieldStart("actions");
    for (String action : e.actions()) {
      g.writeString(action);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  @Override
  public synchronized void close() {
    json = null; // writes only into out
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        // nothing left to do with a file that cannot be closed; the next batch opens it again
      }
      out = null;
    }
  }

  @Override
  public synchronized Page read(String org, Instant from, Instant to, @Nullable String cursor, int limit) {
    if (!Files.exists(file)) {
      return new Page(List.of(), null);
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      int before = cursor == null ? lines.size() : Math.min(lines.size(), Integer.parseInt(cursor));
      List<AuditEvent> out = new ArrayList<>();
      int i = before - 1;
      for (; i >= 0 && out.size() < limit; i--) {
        AuditEvent event = JSON.readValue(lines.get(i), AuditEvent.class);
        if (event.org().equals(org) && !event.at().isBefore(from) && event.at().isBefore(to)) {
          out.add(event);
        }
      }
      return new Page(out, out.size() == limit && i >= 0 ? Integer.toString(i + 1) : null);
    } catch (IOException e) {
      throw new UncheckedIOException("reading audit file " + file, e);
    }
  }
}
