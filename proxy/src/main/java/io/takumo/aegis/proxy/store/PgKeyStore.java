package io.takumo.aegis.proxy.store;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.ApiKeys;
import io.takumo.aegis.proxy.auth.KeyAdmin;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.KeyStore;
import io.takumo.aegis.proxy.auth.OrgSettings;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * API keys in PostgreSQL (SPEC §7): looked up by SHA-256 on the database executor. Administration
 * calls ({@link #create}, {@link #list}, {@link #setStatus}) block and are for the CLI.
 * {@code last_used_at} is written in batches by {@link #flushLastUsed}, not once per request.
 * Thread-safe.
 */
public final class PgKeyStore implements KeyStore, KeyAdmin {
  private static final HexFormat HEX = HexFormat.of();
  private static final String COLUMNS =
      "id, org_id, name, prefix, key_hash, environment, scopes, status, expires_at, created_at";

  private final Database db;
  private final PgOrgs orgs;
  private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();
  /** What the last probe found wrong, or null when the database answered. */
  private volatile @Nullable String unavailable;

  public PgKeyStore(Database db) {
    this(db, new PgOrgs(db, null));
  }

  public PgKeyStore(Database db, PgOrgs orgs) {
    this.db = requireNonNull(db, "db");
    this.orgs = requireNonNull(orgs, "orgs");
  }

  @Override
  public CompletionStage<OrgSettings> orgSettings(String org) {
    try {
      return CompletableFuture.supplyAsync(() -> orgs.settings(org), db.executor());
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public String location() {
    return "PostgreSQL";
  }

  @Override
  public @Nullable String unavailable() {
    return unavailable;
  }

  /** {@code SELECT 1} within 2 s: whether a key never seen could be looked up now. */
  @Override
  public void probe() {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement("SELECT 1")) {
      s.setQueryTimeout(2);
      s.executeQuery().close();
      unavailable = null;
    } catch (SQLException | RuntimeException e) {
      unavailable = "the key store (PostgreSQL) does not answer, so keys this gateway has not seen yet cannot be "
          + "checked";
    }
  }

  @Override
  public CompletionStage<Optional<ApiKeyRecord>> findBySha256(byte[] sha256) {
    try {
      return CompletableFuture.supplyAsync(() -> query(sha256), db.executor());
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(e); // overloaded: the caller answers 503
    }
  }

  @Override
  public void recordUse(ApiKeyRecord key) {
    lastUsed.put(key.sha256Hex(), Instant.now());
  }

  /** Writes the batched {@code last_used_at} values; returns how many keys it updated. */
  public int flushLastUsed() {
    if (lastUsed.isEmpty()) {
      return 0;
    }
    List<Map.Entry<String, Instant>> batch = new ArrayList<>(lastUsed.entrySet());
    batch.forEach(e -> lastUsed.remove(e.getKey(), e.getValue()));
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE api_keys SET last_used_at = GREATEST(COALESCE(last_used_at, ?), ?) WHERE key_hash = ?")) {
      for (Map.Entry<String, Instant> e : batch) {
        Timestamp at = Timestamp.from(e.getValue());
        ps.setTimestamp(1, at);
        ps.setTimestamp(2, at);
        ps.setBytes(3, HEX.parseHex(e.getKey()));
        ps.addBatch();
      }
      ps.executeBatch();
      return batch.size();
    } catch (SQLException e) {
      batch.forEach(entry -> lastUsed.merge(entry.getKey(), entry.getValue(), (a, b) -> a.isAfter(b) ? a : b));
      throw new StoreException("writing last_used_at", e);
    }
  }

  /** Creates a key (and its organization if new); returns the raw key, the only time it exists. */
  @Override
  public String create(String name, String org, KeyEnvironment environment, Set<Scope> scopes, @Nullable Instant expiresAt) {
    String raw = ApiKeys.generate(environment);
    byte[] hash = ApiKeys.sha256(raw);
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement o = c.prepareStatement(
              "INSERT INTO organizations (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING");
          PreparedStatement k = c.prepareStatement("INSERT INTO api_keys (id, org_id, name, prefix, key_hash,"
              + " environment, scopes, status, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?)")) {
        o.setString(1, org);
        o.setString(2, org);
        o.executeUpdate();
        k.setString(1, "key_" + HEX.formatHex(hash).substring(0, 12));
        k.setString(2, org);
        k.setString(3, name);
        k.setString(4, ApiKeys.prefix(raw));
        k.setBytes(5, hash);
        k.setString(6, environment.wireName());
        k.setArray(7, c.createArrayOf("text", scopes.stream().map(Scope::wireName).sorted().toArray()));
        k.setTimestamp(8, expiresAt == null ? null : Timestamp.from(expiresAt));
        k.executeUpdate();
        c.commit();
      }
      return raw;
    } catch (SQLException e) {
      throw new StoreException("creating a key", e);
    }
  }

  @Override
  public List<ApiKeyRecord> list() {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at");
        ResultSet rs = ps.executeQuery()) {
      List<ApiKeyRecord> out = new ArrayList<>();
      while (rs.next()) {
        out.add(record(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("listing keys", e);
    }
  }

  @Override
  public ApiKeyRecord setStatus(String idOrPrefix, KeyStatus status) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET status = ?, status_changed_at = now() "
            + "WHERE (id = ? OR prefix = ?)"
            + (status == KeyStatus.REVOKED ? "" : " AND status <> 'revoked'") + " RETURNING " + COLUMNS)) {
      ps.setString(1, status.wireName());
      ps.setString(2, idOrPrefix);
      ps.setString(3, idOrPrefix);
      try (ResultSet rs = ps.executeQuery()) {
        List<ApiKeyRecord> changed = new ArrayList<>();
        while (rs.next()) {
          changed.add(record(rs));
        }
        if (changed.size() == 1) {
          // A coordinator sharing this database pushes the revocation to its fleet at once.
          try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify('takumo_api_keys', ?)")) {
            notify.setString(1, changed.get(0).id());
            notify.execute();
          }
        }
        if (changed.size() != 1) {
          throw new IllegalArgumentException("key: " + idOrPrefix + " (expected: the id or prefix of exactly one "
              + (status == KeyStatus.REVOKED ? "" : "non-revoked ") + "key; " + changed.size() + " match)");
        }
        return changed.get(0);
      }
    } catch (SQLException e) {
      throw new StoreException("changing a key's status", e);
    }
  }

  private Optional<ApiKeyRecord> query(byte[] sha256) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?")) {
      ps.setBytes(1, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(record(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("looking up a key", e);
    }
  }

  private static ApiKeyRecord record(ResultSet rs) throws SQLException {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    Array array = rs.getArray("scopes");
    for (Object scope : (Object[]) array.getArray()) {
      scopes.add(Scope.parse((String) scope));
    }
    Timestamp expires = rs.getTimestamp("expires_at");
    return new ApiKeyRecord(rs.getString("id"), rs.getString("org_id"), rs.getString("name"), rs.getString("prefix"),
        HEX.formatHex(rs.getBytes("key_hash")), KeyEnvironment.parse("environment", rs.getString("environment")),
        scopes, KeyStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        expires == null ? null : expires.toInstant(), rs.getTimestamp("created_at").toInstant());
  }

  /** A database failure; its message names the operation, never a key. */
  public static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String operation, SQLException cause) {
      super(operation + " failed: " + cause.getMessage(), cause);
    }

    private StoreException(String message) {
      super(message);
    }

    /** A failure that is not the database's: a value that does not decode, does not open. */
    static StoreException of(String message) {
      return new StoreException(message);
    }
  }
}
