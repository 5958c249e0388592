package io.takumo.aegis.proxy.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Audit logs for tests: one that keeps nothing, one that keeps its events in a list. */
public final class AuditLogs {
  private AuditLogs() {}

  /** An audit log whose sink adds every event to {@code events} (read it after {@link AuditLog#flush()}). */
  public static AuditLog into(List<AuditEvent> events) {
    return new AuditLog(new AuditSink() {
      @Override
      public void write(List<AuditEvent> batch) {
        synchronized (events) {
          events.addAll(batch);
        }
      }

      @Override
      public Page read(String org, Instant from, Instant to, @Nullable String cursor, int limit) {
        return new Page(List.of(), null);
      }
    }, 16);
  }

  /** An audit log whose sink keeps nothing. */
  public static AuditLog discarding() {
    return new AuditLog(new AuditSink() {
      @Override
      public void write(List<AuditEvent> batch) {}

      @Override
      public Page read(String org, Instant from, Instant to, @Nullable String cursor, int limit) {
        return new Page(List.of(), null);
      }
    }, 16);
  }
}
