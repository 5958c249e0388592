package io.takumo.aegis.proxy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AuditLogTest {
  static AuditEvent event(int i) {
    return new AuditEvent(Instant.now(), "req_" + i, "org", "tk_test_abcd", "anthropic", "POST", "/v1/messages", 200,
        0.1, 1.0, 10, 20, List.of(), 0, 0, List.of());
  }

  @Test
  void aFullQueueDropsAndCountsWithoutEverBlocking() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<AuditEvent> written = new ArrayList<>();
    AuditSink stuck = new AuditSink() {
      @Override
      public void write(List<AuditEvent> batch) {
        try {
          release.await(); // a sink that hangs: the database is slow
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        synchronized (written) {
          written.addAll(batch);
        }
      }

      @Override
      public Page read(String org, Instant from, Instant to, @Nullable String cursor, int limit) {
        return new Page(List.of(), null);
      }
    };
    try (AuditLog log = new AuditLog(stuck, 10)) {
      for (int i = 0; i < 100; i++) {
        log.record(event(i)); // returns at once even though the sink is stuck
      }
      assertThat(log.discarded()).isBetween(79L, 90L); // 10 queued, up to 11 taken by the stuck writer
      release.countDown();
      log.flush();
      assertThat(log.written() + log.discarded()).isEqualTo(100);
      synchronized (written) {
        assertThat(written).hasSize((int) log.written());
      }
    }
  }
}
