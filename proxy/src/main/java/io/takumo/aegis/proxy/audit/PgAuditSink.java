package io.takumo.aegis.proxy.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import io.takumo.aegis.proxy.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Audit events in PostgreSQL ({@code audit_events}), inserted in batches; the cursor is the row id. */
public final class PgAuditSink implements AuditSink {
  private static final TypeReference<List<AuditEvent.Detection>> DETECTIONS = new TypeReference<>() {};

  private final Database db;

  public PgAuditSink(Database db) {
    this.db = db;
  }

  @Override
  public void write(List<AuditEvent> batch) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (at, request_id, org_id, key_prefix,"
            + " provider, method, route, status, added_ms, upstream_ms, bytes_in, bytes_out, detections,"
            + " tokens_rehydrated, unknown_tokens, actions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
      for (AuditEvent e : batch) {
        ps.setTimestamp(1, Timestamp.from(e.at()));
        ps.setString(2, e.requestId());
        ps.setString(3, e.org());
        ps.setString(4, e.keyPrefix());
        ps.setString(5, e.provider());
        ps.setString(6, e.method());
        ps.setString(7, e.route());
        ps.setInt(8, e.status());
        ps.setDouble(9, e.addedLatencyMs());
        ps.setDouble(10, e.upstreamLatencyMs());
        ps.setLong(11, e.bytesIn());
        ps.setLong(12, e.bytesOut());
        ps.setString(13, JsonlAuditSink.JSON.writeValueAsString(e.detections()));
        ps.setInt(14, e.tokensRehydrated());
        ps.setInt(15, e.unknownTokens());
        ps.setArray(16, c.createArrayOf("text", e.actions().toArray()));
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("inserting " + batch.size() + " audit event(s): " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Page read(String org, Instant from, Instant to, @Nullable String cursor, int limit) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_events WHERE org_id = ? AND at >= ? AND at < ?"
            + " AND id < ? ORDER BY id DESC LIMIT ?")) {
      ps.setString(1, org);
      ps.setTimestamp(2, Timestamp.from(from));
      ps.setTimestamp(3, Timestamp.from(to));
      ps.setLong(4, cursor == null ? Long.MAX_VALUE : Long.parseLong(cursor));
      ps.setInt(5, limit);
      List<AuditEvent> events = new ArrayList<>();
      long lastId = -1;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lastId = rs.getLong("id");
          Object[] actions = (Object[]) rs.getArray("actions").getArray();
          List<String> actionList = new ArrayList<>();
          for (Object a : actions) {
            actionList.add((String) a);
          }
          events.add(new AuditEvent(rs.getTimestamp("at").toInstant(), rs.getString("request_id"), rs.getString("org_id"),
              rs.getString("key_prefix"), rs.getString("provider"), rs.getString("method"), rs.getString("route"),
              rs.getInt("status"), rs.getDouble("added_ms"), rs.getDouble("upstream_ms"), rs.getLong("bytes_in"),
              rs.getLong("bytes_out"), JsonlAuditSink.JSON.readValue(rs.getString("detections"), DETECTIONS),
              rs.getInt("tokens_rehydrated"), rs.getInt("unknown_tokens"), actionList));
        }
      }
      return new Page(events, events.size() == limit ? Long.toString(lastId) : null);
    } catch (SQLException e) {
      throw new IllegalStateException("reading audit events: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
