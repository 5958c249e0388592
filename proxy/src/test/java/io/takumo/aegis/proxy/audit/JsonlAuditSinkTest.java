package io.takumo.aegis.proxy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-listed audit line is the one databind writes for the record, and reads back equal. */
class JsonlAuditSinkTest {
  private static final List<AuditEvent> EVENTS = List.of(
      new AuditEvent(Instant.parse("2026-12-02T03:50:28.765506116Z"), "req_1", "org \"quoted\" ü", null, "anthropic",
          "POST", "/v1/messages", 200, 0.002345, 2230.8, 3901, 12724,
          List.of(new AuditEvent.Detection("key", "aws-access-key", "request.body", 2),
              new AuditEvent.Detection("password", "context", "request.body", 1)),
          3, 1, List.of("warn:no-keys", "redact")),
      new AuditEvent(Instant.parse("2026-12-02T00:00:00Z"), "req_2", "org", "tk_test_f15e", "openai", "GET",
          "/v1/models", 503, 0, 0, 0, 0, List.of(), 0, 0, List.of()));

  @Test
  void writesWhatDatabindWrites() throws Exception {
    for (AuditEvent event : EVENTS) {
      StringWriter text = new StringWriter();
      try (JsonGenerator g = JsonlAuditSink.JSON.getFactory().createGenerator(text)) {
        JsonlAuditSink.write(g, event);
      }
      assertThat(text.toString()).isEqualTo(JsonlAuditSink.JSON.writeValueAsString(event));
      assertThat(JsonlAuditSink.JSON.readValue(text.toString(), AuditEvent.class)).isEqualTo(event);
    }
  }

  @Test
  void oneLinePerEventAcrossBatches(@TempDir Path dir) throws Exception {
    JsonlAuditSink sink = new JsonlAuditSink(dir.resolve("audit.jsonl"));
    sink.write(EVENTS);
    sink.write(EVENTS.subList(0, 1));
    sink.close();
    List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"));
    assertThat(lines).hasSize(3);
    assertThat(JsonlAuditSink.JSON.readValue(lines.get(2), AuditEvent.class)).isEqualTo(EVENTS.get(0));
  }

  @Test
  void theFileIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    Path created = dir.resolve("new/audit.jsonl");
    Path existing = Files.createFile(dir.resolve("old.jsonl"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
    for (Path file : List.of(created, existing)) {
      JsonlAuditSink sink = new JsonlAuditSink(file);
      sink.write(EVENTS);
      sink.close();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
  }
}
