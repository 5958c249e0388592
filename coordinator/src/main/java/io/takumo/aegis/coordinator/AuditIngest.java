package io.takumo.aegis.coordinator;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.takumo.aegis.proto.coordinator.v1.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stores the audit events gateways ship. Gateways ship at least once, so an event already stored
 * (same request id) is skipped. Events hold metadata only (SPEC.md §12): never values or bodies.
 */
public final class AuditIngest {
  private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace()
      .preservingProtoFieldNames();
  private final DataSource db;

  public AuditIngest(DataSource db) {
    this.db = db;
  }

  /** Stores a batch in one transaction; returns how many were new. */
  public int store(String instanceId, List<AuditEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return 0;
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO coordinator_audit_events "
            + "(request_id, instance_id, org_id, at, event) VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING")) {
      c.setAutoCommit(false);
      for (AuditEvent e : events) {
        ps.setString(1, e.getRequestId());
        ps.setString(2, instanceId);
        ps.setString(3, e.getOrgId());
        ps.setTimestamp(4, Timestamp.from(Instant.ofEpochSecond(e.getAt().getSeconds(), e.getAt().getNanos())));
        ps.setString(5, json(e));
        ps.addBatch();
      }
      int added = 0;
      for (int n : ps.executeBatch()) {
        added += Math.max(n, 0);
      }
      c.commit();
      return added;
    }
  }

  static String json(com.google.protobuf.MessageOrBuilder message) {
    try {
      return JSON.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
