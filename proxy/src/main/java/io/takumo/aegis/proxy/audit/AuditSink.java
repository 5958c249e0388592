package io.takumo.aegis.proxy.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where audit events are kept. Blocking: called on the audit thread and the audit read executor only. */
public interface AuditSink extends AutoCloseable {
  void write(List<AuditEvent> batch);

  /**
   * An organization's events between {@code from} and {@code to}, newest first, after
   * {@code cursor} (an opaque value from a previous page, or null for the first page).
   */
  Page read(String org, Instant from, Instant to, @Nullable String cursor, int limit);

  @Override
  default void close() {}

  /** A page of events and the cursor of the next one (null at the end). */
  record Page(List<AuditEvent> events, @Nullable String nextCursor) {}
}
