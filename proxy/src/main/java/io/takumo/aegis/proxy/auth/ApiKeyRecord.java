package io.takumo.aegis.proxy.auth;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.proxy.config.KeyEnvironment;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A stored API key (SPEC §7). Holds the SHA-256 of the raw key, never the key.
 *
 * @param sha256Hex lowercase hex of SHA-256(raw key)
 */
public record ApiKeyRecord(
    String id,
    String org,
    String name,
    String prefix,
    String sha256Hex,
    KeyEnvironment environment,
    Set<Scope> scopes,
    KeyStatus status,
    @Nullable Instant expiresAt,
    Instant createdAt) {

  public ApiKeyRecord {
    requireNonNull(id, "id");
    requireNonNull(org, "org");
    requireNonNull(name, "name");
    requireNonNull(prefix, "prefix");
    requireNonNull(environment, "environment");
    requireNonNull(status, "status");
    requireNonNull(createdAt, "createdAt");
    if (sha256Hex.length() != 64) {
      throw new IllegalArgumentException("sha256Hex: " + sha256Hex.length() + " characters (expected: 64)");
    }
    scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
  }

  public ApiKeyRecord withStatus(KeyStatus newStatus) {
    return new ApiKeyRecord(id, org, name, prefix, sha256Hex, environment, scopes, newStatus, expiresAt, createdAt);
  }
}
