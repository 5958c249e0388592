package io.takumo.aegis.coordinator;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The gateways that joined the fleet and what each last said. Thread-safe; blocking (JDBC).
 *
 * <p>A gateway is {@link State#CONNECTED} while its config stream is open and it reported within
 * the stale period (SPEC.md §11: 90 s), {@link State#STALE} when the stream is open but the reports
 * stopped, {@link State#DISCONNECTED} when the stream is closed.
 */
public final class FleetRegistry {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS = "instance_id, join_key_id, hostname, version, registered_at, connected, "
      + "connected_at, disconnected_at, last_report_at, acked_version, nack_version, nack_error, nack_at, audit_dropped, "
      + "now()";

  private final DataSource db;
  private final Duration staleAfter;

  public FleetRegistry(DataSource db, Duration staleAfter) {
    this.db = db;
    this.staleAfter = staleAfter;
  }

  public enum State {
    CONNECTED, STALE, DISCONNECTED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What {@code fleet list} shows of one gateway. */
  public record Gateway(String instanceId, String joinKeyId, String hostname, String version, State state,
      Instant registeredAt, @Nullable Instant lastReportAt, long ackedVersion, @Nullable Long nackVersion,
      @Nullable String nackError, long auditDropped) {}

  /**
   * The instance id for a gateway: the one it asks for if that gateway joined with the same key
   * before, otherwise a new one.
   */
  public String register(String joinKeyId, String requested, String hostname, String version) throws SQLException {
    try (Connection c = db.getConnection()) {
      if (!requested.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE coordinator_gateways SET hostname = ?, version = ? "
            + "WHERE instance_id = ? AND join_key_id = ?")) {
          ps.setString(1, hostname);
          ps.setString(2, version);
          ps.setString(3, requested);
          ps.setString(4, joinKeyId);
          if (ps.executeUpdate() == 1) {
            return requested;
          }
        }
      }
      byte[] random = new byte[8];
      RANDOM.nextBytes(random);
      String id = "gw_" + HexFormat.of().formatHex(random);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO coordinator_gateways "
          + "(instance_id, join_key_id, hostname, version) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, id);
        ps.setString(2, joinKeyId);
        ps.setString(3, hostname);
        ps.setString(4, version);
        ps.executeUpdate();
      }
      return id;
    }
  }

  /** The join key the gateway registered with, or null if it never did. */
  public @Nullable String joinKeyOf(String instanceId) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT join_key_id FROM coordinator_gateways WHERE instance_id = ?")) {
      ps.setString(1, instanceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  public void connected(String instanceId) throws SQLException {
    update("UPDATE coordinator_gateways SET connected = true, connected_at = now(), last_report_at = now() "
        + "WHERE instance_id = ?", instanceId);
  }

  public void disconnected(String instanceId) throws SQLException {
    update("UPDATE coordinator_gateways SET connected = false, disconnected_at = now() WHERE instance_id = ?", instanceId);
  }

  public void acked(String instanceId, long version) throws SQLException {
    update("UPDATE coordinator_gateways SET acked_version = ? WHERE instance_id = ?", version, instanceId);
  }

  public void nacked(String instanceId, long acked, long refused, String error) throws SQLException {
    update("UPDATE coordinator_gateways SET acked_version = ?, nack_version = ?, nack_error = ?, nack_at = now() "
        + "WHERE instance_id = ?", acked, refused, error.length() > 2000 ? error.substring(0, 2000) : error, instanceId);
  }

  /** A health report arrived: {@code health} is the report as JSON (it holds no secret). */
  public void reported(String instanceId, String health) throws SQLException {
    update("UPDATE coordinator_gateways SET last_report_at = now(), health = ?::jsonb WHERE instance_id = ?", health,
        instanceId);
  }

  public void auditDropped(String instanceId, long dropped) throws SQLException {
    update("UPDATE coordinator_gateways SET audit_dropped = audit_dropped + ? WHERE instance_id = ?", dropped, instanceId);
  }

  /**
   * Marks every gateway disconnected (at start: no stream survives a coordinator restart); returns how
   * many were connected, the fleet a restarted coordinator expects back.
   */
  public int disconnectAll() throws SQLException {
    return update("UPDATE coordinator_gateways SET connected = false, disconnected_at = now() WHERE connected");
  }

  public List<Gateway> list() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM coordinator_gateways ORDER BY registered_at");
        ResultSet rs = ps.executeQuery()) {
      List<Gateway> out = new ArrayList<>();
      while (rs.next()) {
        Instant now = rs.getTimestamp(15).toInstant();
        Instant lastReport = instant(rs.getTimestamp(9));
        State state = !rs.getBoolean(6) ? State.DISCONNECTED
            : lastReport == null || lastReport.plus(staleAfter).isBefore(now) ? State.STALE : State.CONNECTED;
        long nack = rs.getLong(11);
        Long nackVersion = rs.wasNull() ? null : nack;
        out.add(new Gateway(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), state,
            rs.getTimestamp(5).toInstant(), lastReport, rs.getLong(10), nackVersion, rs.getString(12), rs.getLong(14)));
      }
      return out;
    }
  }

  private int update(String sql, Object... params) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
