package io.takumo.aegis.proxy.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Audit logs for tests that need one but not its contents. */
public final class AuditLogs {
  private AuditLogs() {}

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
