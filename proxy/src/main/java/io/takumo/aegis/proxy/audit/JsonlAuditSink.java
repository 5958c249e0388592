package io.takumo.aegis.proxy.audit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

  /** Without a flush per event: the batch ends with one. */
  private static final ObjectWriter WRITER = JSON.writerFor(AuditEvent.class)
      .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

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
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND), 64 << 10);
        json = JSON.getFactory().createGenerator(out).setRootValueSeparator(null);
      }
      JsonGenerator g = requireNonNull(json);
      for (AuditEvent event : batch) {
        WRITER.writeValue(g, event);
        g.writeRaw('\n');
      }
      g.flush(); // and the stream under it
    } catch (IOException e) {
      close(); // reopened by the next batch
      throw new UncheckedIOException("writing audit file " + file, e);
    }
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
