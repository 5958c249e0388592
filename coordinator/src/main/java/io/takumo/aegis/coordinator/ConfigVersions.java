package io.takumo.aegis.coordinator;

import com.google.protobuf.InvalidProtocolBufferException;
import io.takumo.aegis.proto.config.v1.Config;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The fleet's config history. A version is the operator's document plus the API key revocations
 * fanned out with it; {@link #current()} is what gateways are pushed. Writers (the {@code config set}
 * command, the coordinator noticing a revocation) serialize on a transaction-scoped advisory lock,
 * so versions are dense and strictly increasing. Thread-safe; blocking (JDBC).
 */
public final class ConfigVersions {
  /** Channel of the NOTIFY sent when a version is added. */
  static final String CHANGED = "takumo_coordinator";
  /** How long a revoked API key stays in the pushed snapshot: key stores expire cached keys far sooner. */
  static final String REVOCATION_WINDOW = "1 day";
  private static final long LOCK = 0x74616b756d6fL; // "takumo"

  private final DataSource db;

  public ConfigVersions(DataSource db) {
    this.db = db;
  }

  /** A version to push: the document with the fanned-out revocations merged into it. */
  public record Version(long version, Config config, String reason, Instant createdAt) {}

  /** Stores {@code document} as the next version (keeping the current revocations) and tells the coordinator. */
  public long set(Config document, String reason) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        lock(c);
        Version cur = latest(c);
        Set<String> revoked = cur == null ? Set.of() : fannedOut(c, cur.version());
        long v = insert(c, document, revoked, reason);
        c.commit();
        return v;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** The newest version, creating version 1 (an empty config) in an empty history. */
  public Version current() throws SQLException {
    try (Connection c = db.getConnection()) {
      Version v = latest(c);
      if (v != null) {
        return v;
      }
    }
    set(Config.getDefaultInstance(), "initial empty config");
    try (Connection c = db.getConnection()) {
      Version v = latest(c);
      if (v == null) {
        throw new IllegalStateException("no config version after creating one");
      }
      return v;
    }
  }

  /**
   * Adds a version when API keys were revoked (in this database's {@code api_keys}, within the
   * revocation window) that the current version does not carry yet; returns whether it did.
   */
  public boolean fanOutRevocations() throws SQLException {
    try (Connection c = db.getConnection()) {
      Set<String> recent = recentlyRevoked(c);
      Version cur = latest(c);
      if (cur == null || fannedOut(c, cur.version()).containsAll(recent)) {
        return false;
      }
      c.setAutoCommit(false);
      try {
        lock(c);
        Version locked = latest(c);
        Set<String> have = locked == null ? Set.of() : fannedOut(c, locked.version());
        if (locked == null || have.containsAll(recent)) {
          c.rollback();
          return false;
        }
        Set<String> merged = new TreeSet<>(have);
        merged.addAll(recent);
        insert(c, document(c, locked.version()), merged, "API key revoked");
        c.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static void lock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      ps.setLong(1, LOCK);
      ps.execute();
    }
  }

  private static long insert(Connection c, Config document, Set<String> revoked, String reason) throws SQLException {
    long v;
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO coordinator_config_versions (version, document, revoked, reason) "
            + "SELECT coalesce(max(version), 0) + 1, ?, ?, ? FROM coordinator_config_versions RETURNING version")) {
      ps.setBytes(1, document.toByteArray());
      ps.setArray(2, c.createArrayOf("text", revoked.toArray()));
      ps.setString(3, reason);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        v = rs.getLong(1);
      }
    }
    try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, CHANGED);
      notify.setString(2, "config");
      notify.execute();
    }
    return v;
  }

  private static @Nullable Version latest(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT version, document, revoked, reason, created_at "
        + "FROM coordinator_config_versions ORDER BY version DESC LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? read(rs) : null;
    }
  }

  private static Set<String> fannedOut(Connection c, long version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT revoked FROM coordinator_config_versions WHERE version = ?")) {
      ps.setLong(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return strings(rs.getArray(1));
      }
    }
  }

  private static Config document(Connection c, long version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT document FROM coordinator_config_versions WHERE version = ?")) {
      ps.setLong(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return parse(rs.getBytes(1));
      }
    }
  }

  /** SHA-256 hex of keys revoked recently in the gateways' key store, if it lives in this schema. */
  private static Set<String> recentlyRevoked(Connection c) throws SQLException {
    try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass('api_keys') IS NOT NULL "
        + "AND EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
        + "AND table_name = 'api_keys' AND column_name = 'status_changed_at')");
        ResultSet rs = exists.executeQuery()) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return Set.of();
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT encode(key_hash, 'hex') FROM api_keys WHERE status = 'revoked' "
        + "AND status_changed_at > now() - interval '" + REVOCATION_WINDOW + "'");
        ResultSet rs = ps.executeQuery()) {
      Set<String> out = new TreeSet<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  private static Version read(ResultSet rs) throws SQLException {
    Config document = parse(rs.getBytes(2));
    Set<String> merged = new LinkedHashSet<>(document.getRevokedKeyHashesList());
    merged.addAll(strings(rs.getArray(3)));
    Config pushed = document.toBuilder().clearRevokedKeyHashes().addAllRevokedKeyHashes(merged).build();
    return new Version(rs.getLong(1), pushed, rs.getString(4), rs.getTimestamp(5).toInstant());
  }

  private static Set<String> strings(Array array) throws SQLException {
    Set<String> out = new TreeSet<>();
    for (Object o : (Object[]) array.getArray()) {
      out.add((String) o);
    }
    return out;
  }

  private static Config parse(byte[] bytes) {
    try {
      return Config.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a stored config version does not parse", e);
    }
  }
}
