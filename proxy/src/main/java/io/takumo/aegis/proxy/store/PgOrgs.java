package io.takumo.aegis.proxy.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.takumo.aegis.proxy.auth.OrgSettings;
import io.takumo.aegis.proxy.route.Provider;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Organizations' settings in PostgreSQL: plan, provider keys and token key, the secrets sealed by
 * {@link SealedColumns}. Reads run on the database executor (through {@link PgKeyStore}); the
 * administration calls block and are for the CLI. Without an encryption key the gateway reads plans
 * only and serves with its own provider keys and token key (logged once). Thread-safe.
 */
public final class PgOrgs {
  private static final Logger log = LoggerFactory.getLogger(PgOrgs.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROVIDER_KEYS = "provider_keys";
  private static final String TOKEN_KEY = "token_key";

  private final Database db;
  private final @Nullable SealedColumns sealing;
  private volatile boolean warnedNoKey;

  public PgOrgs(Database db, @Nullable SealedColumns sealing) {
    this.db = requireNonNull(db, "db");
    this.sealing = sealing;
  }

  /** The settings of {@code org}; {@link OrgSettings#DEFAULT} when it has none. Blocks. */
  OrgSettings settings(String org) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT plan, provider_keys, token_key FROM organizations WHERE id = ?")) {
      ps.setString(1, org);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return OrgSettings.DEFAULT;
        }
        byte[] sealedKeys = rs.getBytes(PROVIDER_KEYS);
        byte[] sealedToken = rs.getBytes(TOKEN_KEY);
        SealedColumns s = sealing;
        if (s == null) {
          if ((sealedKeys != null || sealedToken != null) && !warnedNoKey) {
            warnedNoKey = true;
            log.warn("organization {} has provider or token keys, but TAKUMO_ENCRYPTION_KEY is not set: the gateway's "
                + "own keys are used instead", org);
          }
          return new OrgSettings(rs.getString("plan"), Map.of(), null);
        }
        Map<Provider, String> keys = sealedKeys == null ? Map.of() : providerKeys(s.open(org, PROVIDER_KEYS, sealedKeys));
        byte[] token = sealedToken == null ? null : s.open(org, TOKEN_KEY, sealedToken);
        try {
          return new OrgSettings(rs.getString("plan"), keys, token);
        } finally {
          if (token != null) {
            Arrays.fill(token, (byte) 0);
          }
        }
      }
    } catch (SQLException e) {
      throw new PgKeyStore.StoreException("reading organization settings", e);
    }
  }

  /** Sets {@code org}'s plan (creating the organization if new). */
  public void setPlan(String org, String plan) {
    update(org, "plan = ?", ps -> ps.setString(1, plan));
  }

  /** Stores {@code key} as {@code org}'s key for {@code provider}, sealed; null removes it. */
  public void setProviderKey(String org, Provider provider, @Nullable String key) {
    SealedColumns s = requireSealing();
    Map<Provider, String> keys = new EnumMap<>(Provider.class);
    keys.putAll(settings(org).providerKeys());
    if (key == null) {
      keys.remove(provider);
    } else {
      keys.put(provider, key);
    }
    Map<String, String> byId = new LinkedHashMap<>();
    keys.forEach((p, k) -> byId.put(p.id(), k));
    byte[] clear;
    try {
      clear = JSON.writeValueAsBytes(byId);
    } catch (IOException e) {
      throw new IllegalStateException("JSON to memory", e);
    }
    byte[] sealed = s.seal(org, PROVIDER_KEYS, clear);
    Arrays.fill(clear, (byte) 0);
    update(org, PROVIDER_KEYS + " = ?", ps -> ps.setBytes(1, sealed));
  }

  /** Gives {@code org} a new random token key (its tokens change from now on). */
  public void rotateTokenKey(String org) {
    SealedColumns s = requireSealing();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    byte[] sealed = s.seal(org, TOKEN_KEY, key);
    Arrays.fill(key, (byte) 0);
    update(org, TOKEN_KEY + " = ?", ps -> ps.setBytes(1, sealed));
  }

  private SealedColumns requireSealing() {
    if (sealing == null) {
      throw new IllegalStateException("TAKUMO_ENCRYPTION_KEY is not set: provider and token keys are only stored "
          + "encrypted; set it to 32 random bytes (hex or base64) on the CLI and every gateway");
    }
    return sealing;
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private void update(String org, String assignment, Binder binder) {
    try (Connection c = db.dataSource().getConnection()) {
      try (PreparedStatement create = c.prepareStatement(
          "INSERT INTO organizations (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")) {
        create.setString(1, org);
        create.setString(2, org);
        create.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE organizations SET " + assignment + " WHERE id = ?")) {
        binder.bind(ps);
        ps.setString(2, org);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new PgKeyStore.StoreException("updating organization " + org, e);
    }
  }

  private static Map<Provider, String> providerKeys(byte[] clear) {
    try {
      Map<String, String> byId = JSON.readValue(clear, new TypeReference<Map<String, String>>() {});
      Map<Provider, String> out = new EnumMap<>(Provider.class);
      byId.forEach((id, key) -> out.put(Provider.parse(id), key));
      return out;
    } catch (IOException | IllegalArgumentException e) {
      throw PgKeyStore.StoreException.of("organizations.provider_keys does not hold provider keys");
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }
}
