package io.takumo.aegis.coordinator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Join keys ({@code jk_} + 64 hex): created once and shown once, stored as SHA-256, looked up by hash
 * (the database compares the digests; a digest of a guess reveals nothing about the key), revocable.
 * Thread-safe; blocking (JDBC).
 */
public final class JoinKeys {
  /** Channel of the NOTIFY that tells a running coordinator a join key was revoked. */
  static final String CHANGED = "takumo_coordinator";

  private static final SecureRandom RANDOM = new SecureRandom();
  private final DataSource db;

  public JoinKeys(DataSource db) {
    this.db = db;
  }

  /** A new key: the raw value is in the result and nowhere else. */
  public Created create(String name) throws SQLException {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String key = "jk_" + HexFormat.of().formatHex(raw);
    String id = "jkid_" + HexFormat.of().formatHex(random(8));
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO coordinator_join_keys (id, name, prefix, key_hash) VALUES (?, ?, ?, ?) RETURNING created_at")) {
      ps.setString(1, id);
      ps.setString(2, name);
      ps.setString(3, key.substring(0, 11));
      ps.setBytes(4, sha256(key));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Created(new JoinKey(id, name, key.substring(0, 11), "active", rs.getTimestamp(1).toInstant(), null), key);
      }
    }
  }

  public List<JoinKey> list() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT id, name, prefix, status, created_at, revoked_at FROM coordinator_join_keys ORDER BY created_at");
        ResultSet rs = ps.executeQuery()) {
      List<JoinKey> out = new ArrayList<>();
      while (rs.next()) {
        out.add(read(rs));
      }
      return out;
    }
  }

  /** Revokes by id or prefix and tells a running coordinator, which disconnects its gateways at once. */
  public JoinKey revoke(String idOrPrefix) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("UPDATE coordinator_join_keys SET status = 'revoked', "
          + "revoked_at = coalesce(revoked_at, now()) WHERE id = ? OR prefix = ? "
          + "RETURNING id, name, prefix, status, created_at, revoked_at")) {
        ps.setString(1, idOrPrefix);
        ps.setString(2, idOrPrefix);
        List<JoinKey> changed = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            changed.add(read(rs));
          }
        }
        if (changed.size() != 1) {
          c.rollback();
          throw new IllegalArgumentException("join key: " + idOrPrefix + " (expected: the id or prefix of exactly one "
              + "join key; " + changed.size() + " match)");
        }
        try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
          notify.setString(1, CHANGED);
          notify.setString(2, "join_key");
          notify.execute();
        }
        c.commit();
        return changed.get(0);
      }
    }
  }

  /** The id of the active key with this raw value, or empty (unknown, revoked or malformed). */
  public Optional<String> authenticate(String raw) throws SQLException {
    if (!raw.matches("jk_[0-9a-f]{64}")) {
      return Optional.empty();
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT id FROM coordinator_join_keys WHERE key_hash = ? AND status = 'active'")) {
      ps.setBytes(1, sha256(raw));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Which of these key ids are no longer active. */
  public List<String> revokedAmong(java.util.Collection<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT id FROM coordinator_join_keys WHERE id = ANY (?) AND status <> 'active'")) {
      ps.setArray(1, c.createArrayOf("text", ids.toArray()));
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  static byte[] sha256(String raw) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static JoinKey read(ResultSet rs) throws SQLException {
    var revoked = rs.getTimestamp(6);
    return new JoinKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getTimestamp(5).toInstant(), revoked == null ? null : revoked.toInstant());
  }

  /** A join key's record; never its value. */
  public record JoinKey(String id, String name, String prefix, String status, Instant createdAt,
      @Nullable Instant revokedAt) {}

  /** A new key and its raw value, to be shown once. */
  public record Created(JoinKey key, String raw) {
    @Override
    public String toString() {
      return "Created[" + key + ']';
    }
  }
}
