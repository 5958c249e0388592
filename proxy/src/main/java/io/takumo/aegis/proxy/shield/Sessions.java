package io.takumo.aegis.proxy.shield;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.takumo.aegis.shield.Vault;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * REST sessions (SPEC §3): a session id names an in-memory vault owned by the API key that created
 * it, dropped after an idle TTL, bounded in count; a vault is zeroed when its session expires, is
 * evicted, or is deleted. Thread-safe.
 */
public final class Sessions implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A session: its vault and the id of the key that owns it. */
  public record Session(String id, String ownerKeyId, Vault vault) {}

  private final Cache<String, Session> sessions;
  Sessions(int limit, Duration idleTtl) {
    this.sessions = Caffeine.newBuilder()
        .expireAfterAccess(idleTtl)
        .maximumSize(limit)
        .scheduler(Scheduler.systemScheduler()) // expiry zeroes vaults on time, not on the next access
        .removalListener((@Nullable String id, @Nullable Session s, RemovalCause cause) -> {
          if (s != null) {
            s.vault().close();
          }
        })
        .build();
  }

  /** A new session owned by {@code ownerKeyId}, holding {@code vault}. */
  public Session create(String ownerKeyId, Vault vault) {
    byte[] id = new byte[12];
    RANDOM.nextBytes(id);
    Session session = new Session("sess_" + HexFormat.of().formatHex(id), ownerKeyId, requireNonNull(vault, "vault"));
    sessions.put(session.id(), session);
    return session;
  }

  /** The session {@code id} if it exists and {@code ownerKeyId} owns it; null otherwise. */
  public @Nullable Session get(String id, String ownerKeyId) {
    Session s = sessions.getIfPresent(id);
    return s != null && s.ownerKeyId().equals(ownerKeyId) ? s : null;
  }

  /** Zeroes and drops the session; false when it does not exist or belongs to another key. */
  public boolean delete(String id, String ownerKeyId) {
    Session s = get(id, ownerKeyId);
    if (s == null) {
      return false;
    }
    sessions.asMap().remove(id, s); // the removal listener zeroes the vault
    return true;
  }

  public long count() {
    sessions.cleanUp();
    return sessions.estimatedSize();
  }

  @Override
  public void close() {
    sessions.invalidateAll();
    sessions.cleanUp();
  }
}
